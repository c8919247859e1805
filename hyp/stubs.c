#include <string.h>

#include "arch/arm/barrier.h"
#include "arch/arm/mmu.h"
#include "arch/arm/psr.h"
#include "arch/arm/sctlr_bits.h"
#include "dacr/domains.h"
#include "hyp/guest.h"
#include "hyp/guest_mmu.h"
#include "hyp/guest_tables.h"
#include "hyp/log.h"
#include "hyp/stub_gen.h"
#include "hyp/stubs.h"
#include "hyp/vintc.h"
#include "shadow_pt/flat.h"

#define WINDOW_REACH_MBS 31u    /* a window this many MiB away keeps every stub in branch range */
#define STUB_FIRST_OFFSET STUB_DATA_BYTES /* the first stub of a code page: past the data words' reach limit */
#define CODE_PAGE_ATTR  (L2_SMALL | L2_SMALL_AP(AP_RO) | L2_SMALL_NG | L2_SMALL_NORMAL_WBWA)
#define DATA_PAGE_ATTR  (L2_SMALL | L2_SMALL_AP(AP_RW) | L2_SMALL_XN | L2_SMALL_NG | L2_SMALL_NORMAL_WBWA)

/* Window `w`'s code page `k` (its page 2k) and the data page alias after it. */
static uint32_t code_va(const struct stub_area *a, unsigned w, unsigned k)
{
	return a->window_va[w] + 2u * k * PAGE_SIZE;
}

static uint32_t data_va_after(uint32_t stub_va)
{
	return (stub_va & PAGE_MASK) + PAGE_SIZE;
}

/* No window, no stub, nothing pinned. */
static void forget_all(struct stub_area *a)
{
	a->conflict = a->full = false;
	a->windows = a->code_pages = 0;
	a->count = a->site_pages = 0;
	a->spsr = 0;
	a->usr_bank = 0;
}

void stubs_reset(struct guest *g, struct stub_store *store)
{
	forget_all(&g->stubs);
	g->stubs.failed_searches = 0;
	g->stubs.store = store;
	g->stubs.data = store->data;
}

/* The live record whose stub holds `va` (the records are sorted by address). */
static struct stub_record *record_at(struct stub_area *a, uint32_t va)
{
	unsigned lo = 0, hi = a->count;

	while (lo < hi) {
		unsigned mid = (lo + hi) / 2u;
		struct stub_record *r = &a->store->rec[mid];
		if (va < r->stub_va)
			hi = mid;
		else if (va >= r->stub_va + 4u * r->words)
			lo = mid + 1u;
		else
			return r->live ? r : NULL;
	}
	return NULL;
}

bool stubs_enter_window(struct stub_area *a, struct trap_frame *f, unsigned kind, uint32_t *trap_word)
{
	if (kind == TRAP_UNDEF) {
		stubs_take_usr_bank(a);         /* as they were: the stubs trap before writing them */
		struct stub_record *r = record_at(a, f->pc - 4u);
		if (!r || f->pc - 4u != r->stub_va + 4u * (r->words - 1u))
			return false;   /* not a stub's trapping word: the guest's own jump there */
		*trap_word = r->trap_word;
		f->pc = r->site_va + 4u;
		return true;
	}
	struct stub_record *r = record_at(a, f->pc);
	if (!r) {
		stubs_take_usr_bank(a);
		return false;
	}
	unsigned at = (f->pc - r->stub_va) / 4u;
	if (kind == TRAP_PABT && at == 0) {
		/* The site's branch, run in virtual User mode, where the window is empty. */
		a->stats.user_mode_runs++;
		*trap_word = r->trap_word;
		f->pc = r->site_va + 4u;
		return true;
	}
	if (at == r->back_at) {         /* done: on after the site */
		stubs_take_usr_bank(a);
		f->pc = r->site_va + 4u;
		return false;
	}
	/* Half-way: the data page's User SP and LR are left out, the borrowed registers given back. */
	stub_rewind(r->spill, at, f->r, &a->data[STUB_DATA_SPILL / 4u]);
	if (kind == TRAP_DABT) {        /* an LDM or STM ^ stub's access: the site's instruction's */
		a->stats.aborts++;
		*trap_word = r->trap_word;
		f->pc = r->site_va + 4u;
		return true;
	}
	f->pc = r->site_va;
	return false;
}

