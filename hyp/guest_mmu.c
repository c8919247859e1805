#include <stddef.h>
#include <string.h>

#include "arch/arm/barrier.h"
#include "arch/arm/cp15.h"
#include "arch/arm/fsr_bits.h"
#include "arch/arm/mmu.h"
#include "arch/arm/sctlr_bits.h"
#include "dacr/domains.h"
#include "generated/config.h"
#include "hyp/guest_mmu.h"
#include "hyp/guest_tables.h"
#include "hyp/log.h"
#include "hyp/stubs.h"
#include "shadow_pt/flat.h"

#define CONTEXTIDR_ASID_MASK 0xffu

#define FRAME_VA_SET     1u
#define FRAME_VA_MANY    2u

/*
 * Each guest has processor ASIDs of its own: one for its flat map, two per
 * shadow root. No translation of one guest is ever global, so another
 * guest's TLB entries never match: a guest switch needs no TLB maintenance.
 */
#define ASIDS_PER_GUEST (1u + 2u * SHADOW_ROOT_SLOTS)
_Static_assert(MMU_RESERVED_ASID == 0u && CONFIG_GUESTS_MAX * ASIDS_PER_GUEST <= 255u,
	       "GUESTS_MAX x (2 x SHADOW_ROOTS + 3) processor ASIDs must fit in 1-255");

void guest_mmu_init(struct guest *g)
{
	g->mmu.on = false;
	g->mmu.processor_dacr = DACR_HYP_GUEST_FLAT;
	g->mmu.asid_base = MMU_RESERVED_ASID + 1u + g->index * ASIDS_PER_GUEST;
}

bool guest_mmu_on(const struct vcpu *v)
{
	return v->cp15.sctlr & SCTLR_M;
}

/*
 * The guest L1 tables of `root`'s registers: TTBR0's (16 KiB >> TTBCR.N)
 * and, with TTBCR.N, TTBR1's (16 KiB). Kept in the root: each change of
 * an L1 descriptor and each root reuse asks for them (l1_index_of(),
 * mark_l1_pages()).
 */
static void note_l1_tables(struct shadow_root *root)
{
	uint32_t n = root->ttbcr & TTBCR_N_MASK;

	root->l1_size[0] = L1_TABLE_SIZE >> n;
	root->l1_base[0] = root->ttbr0 & ~(root->l1_size[0] - 1u);
	root->l1_size[1] = L1_TABLE_SIZE;
	root->l1_base[1] = root->ttbr1 & ~(L1_TABLE_SIZE - 1u);
	root->l1_tables = n ? 2u : 1u;
}

/* The L1 index a guest descriptor at `gpa` has in the tables of `root`, or -1. */
static int l1_index_of(const struct shadow_root *root, uint32_t gpa)
{
	for (unsigned t = 0; t < root->l1_tables; t++)
		if (gpa - root->l1_base[t] < root->l1_size[t])
			return (int)((gpa - root->l1_base[t]) / 4u);
	return -1;
}

/* Which valid root's L1 table guest RAM page `gpa` holds (l1_page_root: index + 1, 0, or several). */
static uint8_t l1_page_owner(const struct guest *g, uint32_t gpa)
{
	return g->mmu.l1_page_root[(gpa - g->ram.gpa_base) >> PAGE_SHIFT];
}

/* Does one of `root`'s L1 tables lie in guest page `page`? */
static bool l1_in_page(const struct shadow_root *root, uint32_t page)
{
	for (unsigned t = 0; t < root->l1_tables; t++)
		if (page - (root->l1_base[t] & PAGE_MASK) < root->l1_size[t])
			return true;
	return false;
}

bool guest_mmu_l1_block_used(const struct guest *g, uint32_t desc_gpa)
{
	uint8_t owner = l1_page_owner(g, desc_gpa);

	if (!owner || owner == L1_PAGE_SEVERAL)
		return true;    /* (none: not a page of L1 table, which the caller asked first) */
	const struct shadow_root *root = &g->mmu.root[owner - 1u];
	int mb = l1_index_of(root, desc_gpa);
	return mb < 0 || shadow_maps_block(&root->s, (uint32_t)mb);
}

/* The valid roots but `gone` with an L1 table in guest page `page`, as l1_page_root says them. */
static uint8_t l1_page_others(const struct guest_mmu_state *m, const struct shadow_root *gone, uint32_t page)
{
	uint8_t owner = 0;

	for_each_valid_root(m, i) {
		if (&m->root[i] == gone || !l1_in_page(&m->root[i], page))
			continue;
		if (owner)
			return L1_PAGE_SEVERAL;
		owner = (uint8_t)(i + 1u);
	}
	return owner;
}

/*
 * Mark (or unmark) the guest RAM pages of `root`'s L1 tables as holding
 * them (l1_page_root). A page several roots hold is marked so: a
 * descriptor change there asks every root; unmarking one asks the others.
 */
