/*
 * Shadow fill against the guest's own tables, randomized: guest tables with
 * sections, supersections, large and small pages, random AP/XN/domains,
 * guest DACR changes, kernel/user switches, several address spaces sharing
 * one L2 pool, context switches, spaces reused for new address spaces, and
 * table changes (small pages, large pages, sections) with their TLB
 * maintenance or write tracking, and a modified table list: pages whose
 * stores are not tracked, resynchronised at TLB maintenance by address and
 * when they leave the list. Descriptors changed in a listed page and not
 * yet named by TLB maintenance may be seen stale, as in a TLB. After every
 * step the MMU's view of the shadow (a model TLB tagged by space and view
 * that forgets only what the code says went stale, else a walk of the
 * running view with the same walker, checked at PL0 with the processor
 * DACR) must never allow what the guest's own MMU would not, must map to
 * the same frame, and one fill must make any access the guest allows go
 * through. A kernel/user switch must change no table.
 */
#include <stdint.h>
#include <string.h>

#include "dacr/dacr_map.h"
#include "shadow_pt/guest_access.h"
#include "shadow_pt/guest_walk.h"
#include "shadow_pt/modified_tables.h"
#include "shadow_pt/shadow.h"
#include "ref_perm.h"
#include "test.h"

#define GUEST_RAM       0x80000000u
#define GUEST_RAM_SIZE  0x00100000u     /* tables live here */
#define SPACES          3u              /* guest address spaces, one L1 table each */
#define GUEST_L1(k)     (GUEST_RAM + (k) * L1_TABLE_SIZE)
#define GUEST_L2_BASE   (GUEST_RAM + SPACES * L1_TABLE_SIZE)
#define GUEST_L2_COUNT  64u
#define HOST_OFFSET     0x01000000u     /* host frame = guest frame + this */
#define TEST_MB         0x400u          /* test VAs: 0x40000000 ... */
#define TEST_MBS        32u
#define RESERVED_MB     0xf00u
#define RESERVED_MBS    16u
#define POOL            8u              /* fewer than the test MiBs: eviction happens */
#define SHADOW_L1_PA    0x20000000u
#define SHADOW_L2_PA    0x20100000u
#define STEPS           60000u
#define HOT_PAGES       48u             /* revisited, so changes meet filled entries */
#define TLB_ENTRIES     64u
#define LISTED_PAGES    3u              /* modified table list: fewer than the table pages */
#define TABLE_PAGES     ((GUEST_L2_BASE + GUEST_L2_COUNT * L2_TABLE_SIZE - GUEST_RAM) / PAGE_SIZE)

static uint8_t guest_ram[GUEST_RAM_SIZE] __attribute__((aligned(16384)));
static uint32_t shadow_l1[SPACES][SHADOW_VIEWS][L1_ENTRIES] __attribute__((aligned(16384)));
static uint32_t shadow_l2[POOL][L2_ENTRIES] __attribute__((aligned(1024)));
static struct shadow_l2_info l2_info[POOL];
static int16_t l2_of_mb[SPACES][L1_ENTRIES][SHADOW_VIEWS];
static uint32_t mb_spaces[L1_ENTRIES];          /* one word of space bits per MiB */
_Static_assert(SPACES <= 32u, "the test's spaces fit one word of the pool's per-MiB bits");
static struct shadow_pool pool;
static struct shadow_space spaces[SPACES];
static struct dacr_map maps[SPACES];
static uint32_t rng = 12345;

static uint32_t rnd(uint32_t n)
{
	rng = rng * 1103515245u + 12345u;
	return (rng >> 8) % n;
}

static bool read_guest(void *ctx, uint32_t gpa, uint32_t *value)
{
	(void)ctx;
	if (gpa - GUEST_RAM >= GUEST_RAM_SIZE)
		return false;
	memcpy(value, &guest_ram[gpa - GUEST_RAM], 4);
	return true;
}

/* Forget what every space derived from the descriptor at `gpa`. */
static void descriptor_changed(void *ctx, uint32_t gpa)
{
	(void)ctx;
	shadow_pool_descriptor_written(&pool, gpa);
	for (unsigned k = 0; k < SPACES; k++)
		if (gpa - GUEST_L1(k) < L1_TABLE_SIZE)
			shadow_l1_descriptor_written(&spaces[k], (gpa - GUEST_L1(k)) / 4u);
}

/*
 * The modified table list: stores to a listed page are not reported, so
 * the descriptors they changed are "dirty" until resynchronised; what they
 * translate may be stale in the shadow, as in a TLB, and is not checked.
 */
static struct modified_tables list;
static uint32_t list_gpa[LISTED_PAGES], list_age[LISTED_PAGES];
static uint32_t list_snapshot[LISTED_PAGES][PAGE_DESCRIPTORS];
static bool dirty[GUEST_RAM_SIZE / 4u];
static unsigned resync_count;

static const uint32_t *list_page(void *ctx, uint32_t page_gpa)
{
	(void)ctx;
	return (const uint32_t *)&guest_ram[page_gpa - GUEST_RAM];
}

static bool list_has(void *ctx, uint32_t gpa)
{
	(void)ctx;
	return modified_tables_find(&list, gpa) >= 0;
}

static void resynced(void *ctx, uint32_t gpa)
{
	descriptor_changed(ctx, gpa);
	dirty[(gpa - GUEST_RAM) / 4u] = false;
	resync_count++;
}

static const struct modified_tables_ops list_ops = {
	.page = list_page, .read = read_guest, .listed = list_has, .descriptor_changed = resynced,
};

/* When set, a guest table write is reported as write tracking would, unless its page is listed. */
static bool tracking;

static void write_guest(uint32_t gpa, uint32_t value)
{
	memcpy(&guest_ram[gpa - GUEST_RAM], &value, 4);
	if (list_has(NULL, gpa))
		dirty[(gpa - GUEST_RAM) / 4u] = true;
	else if (tracking)
		descriptor_changed(NULL, gpa);
}

/* The first store to a protected table page: list it (the oldest leaves, resynchronised). */
static void unprotect(uint32_t page)
{
	if (list_has(NULL, page))
		return;
	if (list.count == list.capacity) {
		unsigned e = modified_tables_oldest(&list);
		modified_tables_resync(&list, e, 0, PAGE_DESCRIPTORS, &list_ops);
		modified_tables_remove(&list, e);
	}
	modified_tables_add(&list, page, list_page(NULL, page));
}

