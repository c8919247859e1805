/*
 * Shadow fill against the guest's own tables, randomized: guest tables with
 * sections, supersections, large and small pages, random AP/XN/domains,
 * guest DACR changes, kernel/user switches and table changes with their TLB
 * maintenance. After every step the MMU's view of the shadow (walked with
 * the same walker, checked at PL0 with the processor DACR) must never allow
 * what the guest's own MMU would not, must map to the same frame, and one
 * fill must make any access the guest allows go through. A fill that says
 * it needs no TLB maintenance must have changed no valid entry.
 */
#include <stdint.h>
#include <string.h>

#include "dacr/dacr_map.h"
#include "shadow_pt/guest_access.h"
#include "shadow_pt/guest_walk.h"
#include "shadow_pt/shadow.h"
#include "ref_perm.h"
#include "test.h"

#define GUEST_RAM       0x80000000u
#define GUEST_RAM_SIZE  0x00100000u     /* tables live here */
#define GUEST_L1        GUEST_RAM
#define GUEST_L2_BASE   (GUEST_RAM + 0x4000u)
#define GUEST_L2_COUNT  64u
#define HOST_OFFSET     0x01000000u     /* host frame = guest frame + this */
#define TEST_MB         0x400u          /* test VAs: 0x40000000 ... */
#define TEST_MBS        32u
#define RESERVED_MB     0xf00u
#define RESERVED_MBS    16u
#define POOL            12u             /* fewer than the test MiBs: eviction happens */
#define SHADOW_L1_PA    0x20000000u
#define SHADOW_L2_PA    0x20100000u
#define STEPS           40000u
#define HOT_PAGES       48u             /* revisited, so changes meet filled entries */

static uint8_t guest_ram[GUEST_RAM_SIZE] __attribute__((aligned(16384)));
static uint32_t shadow_l1[L1_ENTRIES] __attribute__((aligned(16384)));
static uint32_t shadow_l2[POOL][L2_ENTRIES] __attribute__((aligned(1024)));
static struct shadow_l2_info l2_info[POOL];
static int16_t l2_of_mb[L1_ENTRIES];
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

/* When set, every guest table write is reported as write tracking would. */
static struct shadow_space *tracking;

static void write_guest(uint32_t gpa, uint32_t value)
{
	memcpy(&guest_ram[gpa - GUEST_RAM], &value, 4);
	if (tracking)
		shadow_guest_descriptor_written(tracking, gpa, gpa - GUEST_L1 < L1_TABLE_SIZE ?
						(int)((gpa - GUEST_L1) / 4u) : -1);
}

/* The shadow before a fill, to check what a fill without TLB maintenance changed. */
static uint32_t old_l1[L1_ENTRIES];
static uint32_t old_l2[POOL][L2_ENTRIES];
static int16_t old_l2_of_mb[L1_ENTRIES];

static void snapshot_shadow(void)
{
	memcpy(old_l1, shadow_l1, sizeof(old_l1));
	memcpy(old_l2, shadow_l2, sizeof(old_l2));
	memcpy(old_l2_of_mb, l2_of_mb, sizeof(old_l2_of_mb));
}

/* Every entry the TLB could have cached before the fill is still there, unchanged. */
static void check_only_empty_entries_filled(void)
{
	for (uint32_t mb = 0; mb < L1_ENTRIES; mb++) {
		if ((old_l1[mb] & L1_TYPE_MASK) == L1_TYPE_FAULT)
			continue;
		if (shadow_l1[mb] != old_l1[mb])
			FAIL("MiB 0x%03x: L1 entry changed without TLB maintenance", mb);
		int idx = old_l2_of_mb[mb];
		if (idx < 0)
			continue;
		for (unsigned i = 0; i < L2_ENTRIES; i++)
			if (old_l2[idx][i] != L2_TYPE_FAULT && shadow_l2[idx][i] != old_l2[idx][i])
				FAIL("MiB 0x%03x page %u: valid entry changed without TLB maintenance", mb, i);
	}
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

/* Random guest descriptors, written from the ARM ARM formats (B3.5.1). */
static uint32_t random_ap_bits_section(void)
{
	uint32_t ap = rnd(8);
	return ((ap & 3u) << 10) | ((ap >> 2) << 15) | (rnd(2) ? (1u << 4) : 0u);
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
					    ((ap >> 2) << 9) | (rnd(2) ? (1u << 15) : 0u));
			break;
		case 1:         /* small pages, XN bit 0 */
			for (unsigned j = 0; j < 16; j++) {
				ap = rnd(8);
				write_guest(table_gpa + 4u * (i + j), (frame + j * 0x1000u) | 2u |
					    ((ap & 3u) << 4) | ((ap >> 2) << 9) | rnd(2));
			}
			break;
		default:        /* faults */
			break;
		}
	}
}