static void mark_l1_pages(struct guest *g, const struct shadow_root *root, bool on)
{
	uint8_t me = (uint8_t)(root - g->mmu.root + 1);

	for (unsigned t = 0; t < root->l1_tables; t++) {
		for (uint32_t gpa = root->l1_base[t]; gpa - root->l1_base[t] < root->l1_size[t]; gpa += PAGE_SIZE) {
			if (!shadow_flat_in_ram(&g->flat, gpa))
				continue;
			uint8_t *owner = &g->mmu.l1_page_root[(gpa - g->ram.gpa_base) >> PAGE_SHIFT];
			if (on)
				*owner = !*owner || *owner == me ? me : L1_PAGE_SEVERAL;
			else if (*owner == me)
				*owner = 0;
			else if (*owner == L1_PAGE_SEVERAL)
				*owner = l1_page_others(&g->mmu, root, gpa & PAGE_MASK);
		}
	}
}

/* Invalidate the TLB entries of the views of `root` that went stale. */
static void flush_stale(struct shadow_root *root)
{
	if (!root->s.stale_views)
		return;
	for (unsigned v = 0; v < SHADOW_VIEWS; v++)
		if (root->s.stale_views & SHADOW_VIEW_BIT(v))
			tlb_invalidate_asid(root->view_asid[v]);
	root->s.stale_views = 0;
}

/* If `desc_gpa` holds an L1 entry of `root`: what the root derived from it goes. */
static void l1_descriptor_written(struct guest *g, struct shadow_root *root, uint32_t desc_gpa)
{
	int mb = l1_index_of(root, desc_gpa);

	if (mb >= 0) {
		shadow_l1_descriptor_written(&root->s, (uint32_t)mb);
		stubs_l1_written(g, (uint32_t)mb);
	}
}

void guest_mmu_descriptor_changed(struct guest *g, uint32_t desc_gpa)
{
	struct guest_mmu_state *m = &g->mmu;

	shadow_pool_descriptor_written(&m->pool, desc_gpa);
	if (!guest_tables_holds_l1(g, desc_gpa))
		return;         /* an L2 descriptor: nearly every one Linux changes */
	uint8_t owner = l1_page_owner(g, desc_gpa);
	if (owner != L1_PAGE_SEVERAL) {
		l1_descriptor_written(g, &m->root[owner - 1u], desc_gpa);
		return;
	}
	for_each_valid_root(m, i)
		l1_descriptor_written(g, &m->root[i], desc_gpa);
}

void guest_mmu_flush_stale(struct guest *g)
{
	flush_stale(g->mmu.cur);      /* the other roots' views: when they run again */
}

uint32_t guest_mmu_check(struct vcpu *v, uint32_t va, enum guest_access access,
			 struct guest_walk_result *w)
{
	const struct guest_walk_regs regs = {
		.ttbr0 = v->cp15.ttbr0, .ttbr1 = v->cp15.ttbr1, .ttbcr = v->cp15.ttbcr,
		.sctlr = v->cp15.sctlr, .id_mmfr0 = v->id->id_mmfr[0],
	};

	guest_walk(&regs, va, guest_ram_read_word, &v->guest->flat, w);
	if (v->guest->mmu.on)
		guest_tables_walked(v->guest, w);
	if (!w->ok) {
		if (w->unsupported) {
			v->stop_reason = w->unsupported;
			return fsr_make(FS_TRANS_SECTION);
		}
		return fsr_make(w->fault_status) | (w->domain << FSR_DOMAIN_SHIFT);
	}
	return guest_access_fault(w, v->cp15.dacr, vcpu_privileged(v), access);
}

uint32_t guest_mmu_translate(struct vcpu *v, uint32_t va, enum guest_access access, uint32_t *gpa)
{
	struct guest_walk_result w;
	uint32_t fsr;

	if (!guest_mmu_on(v)) {
		*gpa = va;
		return 0;
	}
	if ((fsr = guest_mmu_check(v, va, access, &w)))
		return fsr;
	*gpa = w.pa;
	return 0;
}

bool guest_mmu_runs_mode(const struct guest *g, bool privileged)
{
	const struct guest_mmu_state *m = &g->mmu;

	return !m->on || (!m->half_switched && m->view == shadow_view_of(privileged) &&
			  m->cur->map.privileged == privileged);
}

bool guest_mmu_fetched_from(const struct guest *g, uint32_t va, uint32_t *gpa)
{
	uint32_t hpa;

	if (!g->mmu.on || !shadow_lookup(&g->mmu.cur->s, g->mmu.view, va, &hpa) ||
	    hpa - g->ram.hpa_base >= g->ram.size)
		return false;
	*gpa = hpa - g->ram.hpa_base + g->ram.gpa_base;
	return true;
}

static void remember_registers(struct guest *g)
{
	const struct vcpu_cp15 *c = &g->vcpu.cp15;

	g->mmu.sctlr = c->sctlr;
	g->mmu.ttbr0 = c->ttbr0;
	g->mmu.ttbr1 = c->ttbr1;
	g->mmu.ttbcr = c->ttbcr;
	g->mmu.contextidr = c->contextidr;
}

