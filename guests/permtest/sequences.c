/*
 * Architecturally defined update sequences on the test region, each step
 * followed by accesses: DACR changes, a domain toggled between client and
 * no access as Linux's software PAN does, permission changes with TLBIMVA,
 * a section replaced by a page table and back, TTBR0 switches with and
 * without a new ASID.
 */
#include <stdint.h>

#include "access.h"
#include "cp15.h"
#include "label.h"
#include "mmu.h"
#include "suite.h"

#define DOMAIN_SEQ      3u
#define DATA_A          0x0da7a0a0u
#define DATA_A_PAGE1    0x0da7a0a1u
#define DATA_B          0x0da7a0b0u

static const struct target frame_a = { TEST_VA, FRAME_A, DATA_A };
static const struct target page1 = { TEST_VA + PAGE_SIZE, FRAME_A + PAGE_SIZE, DATA_A_PAGE1 };
static const struct target frame_b = { TEST_VA, FRAME_B, DATA_B };

/* Same descriptor throughout (PL0 read-only, XN); a DACR write needs only an ISB. */
static void dacr_changes(enum map_kind kind)
{
	static const uint32_t steps[] = {
		DACR_CLIENT, DACR_NOACCESS, DACR_CLIENT, DACR_MANAGER, DACR_CLIENT,
	};
	const struct prot p = { DOMAIN_SEQ, AP_PL0_RO, 1 };

	set_dacr(DOMAIN_SEQ, DACR_CLIENT);
	map_test(l1_main, kind, FRAME_A, &p);
	for (unsigned i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		set_dacr(DOMAIN_SEQ, steps[i]);
		label_start("dacr-change ");
		label_str(kind_names[kind]);
		label_str(" step");
		label_dec(i);
		label_str(" d");
		label_dec(DOMAIN_SEQ);
		label_str("=");
		label_bits(steps[i], 2);
		check_accesses(&frame_a, ACC_EXEC);
	}
}

/*
 * The domain back and forth between client and no access, over and over
 * (a hypervisor may remember what the value before the last gave), on a
 * kernel-only page and a page for both modes, each step checked from both.
 */
static void pan_toggles(void)
{
	static const uint32_t aps[] = { AP_PL1_RW, AP_RW_ALL };

	for (unsigned a = 0; a < sizeof aps / sizeof aps[0]; a++) {
		const struct prot p = { DOMAIN_SEQ, aps[a], 0 };

		set_dacr(DOMAIN_SEQ, DACR_CLIENT);
		map_test(l1_main, MAP_SMALL, FRAME_A, &p);
		for (unsigned i = 0; i < 6; i++) {
			uint32_t dv = i % 2 ? DACR_NOACCESS : DACR_CLIENT;

			set_dacr(DOMAIN_SEQ, dv);
			label_start("pan-toggle ap=");
			label_bits(aps[a], 3);
			label_str(" step");
			label_dec(i);
			label_str(" d");
			label_dec(DOMAIN_SEQ);
			label_str("=");
			label_bits(dv, 2);
			check_accesses(&frame_a, ACC_WRITE);
		}
	}
}

/* Read/write, then read-only, then no access: descriptor store, DSB, TLBIMVA, DSB, ISB. */
static void tlbimva_changes(enum map_kind kind)
{
	static const uint32_t steps[] = { AP_RW_ALL, AP_RO_ALL, AP_NONE };

	set_dacr(DOMAIN_SEQ, DACR_CLIENT);
	for (unsigned i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		const struct prot p = { DOMAIN_SEQ, steps[i], 0 };

		if (i == 0) {
			map_test(l1_main, kind, FRAME_A, &p);
		} else {
			write_test_mapping(l1_main, kind, FRAME_A, &p);
			dsb();
			tlbimva(TLBI_MVA(TEST_VA, ASID_MAIN));
			dsb();
			isb();
		}
		label_start("tlbimva ");
		label_str(kind_names[kind]);
		label_str(" ap");
		label_bits(steps[i], 3);
		check_accesses(&frame_a, ACC_WRITE);
	}
}

static void l1_l2_checks(const char *state)
{
	label_start("l1-l2 ");
	label_str(state);
	label_str(" page0");
	check_accesses(&frame_a, ACC_EXEC);
	label_start("l1-l2 ");
	label_str(state);
	label_str(" page1");
	check_accesses(&page1, ACC_EXEC);
}