static bool dirty_at(uint32_t gpa)
{
	return gpa && gpa - GUEST_RAM < GUEST_RAM_SIZE && dirty[(gpa - GUEST_RAM) / 4u];
}

static uint32_t shadow_table_phys(const void *table)
{
	return SHADOW_L2_PA + (uint32_t)((const uint8_t *)table - (const uint8_t *)shadow_l2);
}

static bool read_shadow(void *ctx, uint32_t pa, uint32_t *value)
{
	(void)ctx;
	if (pa - SHADOW_L1_PA < sizeof(shadow_l1))
		memcpy(value, (uint8_t *)shadow_l1 + (pa - SHADOW_L1_PA), 4);
	else if (pa - SHADOW_L2_PA < sizeof(shadow_l2))
		memcpy(value, (uint8_t *)shadow_l2 + (pa - SHADOW_L2_PA), 4);
	else
		return false;
	return true;
}

/*
 * A TLB that keeps what the MMU walked until told to forget it, by ASID
 * (space and view) and page: stale shadow entries that the code forgets
 * to report show up as rights the guest no longer grants.
 */
struct tlb_entry {
	bool valid;
	uint32_t asid, page;
	struct guest_walk_result walk;
};
static struct tlb_entry tlb[TLB_ENTRIES];

static uint32_t asid_of(unsigned space, enum shadow_view view)
{
	return 1u + 2u * space + (uint32_t)view;
}

static void tlb_forget(uint32_t asid, bool by_page, uint32_t page)
{
	for (unsigned i = 0; i < TLB_ENTRIES; i++)
		if (tlb[i].asid == asid && (!by_page || tlb[i].page == page))
			tlb[i].valid = false;
}

/* What guest_mmu does with stale views: invalidate them by ASID. */
static void flush_stale(unsigned space)
{
	for (unsigned v = 0; v < SHADOW_VIEWS; v++)
		if (spaces[space].stale_views & SHADOW_VIEW_BIT(v))
			tlb_forget(asid_of(space, (enum shadow_view)v), false, 0);
	spaces[space].stale_views = 0;
}

/* Random guest descriptors, written from the ARM ARM formats (B3.5.1). */
static uint32_t random_ap_bits_section(void)
{
	uint32_t ap = rnd(8);
	return ((ap & 3u) << 10) | ((ap >> 2) << 15) | (rnd(2) ? (1u << 4) : 0u) |
	       (rnd(8) ? 0u : L1_SECT_NG);
}

/* nG of a small or large page: mostly global, as a kernel's. */
static uint32_t random_ng_bit_page(void)
{
	return rnd(8) ? 0u : L2_SMALL_NG;
}

static void random_l2_table(uint32_t table_gpa)
{
	for (unsigned i = 0; i < L2_ENTRIES; i++)
		write_guest(table_gpa + 4u * i, 0);
	for (unsigned i = 0; i < L2_ENTRIES; i += 16) {
		uint32_t ap = rnd(8), frame = GUEST_RAM + 0x4000000u + rnd(0x400) * 0x10000u;
		switch (rnd(3)) {
		case 0:         /* large page: 16 identical entries, XN bit 15 */
			for (unsigned j = 0; j < 16; j++)
				write_guest(table_gpa + 4u * (i + j), frame | 1u | ((ap & 3u) << 4) |
					    ((ap >> 2) << 9) | (rnd(2) ? (1u << 15) : 0u) | random_ng_bit_page());
			break;
		case 1:         /* small pages, XN bit 0 */
			for (unsigned j = 0; j < 16; j++) {
				ap = rnd(8);
				write_guest(table_gpa + 4u * (i + j), (frame + j * 0x1000u) | 2u |
					    ((ap & 3u) << 4) | ((ap >> 2) << 9) | rnd(2) | random_ng_bit_page());
			}
			break;
		default:        /* faults */
			break;
		}
	}
}

static void random_l1_entry(unsigned k, uint32_t mb)
{
	uint32_t domain = rnd(4) << 5;

	switch (rnd(4)) {
	case 0:
		write_guest(GUEST_L1(k) + 4u * mb, 0);
		break;
	case 1:
		write_guest(GUEST_L1(k) + 4u * mb, (GUEST_RAM + 0x8000000u + rnd(64) * 0x100000u) |
			    2u | domain | random_ap_bits_section());
		break;
	default: {
		uint32_t table = GUEST_L2_BASE + rnd(GUEST_L2_COUNT) * L2_TABLE_SIZE;
		random_l2_table(table);
		write_guest(GUEST_L1(k) + 4u * mb, table | 1u | domain);
		break;
	}
	}
}

/* One supersection (16 replicated L1 entries, domain 0) at the start of the range. */
static void supersection(unsigned k)
{
	uint32_t desc = 0x90000000u | (1u << 18) | 2u | random_ap_bits_section();

	for (unsigned i = 0; i < 16; i++)
		write_guest(GUEST_L1(k) + 4u * (TEST_MB + i), desc);
}

/* Mostly the randomly mapped MiBs after the supersection's 16. */
static uint32_t random_va(void)
{
	uint32_t first = rnd(4) ? TEST_MB + 16u : TEST_MB;
	uint32_t span = (TEST_MB + TEST_MBS - first) << SECTION_SHIFT;

	return (first << SECTION_SHIFT) + rnd(span) / 4u * 4u;
}

struct world {
	unsigned cur;           /* the space running */
	uint32_t dacr;
	bool priv;
};

static struct guest_walk_regs guest_regs(const struct world *w)
{
	return (struct guest_walk_regs){ .ttbr0 = GUEST_L1(w->cur) };
}