static void write_processor_dacr(struct guest *g, uint32_t dacr)
{
	if (dacr != g->mmu.processor_dacr) {
		cp15_write_dacr(dacr);
		isb();
		g->mmu.processor_dacr = dacr;
	}
}

/* Run view `view` of the running root: TTBR0 and ASID only, the TLB keeps the other view's entries. */
static inline void switch_view(struct guest_mmu_state *m, struct shadow_root *root, enum shadow_view view)
{
	flush_stale(root);
	if (m->view == view)
		return;
	m->view_switches++;
	m->view = view;
	mmu_switch_shadow(root->view_ttbr0[view], root->view_asid[view]);
}

/* Run `root`'s view `view`. */
static void activate(struct guest *g, struct shadow_root *root, enum shadow_view view)
{
	struct guest_mmu_state *m = &g->mmu;

	if (m->cur == root) {
		switch_view(m, root, view);
		return;
	}
	stubs_root_runs(g, root);       /* may protect a table page again, which stales views: first */
	flush_stale(root);
	m->root_switches++;
	m->cur = root;
	m->view = view;
	mmu_switch_shadow(root->view_ttbr0[view], root->view_asid[view]);
}

/* Empty `root` and give it to the address space of the guest's current registers. */
static void reuse_root(struct guest *g, struct shadow_root *root, uint32_t asid)
{
	const struct vcpu_cp15 *c = &g->vcpu.cp15;
	struct guest_mmu_state *m = &g->mmu;
	unsigned index = (unsigned)(root - m->root);

	/* Cleared here rather than when the shadow starts: a few dozen thousand instructions each. */
	if (!root->tables_ready) {
		for (unsigned v = 0; v < SHADOW_VIEWS; v++)
			mmu_copy_hyp_window(root->s.l1[v]);
		shadow_init(&root->s);
		root->tables_ready = true;
	}
	shadow_drop_all(&root->s);
	root->s.stale_views = SHADOW_ALL_VIEWS;    /* its ASIDs served another address space */
	dacr_map_reset(&root->map, c->dacr, vcpu_privileged(&g->vcpu));
	if (guest_mmu_root_valid(m, index))
		mark_l1_pages(g, root, false);
	m->valid_roots[index / 32u] |= 1u << (index % 32u);
	root->ttbr0 = c->ttbr0;
	root->ttbr1 = c->ttbr1;
	root->ttbcr = c->ttbcr;
	note_l1_tables(root);
	root->stub_windows_checked = 0;
	root->asid = asid;
	mark_l1_pages(g, root, true);
}

/* Run `root`, which catches up with the guest's DACR and mode. */
static void run_root(struct guest *g, struct shadow_root *root)
{
	const struct vcpu_cp15 *c = &g->vcpu.cp15;
	bool privileged = vcpu_privileged(&g->vcpu);

	if (g->mmu.cur != root)
		g->mmu.previous = g->mmu.cur;
	root->last_used = ++g->mmu.clock;
	uint32_t rederive = dacr_map_set_guest_dacr(&root->map, c->dacr);
	dacr_map_set_mode(&root->map, privileged);
	if (rederive)
		shadow_l1_iterate(&root->s, rederive);
	activate(g, root, shadow_view_of(privileged));
	write_processor_dacr(g, dacr_map_processor_dacr(&root->map));
}

/* The root cached for the registers `c` and ASID `asid`, or NULL. */
static struct shadow_root *cached_root(struct guest_mmu_state *m, const struct vcpu_cp15 *c, uint32_t asid)
{
	for_each_valid_root(m, i) {
		struct shadow_root *r = &m->root[i];
		if (r->ttbr0 == c->ttbr0 && r->ttbr1 == c->ttbr1 && r->ttbcr == c->ttbcr && r->asid == asid)
			return r;
	}
	return NULL;
}

/*
 * The most recently run root (not the scratch one) cached for the
 * registers `c` under another ASID, or NULL. The guest gave that table a
 * new ASID: Linux does when a new process gets the tables of one that
 * exited, and at every new ASID generation. The old pair is dead then;
 * kept beside the new one, each of these roots would have to follow every
 * change to the table's L1 page.
 */
static struct shadow_root *root_of_table(struct guest_mmu_state *m, const struct vcpu_cp15 *c)
{
	struct shadow_root *found = NULL;

	for_each_valid_root(m, i) {
		struct shadow_root *r = &m->root[i];
		if (i != SHADOW_SCRATCH_ROOT && r->ttbr0 == c->ttbr0 && r->ttbr1 == c->ttbr1 && r->ttbcr == c->ttbcr &&
		    (!found || r->last_used > found->last_used))
			found = r;
	}
	return found;
}

