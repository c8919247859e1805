#include <string.h>

#include "arch/arm/pgtable_bits.h"
#include "arch/arm/sctlr_bits.h"
#include "generated/config.h"
#include "hyp/guest_mmu.h"
#include "hyp/guest_tables.h"
#include "hyp/stubs.h"
#include "shadow_pt/flat.h"
#include "shadow_pt/modified_tables.h"

/*
 * Inline: every fill and resynchronisation asks it about each descriptor's
 * page. The RAM base from the flat map, as shadow_flat_in_ram() reads it.
 */
static inline __attribute__((always_inline)) bool page_bit(const uint32_t *map, const struct guest *g,
							   uint32_t gpa)
{
	uint32_t page = (gpa - g->flat.ram.gpa_base) >> PAGE_SHIFT;

	return shadow_flat_in_ram(&g->flat, gpa) && (map[page / 32u] >> (page % 32u)) & 1u;
}

static void set_page_bit(uint32_t *map, const struct guest *g, uint32_t gpa, bool on)
{
	uint32_t page = (gpa - g->ram.gpa_base) >> PAGE_SHIFT, bit = 1u << (page % 32u);

	map[page / 32u] = on ? map[page / 32u] | bit : map[page / 32u] & ~bit;
}

bool guest_tables_holds_l1(const struct guest *g, uint32_t gpa)
{
	return shadow_flat_in_ram(&g->flat, gpa) && g->mmu.l1_page_root[(gpa - g->ram.gpa_base) >> PAGE_SHIFT];
}

bool guest_tables_is_table_page(const struct guest *g, uint32_t gpa)
{
	return page_bit(g->mmu.table_pages, g, gpa);
}

bool guest_tables_protected(const struct guest *g, uint32_t gpa)
{
	return page_bit(g->mmu.table_pages, g, gpa) && !page_bit(g->mmu.listed_pages, g, gpa);
}

/* A page found to hold a table: protected, so its writable shadow mappings go. */
static void track(struct guest *g, uint32_t gpa)
{
	if (!gpa || !shadow_flat_in_ram(&g->flat, gpa) || guest_tables_is_table_page(g, gpa))
		return;
	set_page_bit(g->mmu.table_pages, g, gpa, true);
	g->mmu.tracked_pages++;
	guest_mmu_forget_frame(g, gpa);
}

void guest_tables_walked(struct guest *g, const struct guest_walk_result *w)
{
	track(g, w->l1_desc_gpa);
	track(g, w->l2_desc_gpa);
}

static const uint32_t *page_words(void *ctx, uint32_t page_gpa)
{
	const struct guest *g = ctx;

	return guest_ram_page_ptr(&g->flat, page_gpa);
}

/*
 * A walk's descriptor as guest RAM holds it, as the snapshots do: the walk
 * gives it in the byte order SCTLR.EE sets for table walks.
 */
static uint32_t as_stored(const struct guest *g, uint32_t desc)
{
	return (g->vcpu.cp15.sctlr & SCTLR_EE) ? __builtin_bswap32(desc) : desc;
}

/* A descriptor as the guest's table walks read it: the same swap, the other way. */
static bool read_descriptor(void *ctx, uint32_t gpa, uint32_t *value)
{
	struct guest *g = ctx;

	if (!guest_ram_read_word(&g->flat, gpa, value))
		return false;
	*value = as_stored(g, *value);
	return true;
}

static bool listed(void *ctx, uint32_t gpa)
{
	const struct guest *g = ctx;

	return page_bit(g->mmu.listed_pages, g, gpa);
}

static void descriptor_changed(void *ctx, uint32_t desc_gpa)
{
	guest_mmu_descriptor_changed(ctx, desc_gpa);
}

void guest_tables_reset(struct guest *g)
{
	struct guest_mmu_state *m = &g->mmu;

	memset(m->table_pages, 0, sizeof(m->table_pages));
	memset(m->listed_pages, 0, sizeof(m->listed_pages));
	m->modified = (struct modified_tables){
		.page_gpa = m->modified_gpa, .snapshot = m->modified_snapshots, .listed_at = m->modified_listed_at,
		.capacity = CONFIG_SHADOW_MODIFIED_TABLES,
	};
	modified_tables_init(&m->modified);
	m->modified_ops = (struct modified_tables_ops){
		.page = page_words, .read = read_descriptor, .listed = listed,
		.descriptor_changed = descriptor_changed, .ctx = g,
	};
	m->tracked_pages = 0;
}

/* The list's operations on guest `g`, with the byte order its table walks use now. */
static const struct modified_tables_ops *list_ops(struct guest *g)
{
	struct modified_tables_ops *ops = &g->mmu.modified_ops;

	ops->walks_swapped = (g->vcpu.cp15.sctlr & SCTLR_EE) != 0;
	return ops;
}

static unsigned resync(struct guest *g, unsigned e, unsigned first, unsigned count)
{
	unsigned changed = modified_tables_resync(&g->mmu.modified, e, first, count, list_ops(g));

	g->mmu.resynced_descriptors += changed;
	return changed;
}

/* Entry `e` leaves the list: its shadow brought in line, then write-protected again. */
static void protect_again(struct guest *g, unsigned e)
{
	uint32_t page = g->mmu.modified.page_gpa[e];

	resync(g, e, 0, PAGE_DESCRIPTORS);
	modified_tables_remove(&g->mmu.modified, e);
	set_page_bit(g->mmu.listed_pages, g, page, false);
	g->mmu.tables_protected_again++;
	guest_mmu_forget_frame(g, page);        /* its writable mappings */
	guest_mmu_flush_stale(g);
}