/* What the MMU does with the running view: the TLB, else a walk of the shadow. */
static bool hardware_allows(struct world *w, uint32_t va, enum ref_access a, uint32_t *pa)
{
	enum shadow_view view = shadow_view_of(w->priv);
	uint32_t asid = asid_of(w->cur, view), page = va & PAGE_MASK;
	struct tlb_entry *e = NULL;

	for (unsigned i = 0; i < TLB_ENTRIES && !e; i++)
		if (tlb[i].valid && tlb[i].asid == asid && tlb[i].page == page)
			e = &tlb[i];
	if (!e) {
		const struct guest_walk_regs hw = {
			.ttbr0 = SHADOW_L1_PA + (uint32_t)((const uint8_t *)shadow_l1[w->cur][view] -
							   (const uint8_t *)shadow_l1),
		};
		struct guest_walk_result h;
		guest_walk(&hw, va, read_shadow, NULL, &h);
		if (!h.ok)
			return false;
		e = &tlb[rnd(TLB_ENTRIES)];
		*e = (struct tlb_entry){ .valid = true, .asid = asid, .page = page, .walk = h };
	}
	*pa = (e->walk.pa & PAGE_MASK) | (va & ~PAGE_MASK);
	uint32_t field = (dacr_map_processor_dacr(&maps[w->cur]) >> (2u * e->walk.domain)) & 3u;
	return ref_access_allowed(field, e->walk.ap, e->walk.xn, false, a);
}

/* The descriptor at `gpa` as the shadows may reflect it: its snapshot while listed (hyp/guest_tables.c). */
static uint32_t reflected(uint32_t gpa)
{
	int e = modified_tables_find(&list, gpa);
	uint32_t value = 0;

	if (e >= 0)
		return list.snapshot[e][(gpa & ~PAGE_MASK) / 4u];
	read_guest(NULL, gpa, &value);
	return value;
}

static unsigned seeded;

/*
 * A new table of the running space starts with what another space's table
 * for the MiB holds, as hyp/guest_mmu.c does: the first (at random) whose
 * L1 descriptor (as reflected) is the same and whose domain is manager in
 * both or in neither.
 */
static void seed(const struct world *w, uint32_t va, uint32_t domain, uint32_t l1_desc)
{
	uint32_t mb = va >> SECTION_SHIFT, first = rnd(SPACES);
	bool manager = ((maps[w->cur].guest_dacr >> (2u * domain)) & 3u) == GUEST_DV_MANAGER;

	for (unsigned n = 0; n < SPACES; n++) {
		unsigned k = (first + n) % SPACES;
		bool donor_manager = ((maps[k].guest_dacr >> (2u * domain)) & 3u) == GUEST_DV_MANAGER;
		if (k != w->cur && donor_manager == manager && reflected(GUEST_L1(k) + 4u * mb) == l1_desc &&
		    shadow_seed_new_table(&spaces[w->cur], &spaces[k], va, shadow_view_of(w->priv))) {
			seeded++;
			return;
		}
	}
}

static void access(struct world *w, uint32_t va, enum ref_access a)
{
	static const enum guest_access ga[] = { GUEST_READ, GUEST_WRITE, GUEST_EXEC };
	const struct guest_walk_regs regs = guest_regs(w);
	struct shadow_space *s = &spaces[w->cur];
	struct guest_walk_result g;
	uint32_t pa = 0, gfault;

	guest_walk(&regs, va, read_guest, NULL, &g);
	gfault = g.ok ? guest_access_fault(&g, w->dacr, w->priv, ga[a]) : 1u;
	bool stale_allowed = dirty_at(g.l1_desc_gpa) || dirty_at(g.l2_desc_gpa);
	if (hardware_allows(w, va, a, &pa)) {
		if (stale_allowed)
			return;
		if (gfault)
			FAIL("va 0x%08x access %d priv %d: the shadow allows what the guest forbids", va, a, w->priv);
		CHECK_EQ(pa, g.pa + HOST_OFFSET);
		return;
	}
	if (gfault)
		return;
	struct shadow_fill_req r = {
		.va = va, .hpa = (g.pa & PAGE_MASK) + HOST_OFFSET, .guest_domain = g.domain,
		.guest_dv = (w->dacr >> (2u * g.domain)) & 3u, .privileged = w->priv,
		.ap = g.ap, .xn = g.xn,
		.guest_table = g.l2_desc_gpa & L1_TABLE_ADDR_MASK, .global = !g.ng,
	};
	modified_tables_note_used(&list, g.l1_desc_gpa, g.l1_desc, &list_ops);    /* first, as hyp/guest_mmu.c */
	if (g.l2_desc_gpa)
		modified_tables_note_used(&list, g.l2_desc_gpa, g.l2_desc, &list_ops);
	bool new_table = s->l2_of_mb[va >> SECTION_SHIFT][shadow_view_of(w->priv)] < 0;
	enum shadow_fill_result res = shadow_fill(s, &maps[w->cur], &r);
	if (res == SHADOW_NO_DOMAIN) {
		dacr_map_reset(&maps[w->cur], w->dacr, w->priv);
		shadow_drop_all(s);
		res = shadow_fill(s, &maps[w->cur], &r);
	}
	CHECK(res == SHADOW_FILLED);
	if (new_table && r.global)
		seed(w, va, g.domain, g.l1_desc);
	flush_stale(w->cur);
	if (!hardware_allows(w, va, a, &pa))
		FAIL("va 0x%08x access %d priv %d: still denied after the fill", va, a, w->priv);
	CHECK_EQ(pa, g.pa + HOST_OFFSET);
	CHECK(shadow_lookup(s, shadow_view_of(w->priv), va, &pa));     /* what the MMU walked, read back */
	CHECK_EQ(pa, g.pa + HOST_OFFSET);
}

/* Empty shadow spaces and TLB, guest DACR 0x55 (domains 0-3 client), space 0 running. */
static void small_world(struct world *w, bool priv)
{
	pool = (struct shadow_pool){ .l2 = shadow_l2, .info = l2_info, .count = POOL,
				     .table_phys = shadow_table_phys, .mb_spaces = mb_spaces, .space_words = 1 };
	shadow_pool_init(&pool);
	for (unsigned k = 0; k < SPACES; k++) {
		spaces[k] = (struct shadow_space){
			.l1 = { shadow_l1[k][SHADOW_VIEW_KERNEL], shadow_l1[k][SHADOW_VIEW_USER] },
			.l2_of_mb = l2_of_mb[k], .pool = &pool, .id = (uint16_t)k,
			.reserved_mb = RESERVED_MB, .reserved_mbs = RESERVED_MBS,
		};
		shadow_init(&spaces[k]);
		dacr_map_reset(&maps[k], 0x55, priv);
	}
	memset(tlb, 0, sizeof(tlb));
	list = (struct modified_tables){ .page_gpa = list_gpa, .snapshot = list_snapshot,
					 .listed_at = list_age, .capacity = LISTED_PAGES };
	modified_tables_init(&list);
	memset(dirty, 0, sizeof(dirty));
	w->cur = 0;
	w->dacr = 0x55;
	w->priv = priv;
}