/*
 * Give `root` to ASID `asid` for the same tables: what it derived from
 * non-global entries goes (a TLB holds none for a new ASID, and these may
 * predate table changes not yet reported); the global part stays, as it
 * would in a TLB.
 */
static void retag_root(struct guest_mmu_state *m, struct shadow_root *root, uint32_t asid)
{
	shadow_drop_nonglobal(&root->s);
	root->s.stale_views = SHADOW_ALL_VIEWS;    /* its ASIDs served the old one */
	root->asid = asid;
	m->root_retags++;
}

/*
 * The guest wrote a new ASID. One written again with one other between is
 * taken for B3.10.4's reserved ASID, which a guest writes at every context
 * switch before TTBR0 and the new ASID: retagging a root to it
 * (select_root()) would take the root from the pair that follows. (Linux
 * writes the new ASID first, and no other; two of its processes taking
 * turns mark one of their ASIDs, which no new table gets.)
 */
static void note_asid_written(struct guest_mmu_state *m, uint32_t asid)
{
	if (asid == m->asid_written[1])
		m->transient_asid = asid;
	m->asid_written[1] = m->asid_written[0];
	m->asid_written[0] = asid;
}

/*
 * The guest's TTBRs, TTBCR or ASID changed: run the root cached for them,
 * else the one cached for the same tables under another ASID, retagged,
 * else the least recently used one, emptied. A context switch writes
 * CONTEXTIDR and TTBR0 one after the other, and the pair in between, half
 * old and half new (only one of them differs from the running root's),
 * runs a few instructions of kernel code: the running root stays, as a TLB
 * may keep serving the old entries until the switch is complete, and no
 * root is evicted for that pair. Only if it faults does it get a root: the
 * scratch one (settle_half_switch()).
 */
static void select_root(struct guest *g)
{
	struct guest_mmu_state *m = &g->mmu;
	const struct vcpu_cp15 *c = &g->vcpu.cp15;
	uint32_t asid = c->contextidr & CONTEXTIDR_ASID_MASK;
	struct shadow_root *root, *cur = m->cur;

	m->half_switched = false;
	if ((root = cached_root(m, c, asid))) {
		m->root_hits++;
	} else if (cur && cur->ttbr1 == c->ttbr1 && cur->ttbcr == c->ttbcr &&
		   (cur->ttbr0 == c->ttbr0) != (cur->asid == asid)) {
		m->half_switched = true;
		m->half_switches++;
		root = cur;
	} else if (asid != m->transient_asid && (root = root_of_table(m, c))) {
		retag_root(m, root, asid);
	} else {
		/* A free root, else the least recently used one. */
		unsigned pick = 0;
		for (unsigned i = 1; i < SHADOW_ROOTS && guest_mmu_root_valid(m, pick); i++)
			if (!guest_mmu_root_valid(m, i) || m->root[i].last_used < m->root[pick].last_used)
				pick = i;
		root = &m->root[pick];
		reuse_root(g, root, asid);
	}
	run_root(g, root);
}

/* A half-switched guest needs a fill: from now on the scratch root is its own. */
static void settle_half_switch(struct guest *g)
{
	struct guest_mmu_state *m = &g->mmu;
	struct shadow_root *scratch = &m->root[SHADOW_SCRATCH_ROOT];

	reuse_root(g, scratch, g->vcpu.cp15.contextidr & CONTEXTIDR_ASID_MASK);
	m->half_switched = false;
	m->scratch_uses++;
	run_root(g, scratch);
}

static void shadow_on(struct guest *g)
{
	struct guest_mmu_state *m = &g->mmu;

	m->pool = (struct shadow_pool){
		.l2 = m->pool_l2, .info = m->pool_info, .count = CONFIG_SHADOW_L2_TABLES,
		.table_phys = hyp_virt_to_phys, .mb_spaces = m->pool_mb_roots[0], .space_words = SHADOW_ROOT_WORDS,
	};
	shadow_pool_init(&m->pool);
	for (unsigned i = 0; i < SHADOW_ROOT_SLOTS; i++) {
		struct shadow_root *root = &m->root[i];
		root->s = (struct shadow_space){
			.l1 = { m->root_l1[i][SHADOW_VIEW_KERNEL], m->root_l1[i][SHADOW_VIEW_USER] },
			.l2_of_mb = m->root_l2_of_mb[i], .pool = &m->pool, .id = (uint16_t)i,
			.reserved_mb = mmu_hyp_window_first_mb(), .reserved_mbs = mmu_hyp_window_mbs(),
		};
		for (unsigned v = 0; v < SHADOW_VIEWS; v++) {     /* root i: the guest's ASIDs 2i+1 and 2i+2 */
			root->view_ttbr0[v] = mmu_ttbr0_of(root->s.l1[v]);
			root->view_asid[v] = m->asid_base + 1u + 2u * i + v;
		}
		root->tables_ready = false;
	}
	memset(m->valid_roots, 0, sizeof(m->valid_roots));
	memset(m->l1_page_root, 0, sizeof(m->l1_page_root));
	guest_tables_reset(g);
	remember_registers(g);
	m->cur = m->previous = NULL;
	m->transient_asid = m->asid_written[0] = m->asid_written[1] = NO_TRANSIENT_ASID;
	m->half_switched = false;
	m->on = true;
	select_root(g);
	tlb_invalidate_all();   /* the roots' ASIDs may hold entries from when the MMU was last on */
}