static void random_l1_entry(uint32_t mb)
{
	uint32_t domain = rnd(4) << 5;

	switch (rnd(4)) {
	case 0:
		write_guest(GUEST_L1 + 4u * mb, 0);
		break;
	case 1:
		write_guest(GUEST_L1 + 4u * mb, (GUEST_RAM + 0x8000000u + rnd(64) * 0x100000u) |
			    2u | domain | random_ap_bits_section());
		break;
	default: {
		uint32_t table = GUEST_L2_BASE + rnd(GUEST_L2_COUNT) * L2_TABLE_SIZE;
		random_l2_table(table);
		write_guest(GUEST_L1 + 4u * mb, table | 1u | domain);
		break;
	}
	}
}

/* One supersection (16 replicated L1 entries, domain 0) at the start of the range. */
static void supersection(void)
{
	uint32_t desc = 0x90000000u | (1u << 18) | 2u | random_ap_bits_section();

	for (unsigned i = 0; i < 16; i++)
		write_guest(GUEST_L1 + 4u * (TEST_MB + i), desc);
}

/* Mostly the randomly mapped MiBs after the supersection's 16. */
static uint32_t random_va(void)
{
	uint32_t first = rnd(4) ? TEST_MB + 16u : TEST_MB;
	uint32_t span = (TEST_MB + TEST_MBS - first) << SECTION_SHIFT;

	return (first << SECTION_SHIFT) + rnd(span) / 4u * 4u;
}

struct world {
	struct guest_walk_regs guest, hw;
	struct shadow_space s;
	struct dacr_map map;
	uint32_t dacr;
	bool priv;
};

static bool hardware_allows(struct world *w, uint32_t va, enum ref_access a, uint32_t *pa)
{
	struct guest_walk_result h;

	guest_walk(&w->hw, va, read_shadow, NULL, &h);
	if (!h.ok)
		return false;
	*pa = h.pa;
	uint32_t field = (dacr_map_processor_dacr(&w->map) >> (2u * h.domain)) & 3u;
	return ref_access_allowed(field, h.ap, h.xn, false, a);
}

static void access(struct world *w, uint32_t va, enum ref_access a)
{
	static const enum guest_access ga[] = { GUEST_READ, GUEST_WRITE, GUEST_EXEC };
	struct guest_walk_result g;
	uint32_t pa = 0, gfault;

	guest_walk(&w->guest, va, read_guest, NULL, &g);
	gfault = g.ok ? guest_access_fault(&g, w->dacr, w->priv, ga[a]) : 1u;
	if (hardware_allows(w, va, a, &pa)) {
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
		.guest_table = g.l2_desc_gpa & L1_TABLE_ADDR_MASK,
	};
	snapshot_shadow();
	enum shadow_fill_result res = shadow_fill(&w->s, &w->map, &r);
	if (res == SHADOW_NO_DOMAIN) {
		dacr_map_reset(&w->map, w->dacr, w->priv);
		shadow_drop_all(&w->s);
		res = shadow_fill(&w->s, &w->map, &r);
	} else if (res == SHADOW_FILLED) {
		check_only_empty_entries_filled();
	}
	CHECK(res == SHADOW_FILLED || res == SHADOW_FILLED_CHANGED);
	if (!hardware_allows(w, va, a, &pa))
		FAIL("va 0x%08x access %d priv %d: still denied after the fill", va, a, w->priv);
	CHECK_EQ(pa, g.pa + HOST_OFFSET);
	CHECK(shadow_lookup(&w->s, va, &pa));           /* what the MMU walked, read back */
	CHECK_EQ(pa, g.pa + HOST_OFFSET);
}

/* An empty shadow, guest DACR 0x55 (domains 0-3 client). */
static void small_world(struct world *w, bool priv)
{
	w->s = (struct shadow_space){
		.l1 = shadow_l1, .l2 = shadow_l2, .l2_info = l2_info, .l2_of_mb = l2_of_mb,
		.l2_count = POOL, .table_phys = shadow_table_phys,
		.reserved_mb = RESERVED_MB, .reserved_mbs = RESERVED_MBS,
	};
	w->hw = (struct guest_walk_regs){ .ttbr0 = SHADOW_L1_PA };
	shadow_init(&w->s);
	w->dacr = 0x55;
	w->priv = priv;
	dacr_map_reset(&w->map, w->dacr, priv);
}