bool guest_tables_unprotect(struct guest *g, uint32_t gpa)
{
	struct modified_tables *t = &g->mmu.modified;

	if (!t->capacity || stubs_pinned(g, gpa))
		return false;
	if (t->count == t->capacity)
		protect_again(g, modified_tables_oldest(t));
	modified_tables_add(t, gpa, guest_ram_page_ptr(&g->flat, gpa & PAGE_MASK));
	set_page_bit(g->mmu.listed_pages, g, gpa, true);
	g->mmu.tables_unprotected++;
	return true;
}

static void note_used(struct guest *g, uint32_t desc_gpa, uint32_t value)
{
	if (desc_gpa && page_bit(g->mmu.listed_pages, g, desc_gpa)) {
		modified_tables_note_used(&g->mmu.modified, desc_gpa, value, list_ops(g));
	}
}

void guest_tables_used(struct guest *g, const struct guest_walk_result *w)
{
	note_used(g, w->l1_desc_gpa, as_stored(g, w->l1_desc));
	note_used(g, w->l2_desc_gpa, as_stored(g, w->l2_desc));
}

void guest_tables_resync_va(struct guest *g, uint32_t va)
{
	struct guest_mmu_state *m = &g->mmu;
	const struct modified_tables_ops *ops = list_ops(g);
	uint32_t l2_group = 0;

	if (!m->modified.count)
		return;
	/*
	 * A root with no table for the MiB has nothing to bring in line; a
	 * change stays in the snapshot until a root that uses it does.
	 */
	uint32_t mb = va >> SECTION_SHIFT;
	for_each_root_in(shadow_pool_mb_spaces(&m->pool, mb), i) {
		const struct shadow_root *root = &m->root[i];
		m->resynced_descriptors += modified_tables_resync_va(&m->modified, &l2_group, root->ttbr0, root->ttbr1,
								      root->ttbcr, va,
								      shadow_guest_table(&root->s, mb), ops);
	}
	guest_mmu_flush_stale(g);
}

/*
 * Bring the descriptors of listed page `e` that the hypervisor keeps
 * anything from in line: in a page of a root's L1 table each block of
 * SHADOW_MB_BLOCK descriptors for MiBs the root has tables (or a stub
 * window) in, elsewhere each guest L2 table (1 KiB) a shadow table derives
 * from. (A process maps a few blocks of the 128; Linux keeps its own
 * software entries in half of each page of L2 tables: the hardware never
 * walks them.) Changes elsewhere matter to nothing: a fill that uses a
 * descriptor later writes it into the snapshot (guest_tables_used()).
 */
static void resync_used(struct guest *g, unsigned e)
{
	uint32_t page = g->mmu.modified.page_gpa[e];

	if (guest_tables_holds_l1(g, page)) {
		for (unsigned first = 0; first < PAGE_DESCRIPTORS; first += SHADOW_MB_BLOCK)
			if (guest_mmu_l1_block_used(g, page + 4u * first))
				resync(g, e, first, SHADOW_MB_BLOCK);
		return;
	}
	for (unsigned table = 0; table < PAGE_SIZE / L2_TABLE_SIZE; table++)
		if (shadow_pool_derives_from_table(&g->mmu.pool, page + table * L2_TABLE_SIZE))
			resync(g, e, table * L2_ENTRIES, L2_ENTRIES);
}

void guest_tables_resync_all(struct guest *g)
{
	struct modified_tables *t = &g->mmu.modified;

	/* Comparing a page takes some 2,500 instructions; a new process's tables are unused at its fork. */
	for (unsigned e = 0; e < t->capacity && t->count; e++)
		if (t->page_gpa[e])
			resync_used(g, e);
	guest_mmu_flush_stale(g);
}

bool guest_tables_read_descriptor(struct guest *g, uint32_t gpa, uint32_t *value)
{
	return read_descriptor(g, gpa, value);
}

void guest_tables_keep_protected(struct guest *g, uint32_t gpa)
{
	int e;

	track(g, gpa);
	if (page_bit(g->mmu.listed_pages, g, gpa) && (e = modified_tables_find(&g->mmu.modified, gpa)) >= 0)
		protect_again(g, (unsigned)e);
}

bool guest_tables_reflected(struct guest *g, uint32_t desc_gpa, uint32_t *value)
{
	struct modified_tables *t = &g->mmu.modified;
	int e = page_bit(g->mmu.listed_pages, g, desc_gpa) ? modified_tables_find(t, desc_gpa) : -1;

	if (e < 0)
		return guest_ram_read_word(&g->flat, desc_gpa, value);
	*value = t->snapshot[e][(desc_gpa & ~PAGE_MASK) / 4u];
	return true;
}

bool guest_tables_tracking_full(const struct guest *g)
{
	return g->mmu.tracked_pages >= CONFIG_SHADOW_TRACKED_PAGES_LIMIT;
}

void guest_tables_written(struct guest *g, uint32_t gpa, unsigned size)
{
	if (!g->mmu.on || !guest_tables_is_table_page(g, gpa))
		return;
	for (uint32_t word = gpa & ~3u; word < gpa + size; word += 4u) {
		uint32_t value;
		guest_mmu_descriptor_changed(g, word);
		if (guest_ram_read_word(&g->flat, word, &value))
			note_used(g, word, value);
	}
	g->mmu.tracked_writes++;
	guest_mmu_flush_stale(g);
}
