/*
 * Attempts 7 and 8: descriptors changed without TLB maintenance, then with it.
 * Until the TLBIALL either the old or the new mapping may be used, so only
 * what both agree on is printed (SHOW_NOTHING); a store in
 * that interval writes what the old frame already holds.  A fault entry is
 * never held in a TLB, so replacing one needs no TLB maintenance. A new
 * mapping of HYP_PA may abort: that address is RAM or nothing, depending on
 * how much RAM the guest has, and nothing aborts on some boards (virt), so
 * accesses that may go there print only "done".
 */
#include <stdint.h>

#include "attempts.h"
#include "hostile.h"
#include "mmu.h"
#include "report.h"

#define STALE_PATTERN   0xbad0f007u
#define SENTINEL_A      0x5e0e1a00u
#define SENTINEL_B      0x5e0e1b00u

static uint32_t slot_through(uint32_t alias_va, uint32_t va)
{
	return alias_va + ((uint32_t)l1_table & SECTION_MASK) + (va >> L1_SHIFT) * 4u;
}

/* 7: the guest's L1 table seen at alias_va, rewritten through that alias. */
static void alias(const char *what, uint32_t alias_va)
{
	const uint32_t target_slot = slot_through(alias_va, TARGET_VA);
	const uint32_t self_slot = slot_through(alias_va, alias_va);
	const uint32_t to_frame = section_desc(FRAME_A, TEST_DOMAIN, AP_RW_ALL);
	const uint32_t to_hyp = section_desc(HYP_PA, TEST_DOMAIN, AP_RW_ALL);

	ram_store(FRAME_A, SENTINEL_A);
	set_l1(alias_va, section_desc((uint32_t)l1_table, TEST_DOMAIN, AP_RW_ALL));
	tlb_sync();
	attempt(what, OP_READ, target_slot, 0, SHOW_ALL);
	attempt(what, OP_WRITE, target_slot, to_frame, SHOW_ALL);
	clean_l1(TARGET_VA);
	tables_visible();
	attempt(what, OP_READ, TARGET_VA, 0, SHOW_ALL);		/* was a fault entry */

	attempt(what, OP_WRITE, target_slot, to_hyp, SHOW_ALL);
	clean_l1(TARGET_VA);
	tables_visible();
	attempt(what, OP_READ, TARGET_VA, 0, SHOW_NOTHING);
	attempt(what, OP_WRITE, TARGET_VA, SENTINEL_A, SHOW_NOTHING);
	tlb_sync();
	write_read(what, TARGET_VA, STALE_PATTERN);
	attempt(what, OP_READ, FRAME_A, 0, SHOW_ALL);

	/* The alias redirects itself; nothing goes through it until the TLBIALL. */
	attempt(what, OP_WRITE, self_slot, to_hyp, SHOW_ALL);
	clean_l1(alias_va);
	tlb_sync();
	attempt(what, OP_READ, alias_va, 0, SHOW_ALL);
	attempt(what, OP_READ, (uint32_t)&l1_table[alias_va >> L1_SHIFT], 0, SHOW_ALL);

	set_l1(alias_va, L1_TYPE_FAULT);
	set_l1(TARGET_VA, L1_TYPE_FAULT);
	tlb_sync();
}

/* 8: the guest's own stores to a descriptor in use: other frame, fault, fewer rights. */
static void direct(void)
{
	ram_store(FRAME_B, SENTINEL_B);
	set_l1(TEST_VA, section_desc(FRAME_B, TEST_DOMAIN, AP_RW_ALL));
	tlb_sync();
	attempt("direct", OP_READ, TEST_VA, 0, SHOW_ALL);
	set_l1(TEST_VA, section_desc(HYP_PA, TEST_DOMAIN, AP_RW_ALL));
	tables_visible();
	attempt("direct-stale", OP_READ, TEST_VA, 0, SHOW_NOTHING);
	attempt("direct-stale", OP_WRITE, TEST_VA, SENTINEL_B, SHOW_NOTHING);
	tlb_sync();
	write_read("direct", TEST_VA, STALE_PATTERN);
	attempt("direct", OP_READ, FRAME_B, 0, SHOW_ALL);

	set_l1(TEST_VA, L1_TYPE_FAULT);
	tables_visible();
	attempt("direct-stale", OP_READ, TEST_VA, 0, SHOW_NOTHING);
	tlb_sync();
	attempt("direct", OP_READ, TEST_VA, 0, SHOW_ALL);

	set_l1(TEST_VA, section_desc(FRAME_B, TEST_DOMAIN, AP_RW_ALL));
	tables_visible();
	attempt("direct", OP_WRITE, TEST_VA, SENTINEL_B, SHOW_ALL);
	set_l1(TEST_VA, section_desc(FRAME_B, TEST_DOMAIN, AP_RO_ALL));
	tables_visible();
	attempt("direct-stale", OP_WRITE, TEST_VA, SENTINEL_B, SHOW_NOTHING);
	tlb_sync();
	attempt("direct", OP_WRITE, TEST_VA, STALE_PATTERN, SHOW_ALL);
	attempt("direct", OP_READ, FRAME_B, 0, SHOW_ALL);

	unmap(TEST_VA, 1);
	tlb_sync();
	map_small(TEST_VA, FRAME_B, AP_RW_ALL);
	tlb_sync();
	attempt("direct-page", OP_READ, TEST_VA, 0, SHOW_ALL);
	map_small(TEST_VA, HYP_PA, AP_RW_ALL);
	tables_visible();
	attempt("direct-page-stale", OP_READ, TEST_VA, 0, SHOW_NOTHING);
	tlb_sync();
	attempt("direct-page", OP_READ, TEST_VA, 0, SHOW_ALL);
	unmap(TEST_VA, 1);
	tlb_sync();
}

void run_stale(void)
{
	alias("alias-low", ALIAS_VA);
	alias("alias-window", HYP_VA);
	direct();
}