TEST(shadow_fill_randomized_against_guest_tables)
{
	static struct world w;

	memset(guest_ram, 0, sizeof(guest_ram));
	small_world(&w, true);
	w.guest = (struct guest_walk_regs){ .ttbr0 = GUEST_L1 };
	for (uint32_t mb = TEST_MB; mb < TEST_MB + TEST_MBS; mb++)
		random_l1_entry(mb);
	supersection();
	/* Hot pages: a few per MiB in a handful of MiBs, so tables hold several entries. */
	uint32_t hot[HOT_PAGES];
	for (unsigned i = 0; i < HOT_PAGES; i++)
		hot[i] = ((TEST_MB + 16u + rnd(6)) << SECTION_SHIFT) + (rnd(L2_ENTRIES) << PAGE_SHIFT);

	for (unsigned step = 0; step < STEPS; step++) {
		uint32_t op = rnd(100), mask;
		if (op < 75) {
			uint32_t va = rnd(8) ? hot[rnd(HOT_PAGES)] + rnd(PAGE_SIZE / 4u) * 4u : random_va();
			access(&w, va, (enum ref_access)rnd(3));
		} else if (op < 83) {
			w.priv = !w.priv;
			if ((mask = dacr_map_set_mode(&w.map, w.priv)))
				shadow_l1_iterate(&w.s, mask, true);
		} else if (op < 91) {
			unsigned d = rnd(4);
			w.dacr = (w.dacr & ~(3u << (2u * d))) | (rnd(4) << (2u * d));
			if ((mask = dacr_map_set_guest_dacr(&w.map, w.dacr)))
				shadow_l1_iterate(&w.s, mask, false);
		} else if (op < 95) {
			if (rnd(4))
				continue;
			/* A new L1 entry, then TLBIALL as the architecture requires, or write tracking. */
			tracking = rnd(2) ? &w.s : NULL;
			random_l1_entry(TEST_MB + 16u + rnd(TEST_MBS - 16u));
			if (!tracking)
				shadow_drop_all(&w.s);
			tracking = NULL;
		} else {
			/* One small page changed, then TLBIMVA for it, or write tracking. */
			uint32_t va = rnd(4) ? hot[rnd(HOT_PAGES)] : random_va();
			struct guest_walk_result g;
			guest_walk(&w.guest, va, read_guest, NULL, &g);
			if (g.ok && g.kind == WALK_SMALL_PAGE) {
				tracking = rnd(2) ? &w.s : NULL;
				write_guest(g.l2_desc_gpa, g.l2_desc ^ (1u << 4));     /* flip AP[0] */
				if (!tracking)
					shadow_invalidate_page(&w.s, va);
				tracking = NULL;
			}
		}
	}
	CHECK(w.s.stats.fills > 1000);
	CHECK(w.s.stats.l2_evictions > 0);
	CHECK(w.s.stats.class_conversions > 0);
}


/* A current-mode table holds for a kernel-only page what User mode gets: nothing. */
TEST(shadow_current_mode_table_kernel_only_page_in_user_mode)
{
	static struct world w;
	uint32_t pa;
	struct shadow_fill_req r = { .va = 0x40000000u, .hpa = 0x81000000u, .guest_domain = 1,
				     .guest_dv = GUEST_DV_CLIENT, .privileged = false, .ap = 3 };

	small_world(&w, false);
	CHECK_EQ(shadow_fill(&w.s, &w.map, &r), SHADOW_FILLED);    /* same class */
	r.va += PAGE_SIZE;
	r.ap = 2;                                                   /* current mode: converts */
	CHECK_EQ(shadow_fill(&w.s, &w.map, &r), SHADOW_FILLED_CHANGED);
	r.va += PAGE_SIZE;
	r.ap = 1;                                                   /* kernel-only */
	CHECK_EQ(shadow_fill(&w.s, &w.map, &r), SHADOW_FILLED);
	CHECK_EQ(w.s.stats.class_conversions, 1);
	CHECK(!hardware_allows(&w, r.va, REF_READ, &pa));
	CHECK(hardware_allows(&w, r.va - PAGE_SIZE, REF_READ, &pa));
	CHECK(!hardware_allows(&w, r.va - PAGE_SIZE, REF_WRITE, &pa));
}