/* Give every root's kernel view window `w`, or take it away. */
static void map_window(struct guest *g, unsigned w, bool on)
{
	struct stub_area *a = &g->stubs;
	uint32_t mb = a->window_va[w] >> SECTION_SHIFT;
	uint32_t desc = hyp_virt_to_phys(a->store->l2[w]) | L1_TYPE_TABLE | L1_DOMAIN(DOMAIN_HYP);

	for (unsigned i = 0; i < SHADOW_ROOT_SLOTS; i++) {
		struct shadow_root *root = &g->mmu.root[i];
		if (!root->tables_ready) {
			/* Its tables are not cleared yet: shadow_init() installs what the fields say. */
			root->s.stub_mb[w] = mb;
			root->s.stub_l1[w] = on ? desc : 0u;
		} else if (on) {
			shadow_set_stub_window(&root->s, w, mb, desc);
		} else {
			shadow_clear_stub_window(&root->s, w);
		}
	}
	guest_mmu_flush_stale(g);
}

/* Give site `r` its UDF back, if the guest has not changed the word since. */
static void revert(struct guest *g, struct stub_record *r)
{
	uint32_t *word = guest_ram_page_ptr(&g->flat, r->site_gpa);

	r->live = false;
	g->stubs.stats.reverted++;
	if (*word != r->branch)
		return;
	*word = r->trap_word;
	cache_sync_icache((uintptr_t)word, 4u);
	guest_tables_written(g, r->site_gpa, 4u);
}

static void remove_all(struct guest *g, const char *why)
{
	struct stub_area *a = &g->stubs;

	if (!stubs_active(a))
		return;
	for (unsigned i = 0; i < a->count; i++)
		if (a->store->rec[i].live)
			revert(g, &a->store->rec[i]);
	for (unsigned w = 0; w < a->windows; w++)
		map_window(g, w, false);
	log_debug("%s: %u stubs removed (%s)", g->name, a->count, why);
	forget_all(a);
}

void stubs_remove_all(struct guest *g)
{
	remove_all(g, "the guest's MMU went off");
	g->stubs.failed_searches = 0;
}

void stubs_resolve_conflict(struct guest *g)
{
	g->stubs.stats.conflicts++;
	remove_all(g, "the guest mapped a window's MiB");
}

/* The guest's L1 descriptor for `va` in the tables of `root`, and where it is; false: none (PD0/PD1). */
static bool guest_l1(struct guest *g, const struct shadow_root *root, uint32_t va, uint32_t *gpa,
		     uint32_t *desc)
{
	const struct guest_walk_regs regs = { .ttbr0 = root->ttbr0, .ttbr1 = root->ttbr1, .ttbcr = root->ttbcr };

	if (!guest_walk_l1_address(&regs, va, gpa))
		return false;
	if (!guest_tables_read_descriptor(g, *gpa, desc))
		*desc = 0;      /* outside guest RAM: the guest's walk faults there too */
	return true;
}

/* Does the address space of `root` leave MiB `mb` empty (guest tables and shadow)? */
static bool root_leaves_empty(struct guest *g, const struct shadow_root *root, uint32_t mb)
{
	uint32_t gpa, desc;

	if (guest_l1(g, root, mb << SECTION_SHIFT, &gpa, &desc) && (desc & L1_TYPE_MASK) != L1_TYPE_FAULT)
		return false;
	return !shadow_maps_mb(&root->s, mb);
}

/*
 * `root` runs: does its address space leave window `w` empty? Then keep
 * the L1 table page with its entry for the window write-protected while it
 * runs. (Another root's tables may change meanwhile: they are checked here
 * when they run again.) A root found to leave it empty before whose page
 * has stayed protected needs no new look: every change there since was
 * reported (stubs_l1_written()), as it happened or when the page was
 * protected again.
 */