static void shadow_off(struct guest *g)
{
	stubs_remove_all(g);
	g->mmu.on = false;
	g->mmu.cur = NULL;
	shadow_flat_use(&g->flat, g->mmu.asid_base);
	write_processor_dacr(g, DACR_HYP_GUEST_FLAT);
}

/*
 * The guest changed its DACR (`rederive`: the guest domains whose shadow
 * tables the mapping cannot keep) or its mode (`mode_changed`).
 */
static void follow_guest(struct guest *g, uint32_t rederive, bool mode_changed)
{
	struct guest_mmu_state *m = &g->mmu;

#ifdef CONFIG_SHADOW_STRATEGY_FLUSH_ALL
	(void)rederive;
	dacr_map_reset(&m->cur->map, g->vcpu.cp15.dacr, vcpu_privileged(&g->vcpu));
	shadow_drop_all(&m->cur->s);
#else
	if (rederive)
		shadow_l1_iterate(&m->cur->s, rederive);
#endif
	if (mode_changed)
		activate(g, m->cur, shadow_view_of(vcpu_privileged(&g->vcpu)));
	flush_stale(m->cur);
	write_processor_dacr(g, dacr_map_processor_dacr(&m->cur->map));
}

void guest_mmu_drop_all(struct guest *g)
{
	if (!g->mmu.on)
		return;
	for (unsigned i = 0; i < SHADOW_ROOT_SLOTS; i++) {
		shadow_drop_all(&g->mmu.root[i].s);
		g->mmu.root[i].s.stale_views = 0;
	}
	tlb_invalidate_all();
}

void guest_mmu_forget_frame(struct guest *g, uint32_t gpa)
{
	struct guest_mmu_state *m = &g->mmu;
	uint32_t *where = g->mmu.frame_va[(gpa - g->ram.gpa_base) >> PAGE_SHIFT];
	uint32_t hpa = (gpa & PAGE_MASK) - g->ram.gpa_base + g->ram.hpa_base;

	if (!m->on || !where[0])
		return;
	if (where[0] & FRAME_VA_MANY) {
		m->frame_forget_all++;
		guest_mmu_drop_all(g);
	} else {
		m->frame_forget_one++;
		for (unsigned n = 0; n < FRAME_VAS && where[n]; n++)
			for_each_valid_root(m, i)
				shadow_forget_frame_at(&m->root[i].s, where[n] & PAGE_MASK, hpa);
		flush_stale(m->cur);
	}
	for (unsigned n = 0; n < FRAME_VAS; n++)
		where[n] = 0;
}

/* Whether `root` maps host frame `hpa` at `va`, in either view. */
static bool root_maps_frame_at(const struct shadow_root *root, uint32_t va, uint32_t hpa)
{
	uint32_t found;

	for (unsigned v = 0; v < SHADOW_VIEWS; v++)
		if (shadow_lookup(&root->s, (enum shadow_view)v, va, &found) && (found & PAGE_MASK) == hpa)
			return true;
	return false;
}

/* Whether any shadow still maps host frame `hpa` at `va`: the running root first, the likeliest. */
static bool frame_mapped_at(const struct guest_mmu_state *m, uint32_t va, uint32_t hpa)
{
	if (root_maps_frame_at(m->cur, va, hpa))
		return true;
	for_each_valid_root(m, i)
		if (&m->root[i] != m->cur && root_maps_frame_at(&m->root[i], va, hpa))
			return true;
	return false;
}

/*
 * Remember that guest RAM page `gpa` is mapped at `va` (see frame_va).
 * When its records are full, one whose mapping has gone from every shadow
 * since (dropped, evicted, replaced) makes room. Without that, a page the
 * guest reuses at other addresses soon counts as mapped at "many", and the
 * next change of restrictions on it (it now holds a table, or code) drops
 * every shadow: 977 times while Debian's kernel boots.
 */
static void note_frame_va(struct guest *g, uint32_t gpa, uint32_t va)
{
	uint32_t *where = g->mmu.frame_va[(gpa - g->ram.gpa_base) >> PAGE_SHIFT];
	uint32_t hpa = (gpa & PAGE_MASK) - g->ram.gpa_base + g->ram.hpa_base;

	for (unsigned n = 0; n < FRAME_VAS; n++) {
		if (!where[n]) {
			where[n] = (va & PAGE_MASK) | FRAME_VA_SET;
			return;
		}
		if ((where[n] & PAGE_MASK) == (va & PAGE_MASK))
			return;
	}
	if (where[0] & FRAME_VA_MANY)
		return;
	for (unsigned n = 0; n < FRAME_VAS; n++) {
		if (!frame_mapped_at(&g->mmu, where[n] & PAGE_MASK, hpa)) {
			where[n] = (va & PAGE_MASK) | FRAME_VA_SET;
			g->mmu.frame_records_reused++;
			return;
		}
	}
	where[0] |= FRAME_VA_MANY;
}

