#include <string.h>

#include "arch/arm/barrier.h"
#include "arch/arm/cp15.h"
#include "arch/arm/fsr_bits.h"
#include "arch/arm/mmu.h"
#include "arch/arm/sctlr_bits.h"
#include "dacr/domains.h"
#include "generated/config.h"
#include "hyp/guest_mmu.h"
#include "hyp/log.h"
#include "shadow_pt/flat.h"

#define GUEST_RAM_PAGES (CONFIG_GUEST_RAM_SIZE / PAGE_SIZE)

/* Guest RAM pages the guest's tables were read from: write-protected in the shadow. */
static uint32_t table_pages[GUEST_RAM_PAGES / 32u];

static uint32_t shadow_l1[L1_ENTRIES] __attribute__((aligned(L1_TABLE_SIZE)));
static uint32_t shadow_l2[CONFIG_SHADOW_L2_TABLES][L2_ENTRIES] __attribute__((aligned(L2_TABLE_SIZE)));
static struct shadow_l2_info shadow_l2_info[CONFIG_SHADOW_L2_TABLES];
static int16_t shadow_l2_of_mb[L1_ENTRIES];

bool guest_mmu_on(const struct vcpu *v)
{
	return v->cp15.sctlr & SCTLR_M;
}

static bool read_guest_phys(void *ctx, uint32_t gpa, uint32_t *value)
{
	(void)ctx;
	if (!shadow_flat_is_ram(gpa, 4))
		return false;
	memcpy(value, guest_ram_page_ptr(gpa), sizeof(*value));
	return true;
}

bool guest_mmu_is_table_page(const struct guest *g, uint32_t gpa)
{
	uint32_t page = (gpa - g->ram.gpa_base) >> PAGE_SHIFT;

	return shadow_flat_is_ram(gpa, 1) && (table_pages[page / 32u] >> (page % 32u)) & 1u;
}

/*
 * Write tracking (seed: US 7,640,543): a page the guest's tables live in is
 * made read-only in the shadow; the first time a page is found to hold a
 * table, shadow entries that map it writable are dropped.
 */
static void track_table_page(struct guest *g, uint32_t gpa)
{
	uint32_t page = (gpa - g->ram.gpa_base) >> PAGE_SHIFT;

	if (!gpa || !shadow_flat_is_ram(gpa, 1) || guest_mmu_is_table_page(g, gpa))
		return;
	table_pages[page / 32u] |= 1u << (page % 32u);
	g->mmu.tracked_pages++;
	guest_mmu_drop_all(g);
}

static void untrack_all(struct guest *g)
{
	for (unsigned i = 0; i < GUEST_RAM_PAGES / 32u; i++)
		table_pages[i] = 0;
	g->mmu.tracked_pages = 0;
}

/* The L1 index a guest descriptor at `gpa` has in the tables in use, or -1. */
static int l1_index_of(const struct vcpu_cp15 *c, uint32_t gpa)
{
	uint32_t n = c->ttbcr & TTBCR_N_MASK, size0 = L1_TABLE_SIZE >> n;
	uint32_t base0 = c->ttbr0 & ~(size0 - 1u), base1 = c->ttbr1 & ~(L1_TABLE_SIZE - 1u);

	if (gpa - base0 < size0)
		return (int)((gpa - base0) / 4u);
	if (n && gpa - base1 < L1_TABLE_SIZE)
		return (int)((gpa - base1) / 4u);
	return -1;
}

void guest_mmu_guest_wrote(struct guest *g, uint32_t gpa, unsigned size)
{
	if (!g->mmu.on || !guest_mmu_is_table_page(g, gpa))
		return;
	for (uint32_t word = gpa & ~3u; word < gpa + size; word += 4u)
		shadow_guest_descriptor_written(&g->mmu.s, word, l1_index_of(&g->vcpu.cp15, word));
	g->mmu.tracked_writes++;
	tlb_invalidate_all();
}

uint32_t guest_mmu_check(struct vcpu *v, uint32_t va, enum guest_access access,
			 struct guest_walk_result *w)
{
	const struct guest_walk_regs regs = {
		.ttbr0 = v->cp15.ttbr0, .ttbr1 = v->cp15.ttbr1, .ttbcr = v->cp15.ttbcr,
		.sctlr = v->cp15.sctlr, .id_mmfr0 = v->id->id_mmfr[0],
	};

