#include <string.h>

#include "shadow_pt/shadow.h"

static bool reserved(const struct shadow_space *s, uint32_t mb)
{
	return mb - s->reserved_mb < s->reserved_mbs || shadow_stub_window_in(s, mb, 1);
}

static unsigned bucket_of(uint32_t guest_table)
{
	return (guest_table >> PAGE_SHIFT) % SHADOW_TABLE_BUCKETS;
}

static void unlink_from_bucket(struct shadow_pool *p, unsigned idx)
{
	int16_t *link = &p->bucket[bucket_of(p->info[idx].guest_table)];

	while (*link != (int16_t)idx)
		link = &p->info[*link].next_same_table;
	*link = p->info[idx].next_same_table;
}

/* Tables are listed by owner so that dropping a space's costs what it owns, not the pool's size. */
static void link_owned(struct shadow_pool *p, struct shadow_space *s, unsigned idx)
{
	p->info[idx].owned_prev = 0;
	p->info[idx].owned_next = s->owned_first;
	if (s->owned_first)
		p->info[s->owned_first - 1u].owned_prev = (uint16_t)(idx + 1u);
	s->owned_first = (uint16_t)(idx + 1u);
}

static void unlink_owned(struct shadow_pool *p, struct shadow_space *s, unsigned idx)
{
	const struct shadow_l2_info *info = &p->info[idx];

	if (info->owned_prev)
		p->info[info->owned_prev - 1u].owned_next = info->owned_next;
	else
		s->owned_first = info->owned_next;
	if (info->owned_next)
		p->info[info->owned_next - 1u].owned_prev = info->owned_prev;
}

/* Space `s` got its first table for MiB `mb` (`on`), or lost its last. */
static void note_mb_mapped(struct shadow_pool *p, struct shadow_space *s, uint32_t mb, bool on)
{
	uint32_t *word = &p->mb_spaces[mb * p->space_words + s->id / 32u], bit = 1u << (s->id % 32u);
	uint8_t *tables = &s->block_tables[mb / SHADOW_MB_BLOCK];

	*word = on ? *word | bit : *word & ~bit;
	*tables = (uint8_t)(on ? *tables + 1u : *tables - 1u);
}

static void free_l2(struct shadow_pool *p, unsigned idx)
{
	struct shadow_l2_info *info = &p->info[idx];
	struct shadow_space *s = info->owner;

	if (!s)
		return;
	for (unsigned v = 0; v < SHADOW_VIEWS; v++) {
		if (!(info->views & SHADOW_VIEW_BIT(v)))
			continue;
		s->l1[v][info->mb] = L1_TYPE_FAULT;
		s->l2_of_mb[info->mb][v] = -1;
	}
	if (!shadow_maps_mb(s, info->mb))
		note_mb_mapped(p, s, info->mb, false);
	s->stale_views |= info->views;
	if (info->guest_table)
		unlink_from_bucket(p, idx);
	unlink_owned(p, s, idx);
	info->owner = NULL;
	p->in_use--;
	s->stats.l2_drops++;
}

void shadow_pool_init(struct shadow_pool *p)
{
	for (unsigned i = 0; i < p->count; i++)
		p->info[i].owner = NULL;
	for (unsigned b = 0; b < SHADOW_TABLE_BUCKETS; b++)
		p->bucket[b] = -1;
	memset(p->mb_spaces, 0, L1_ENTRIES * p->space_words * sizeof(p->mb_spaces[0]));
	p->in_use = 0;
	p->next_victim = 0;
}