/* A guest mode switch: registers only (the view, the processor DACR). */
static void switch_mode(struct world *w, bool priv)
{
	w->priv = priv;
	dacr_map_set_mode(&maps[w->cur], priv);
}

/* A guest context switch: that space catches up with the DACR and mode; its stale views go. */
static void switch_space(struct world *w, unsigned k)
{
	uint32_t mask;

	w->cur = k;
	if ((mask = dacr_map_set_guest_dacr(&maps[k], w->dacr)))
		shadow_l1_iterate(&spaces[k], mask);
	dacr_map_set_mode(&maps[k], w->priv);
	flush_stale(k);
}

/* Half of the entries the same as another space's, as a kernel's mappings repeat in every process. */
static void random_space(unsigned k)
{
	for (uint32_t mb = TEST_MB; mb < TEST_MB + TEST_MBS; mb++) {
		uint32_t other = GUEST_L1((k + 1u + rnd(SPACES - 1u)) % SPACES) + 4u * mb, desc;
		if (rnd(2) && read_guest(NULL, other, &desc) && desc)
			write_guest(GUEST_L1(k) + 4u * mb, desc);
		else
			random_l1_entry(k, mb);
	}
	supersection(k);
}

/*
 * Guest TLB maintenance by address: the listed descriptors that translate
 * it are resynchronised in every space. Nothing else: every other
 * descriptor a shadow holds anything from is on a protected page, whose
 * stores are reported at once.
 */
static void guest_tlbimva(uint32_t va)
{
	uint32_t l2_group = 0;

	for (unsigned k = 0; k < SPACES; k++)
		if (shadow_maps_mb(&spaces[k], va >> SECTION_SHIFT))  /* as hyp/guest_tables.c */
			modified_tables_resync_va(&list, &l2_group, GUEST_L1(k), 0, 0, va,
						  shadow_guest_table(&spaces[k], va >> SECTION_SHIFT), &list_ops);
	/*
	 * What the architecture now guarantees, whatever the code did: the
	 * whole entry translating va is fresh (a section's MiB, a large
	 * page's 64 KiB), so its descriptors are checked again.
	 */
	for (unsigned k = 0; k < SPACES; k++) {
		const struct guest_walk_regs regs = { .ttbr0 = GUEST_L1(k) };
		struct guest_walk_result g;
		guest_walk(&regs, va, read_guest, NULL, &g);
		if (g.l1_desc_gpa)
			dirty[(g.l1_desc_gpa - GUEST_RAM) / 4u] = false;
		uint32_t first = g.kind == WALK_LARGE_PAGE ? g.l2_desc_gpa & ~63u : g.l2_desc_gpa;
		for (uint32_t d = first; g.l2_desc_gpa && d <= (g.kind == WALK_LARGE_PAGE ? first + 60u : first);
		     d += 4u)
			dirty[(d - GUEST_RAM) / 4u] = false;
	}
}

/* Each space's list of owned tables holds exactly the pool tables it owns, linked both ways. */
static void check_owned_lists(void)
{
	for (unsigned k = 0; k < SPACES; k++) {
		unsigned listed = 0, owned = 0, prev = 0;
		for (unsigned link = spaces[k].owned_first; link; link = pool.info[link - 1u].owned_next) {
			CHECK(pool.info[link - 1u].owner == &spaces[k]);
			CHECK_EQ(pool.info[link - 1u].owned_prev, prev);
			prev = link;
			CHECK(++listed <= POOL);
		}
		for (unsigned i = 0; i < POOL; i++)
			owned += pool.info[i].owner == &spaces[k];
		CHECK_EQ(listed, owned);
	}
}

/* The pool's per-MiB space bits and each space's per-block counts say which MiBs have a table. */
static void check_mb_spaces(void)
{
	for (unsigned k = 0; k < SPACES; k++) {
		unsigned in_block = 0;
		for (uint32_t mb = 0; mb < L1_ENTRIES; mb++) {
			CHECK_EQ((shadow_pool_mb_spaces(&pool, mb)[0] >> k) & 1u,
				 (uint32_t)shadow_maps_mb(&spaces[k], mb));
			in_block += shadow_maps_mb(&spaces[k], mb);
			if ((mb + 1u) % SHADOW_MB_BLOCK == 0) {
				CHECK_EQ(spaces[k].block_tables[mb / SHADOW_MB_BLOCK], in_block);
				in_block = 0;
			}
		}
	}
}