static void pin(struct guest *g, unsigned w, struct shadow_root *root)
{
	struct stub_area *a = &g->stubs;
	struct stub_window *win = &a->store->win[w];
	const struct guest_walk_regs regs = { .ttbr0 = root->ttbr0, .ttbr1 = root->ttbr1, .ttbcr = root->ttbcr };
	uint32_t gpa, desc;

	win->pinned = 0;
	if (!guest_walk_l1_address(&regs, a->window_va[w], &gpa))
		return;
	if ((root->stub_windows_checked & (1u << w)) && guest_tables_protected(g, gpa)) {
		win->pinned = gpa & PAGE_MASK;
		return;
	}
	if (guest_tables_read_descriptor(g, gpa, &desc) && (desc & L1_TYPE_MASK) != L1_TYPE_FAULT) {
		a->conflict = true;     /* (outside guest RAM the guest's walk faults there too) */
		return;
	}
	win->pinned = gpa & PAGE_MASK;
	guest_tables_keep_protected(g, gpa);
	root->stub_windows_checked |= (uint8_t)(1u << w);
}

static bool window_free(struct guest *g, uint32_t mb)
{
	uint32_t hyp_first = mmu_hyp_window_first_mb();

	if (mb >= L1_ENTRIES || mb - hyp_first < mmu_hyp_window_mbs())
		return false;
	for (unsigned w = 0; w < g->stubs.windows; w++)
		if (mb == g->stubs.window_va[w] >> SECTION_SHIFT)
			return false;
	for_each_valid_root(&g->mmu, i)
		if (!root_leaves_empty(g, &g->mmu.root[i], mb))
			return false;
	return true;
}

/*
 * A window for a first stub at `site_va` out of reach of the open ones:
 * the nearest free MiB below, else above. Its index, or -1.
 */
static int open_window(struct guest *g, uint32_t site_va)
{
	struct stub_area *a = &g->stubs;
	uint32_t site_mb = site_va >> SECTION_SHIFT, mb = L1_ENTRIES;
	unsigned w = a->windows;

	for (uint32_t d = 1; d <= WINDOW_REACH_MBS && mb == L1_ENTRIES; d++) {
		if (site_mb >= d && window_free(g, site_mb - d))
			mb = site_mb - d;
		else if (window_free(g, site_mb + d))
			mb = site_mb + d;
	}
	if (mb == L1_ENTRIES) {
		a->failed_searches++;
		return -1;
	}
	a->window_va[w] = mb << SECTION_SHIFT;
	a->store->win[w] = (struct stub_window){ .pages = 0 };
	for (unsigned i = 0; i < SHADOW_ROOT_SLOTS; i++)
		g->mmu.root[i].stub_windows_checked &= (uint8_t)~(1u << w);
	for (unsigned i = 0; i < L2_ENTRIES; i++)
		a->store->l2[w][i] = L2_TYPE_FAULT;     /* code pages come as stubs need them */
	a->windows = w + 1u;
	if (w == 0) {                   /* the data page goes live */
		memset(a->data, 0, sizeof(a->data));
		a->cpsr_taken = PSR_AIF & ~g->vcpu.cpsr_fixed;
		stubs_leave_general(g, a, &g->vcpu, &g->vintc);         /* the data page as the guest resumes now */
	}
	pin(g, w, g->mmu.cur);
	map_window(g, w, true);
	a->stats.windows++;
	log_info("%s: stub window %u at 0x%08x (for a site at 0x%08x)", g->name, w, a->window_va[w], site_va);
	return (int)w;
}

/* The open window every stub for `site_va` is in branch range from, else a new one; -1: none. */
static int window_for(struct guest *g, uint32_t site_va)
{
	struct stub_area *a = &g->stubs;
	uint32_t site_mb = site_va >> SECTION_SHIFT;

	for (unsigned w = 0; w < a->windows; w++)
		if (site_mb - (a->window_va[w] >> SECTION_SHIFT) + WINDOW_REACH_MBS <= 2u * WINDOW_REACH_MBS)
			return (int)w;
	if (a->windows == STUB_WINDOWS || a->failed_searches >= STUB_WINDOW_SEARCHES)
		return -1;
	return open_window(g, site_va);
}