/* Whole tables at once (a root's first use): a loop over its 8,192 entries took 168,000 instructions. */
void shadow_init(struct shadow_space *s)
{
	uint32_t below = s->reserved_mb < L1_ENTRIES ? s->reserved_mb : L1_ENTRIES;
	uint32_t above = below + s->reserved_mbs < L1_ENTRIES ? below + s->reserved_mbs : L1_ENTRIES;

	_Static_assert(L1_TYPE_FAULT == 0, "empty L1 entries are zeros");
	memset(s->l2_of_mb, 0xff, L1_ENTRIES * sizeof(s->l2_of_mb[0]));        /* every index -1 */
	memset(s->block_tables, 0, sizeof(s->block_tables));
	for (unsigned v = 0; v < SHADOW_VIEWS; v++) {
		memset(s->l1[v], 0, below * sizeof(s->l1[v][0]));
		memset(&s->l1[v][above], 0, (L1_ENTRIES - above) * sizeof(s->l1[v][0]));
	}
	for (unsigned w = 0; w < SHADOW_STUB_WINDOWS; w++) {
		if (!s->stub_l1[w])
			continue;
		s->l1[SHADOW_VIEW_KERNEL][s->stub_mb[w]] = s->stub_l1[w];
		s->l1[SHADOW_VIEW_USER][s->stub_mb[w]] = L1_TYPE_FAULT;
	}
}

/* Free the tables of `s` in guest domains `domains` (a bit each), global-only ones too if `globals`. */
static unsigned drop_owned(struct shadow_space *s, uint32_t domains, bool globals)
{
	unsigned dropped = 0;

	for (unsigned link = s->owned_first; link;) {
		unsigned idx = link - 1u;
		const struct shadow_l2_info *info = &s->pool->info[idx];
		link = info->owned_next;
		if ((domains & (1u << info->guest_domain)) && (globals || !info->global_only)) {
			free_l2(s->pool, idx);
			dropped++;
		}
	}
	return dropped;
}

void shadow_drop_all(struct shadow_space *s)
{
	drop_owned(s, ~0u, true);
}

void shadow_drop_nonglobal(struct shadow_space *s)
{
	drop_owned(s, ~0u, false);
}

/* Forget MiB `mb` in both views. */
static void drop_mb(struct shadow_space *s, uint32_t mb)
{
	for (unsigned v = 0; v < SHADOW_VIEWS; v++)
		if (s->l2_of_mb[mb][v] >= 0)
			free_l2(s->pool, (unsigned)s->l2_of_mb[mb][v]);
}

void shadow_set_stub_window(struct shadow_space *s, unsigned w, uint32_t mb, uint32_t l1_desc)
{
	drop_mb(s, mb);
	s->stub_mb[w] = mb;
	s->stub_l1[w] = l1_desc;
	s->l1[SHADOW_VIEW_KERNEL][mb] = l1_desc;        /* was empty: nothing cached to invalidate */
	s->l1[SHADOW_VIEW_USER][mb] = L1_TYPE_FAULT;
}

void shadow_clear_stub_window(struct shadow_space *s, unsigned w)
{
	if (!s->stub_l1[w])
		return;
	s->l1[SHADOW_VIEW_KERNEL][s->stub_mb[w]] = L1_TYPE_FAULT;
	s->stub_l1[w] = 0;
	s->stale_views |= SHADOW_VIEW_BIT(SHADOW_VIEW_KERNEL);
}

/* A free L2 table, evicting round-robin (whichever space owns it) when the pool is full. */
static unsigned alloc_l2(struct shadow_space *s)
{
	struct shadow_pool *p = s->pool;

	for (unsigned n = 0; p->in_use < p->count && n < p->count; n++) {
		unsigned i = (p->next_victim + n) % p->count;
		if (!p->info[i].owner) {
			p->next_victim = (i + 1) % p->count;
			return i;
		}
	}
	unsigned victim = p->next_victim;
	p->next_victim = (victim + 1) % p->count;
	free_l2(p, victim);
	s->stats.l2_evictions++;
	return victim;
}