TEST(shadow_fill_randomized_against_guest_tables)
{
	static struct world w;
	unsigned mode_switches = 0;

	memset(guest_ram, 0, sizeof(guest_ram));
	small_world(&w, true);
	for (unsigned k = 0; k < SPACES; k++)
		random_space(k);
	/* Hot pages: a few per MiB in a handful of MiBs, so tables hold several entries. */
	uint32_t hot[HOT_PAGES];
	for (unsigned i = 0; i < HOT_PAGES; i++)
		hot[i] = ((TEST_MB + 16u + rnd(6)) << SECTION_SHIFT) + (rnd(L2_ENTRIES) << PAGE_SHIFT);

	for (unsigned step = 0; step < STEPS; step++) {
		uint32_t op = rnd(100), mask;
		check_owned_lists();
		if (step % 97u == 0)
			check_mb_spaces();      /* every MiB: too slow for every step */
		if (op < 72) {
			uint32_t va = rnd(8) ? hot[rnd(HOT_PAGES)] + rnd(PAGE_SIZE / 4u) * 4u : random_va();
			access(&w, va, (enum ref_access)rnd(3));
		} else if (op < 80) {
			/* Nothing in the shadow may change: the mode picks the view. */
			uint32_t drops = spaces[w.cur].stats.l2_drops, fills = spaces[w.cur].stats.fills;
			switch_mode(&w, !w.priv);
			CHECK_EQ(spaces[w.cur].stats.l2_drops, drops);
			CHECK_EQ(spaces[w.cur].stats.fills, fills);
			CHECK_EQ(spaces[w.cur].stale_views, 0);
			mode_switches++;
		} else if (op < 88) {
			unsigned d = rnd(4);
			w.dacr = (w.dacr & ~(3u << (2u * d))) | (rnd(4) << (2u * d));
			if ((mask = dacr_map_set_guest_dacr(&maps[w.cur], w.dacr)))
				shadow_l1_iterate(&spaces[w.cur], mask);
			flush_stale(w.cur);
		} else if (op < 89) {
			switch_space(&w, rnd(SPACES));
		} else if (op < 90) {
			unprotect(GUEST_RAM + rnd(TABLE_PAGES) * PAGE_SIZE);
			flush_stale(w.cur);
		} else if (op < 91) {
			/* TLBIMVA for an address in one of the hot MiBs: a resync point. */
			guest_tlbimva(rnd(2) ? hot[rnd(HOT_PAGES)] : random_va());
			flush_stale(w.cur);
		} else if (op < 92) {
			/* A root reused for another address space: its ASIDs too. */
			unsigned k = rnd(SPACES);
			tracking = true;        /* the L2 tables it rewrites serve the others too */
			random_space(k);
			tracking = false;
			shadow_drop_all(&spaces[k]);
			spaces[k].stale_views = SHADOW_ALL_VIEWS;
			dacr_map_reset(&maps[k], w.dacr, w.priv);
			flush_stale(w.cur);
		} else if (op < 95) {
			if (rnd(4))
				continue;
			/* A new L1 entry, then TLBIALL as the architecture requires, or write tracking. */
			tracking = rnd(2);
			unsigned k = rnd(SPACES);
			random_l1_entry(k, TEST_MB + 16u + rnd(TEST_MBS - 16u));
			if (!tracking) {       /* TLBIALL: the list starts afresh too */
				for (unsigned j = 0; j < SPACES; j++)
					shadow_drop_all(&spaces[j]);
				memset(tlb, 0, sizeof(tlb));
				for (unsigned j = 0; j < SPACES; j++)
					spaces[j].stale_views = 0;
				modified_tables_init(&list);
				memset(dirty, 0, sizeof(dirty));
			}
			tracking = false;
			flush_stale(w.cur);
		} else {
			/*
			 * One small page, large page or section changed (AP[0]
			 * flipped): reported by write tracking, as every store to
			 * an unlisted table page is in the hypervisor, or, once the
			 * first store has listed the page, brought in line by a
			 * TLBIMVA for one address in it.
			 */
			uint32_t va = rnd(4) ? hot[rnd(HOT_PAGES)] : random_va();
			const struct guest_walk_regs regs = guest_regs(&w);
			struct guest_walk_result g;
			guest_walk(&regs, va, read_guest, NULL, &g);
			if (!g.ok || g.kind == WALK_SUPERSECTION)
				continue;
			uint32_t span = g.kind == WALK_SECTION ? SECTION_SIZE :
					g.kind == WALK_LARGE_PAGE ? 0x10000u : PAGE_SIZE;
			/* Addresses translated by the same entry: filled before, checked after. */
			uint32_t same[4];
			for (unsigned i = 0; i < 4; i++) {
				same[i] = (va & ~(span - 1u)) + rnd(span / 4u) * 4u;
				access(&w, same[i], (enum ref_access)rnd(2));
			}
			tracking = true;
			if (rnd(2))                     /* the first store unprotects the page */
				unprotect((g.kind == WALK_SECTION ? g.l1_desc_gpa : g.l2_desc_gpa) & PAGE_MASK);
			if (g.kind == WALK_SECTION) {
				write_guest(g.l1_desc_gpa, g.l1_desc ^ (1u << 10));
			} else {
				uint32_t first = g.kind == WALK_LARGE_PAGE ? g.l2_desc_gpa & ~63u : g.l2_desc_gpa;
				uint32_t last = g.kind == WALK_LARGE_PAGE ? first + 60u : first;
				for (uint32_t d = first; d <= last; d += 4u) {
					uint32_t desc;
					read_guest(NULL, d, &desc);
					write_guest(d, desc ^ (1u << 4));
				}
			}
			if (list_has(NULL, g.l1_desc_gpa) || list_has(NULL, g.l2_desc_gpa))
				guest_tlbimva((va & ~(span - 1u)) + rnd(span / 4u) * 4u);
			tracking = false;
			flush_stale(w.cur);
			for (unsigned i = 0; i < 4; i++)
				access(&w, same[i], (enum ref_access)rnd(2));
		}
	}
	check_owned_lists();
	check_mb_spaces();
	struct shadow_stats total = { 0 };
	for (unsigned k = 0; k < SPACES; k++) {
		total.fills += spaces[k].stats.fills;
		total.l2_evictions += spaces[k].stats.l2_evictions;
		total.class_conversions += spaces[k].stats.class_conversions;
	}
	CHECK(total.fills > 1000);
	CHECK(total.l2_evictions > 0);
	CHECK(total.class_conversions > 0);
	CHECK(mode_switches > 1000);
	CHECK(resync_count > 100);
	CHECK(seeded > 50);
}

/* A mixed MiB: a view table per mode; a kernel-only page gives User mode nothing. */
TEST(shadow_mixed_mib_has_a_view_per_mode)
{
	static struct world w;
	uint32_t pa;
	struct shadow_fill_req r = { .va = 0x40000000u, .hpa = 0x81000000u, .guest_domain = 1,
				     .guest_dv = GUEST_DV_CLIENT, .privileged = false, .ap = 3 };

	small_world(&w, false);
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_FILLED);    /* same class: shared */
	CHECK_EQ(l2_of_mb[0][0x400][SHADOW_VIEW_KERNEL], l2_of_mb[0][0x400][SHADOW_VIEW_USER]);
	r.va += PAGE_SIZE;
	r.ap = 2;                                                   /* current mode: converts */
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_FILLED);
	CHECK(spaces[0].stale_views != 0);                          /* the shared table went */
	flush_stale(0);
	CHECK_EQ(l2_of_mb[0][0x400][SHADOW_VIEW_KERNEL], -1);
	r.va += PAGE_SIZE;
	r.ap = 1;                                                   /* kernel-only */
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_FILLED);
	CHECK_EQ(spaces[0].stale_views, 0);
	CHECK_EQ(spaces[0].stats.class_conversions, 1);
	CHECK(!hardware_allows(&w, r.va, REF_READ, &pa));
	CHECK(hardware_allows(&w, r.va - PAGE_SIZE, REF_READ, &pa));
	CHECK(!hardware_allows(&w, r.va - PAGE_SIZE, REF_WRITE, &pa));

	/* To kernel mode: the kernel view fills its own table; the user view stays. */
	switch_mode(&w, true);
	r.privileged = true;
	CHECK(!hardware_allows(&w, r.va, REF_WRITE, &pa));
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_FILLED);
	CHECK(hardware_allows(&w, r.va, REF_WRITE, &pa));
	CHECK(l2_of_mb[0][0x400][SHADOW_VIEW_KERNEL] != l2_of_mb[0][0x400][SHADOW_VIEW_USER]);
	switch_mode(&w, false);
	CHECK(!hardware_allows(&w, r.va, REF_READ, &pa));
	CHECK(hardware_allows(&w, r.va - PAGE_SIZE, REF_READ, &pa));
	CHECK_EQ(spaces[0].stats.class_conversions, 1);
}

