/*
 * Attempts 5 and 6: translation tables that are the hypervisor's memory.
 * Natively nothing is there, so each walk ends in a synchronous external abort.
 */
#include <stdint.h>

#include "attempts.h"
#include "cp15.h"
#include "hostile.h"
#include "mmu.h"
#include "probe.h"
#include "report.h"

#define WALK_PATTERN    0xbad0f005u

struct table_at {
	const char *what;
	uint32_t pa;
};

/*
 * 5: TTBCR.N = RAM_TTBCR_N, TTBR1 = the guest's own table for RAM_BASE and
 * up (code, data, stacks, vectors), TTBR0 = the hypervisor's memory for the
 * rest.  The console is below RAM_BASE, so the outcomes are printed after
 * TTBR0 and TTBCR are back.
 */
static void ttbr0_elsewhere(const struct table_at *t)
{
	struct outcome r, w;

	write_ttbr1(ttbr_for(l1_table));
	write_ttbcr(RAM_TTBCR_N);
	write_ttbr0(t->pa);
	tlb_sync();
	r = run_op(OP_READ, TEST_VA, 0);
	w = run_op(OP_WRITE, TEST_VA, WALK_PATTERN);
	/* TTBR0 first: with N = 0 it translates this very code. */
	write_ttbr0(ttbr_for(l1_table));
	isb();
	write_ttbcr(TTBCR_N0);
	tlb_sync();
	print_outcome(t->what, OP_READ, TEST_VA, 0, &r, SHOW_ALL);
	print_outcome(t->what, OP_WRITE, TEST_VA, WALK_PATTERN, &w, SHOW_ALL);
}

/* 6: an L1 entry of the guest's own table naming a page table there. */
static void l2_elsewhere(const struct table_at *t)
{
	set_l1(TEST_VA, table_desc(t->pa, TEST_DOMAIN));
	tlb_sync();
	attempt(t->what, OP_READ, TEST_VA, 0, SHOW_ALL);
	attempt(t->what, OP_WRITE, TEST_VA + PAGE_SIZE, WALK_PATTERN, SHOW_ALL);
	unmap(TEST_VA, 1);
	tlb_sync();
}

void run_walks(void)
{
	static const struct table_at l1s[] = {
		{ "ttbr0-hyp", HYP_PA }, { "ttbr0-staging", STAGE_PA }, { "ttbr0-window", HYP_VA },
	};
	static const struct table_at l2s[] = {
		{ "l2-hyp", HYP_PA }, { "l2-hyp-last", HYP_PA_LAST & L1_TABLE_BASE },
		{ "l2-staging", STAGE_PA }, { "l2-window", HYP_VA },
	};

	for (uint32_t i = 0; i < sizeof l1s / sizeof l1s[0]; i++)
		ttbr0_elsewhere(&l1s[i]);
	for (uint32_t i = 0; i < sizeof l2s / sizeof l2s[0]; i++)
		l2_elsewhere(&l2s[i]);
}
