#include <string.h>

#include "shadow_pt/shadow.h"

static bool reserved(const struct shadow_space *s, uint32_t mb)
{
	return mb - s->reserved_mb < s->reserved_mbs;
}

static void free_l2(struct shadow_space *s, unsigned idx)
{
	struct shadow_l2_info *info = &s->l2_info[idx];

	if (info->mb < 0)
		return;
	s->l1[info->mb] = L1_TYPE_FAULT;
	s->l2_of_mb[info->mb] = -1;
	info->mb = -1;
	s->stats.l2_drops++;
}

void shadow_init(struct shadow_space *s)
{
	for (uint32_t mb = 0; mb < L1_ENTRIES; mb++) {
		s->l2_of_mb[mb] = -1;
		if (!reserved(s, mb))
			s->l1[mb] = L1_TYPE_FAULT;
	}
	for (unsigned i = 0; i < s->l2_count; i++)
		s->l2_info[i].mb = -1;
	s->next_victim = 0;
}

void shadow_drop_all(struct shadow_space *s)
{
	for (unsigned i = 0; i < s->l2_count; i++)
		free_l2(s, i);
}

/* A free L2 table, evicting round-robin when the pool is full. */
static unsigned alloc_l2(struct shadow_space *s)
{
	for (unsigned i = 0; i < s->l2_count; i++)
		if (s->l2_info[i].mb < 0)
			return i;
	unsigned victim = s->next_victim;
	s->next_victim = (victim + 1) % s->l2_count;
	free_l2(s, victim);
	s->stats.l2_evictions++;
	return victim;
}

static void install_l2(struct shadow_space *s, unsigned idx, uint32_t mb, const struct shadow_fill_req *r,
		       enum dom_class cls, int proc_domain)
{
	memset(s->l2[idx], 0, sizeof(s->l2[idx]));
	s->l2_info[idx] = (struct shadow_l2_info){
		.mb = (int16_t)mb, .guest_domain = (uint8_t)r->guest_domain, .cls = (uint8_t)cls,
		.guest_table = r->guest_table,
	};
	s->l2_of_mb[mb] = (int16_t)idx;
	s->l1[mb] = s->table_phys(s->l2[idx]) | L1_TYPE_TABLE | L1_DOMAIN(proc_domain);
}

/* Derive for the current mode only, whatever the entry's natural class. */
static struct shadow_perm current_mode_perm(const struct shadow_fill_req *r)
{
	struct shadow_perm sp = dacr_shadow_perm(r->guest_dv, r->ap, r->xn, r->privileged, r->overlay);

	if (sp.cls == DOM_CLASS_KERNEL_ONLY && !r->privileged)
		sp.ap = AP_NONE;        /* kernel-only: nothing in User mode */
	sp.cls = DOM_CLASS_CURRENT_MODE;
	return sp;
}

enum shadow_fill_result shadow_fill(struct shadow_space *s, struct dacr_map *m,
				    const struct shadow_fill_req *r)
{
	uint32_t mb = r->va >> SECTION_SHIFT;
	struct shadow_perm sp = dacr_shadow_perm(r->guest_dv, r->ap, r->xn, r->privileged, r->overlay);
	int idx = s->l2_of_mb[mb];
	uint32_t evictions = s->stats.l2_evictions;
	bool changed = false;

	if (reserved(s, mb))
		return SHADOW_RESERVED_VA;
	if (idx >= 0 && (s->l2_info[idx].guest_domain != r->guest_domain ||
			 s->l2_info[idx].guest_table != r->guest_table)) {
		free_l2(s, (unsigned)idx);      /* the guest changed its L1 entry */
		idx = -1;
		changed = true;
	}
	if (idx >= 0 && s->l2_info[idx].cls != sp.cls) {
		sp = current_mode_perm(r);
		if (s->l2_info[idx].cls != DOM_CLASS_CURRENT_MODE) {
			/* Mixed classes in one MiB: the table becomes current-mode. */
			free_l2(s, (unsigned)idx);
			idx = -1;
			changed = true;
			s->stats.class_conversions++;
		}
	}
	int proc = dacr_map_domain(m, r->guest_domain, sp.cls);
	if (proc < 0)
		return SHADOW_NO_DOMAIN;
	if (idx < 0) {
		idx = (int)alloc_l2(s);
		install_l2(s, (unsigned)idx, mb, r, sp.cls, proc);
		s->stats.l2_allocs++;
	}
	uint32_t *pte = &s->l2[idx][(r->va >> PAGE_SHIFT) % L2_ENTRIES];
	changed |= *pte != L2_TYPE_FAULT || s->stats.l2_evictions != evictions;
	*pte = (r->hpa & L2_SMALL_ADDR_MASK) | L2_SMALL | L2_SMALL_AP(sp.ap) |
	       (sp.xn ? L2_SMALL_XN : 0u) | L2_SMALL_NG | r->attr;
	s->stats.fills++;
	return changed ? SHADOW_FILLED_CHANGED : SHADOW_FILLED;
}

unsigned shadow_l1_iterate(struct shadow_space *s, uint32_t domains, bool only_current_mode)
{
	unsigned dropped = 0;

	s->stats.l1_iterations++;
	for (uint32_t mb = 0; mb < L1_ENTRIES; mb++) {
		int idx = s->l2_of_mb[mb];
		if (idx < 0 || !(domains & (1u << s->l2_info[idx].guest_domain)))
			continue;
		if (only_current_mode && s->l2_info[idx].cls != DOM_CLASS_CURRENT_MODE)
			continue;
		free_l2(s, (unsigned)idx);
		dropped++;
	}
	return dropped;
}

bool shadow_lookup(const struct shadow_space *s, uint32_t va, uint32_t *hpa)
{
	int idx = s->l2_of_mb[va >> SECTION_SHIFT];

	if (idx < 0)
		return false;
	uint32_t pte = s->l2[idx][(va >> PAGE_SHIFT) % L2_ENTRIES];
	if (!(pte & L2_SMALL))
		return false;
	*hpa = (pte & L2_SMALL_ADDR_MASK) | (va & ~PAGE_MASK);
	return true;
}

void shadow_invalidate_page(struct shadow_space *s, uint32_t va)
{
	int idx = s->l2_of_mb[va >> SECTION_SHIFT];

	if (idx >= 0)
		s->l2[idx][(va >> PAGE_SHIFT) % L2_ENTRIES] = L2_TYPE_FAULT;
}

void shadow_guest_descriptor_written(struct shadow_space *s, uint32_t desc_gpa, int l1_mb)
{
	uint32_t table = desc_gpa & L1_TABLE_ADDR_MASK;
	uint32_t entry = (desc_gpa & ~L1_TABLE_ADDR_MASK) / 4u;

	if (l1_mb >= 0 && s->l2_of_mb[l1_mb] >= 0)
		free_l2(s, (unsigned)s->l2_of_mb[l1_mb]);
	for (unsigned i = 0; i < s->l2_count; i++)
		if (s->l2_info[i].mb >= 0 && s->l2_info[i].guest_table == table)
			s->l2[i][entry] = L2_TYPE_FAULT;
}