	guest_walk(&regs, va, read_guest_phys, NULL, w);
	if (guest_current()->mmu.on) {
		track_table_page(guest_current(), w->l1_desc_gpa);
		track_table_page(guest_current(), w->l2_desc_gpa);
	}
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

static void shadow_on(struct guest *g)
{
	struct guest_mmu_state *m = &g->mmu;

	m->s = (struct shadow_space){
		.l1 = shadow_l1, .l2 = shadow_l2, .l2_info = shadow_l2_info,
		.l2_of_mb = shadow_l2_of_mb, .l2_count = CONFIG_SHADOW_L2_TABLES,
		.table_phys = hyp_virt_to_phys,
		.reserved_mb = mmu_hyp_window_first_mb(), .reserved_mbs = mmu_hyp_window_mbs(),
	};
	mmu_copy_hyp_window(shadow_l1);
	shadow_init(&m->s);
	untrack_all(g);
	dacr_map_reset(&m->map, g->vcpu.cp15.dacr, vcpu_privileged(&g->vcpu));
	remember_registers(g);
	m->on = true;
	mmu_switch_table(shadow_l1);
	write_processor_dacr(g, dacr_map_processor_dacr(&m->map));
}

static void shadow_off(struct guest *g)
{
	g->mmu.on = false;
	mmu_switch_table(NULL);
	write_processor_dacr(g, DACR_HYP_GUEST_FLAT);
}

/*
 * The guest changed its DACR or mode; `rederive` names the guest domains
 * whose shadow tables the mapping cannot keep (only their current-mode
 * tables if `only_current_mode`).
 */
static void follow_guest(struct guest *g, uint32_t rederive, bool only_current_mode, bool changed)
{
	struct guest_mmu_state *m = &g->mmu;

#ifdef CONFIG_SHADOW_STRATEGY_FLUSH_ALL
	(void)rederive;
	(void)only_current_mode;
	if (changed) {
		dacr_map_reset(&m->map, g->vcpu.cp15.dacr, vcpu_privileged(&g->vcpu));
		shadow_drop_all(&m->s);
		tlb_invalidate_all();
	}
#else
	(void)changed;
	if (rederive && shadow_l1_iterate(&m->s, rederive, only_current_mode))
		tlb_invalidate_all();
#endif
	write_processor_dacr(g, dacr_map_processor_dacr(&m->map));
}

void guest_mmu_drop_all(struct guest *g)
{
	if (!g->mmu.on)
		return;
	shadow_drop_all(&g->mmu.s);
	tlb_invalidate_all();
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
	};

	if (device) {
		r.hpa = gpa;
		r.overlay.no_exec = true;
	} else {
		r.hpa = gpa - g->ram.gpa_base + g->ram.hpa_base;
		/*
		 * Code pages are read-only, other pages execute-never, to catch the
		 * transitions; pages holding the guest's tables are read-only too.
		 */
		if (shadow_flat_page_is_code(gpa))
			r.overlay.no_write = true;
		else
			r.overlay.no_exec = true;
		if (guest_mmu_is_table_page(g, gpa))
			r.overlay.no_write = true;
		r.guest_table = w->l2_desc_gpa & L1_TABLE_ADDR_MASK;
	}
	enum shadow_fill_result res = shadow_fill(&m->s, &m->map, &r);
	if (res == SHADOW_RESERVED_VA)
		return false;
	if (res == SHADOW_NO_DOMAIN) {
		dacr_map_reset(&m->map, g->vcpu.cp15.dacr, r.privileged);
		shadow_drop_all(&m->s);
		res = shadow_fill(&m->s, &m->map, &r);
	}
	BUG_ON(res != SHADOW_FILLED);
	/* A stale entry with fewer rights may be cached; exec rights need TLBIALL on QEMU. */
	tlb_invalidate_all();
	write_processor_dacr(g, dacr_map_processor_dacr(&m->map));
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
	if (c->sctlr != m->sctlr || c->ttbr0 != m->ttbr0 || c->ttbr1 != m->ttbr1 ||
	    c->ttbcr != m->ttbcr || c->contextidr != m->contextidr) {
		remember_registers(g);
		untrack_all(g);         /* tables no longer in use stop being tracked */
		guest_mmu_drop_all(g);
	}
	if (c->dacr != m->map.guest_dacr)
		follow_guest(g, dacr_map_set_guest_dacr(&m->map, c->dacr), false, true);
}

void guest_mmu_tlb_maintenance(struct guest *g, bool all, uint32_t va)
{
	if (!g->mmu.on)
		return;
	if (all)
		shadow_drop_all(&g->mmu.s);
	else
		shadow_invalidate_page(&g->mmu.s, va);
	tlb_invalidate_all();
}

void guest_mmu_sync(struct guest *g)
{
	struct guest_mmu_state *m = &g->mmu;

	if (!m->on)
		return;
	bool changed = vcpu_privileged(&g->vcpu) != m->map.privileged;
	follow_guest(g, dacr_map_set_mode(&m->map, vcpu_privileged(&g->vcpu)), true, changed);
}