static void install_l2(struct shadow_space *s, unsigned idx, uint32_t mb, unsigned views,
		       const struct shadow_fill_req *r, enum dom_class cls, int proc_domain)
{
	struct shadow_pool *p = s->pool;

	memset(p->l2[idx], 0, sizeof(p->l2[idx]));
	p->info[idx] = (struct shadow_l2_info){
		.owner = s, .mb = (uint16_t)mb, .views = (uint8_t)views,
		.guest_domain = (uint8_t)r->guest_domain, .cls = (uint8_t)cls,
		.next_same_table = -1, .guest_table = r->guest_table, .global_only = true,
	};
	link_owned(p, s, idx);
	if (!shadow_maps_mb(s, mb))
		note_mb_mapped(p, s, mb, true);
	if (r->guest_table) {
		int16_t *head = &p->bucket[bucket_of(r->guest_table)];
		p->info[idx].next_same_table = *head;
		*head = (int16_t)idx;
	}
	for (unsigned v = 0; v < SHADOW_VIEWS; v++) {
		if (!(views & SHADOW_VIEW_BIT(v)))
			continue;
		s->l2_of_mb[mb][v] = (int16_t)idx;
		s->l1[v][mb] = p->table_phys(p->l2[idx]) | L1_TYPE_TABLE | L1_DOMAIN(proc_domain);
	}
	p->in_use++;
	s->stats.l2_allocs++;
}

/* Entry `sp`, derived for the filled view's mode only, whatever its natural class. */
static struct shadow_perm view_perm(struct shadow_perm sp, bool privileged)
{
	if (sp.cls == DOM_CLASS_KERNEL_ONLY && !privileged)
		sp.ap = AP_NONE;        /* kernel-only: nothing in User mode */
	sp.cls = DOM_CLASS_CURRENT_MODE;
	return sp;
}

/* Do the MiB's tables still mirror the L1 entry the guest has now? */
static bool mirrors(const struct shadow_space *s, uint32_t mb, const struct shadow_fill_req *r)
{
	for (unsigned v = 0; v < SHADOW_VIEWS; v++) {
		int idx = s->l2_of_mb[mb][v];
		if (idx >= 0 && (s->pool->info[idx].guest_domain != r->guest_domain ||
				 s->pool->info[idx].guest_table != r->guest_table))
			return false;
	}
	return true;
}

enum shadow_fill_result shadow_fill(struct shadow_space *s, struct dacr_map *m,
				    const struct shadow_fill_req *r)
{
	uint32_t mb = r->va >> SECTION_SHIFT;
	enum shadow_view view = shadow_view_of(r->privileged);
	struct shadow_perm sp = dacr_shadow_perm(r->guest_dv, r->ap, r->xn, r->privileged, r->overlay);
	bool view_table;

	if (reserved(s, mb))
		return SHADOW_RESERVED_VA;
	if (!mirrors(s, mb, r))
		drop_mb(s, mb);         /* the guest changed its L1 entry */
	int idx = s->l2_of_mb[mb][view];
	if (idx < 0) {
		/* The other view holds a view table (a shared one would be in both): mixed MiB. */
		view_table = sp.cls == DOM_CLASS_CURRENT_MODE || s->l2_of_mb[mb][!view] >= 0;
	} else if (s->pool->info[idx].cls == DOM_CLASS_CURRENT_MODE) {
		view_table = true;
	} else if (s->pool->info[idx].cls != sp.cls) {
		/* Mixed classes in one MiB: the shared table becomes a view table per mode. */
		drop_mb(s, mb);
		idx = -1;
		view_table = true;
		s->stats.class_conversions++;
	} else {
		view_table = false;
	}
	if (view_table)
		sp = view_perm(sp, r->privileged);
	int proc = dacr_map_domain(m, r->guest_domain, sp.cls);
	if (proc < 0)
		return SHADOW_NO_DOMAIN;
	if (idx < 0) {
		idx = (int)alloc_l2(s);
		install_l2(s, (unsigned)idx, mb, view_table ? SHADOW_VIEW_BIT(view) : SHADOW_ALL_VIEWS,
			   r, sp.cls, proc);
	}
	uint32_t *pte = &s->pool->l2[idx][(r->va >> PAGE_SHIFT) % L2_ENTRIES];
	if (*pte != L2_TYPE_FAULT)
		s->stale_views |= s->pool->info[idx].views;
	s->pool->info[idx].global_only &= r->global;
	*pte = (r->hpa & L2_SMALL_ADDR_MASK) | L2_SMALL | L2_SMALL_AP(sp.ap) |
	       (sp.xn ? L2_SMALL_XN : 0u) | L2_SMALL_NG | r->attr;
	s->stats.fills++;
	return SHADOW_FILLED;
}