/* Whether any shadow maps host frame `hpa` at `va` executable, in either view. */
static bool frame_runs_at(const struct guest_mmu_state *m, uint32_t va, uint32_t hpa)
{
	for_each_valid_root(m, i) {
		for (unsigned v = 0; v < SHADOW_VIEWS; v++) {
			uint32_t pte = shadow_lookup_pte(&m->root[i].s, (enum shadow_view)v, va);
			if ((pte & L2_SMALL) && !(pte & L2_SMALL_XN) && (pte & L2_SMALL_ADDR_MASK) == hpa)
				return true;
		}
	}
	return false;
}

/* Linux's vector page is also in its linear map, as data (execute-never): it may hold stubs. */
bool guest_mmu_frame_runs_only_at(struct guest *g, uint32_t gpa, uint32_t va)
{
	const uint32_t *where = g->mmu.frame_va[(gpa - g->ram.gpa_base) >> PAGE_SHIFT];
	uint32_t hpa = (gpa & PAGE_MASK) - g->ram.gpa_base + g->ram.hpa_base;

	if (where[0] & FRAME_VA_MANY)
		return false;
	for (unsigned n = 0; n < FRAME_VAS && where[n]; n++)
		if ((where[n] & PAGE_MASK) != (va & PAGE_MASK) && frame_runs_at(&g->mmu, where[n] & PAGE_MASK, hpa))
			return false;
	return true;
}

static bool domain_is_manager(uint32_t dacr, uint32_t domain)
{
	return ((dacr >> (2u * domain)) & 3u) == GUEST_DV_MANAGER;
}

/*
 * Could `donor`, whose tables fit (shadow_can_seed_from()), seed `root`'s
 * table for the MiB of `va` (see seed_new_table())?
 */
static bool may_seed(struct guest *g, const struct shadow_root *root, const struct shadow_root *donor,
		     uint32_t va, const struct guest_walk_result *w, uint32_t l1_desc)
{
	uint32_t desc_gpa, desc;
	const struct guest_walk_regs regs = { .ttbr0 = donor->ttbr0, .ttbr1 = donor->ttbr1, .ttbcr = donor->ttbcr };

	return domain_is_manager(donor->map.guest_dacr, w->domain) == domain_is_manager(root->map.guest_dacr, w->domain) &&
	       guest_walk_l1_address(&regs, va, &desc_gpa) && guest_tables_reflected(g, desc_gpa, &desc) &&
	       desc == l1_desc;
}

/* Is `r`, not `skip`, a donor latest_donor() may choose? */
static bool donor_fits(struct guest *g, const struct shadow_root *root, const struct shadow_root *r, uint32_t va,
		       enum shadow_view view, const struct shadow_root *skip, const struct guest_walk_result *w,
		       uint32_t l1_desc)
{
	return r != skip && shadow_can_seed_from(&root->s, &r->s, va >> SECTION_SHIFT, view) &&
	       (!w || may_seed(g, root, r, va, w, l1_desc));
}

/*
 * Of the roots but `skip` whose tables for the MiB of `va` in `view` fit
 * the running root's (shadow_can_seed_from()) and, given the walk `w`,
 * that may seed it (may_seed()): the root that ran before the running one
 * (a fork's parent), else the last root to get a table of global pages
 * there (a new process after exec() finds the kernel's MiBs where the last
 * process made them), else the one that ran last; NULL if none. Only the
 * last search visits every root.
 */
static struct shadow_root *latest_donor(struct guest *g, const struct shadow_root *root, uint32_t va,
					enum shadow_view view, const struct shadow_root *skip,
					const struct guest_walk_result *w, uint32_t l1_desc)
{
	struct guest_mmu_state *m = &g->mmu;
	struct shadow_root *donor = NULL;

	if (m->previous && donor_fits(g, root, m->previous, va, view, skip, w, l1_desc))
		return m->previous;
	struct shadow_root *latest = &m->root[m->latest_global_table[va >> SECTION_SHIFT][view]];
	if (guest_mmu_root_valid(m, (unsigned)(latest - m->root)) &&
	    donor_fits(g, root, latest, va, view, skip, w, l1_desc))
		return latest;
	for_each_valid_root(m, i) {
		struct shadow_root *r = &m->root[i];
		if ((!donor || r->last_used > donor->last_used) && donor_fits(g, root, r, va, view, skip, w, l1_desc))
			donor = r;
	}
	return donor;
}