/* A guest that moves a MiB to another domain without TLB maintenance gets a fresh table. */
TEST(shadow_guest_domain_change_replaces_table)
{
	static struct world w;
	uint32_t pa;
	struct shadow_fill_req r = { .va = 0x40000000u, .hpa = 0x81000000u, .guest_domain = 1,
				     .guest_dv = GUEST_DV_CLIENT, .privileged = true, .ap = 3 };

	small_world(&w, true);
	CHECK_EQ(shadow_fill(&w.s, &w.map, &r), SHADOW_FILLED);
	r.va += PAGE_SIZE;
	r.guest_domain = 2;
	CHECK_EQ(shadow_fill(&w.s, &w.map, &r), SHADOW_FILLED_CHANGED);     /* old table freed */
	CHECK(!hardware_allows(&w, 0x40000000u, REF_READ, &pa));   /* the old page is gone */
	CHECK(hardware_allows(&w, r.va, REF_READ, &pa));
	w.dacr = 0x55u & ~(3u << 4);                                /* domain 2: no access */
	CHECK_EQ(dacr_map_set_guest_dacr(&w.map, w.dacr), 0);
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
	dacr_map_reset(&w.map, w.dacr, true);
	CHECK_EQ(shadow_fill(&w.s, &w.map, &r), SHADOW_FILLED);
	CHECK(hardware_allows(&w, r.va, REF_WRITE, &pa));           /* manager: no checks */
	w.dacr = 0x55;
	mask = dacr_map_set_guest_dacr(&w.map, w.dacr);
	CHECK_EQ(mask, 1u << 1);
	CHECK_EQ(shadow_l1_iterate(&w.s, mask, false), 1);
	CHECK(!hardware_allows(&w, r.va, REF_READ, &pa));           /* dropped */
	r.guest_dv = GUEST_DV_CLIENT;
	CHECK_EQ(shadow_fill(&w.s, &w.map, &r), SHADOW_FILLED);
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
	w.guest = (struct guest_walk_regs){ .ttbr0 = GUEST_L1 };
	write_guest(GUEST_L1 + 4u * TEST_MB, table | 1u | (1u << 5));          /* domain 1 */
	write_guest(table + 4u * 5u, 0x81005000u | 2u | (3u << 4));           /* AP 011 */
	access(&w, va, REF_WRITE);
	CHECK(hardware_allows(&w, va, REF_WRITE, &pa));

	tracking = &w.s;
	write_guest(table + 4u * 5u, 0x81005000u | 2u | (2u << 4));           /* AP 010 */
	tracking = NULL;
	CHECK(!hardware_allows(&w, va, REF_WRITE, &pa));
	access(&w, va, REF_READ);
	CHECK(hardware_allows(&w, va, REF_READ, &pa));
	CHECK(!hardware_allows(&w, va, REF_WRITE, &pa));                       /* user mode: RO */

	tracking = &w.s;
	write_guest(GUEST_L1 + 4u * TEST_MB, 0);                               /* the MiB goes */
	tracking = NULL;
	CHECK(!hardware_allows(&w, va, REF_READ, &pa));
}

TEST(shadow_reserved_window_untouched)
{
	static struct world w;
	static const struct shadow_fill_req r = { .va = 0xf0001000u, .hpa = 0x81000000u, .ap = 3 };

	shadow_l1[RESERVED_MB] = 0x8f000000u | 2u;
	small_world(&w, true);
	CHECK_EQ(shadow_fill(&w.s, &w.map, &r), SHADOW_RESERVED_VA);
	shadow_drop_all(&w.s);
	shadow_l1_iterate(&w.s, 0xffffu, false);
	CHECK_EQ(shadow_l1[RESERVED_MB], 0x8f000000u | 2u);
}

/* shadow_lookup: the page's frame after a fill, nothing once it is forgotten or unmapped. */
TEST(shadow_lookup_follows_fills)
{
	static struct world w;
	uint32_t hpa;
	struct shadow_fill_req r = { .va = 0x40003000u, .hpa = 0x81005000u, .guest_domain = 1,
				     .guest_dv = GUEST_DV_CLIENT, .privileged = true, .ap = 3 };

	small_world(&w, true);
	CHECK(!shadow_lookup(&w.s, r.va, &hpa));                   /* no L2 table yet */
	CHECK_EQ(shadow_fill(&w.s, &w.map, &r), SHADOW_FILLED);
	CHECK(shadow_lookup(&w.s, r.va + 0x123u, &hpa));
	CHECK_EQ(hpa, 0x81005123u);
	CHECK(!shadow_lookup(&w.s, r.va + PAGE_SIZE, &hpa));       /* same table, empty entry */
	shadow_invalidate_page(&w.s, r.va);
	CHECK(!shadow_lookup(&w.s, r.va, &hpa));
}
