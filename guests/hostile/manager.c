/*
 * Attempt 4: every domain manager (DACR 0xffffffff), so that no AP bit
 * stops anything: no-access descriptors onto the hypervisor and its window.
 */
#include <stdint.h>

#include "attempts.h"
#include "cp15.h"
#include "hostile.h"
#include "mmu.h"
#include "report.h"

#define MANAGER_PATTERN 0xbad0f004u
#define RAM_INITIAL     0x0a110010u

void run_manager(void)
{
	write_dacr(DACR_ALL_MANAGER);
	isb();

	set_l1(TEST_VA, section_desc(HYP_PA, TEST_DOMAIN, AP_NONE));
	tlb_sync();
	write_read("manager-section", TEST_VA + (HYP_PA_RODATA - HYP_PA), MANAGER_PATTERN);
	unmap(TEST_VA, 1);
	map_supersection(TEST_VA, HYP_PA, AP_NONE);
	tlb_sync();
	write_read("manager-supersection", TEST_VA + (HYP_PA_LAST - HYP_PA), MANAGER_PATTERN + 1);
	unmap(TEST_VA, SUPER_REPLICAS);

	set_l1(HYP_VA, section_desc(HYP_VA, TEST_DOMAIN, AP_NONE));
	set_l1(HYP_IO_VA, section_desc(HYP_IO_VA, TEST_DOMAIN, AP_NONE));
	tlb_sync();
	write_read("manager-window", HYP_VA_DATA, MANAGER_PATTERN + 2);
	write_read("manager-window", HYP_SLOT_VA, MANAGER_PATTERN + 3);
	unmap(HYP_IO_VA, 1);

	ram_store(WINDOW_FRAME + PAGE_SIZE, RAM_INITIAL);
	set_l1(HYP_VA, L1_TYPE_FAULT);
	tlb_sync();
	map_small(HYP_VA + PAGE_SIZE, WINDOW_FRAME + PAGE_SIZE, AP_NONE);
	tlb_sync();
	attempt("manager-window-ram", OP_READ, HYP_VA + PAGE_SIZE, 0, SHOW_ALL);
	attempt("manager-window-ram", OP_WRITE, HYP_VA + PAGE_SIZE, MANAGER_PATTERN + 4, SHOW_ALL);
	attempt("manager-window-ram", OP_READ, WINDOW_FRAME + PAGE_SIZE, 0, SHOW_ALL);
	unmap(HYP_VA, 1);

	set_test_dacr(DACR_CLIENT);
	tlb_sync();
}