/*
 * A new shadow table of `root`, for the MiB of `va` in view `view`, starts
 * with the pages another root's table there holds (shadow_seed_new_table()):
 * one whose guest address space has the same L1 descriptor there (as their
 * shadows reflect it) and the same DACR manager setting for its domain,
 * chosen by latest_donor(). Linux repeats its kernel's global
 * mappings in every process's tables: a new process finds the kernel pages
 * its parent touched instead of faulting on each (fork and exit: 59 fills
 * instead of 328; copying from the three roots that ran last cost more
 * than the faults it saved). Reading a donor's L1 descriptor is the dear
 * part (another page for each root): first only for the donor found
 * without it, nearly always the one; the others only if that one's
 * descriptor differs.
 * The copy is a whole table's (the new table holds only the page just
 * filled).
 */
static void seed_new_table(struct guest *g, struct shadow_root *root, uint32_t va, enum shadow_view view,
			   const struct guest_walk_result *w)
{
	uint32_t l1_desc;

	if (!guest_ram_read_word(&g->flat, w->l1_desc_gpa, &l1_desc))
		return;
	struct shadow_root *donor = latest_donor(g, root, va, view, NULL, NULL, 0);
	if (donor && !may_seed(g, root, donor, va, w, l1_desc))
		donor = latest_donor(g, root, va, view, donor, w, l1_desc);
	if (donor)
		shadow_seed_new_table(&root->s, &donor->s, va, view);
}

bool guest_mmu_fill(struct guest *g, uint32_t va, const struct guest_walk_result *w, bool device)
{
	struct guest_mmu_state *m = &g->mmu;
	uint32_t gpa = w->pa & PAGE_MASK;
	struct shadow_fill_req r = {
		.va = va, .guest_domain = w->domain,
		.guest_dv = (g->vcpu.cp15.dacr >> (2u * w->domain)) & 3u,
		.privileged = vcpu_privileged(&g->vcpu), .ap = w->ap, .xn = w->xn,
		.attr = device ? L2_SMALL_DEVICE : L2_SMALL_NORMAL_WBWA,
		.guest_table = w->l2_desc_gpa & L1_TABLE_ADDR_MASK, .global = !w->ng,
	};

	if (device) {
		r.hpa = gpa;
		r.overlay.no_exec = true;
	} else {
		r.hpa = gpa - g->ram.gpa_base + g->ram.hpa_base;
		/*
		 * Code pages (and user code until it writes itself) are read-only,
		 * data pages execute-never, to catch the transitions; pages holding
		 * the guest's tables are read-only too.
		 */
		if (shadow_flat_page_catches_writes(&g->flat, gpa))
			r.overlay.no_write = true;
		else if (shadow_flat_page_is_data(&g->flat, gpa))
			r.overlay.no_exec = true;
		if (guest_tables_protected(g, gpa))
			r.overlay.no_write = true;
		if (!w->xn && shadow_flat_page_is_code(&g->flat, gpa))
			stubs_code_mapped(g, gpa, va);
		note_frame_va(g, gpa, va);
	}
	if (m->half_switched)
		settle_half_switch(g);
	guest_tables_used(g, w);        /* first: it may forget what the old value of a descriptor gave */
	struct shadow_root *root = m->cur;
	enum shadow_view view = shadow_view_of(r.privileged);
	bool new_table = root->s.l2_of_mb[va >> SECTION_SHIFT][view] < 0;
	enum shadow_fill_result res = shadow_fill(&root->s, &root->map, &r);
	if (res == SHADOW_RESERVED_VA)
		return false;
	if (res == SHADOW_NO_DOMAIN) {
		dacr_map_reset(&root->map, g->vcpu.cp15.dacr, r.privileged);
		shadow_drop_all(&root->s);
		res = shadow_fill(&root->s, &root->map, &r);
	}
	BUG_ON(res != SHADOW_FILLED);
	if (new_table && r.global) {
		seed_new_table(g, root, va, view, w);
		m->latest_global_table[va >> SECTION_SHIFT][view] = (uint8_t)(root - m->root);
	}
	/*
	 * A replaced entry may be cached with other rights, an evicted table's
	 * entries too: invalidated by ASID. Filling an empty entry needs nothing.
	 */
	flush_stale(root);
	write_processor_dacr(g, dacr_map_processor_dacr(&root->map));
	return true;
}

void guest_mmu_translation_changed(struct guest *g)
{
	struct guest_mmu_state *m = &g->mmu;
	const struct vcpu_cp15 *c = &g->vcpu.cp15;

	if (guest_mmu_on(&g->vcpu) != m->on) {
		if (m->on)
			shadow_off(g);
		else
			shadow_on(g);
		return;
	}
	if (!m->on)
		return;
	if (c->sctlr != m->sctlr) {
		remember_registers(g);
		guest_mmu_drop_all(g);  /* how every table is read may have changed */
	}
	if (c->ttbr0 != m->ttbr0 || c->ttbr1 != m->ttbr1 || c->ttbcr != m->ttbcr ||
	    c->contextidr != m->contextidr) {
		if ((c->contextidr ^ m->contextidr) & CONTEXTIDR_ASID_MASK)
			note_asid_written(m, c->contextidr & CONTEXTIDR_ASID_MASK);
		remember_registers(g);
		select_root(g);         /* a context switch: a cached root if there is one */
	}
	guest_mmu_dacr_written(g);
}