/* A guest that moves a MiB to another domain without TLB maintenance gets a fresh table. */
TEST(shadow_guest_domain_change_replaces_table)
{
	static struct world w;
	uint32_t pa;
	struct shadow_fill_req r = { .va = 0x40000000u, .hpa = 0x81000000u, .guest_domain = 1,
				     .guest_dv = GUEST_DV_CLIENT, .privileged = true, .ap = 3 };

	small_world(&w, true);
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_FILLED);
	CHECK(hardware_allows(&w, 0x40000000u, REF_READ, &pa));
	r.va += PAGE_SIZE;
	r.guest_domain = 2;
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_FILLED);
	CHECK(spaces[0].stale_views != 0);                          /* old table freed */
	flush_stale(0);
	CHECK(!hardware_allows(&w, 0x40000000u, REF_READ, &pa));   /* the old page is gone */
	CHECK(hardware_allows(&w, r.va, REF_READ, &pa));
	w.dacr = 0x55u & ~(3u << 4);                                /* domain 2: no access */
	CHECK_EQ(dacr_map_set_guest_dacr(&maps[0], w.dacr), 0);
	CHECK(!hardware_allows(&w, r.va, REF_READ, &pa));
}

/* Manager to client and back: L1 iterate, L2 drop, and the entries come back right. */
TEST(shadow_manager_transitions_rederive)
{
	static struct world w;
	uint32_t pa, mask;
	struct shadow_fill_req r = { .va = 0x40000000u, .hpa = 0x81000000u, .guest_domain = 1,
				     .guest_dv = GUEST_DV_MANAGER, .privileged = true, .ap = 5 };

	small_world(&w, true);
	w.dacr = (0x55u & ~(3u << 2)) | (GUEST_DV_MANAGER << 2);
	dacr_map_reset(&maps[0], w.dacr, true);
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_FILLED);
	CHECK(hardware_allows(&w, r.va, REF_WRITE, &pa));           /* manager: no checks */
	w.dacr = 0x55;
	mask = dacr_map_set_guest_dacr(&maps[0], w.dacr);
	CHECK_EQ(mask, 1u << 1);
	CHECK_EQ(shadow_l1_iterate(&spaces[0], mask), 1);
	flush_stale(0);
	CHECK(!hardware_allows(&w, r.va, REF_READ, &pa));           /* dropped */
	r.guest_dv = GUEST_DV_CLIENT;
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_FILLED);
	CHECK(hardware_allows(&w, r.va, REF_READ, &pa));
	CHECK(!hardware_allows(&w, r.va, REF_WRITE, &pa));          /* AP 101: kernel read-only */
}

/* Write tracking: a guest store to a descriptor forgets exactly what was derived from it. */
TEST(shadow_tracked_descriptor_writes)
{
	static struct world w;
	const uint32_t va = (TEST_MB << SECTION_SHIFT) + 0x5000u, table = GUEST_L2_BASE;
	uint32_t pa;

	memset(guest_ram, 0, sizeof(guest_ram));
	small_world(&w, false);
	write_guest(GUEST_L1(0) + 4u * TEST_MB, table | 1u | (1u << 5));       /* domain 1 */
	write_guest(table + 4u * 5u, 0x81005000u | 2u | (3u << 4));           /* AP 011 */
	access(&w, va, REF_WRITE);
	CHECK(hardware_allows(&w, va, REF_WRITE, &pa));

	tracking = true;
	write_guest(table + 4u * 5u, 0x81005000u | 2u | (2u << 4));           /* AP 010 */
	tracking = false;
	flush_stale(0);
	CHECK(!hardware_allows(&w, va, REF_WRITE, &pa));
	access(&w, va, REF_READ);
	CHECK(hardware_allows(&w, va, REF_READ, &pa));
	CHECK(!hardware_allows(&w, va, REF_WRITE, &pa));                       /* user mode: RO */

	tracking = true;
	write_guest(GUEST_L1(0) + 4u * TEST_MB, 0);                            /* the MiB goes */
	tracking = false;
	flush_stale(0);
	CHECK(!hardware_allows(&w, va, REF_READ, &pa));
}

/* The pool knows which guest table pages its tables come from, until they go. */
TEST(shadow_pool_knows_the_tables_it_derives_from)
{
	static struct world w;
	const uint32_t va = (TEST_MB << SECTION_SHIFT) + 0x5000u, table = GUEST_L2_BASE + 0x400u;

	memset(guest_ram, 0, sizeof(guest_ram));
	small_world(&w, false);
	CHECK(!shadow_pool_derives_from_table(&pool, table));
	write_guest(GUEST_L1(0) + 4u * TEST_MB, table | 1u);
	write_guest(table + 4u * 5u, 0x81005000u | 2u | (3u << 4));
	access(&w, va, REF_READ);
	CHECK(shadow_pool_derives_from_table(&pool, table));
	CHECK(shadow_pool_derives_from_table(&pool, table + 0x123u));           /* any address in the table */
	CHECK(!shadow_pool_derives_from_table(&pool, table - L2_TABLE_SIZE));   /* the page's other tables */
	CHECK(!shadow_pool_derives_from_table(&pool, table + L2_TABLE_SIZE));
	CHECK(!shadow_pool_derives_from_table(&pool, table + PAGE_SIZE));

	tracking = true;
	write_guest(GUEST_L1(0) + 4u * TEST_MB, 0);                            /* the MiB and its table go */
	tracking = false;
	CHECK(!shadow_pool_derives_from_table(&pool, table));
}

