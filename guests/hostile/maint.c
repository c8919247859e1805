/*
 * Attempt 9: cache and TLB maintenance aimed at the hypervisor: by VA on the
 * window and on a mapping of its RAM (an invalidate without clean would drop
 * its dirty lines), and by set/way.  None faults on mapped addresses, and
 * natively none changes what memory reads.
 */
#include <stdint.h>

#include "attempts.h"
#include "hostile.h"
#include "mmu.h"
#include "probe.h"
#include "report.h"

#define MAINT_PATTERN   0xbad0f009u
#define SET_WAY_ZERO    0u	/* level 1, set 0, way 0 */

void run_maintenance(void)
{
	static const enum op by_va[] = {
		OP_DCIMVAC, OP_DCCIMVAC, OP_DCCMVAU, OP_ICIMVAU, OP_TLBIMVA, OP_TLBIMVAA,
	};
	static const uint32_t vas[] = { HYP_VA, HYP_SLOT_VA, TEST_VA + (HYP_PA_RODATA - HYP_PA) };

	set_l1(HYP_VA, section_desc(HYP_VA, TEST_DOMAIN, AP_RW_ALL));
	set_l1(HYP_IO_VA, section_desc(HYP_IO_VA, TEST_DOMAIN, AP_RW_ALL));
	set_l1(TEST_VA, section_desc(HYP_PA, TEST_DOMAIN, AP_RW_ALL));
	tlb_sync();
	for (uint32_t v = 0; v < sizeof vas / sizeof vas[0]; v++)
		for (uint32_t i = 0; i < sizeof by_va / sizeof by_va[0]; i++)
			attempt("maint", by_va[i], vas[v], 0, SHOW_ALL);
	attempt("maint", OP_DCISW, SET_WAY_ZERO, 0, SHOW_ALL);
	attempt("maint", OP_DCCISW, SET_WAY_ZERO, 0, SHOW_ALL);
	tlb_sync();
	write_read("maint", HYP_VA_DATA, MAINT_PATTERN);
	write_read("maint", TEST_VA, MAINT_PATTERN + 1);
	unmap(HYP_VA, 1);
	unmap(HYP_IO_VA, 1);
	unmap(TEST_VA, 1);
	tlb_sync();
}