void guest_mmu_dacr_written(struct guest *g)
{
	struct guest_mmu_state *m = &g->mmu;
	uint32_t dacr = g->vcpu.cp15.dacr;

	if (!m->on || dacr == m->cur->map.guest_dacr)
		return;
	uint32_t rederive = dacr_map_set_guest_dacr(&m->cur->map, dacr);
#ifndef CONFIG_SHADOW_STRATEGY_FLUSH_ALL
	if (!rederive) {        /* the processor DACR alone: Linux's software PAN, every time */
		write_processor_dacr(g, dacr_map_processor_dacr(&m->cur->map));
		return;
	}
#endif
	follow_guest(g, rederive, false);
}

/*
 * Guest TLBIALL. The shadows follow the guest's tables but for the listed
 * (unprotected) table pages: resynchronising those whole brings every root
 * in line, and the roots stay. Debian's armmp kernel issues one with every
 * flush_tlb_mm() (the Cortex-A9 erratum 720789 workaround replaces
 * TLBIASIDIS with TLBIALLIS), twice per fork and exit. Once
 * CONFIG_SHADOW_TRACKED_PAGES_LIMIT pages have been tracked, every root is
 * dropped instead and tracking starts afresh. A half-written context switch no longer keeps the old root: the
 * TLB entries it stands for are gone.
 */
static void tlb_invalidate_all_guest(struct guest *g)
{
	if (g->mmu.half_switched)
		settle_half_switch(g);
	if (!guest_tables_tracking_full(g)) {
		guest_tables_resync_all(g);
		g->mmu.tlb_all_kept++;
		return;
	}
	guest_mmu_drop_all(g);
	guest_tables_reset(g);
	stubs_root_runs(g, g->mmu.cur);         /* its pinned table page is tracked no more */
	g->mmu.tlb_all_dropped++;
}

/*
 * Guest TLB maintenance (B4.2.3): by address it resynchronises the listed
 * table descriptors that translate it and forgets that page in every root
 * (global entries match any ASID); by ASID it drops the tables of that
 * ASID's roots that hold non-global pages; TLBIALL see above. Roots that
 * are not running have their TLB entries invalidated when they run again.
 * (Deriving the running view's entry again at once, as a fault would,
 * saved churn's table loop a fault but cost Linux's mprotect() 4%: pages
 * it changes are not always used before the next change.)
 */
void guest_mmu_tlb_maintenance(struct guest *g, enum tlb_op op, uint32_t value)
{
	struct guest_mmu_state *m = &g->mmu;
	uint32_t va = value & PAGE_MASK;
	bool by_va = op == TLB_MVA || op == TLB_MVA_ALL_ASID;

	if (!m->on)
		return;
	if (op == TLB_ALL) {
		tlb_invalidate_all_guest(g);
		return;
	}
	/*
	 * By address, only listed descriptors can differ from what the
	 * shadows hold: every other one is on a protected page, whose stores
	 * are reported at once. What resynchronising them changes marks the
	 * views concerned stale, for TLBIASID.
	 */
	if (by_va) {
		guest_tables_resync_va(g, va);
		return;
	}
	for_each_valid_root(m, i) {
		struct shadow_root *root = &m->root[i];
		if (root->asid == (value & CONTEXTIDR_ASID_MASK))
			shadow_drop_nonglobal(&root->s);        /* global entries match every ASID */
	}
	flush_stale(m->cur);
}

void guest_mmu_resume(struct guest *g)
{
	struct guest_mmu_state *m = &g->mmu;

	if (!m->on) {
		shadow_flat_use(&g->flat, m->asid_base);
	} else {
		/* Another guest's tables ran since: load the running root's anew. */
		mmu_switch_shadow(m->cur->view_ttbr0[m->view], m->cur->view_asid[m->view]);
	}
	cp15_write_dacr(m->processor_dacr);
	isb();
}

/* Inlined where it is called (link-time optimization): the fast paths' mode changes. */
__attribute__((always_inline)) inline void guest_mmu_sync(struct guest *g)
{
	struct guest_mmu_state *m = &g->mmu;
	struct shadow_root *root = m->cur;
	bool privileged = vcpu_privileged(&g->vcpu);

	if (!m->on || privileged == root->map.privileged)
		return;
	dacr_map_set_mode(&root->map, privileged);
#ifdef CONFIG_SHADOW_STRATEGY_FLUSH_ALL
	follow_guest(g, 0, true);
#else
	/* The running root's view for the mode and the processor DACR: what every system call changes. */
	switch_view(m, root, shadow_view_of(privileged));
	write_processor_dacr(g, dacr_map_processor_dacr(&root->map));
#endif
}