TEST(shadow_reserved_window_untouched)
{
	static struct world w;
	static const struct shadow_fill_req r = { .va = 0xf0001000u, .hpa = 0x81000000u, .ap = 3 };

	const uint32_t last = RESERVED_MB + RESERVED_MBS - 1u;

	for (unsigned v = 0; v < SHADOW_VIEWS; v++) {
		shadow_l1[0][v][RESERVED_MB] = 0x8f000000u | 2u;
		shadow_l1[0][v][last] = 0x8ff00000u | 2u;
		shadow_l1[0][v][RESERVED_MB - 1u] = 0x8e000000u | 2u;  /* guest MiBs around it: emptied */
		shadow_l1[0][v][last + 1u] = 0x8e100000u | 2u;
	}
	small_world(&w, true);
	for (unsigned v = 0; v < SHADOW_VIEWS; v++) {
		CHECK_EQ(shadow_l1[0][v][last], 0x8ff00000u | 2u);
		CHECK_EQ(shadow_l1[0][v][RESERVED_MB - 1u], L1_TYPE_FAULT);
		CHECK_EQ(shadow_l1[0][v][last + 1u], L1_TYPE_FAULT);
	}
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_RESERVED_VA);
	shadow_drop_all(&spaces[0]);
	shadow_l1_iterate(&spaces[0], 0xffffu);
	shadow_l1_descriptor_written(&spaces[0], RESERVED_MB);
	CHECK_EQ(shadow_l1[0][SHADOW_VIEW_KERNEL][RESERVED_MB], 0x8f000000u | 2u);
	CHECK_EQ(shadow_l1[0][SHADOW_VIEW_USER][RESERVED_MB], 0x8f000000u | 2u);
}

/*
 * The stubs' windows: the kernel view maps each with the caller's
 * descriptor, the user view not at all; fills there are refused, nothing
 * that drops tables touches them, a new start keeps them, and clearing one
 * leaves the other and the kernel view stale (its TLB entries must go).
 */
TEST(shadow_stub_windows_in_the_kernel_view_only)
{
	static struct world w;
	const uint32_t mb = 0x401u, desc = 0x8f100000u | L1_TYPE_TABLE;
	const uint32_t mb2 = 0x4f0u, desc2 = 0x8f200000u | L1_TYPE_TABLE;
	struct shadow_fill_req r = { .va = mb << SECTION_SHIFT, .hpa = 0x81000000u, .guest_domain = 1,
				     .guest_dv = GUEST_DV_CLIENT, .privileged = true, .ap = 3 };

	small_world(&w, true);
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_FILLED);
	flush_stale(0);
	shadow_set_stub_window(&spaces[0], 0, mb, desc);
	shadow_set_stub_window(&spaces[0], 1, mb2, desc2);
	CHECK_EQ(spaces[0].stale_views, SHADOW_ALL_VIEWS);      /* the guest's table there went */
	for (unsigned k = 0; k < 2; k++) {
		uint32_t at = k ? mb2 : mb;
		CHECK_EQ(shadow_l1[0][SHADOW_VIEW_KERNEL][at], k ? desc2 : desc);
		CHECK_EQ(shadow_l1[0][SHADOW_VIEW_USER][at], L1_TYPE_FAULT);
		r.va = at << SECTION_SHIFT;
		r.privileged = true;
		CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_RESERVED_VA);
		r.privileged = false;
		CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_RESERVED_VA);
	}
	shadow_drop_all(&spaces[0]);
	shadow_l1_iterate(&spaces[0], 0xffffu);
	shadow_l1_descriptor_written(&spaces[0], mb);
	shadow_l1_descriptor_written(&spaces[0], mb2);
	shadow_init(&spaces[0]);
	CHECK_EQ(shadow_l1[0][SHADOW_VIEW_KERNEL][mb], desc);
	CHECK_EQ(shadow_l1[0][SHADOW_VIEW_USER][mb], L1_TYPE_FAULT);
	CHECK_EQ(shadow_l1[0][SHADOW_VIEW_KERNEL][mb2], desc2);
	flush_stale(0);
	shadow_clear_stub_window(&spaces[0], 0);
	CHECK_EQ(shadow_l1[0][SHADOW_VIEW_KERNEL][mb], L1_TYPE_FAULT);
	CHECK_EQ(shadow_l1[0][SHADOW_VIEW_KERNEL][mb2], desc2);
	CHECK_EQ(spaces[0].stale_views, SHADOW_VIEW_BIT(SHADOW_VIEW_KERNEL));
	r.va = mb << SECTION_SHIFT;
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_FILLED);
	r.va = mb2 << SECTION_SHIFT;
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_RESERVED_VA);
}

/* A block of MiBs counts as mapped while a table or a stub window is in it (a guest TLBIALL compares those). */
TEST(shadow_maps_block_by_tables_and_stub_windows)
{
	static struct world w;
	const uint32_t mb = 0x4c3u, block = 0x4c0u, window_block = 0x4e0u;
	struct shadow_fill_req r = { .va = mb << SECTION_SHIFT, .hpa = 0x81000000u, .guest_domain = 1,
				     .guest_dv = GUEST_DV_CLIENT, .privileged = true, .ap = 3 };

	small_world(&w, true);
	CHECK(!shadow_maps_block(&spaces[0], block));
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_FILLED);
	CHECK(shadow_maps_block(&spaces[0], block));
	CHECK(!shadow_maps_block(&spaces[0], block - SHADOW_MB_BLOCK));
	CHECK(!shadow_maps_block(&spaces[0], window_block));
	CHECK(!shadow_maps_block(&spaces[1], block));
	shadow_l1_descriptor_written(&spaces[0], mb);   /* its table goes */
	CHECK(!shadow_maps_block(&spaces[0], block));
	shadow_set_stub_window(&spaces[0], 1, window_block + 5u, 0x8f100000u | L1_TYPE_TABLE);
	CHECK(shadow_maps_block(&spaces[0], window_block));
	shadow_clear_stub_window(&spaces[0], 1);
	CHECK(!shadow_maps_block(&spaces[0], window_block));
}