/*
 * Full-access section -> page table (page 0: PL0 read-only, XN; page 1: PL1
 * read-only) -> the section again.  The entry changes size, so break before
 * make, invalidating by MVA every page the old mapping may have in the TLB.
 */
static void section_to_pages(void)
{
	const struct prot section = { DOMAIN_SEQ, AP_RW_ALL, 0 };
	const struct prot p0 = { DOMAIN_SEQ, AP_PL0_RO, 1 };
	const struct prot p1 = { DOMAIN_SEQ, AP_PL1_RO, 0 };

	set_dacr(DOMAIN_SEQ, DACR_CLIENT);
	map_test(l1_main, MAP_SECTION, FRAME_A, &section);
	l1_l2_checks("section");

	/* map_test left the page table all faulting and unreachable. */
	set_test_l2(TEST_L2_INDEX, 1, small_desc(FRAME_A, &p0));
	set_test_l2(TEST_L2_INDEX + 1, 1, small_desc(FRAME_A + PAGE_SIZE, &p1));
	set_test_l1(l1_main, 1, L1_TYPE_FAULT);
	dsb();
	tlbimva(TLBI_MVA(TEST_VA, ASID_MAIN));	/* the section: one entry */
	dsb();
	set_test_l1(l1_main, 1, test_table_desc(DOMAIN_SEQ));
	dsb();
	isb();
	l1_l2_checks("pages");

	set_test_l1(l1_main, 1, L1_TYPE_FAULT);
	dsb();
	tlbimva(TLBI_MVA(TEST_VA, ASID_MAIN));
	tlbimva(TLBI_MVA(TEST_VA + PAGE_SIZE, ASID_MAIN));
	dsb();
	set_test_l1(l1_main, 1, section_desc(FRAME_A, &section));
	dsb();
	isb();
	l1_l2_checks("section-again");
}

/*
 * New ASID: through the reserved ASID, from global code, both tables mapping
 * TEST_VA with the same size; the other ASID's entries may stay in the TLB.
 */
static void switch_new_asid(const uint32_t *l1, uint32_t asid)
{
	write_contextidr(CONTEXTIDR_ASID(ASID_RESERVED));
	isb();
	write_ttbr0(ttbr0_for(l1));
	isb();
	write_contextidr(CONTEXTIDR_ASID(asid));
	isb();
}

/* Same ASID: entries of the old table may carry it, so invalidate them all. */
static void switch_same_asid(const uint32_t *l1)
{
	write_ttbr0(ttbr0_for(l1));
	isb();
	tlbiall();
	dsb();
	isb();
}

static void ttbr_checks(const char *step, const struct target *t)
{
	label_start("ttbr ");
	label_str(step);
	check_accesses(t, ACC_EXEC);
}

/* l1_main: full access to FRAME_A; l1_alt: PL0 read-only, XN, FRAME_B. */
static void ttbr_switches(void)
{
	const struct prot main_prot = { DOMAIN_SEQ, AP_RW_ALL, 0 };
	const struct prot alt_prot = { DOMAIN_SEQ, AP_PL0_RO, 1 };

	set_dacr(DOMAIN_SEQ, DACR_CLIENT);
	map_test(l1_alt, MAP_SECTION, FRAME_B, &alt_prot);
	map_test(l1_main, MAP_SECTION, FRAME_A, &main_prot);
	ttbr_checks("main", &frame_a);
	switch_new_asid(l1_alt, ASID_ALT);
	ttbr_checks("alt new-asid", &frame_b);
	switch_new_asid(l1_main, ASID_MAIN);
	ttbr_checks("main new-asid", &frame_a);
	switch_same_asid(l1_alt);
	ttbr_checks("alt same-asid", &frame_b);
	switch_same_asid(l1_main);
	ttbr_checks("main same-asid", &frame_a);
}

void run_sequences(void)
{
	dacr_changes(MAP_SECTION);
	dacr_changes(MAP_SMALL);
	pan_toggles();
	for (enum map_kind kind = MAP_SECTION; kind <= MAP_LARGE; kind++)
		tlbimva_changes(kind);
	section_to_pages();
	ttbr_switches();
}