unsigned shadow_l1_iterate(struct shadow_space *s, uint32_t domains)
{
	s->stats.l1_iterations++;
	return drop_owned(s, domains, true);
}

void shadow_forget_frame_at(struct shadow_space *s, uint32_t va, uint32_t hpa)
{
	for (unsigned v = 0; v < SHADOW_VIEWS; v++) {
		int idx = s->l2_of_mb[va >> SECTION_SHIFT][v];
		if (idx < 0)
			continue;
		uint32_t *pte = &s->pool->l2[idx][(va >> PAGE_SHIFT) % L2_ENTRIES];
		if (*pte == L2_TYPE_FAULT || (*pte & L2_SMALL_ADDR_MASK) != (hpa & L2_SMALL_ADDR_MASK))
			continue;
		*pte = L2_TYPE_FAULT;
		s->stale_views |= s->pool->info[idx].views;
	}
}

void shadow_pool_descriptor_written(struct shadow_pool *p, uint32_t desc_gpa)
{
	uint32_t table = desc_gpa & L1_TABLE_ADDR_MASK;
	uint32_t entry = (desc_gpa & ~L1_TABLE_ADDR_MASK) / 4u;

	for (int i = p->bucket[bucket_of(table)]; i >= 0; i = p->info[i].next_same_table) {
		uint32_t *pte = &p->l2[i][entry];
		if (p->info[i].guest_table != table || *pte == L2_TYPE_FAULT)
			continue;
		*pte = L2_TYPE_FAULT;
		p->info[i].owner->stale_views |= p->info[i].views;
	}
}

bool shadow_pool_derives_from_table(const struct shadow_pool *p, uint32_t table_gpa)
{
	uint32_t table = table_gpa & L1_TABLE_ADDR_MASK;

	for (int i = p->bucket[bucket_of(table)]; i >= 0; i = p->info[i].next_same_table)
		if (p->info[i].guest_table == table)
			return true;
	return false;
}

bool shadow_can_seed_from(const struct shadow_space *s, const struct shadow_space *donor, uint32_t mb,
			  enum shadow_view view)
{
	int to = s->l2_of_mb[mb][view], from = donor->l2_of_mb[mb][view];

	if (to < 0 || from < 0 || to == from || s->pool != donor->pool)
		return false;
	const struct shadow_l2_info *mine = &s->pool->info[to], *theirs = &s->pool->info[from];
	return theirs->global_only && mine->guest_table == theirs->guest_table &&
	       mine->guest_domain == theirs->guest_domain && mine->cls == theirs->cls && mine->views == theirs->views;
}

bool shadow_seed_new_table(struct shadow_space *s, const struct shadow_space *donor, uint32_t va,
			   enum shadow_view view)
{
	uint32_t mb = va >> SECTION_SHIFT;

	if (!shadow_can_seed_from(s, donor, mb, view))
		return false;
	uint32_t *dst = s->pool->l2[s->l2_of_mb[mb][view]];
	unsigned made = (va >> PAGE_SHIFT) % L2_ENTRIES;
	uint32_t entry = dst[made];
	memcpy(dst, s->pool->l2[donor->l2_of_mb[mb][view]], L2_TABLE_SIZE);
	dst[made] = entry;
	s->stats.seeded++;
	return true;
}

void shadow_l1_descriptor_written(struct shadow_space *s, uint32_t mb)
{
	drop_mb(s, mb);
}