/*
 * A listed descriptor changed from one valid value to another, then used
 * by another space's fill before the guest's TLBIMVA: the snapshot takes
 * the new value, so the TLBIMVA finds no change. What the first space's
 * shadow holds from the old value must have gone at the fill.
 */
TEST(shadow_a_change_another_space_used_first_is_not_missed)
{
	static struct world w;
	uint32_t table = GUEST_L2_BASE, va = (TEST_MB << SECTION_SHIFT) + 0x5000u, pa;
	uint32_t entry = table + ((va >> PAGE_SHIFT) % L2_ENTRIES) * 4u, frame = GUEST_RAM + 0x80000u;

	memset(guest_ram, 0, sizeof(guest_ram));
	small_world(&w, true);
	for (unsigned k = 0; k < 2u; k++)
		write_guest(GUEST_L1(k) + 4u * TEST_MB, table | L1_TYPE_TABLE | L1_DOMAIN(1));
	write_guest(entry, frame | L2_SMALL | L2_SMALL_AP(3));          /* read/write */
	access(&w, va, REF_WRITE);
	unprotect(table & PAGE_MASK);
	write_guest(entry, frame | L2_SMALL | L2_SMALL_AP(7));          /* read-only, not announced yet */
	switch_space(&w, 1);
	access(&w, va, REF_READ);
	guest_tlbimva(va);
	switch_space(&w, 0);
	CHECK(!hardware_allows(&w, va, REF_WRITE, &pa));
	CHECK(hardware_allows(&w, va, REF_READ, &pa) || !shadow_lookup(&spaces[0], SHADOW_VIEW_KERNEL, va, &pa));
}

/* shadow_lookup: the page's frame after a fill, nothing once it is forgotten or unmapped. */
TEST(shadow_lookup_follows_fills)
{
	static struct world w;
	uint32_t hpa;
	struct shadow_fill_req r = { .va = 0x40003000u, .hpa = 0x81005000u, .guest_domain = 1,
				     .guest_dv = GUEST_DV_CLIENT, .privileged = true, .ap = 3 };

	small_world(&w, true);
	CHECK(!shadow_lookup(&spaces[0], SHADOW_VIEW_KERNEL, r.va, &hpa));    /* no L2 table yet */
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_FILLED);
	CHECK(shadow_lookup(&spaces[0], SHADOW_VIEW_KERNEL, r.va + 0x123u, &hpa));
	CHECK(shadow_lookup(&spaces[0], SHADOW_VIEW_USER, r.va + 0x123u, &hpa));      /* shared */
	CHECK_EQ(hpa, 0x81005123u);
	CHECK(!shadow_lookup(&spaces[0], SHADOW_VIEW_KERNEL, r.va + PAGE_SIZE, &hpa)); /* empty entry */
	shadow_forget_frame_at(&spaces[0], r.va, r.hpa + PAGE_SIZE);                /* another frame */
	CHECK(shadow_lookup(&spaces[0], SHADOW_VIEW_KERNEL, r.va, &hpa));
	shadow_forget_frame_at(&spaces[0], r.va, r.hpa);
	CHECK(!shadow_lookup(&spaces[0], SHADOW_VIEW_KERNEL, r.va, &hpa));
}

/*
 * Seeding copies a donor table's pages into a new table but for the page it
 * was made for, and only from a table that holds global pages alone and
 * mirrors the same guest table; TLBIASID's drop keeps exactly the
 * global-only tables.
 */
TEST(shadow_seed_and_drop_nonglobal)
{
	static struct world w;
	uint32_t pa;
	struct shadow_fill_req r = { .va = 0x40000000u, .hpa = 0x81000000u, .guest_domain = 1,
				     .guest_dv = GUEST_DV_CLIENT, .privileged = true, .ap = 3,
				     .guest_table = 0x80010000u, .global = true };

	small_world(&w, true);
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_FILLED);
	r.va += PAGE_SIZE;
	r.hpa += PAGE_SIZE;
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_FILLED);
	/* Space 1 fills the second page elsewhere (its own view of it), then seeds. */
	r.hpa = 0x82000000u;
	CHECK_EQ(shadow_fill(&spaces[1], &maps[1], &r), SHADOW_FILLED);
	CHECK(shadow_seed_new_table(&spaces[1], &spaces[0], r.va, SHADOW_VIEW_KERNEL));
	CHECK(shadow_lookup(&spaces[1], SHADOW_VIEW_KERNEL, 0x40000000u, &pa));
	CHECK_EQ(pa, 0x81000000u);
	CHECK(shadow_lookup(&spaces[1], SHADOW_VIEW_KERNEL, 0x40001000u, &pa));
	CHECK_EQ(pa, 0x82000000u);                                  /* its own entry stays */
	CHECK_EQ(spaces[1].stale_views, 0);
	CHECK_EQ(spaces[1].stats.seeded, 1);

	/* A donor with a non-global page, or mirroring another guest table, seeds nothing. */
	r.va = 0x40102000u;
	r.global = false;
	CHECK_EQ(shadow_fill(&spaces[0], &maps[0], &r), SHADOW_FILLED);
	r.va = 0x40103000u;
	r.global = true;
	CHECK_EQ(shadow_fill(&spaces[2], &maps[2], &r), SHADOW_FILLED);
	CHECK(!shadow_seed_new_table(&spaces[2], &spaces[0], r.va, SHADOW_VIEW_KERNEL));
	CHECK(!shadow_lookup(&spaces[2], SHADOW_VIEW_KERNEL, 0x40102000u, &pa));
	r.va = 0x40003000u;
	r.guest_table = 0x80011000u;
	CHECK_EQ(shadow_fill(&spaces[2], &maps[2], &r), SHADOW_FILLED);
	CHECK(!shadow_seed_new_table(&spaces[2], &spaces[0], r.va, SHADOW_VIEW_KERNEL));

	/* TLBIASID: space 0's table with the non-global page goes, the global one stays. */
	shadow_drop_nonglobal(&spaces[0]);
	CHECK_EQ(l2_of_mb[0][0x401][SHADOW_VIEW_KERNEL], -1);
	CHECK(shadow_lookup(&spaces[0], SHADOW_VIEW_KERNEL, 0x40000000u, &pa));
	CHECK(spaces[0].stale_views != 0);
}