void stubs_root_runs(struct guest *g, struct shadow_root *root)
{
	for (unsigned w = 0; w < g->stubs.windows; w++)
		pin(g, w, root);
}

bool stubs_pinned(const struct guest *g, uint32_t gpa)
{
	for (unsigned w = 0; w < g->stubs.windows; w++)
		if (g->stubs.store->win[w].pinned && g->stubs.store->win[w].pinned == (gpa & PAGE_MASK))
			return true;
	return false;
}

void stubs_l1_written(struct guest *g, uint32_t mb)
{
	struct stub_area *a = &g->stubs;

	for (unsigned w = 0; w < a->windows; w++) {
		if (mb != a->window_va[w] >> SECTION_SHIFT)
			continue;
		for_each_valid_root(&g->mmu, i)
			if (!root_leaves_empty(g, &g->mmu.root[i], mb))
				a->conflict = true;
	}
}

/* The entry for guest code page `gpa`, or where it would go (sorted by gpa). */
static unsigned site_page_index(const struct stub_area *a, uint32_t gpa)
{
	unsigned lo = 0, hi = a->site_pages;

	while (lo < hi) {
		unsigned mid = (lo + hi) / 2u;
		if (a->store->site_page[mid].gpa < (gpa & PAGE_MASK))
			lo = mid + 1u;
		else
			hi = mid;
	}
	return lo;
}

void stubs_code_mapped(struct guest *g, uint32_t gpa, uint32_t va)
{
	struct stub_area *a = &g->stubs;
	unsigned i = site_page_index(a, gpa);

	if (!stubs_active(a) || i == a->site_pages || a->store->site_page[i].gpa != (gpa & PAGE_MASK) ||
	    a->store->site_page[i].va == (va & PAGE_MASK) || a->store->site_page[i].va == STUB_PAGE_NONE)
		return;
	a->store->site_page[i].va = STUB_PAGE_NONE;
	a->stats.alias_pages++;
	for (unsigned k = 0; k < a->count; k++)
		if (a->store->rec[k].live && (a->store->rec[k].site_gpa & PAGE_MASK) == (gpa & PAGE_MASK))
			revert(g, &a->store->rec[k]);
}

/* May the code page of `gpa`, running at `va`, hold stubs? Then it is listed. */
static bool site_page_ok(struct guest *g, uint32_t gpa, uint32_t va)
{
	struct stub_area *a = &g->stubs;
	unsigned i = site_page_index(a, gpa);

	if (i < a->site_pages && a->store->site_page[i].gpa == (gpa & PAGE_MASK))
		return a->store->site_page[i].va == (va & PAGE_MASK);
	if (a->site_pages == STUB_SITE_PAGES || !guest_mmu_frame_runs_only_at(g, gpa, va))
		return false;
	struct stub_site_page *pages = a->store->site_page;
	memmove(&pages[i + 1u], &pages[i], (a->site_pages - i) * sizeof(pages[0]));
	pages[i] = (struct stub_site_page){ .gpa = gpa & PAGE_MASK, .va = va & PAGE_MASK };
	a->site_pages++;
	return true;
}

/*
 * Room for `words` of stub code in window `w`, in its last code page or a
 * new one from the pool (mapped at its next even page, the data page after
 * it); its address in the window, or 0.
 */
static uint32_t allocate(struct stub_area *a, unsigned w, unsigned words, uint32_t **where)
{
	struct stub_window *win = &a->store->win[w];
	uint32_t bytes = 4u * words;

	if (a->count == STUB_RECORDS)
		return 0;
	if (!win->pages || win->used + bytes > PAGE_SIZE) {
		if (a->code_pages == STUB_CODE_PAGES)
			return 0;
		unsigned k = a->code_pages++;
		win->page[win->pages] = (uint8_t)k;
		a->store->l2[w][2u * win->pages] = hyp_virt_to_phys(a->store->code[k]) | CODE_PAGE_ATTR;
		a->store->l2[w][2u * win->pages + 1u] = hyp_virt_to_phys(a->data) | DATA_PAGE_ATTR;
		win->pages++;   /* the entries were faults, which no TLB keeps */
		win->used = STUB_FIRST_OFFSET;
	}
	uint32_t offset = win->used;
	win->used += bytes;
	*where = &a->store->code[win->page[win->pages - 1u]][offset / 4u];
	return code_va(a, w, win->pages - 1u) + offset;
}

/* Record `r` among the others, which stay sorted by stub address (a window's come in order). */
static void add_record(struct stub_area *a, const struct stub_record *r)
{
	unsigned at = a->count;

	while (at && a->store->rec[at - 1u].stub_va > r->stub_va)
		at--;
	memmove(&a->store->rec[at + 1u], &a->store->rec[at], (a->count - at) * sizeof(*r));
	a->store->rec[at] = *r;
	a->count++;
}

/*
 * A stub for the instruction `orig` (of class `cls`; SENS_NONE: an MRC
 * that stub_cp15_read_word() names) whose site at `site_va` holds
 * `trap_word`. The site is where the guest fetched it from, which for a
 * patch may be a copy the guest made of the patched word at `patch_gpa`
 * (Linux's vector page): the word decodes to the same patch wherever it is.
 */
static void make(struct guest *g, uint32_t orig, enum sens_class cls, uint32_t trap_word, uint32_t site_va,
		 uint32_t patch_gpa, uint32_t live_cpsr)
{
	struct stub_area *a = &g->stubs;
	struct vcpu *v = &g->vcpu;
	uint32_t gpa;
	struct stub s;

	/* Stubs read their data words little-endian: not for a guest with big-endian data. */
	if (!g->mmu.on || a->conflict || a->full || (live_cpsr & PSR_E) || (v->cp15.sctlr & SCTLR_EE) ||
	    !guest_mmu_fetched_from(g, site_va, &gpa))
		return;
	int w = window_for(g, site_va);
	if (w < 0 || !site_page_ok(g, gpa, site_va))
		return;
	/* Its words first: the stub's address decides their PC-relative offsets. */
	uint32_t *code, stub_va = allocate(a, (unsigned)w, STUB_MAX_WORDS, &code);
	if (!stub_va) {
		a->full = true;
		return;
	}
	uint32_t branch = stub_site_branch(orig, site_va, stub_va), data_va = data_va_after(stub_va);
	uint32_t *site = guest_ram_page_ptr(&g->flat, gpa);
	bool built = cls == SENS_NONE ? stub_build_cp15(&s, orig, site_va, stub_va, data_va) :
		     stub_build(&s, orig, cls, v->cpsr_fixed, site_va, stub_va, data_va, trap_word);
	if (*site != trap_word || !branch || !built) {
		a->store->win[w].used -= 4u * STUB_MAX_WORDS;
		a->stats.out_of_range += *site == trap_word;
		return;
	}
	a->store->win[w].used -= 4u * (STUB_MAX_WORDS - s.words);
	memcpy(code, s.word, 4u * s.words);
	cache_sync_icache((uintptr_t)code, 4u * s.words);
	add_record(a, &(struct stub_record){
		.stub_va = stub_va, .site_va = site_va, .site_gpa = gpa, .branch = branch,
		.trap_word = trap_word, .words = s.words, .spill = { s.spill[0], s.spill[1] },
		.back_at = s.back_at, .live = true,
	});
	*site = branch;
	cache_sync_icache((uintptr_t)site, 4u);
	a->stats.made++;
	a->stats.copies += patch_gpa && patch_gpa != gpa;
}

void stubs_try_make(struct guest *g, const struct patch_entry *p, uint32_t site_va, uint32_t live_cpsr)
{
	make(g, p->orig, (enum sens_class)p->cls, patch_udf_encode((uint32_t)(p - g->patches.entry)), site_va,
	     p->gpa, live_cpsr);
}

void stubs_try_make_cp15(struct guest *g, uint32_t insn, uint32_t site_va, uint32_t live_cpsr)
{
	make(g, insn, SENS_NONE, insn, site_va, 0, live_cpsr);     /* the MRC or MCR traps as it is */
}
