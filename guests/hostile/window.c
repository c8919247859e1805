/*
 * Attempt 3: the hypervisor's virtual window 0xf0000000-0xf10fffff, which the
 * guest may map as it likes: onto the same physical numbers (nothing there),
 * onto its own RAM (where its accesses must land, as natively), read-only,
 * in a no-access domain, unmapped, and straddled by unaligned accesses.
 */
#include <stdint.h>

#include "attempts.h"
#include "cp15.h"
#include "hostile.h"
#include "mmu.h"
#include "report.h"

#define WINDOW_PATTERN  0xbad0f003u
#define RAM_INITIAL     0x0a110000u	/* plus a small index: what a frame held before */
#define STRADDLE_WORD   0xaabbccddu
#define DATA_OFFSET     (HYP_VA_DATA - HYP_VA)

/* The window mapped onto the same numbers: nothing is there natively. */
static void identity(void)
{
	static const uint32_t vas[] = { HYP_VA, HYP_VA_DATA, HYP_IO_VA, HYP_SLOT_VA };

	set_l1(HYP_VA, section_desc(HYP_VA, TEST_DOMAIN, AP_RW_ALL));
	set_l1(HYP_IO_VA, section_desc(HYP_IO_VA, TEST_DOMAIN, AP_RW_ALL));
	tlb_sync();
	for (uint32_t i = 0; i < sizeof vas / sizeof vas[0]; i++)
		write_read("window", vas[i], WINDOW_PATTERN + i);
	attempt("window", OP_WRITE_HALF, HYP_VA_DATA + 2, WINDOW_PATTERN, SHOW_ALL);
	attempt("window", OP_READ_BYTE, HYP_VA_DATA + 3, 0, SHOW_ALL);
	attempt("window", OP_WRITE_DUAL, HYP_VA_DATA + 8, WINDOW_PATTERN, SHOW_ALL);
	attempt("window", OP_READ_DUAL, HYP_VA_DATA + 8, 0, SHOW_ALL);
	unmap(HYP_IO_VA, 1);
	tlb_sync();
}

/* The window as a section of the guest's RAM: both directions, every width. */
static void own_ram_section(void)
{
	ram_store(WINDOW_FRAME, RAM_INITIAL);
	ram_store(WINDOW_FRAME + DATA_OFFSET, RAM_INITIAL + 1);
	set_l1(HYP_VA, section_desc(WINDOW_FRAME, TEST_DOMAIN, AP_RW_ALL));
	tlb_sync();
	attempt("window-ram", OP_READ, HYP_VA, 0, SHOW_ALL);
	attempt("window-ram", OP_WRITE, HYP_VA, WINDOW_PATTERN, SHOW_ALL);
	attempt("window-ram", OP_READ, WINDOW_FRAME, 0, SHOW_ALL);
	attempt("window-ram", OP_WRITE, WINDOW_FRAME + DATA_OFFSET, WINDOW_PATTERN + 1, SHOW_ALL);
	attempt("window-ram", OP_READ, HYP_VA_DATA, 0, SHOW_ALL);
	attempt("window-ram", OP_WRITE_HALF, HYP_VA + 2, WINDOW_PATTERN, SHOW_ALL);
	attempt("window-ram", OP_READ_BYTE, HYP_VA + 3, 0, SHOW_ALL);
	attempt("window-ram", OP_READ, WINDOW_FRAME, 0, SHOW_ALL);
	attempt("window-ram", OP_WRITE_DUAL, HYP_VA + 8, WINDOW_PATTERN + 2, SHOW_ALL);
	attempt("window-ram", OP_READ_DUAL, WINDOW_FRAME + 8, 0, SHOW_ALL);
}

/* Pages of the guest's RAM in the window: read/write, read-only, and a faulting L2 entry. */
static void own_ram_pages(void)
{
	const uint32_t rw = HYP_VA + PAGE_SIZE, ro = HYP_VA + 2 * PAGE_SIZE;

	ram_store(WINDOW_FRAME + 2 * PAGE_SIZE, RAM_INITIAL + 2);
	set_l1(HYP_VA, L1_TYPE_FAULT);
	tlb_sync();
	map_small(rw, WINDOW_FRAME + PAGE_SIZE, AP_RW_ALL);
	map_small(ro, WINDOW_FRAME + 2 * PAGE_SIZE, AP_RO_ALL);
	tlb_sync();
	attempt("window-page", OP_WRITE, rw, WINDOW_PATTERN + 3, SHOW_ALL);
	attempt("window-page", OP_READ, WINDOW_FRAME + PAGE_SIZE, 0, SHOW_ALL);
	attempt("window-page-ro", OP_WRITE, ro, WINDOW_PATTERN + 4, SHOW_ALL);
	attempt("window-page-ro", OP_READ, ro, 0, SHOW_ALL);
	attempt("window-page-none", OP_READ, HYP_VA, 0, SHOW_ALL);
	attempt("window-page-none", OP_WRITE, HYP_VA, WINDOW_PATTERN + 5, SHOW_ALL);
	unmap(HYP_VA, 1);
	tlb_sync();
}

/* Domain faults and translation faults must reach the guest as natively. */
static void refused(void)
{
	set_l1(HYP_VA, section_desc(WINDOW_FRAME, TEST_DOMAIN, AP_RW_ALL));
	tlb_sync();
	set_test_dacr(DACR_NOACCESS);
	attempt("window-noaccess", OP_READ, HYP_VA, 0, SHOW_ALL);
	attempt("window-noaccess", OP_WRITE, HYP_VA_DATA, WINDOW_PATTERN + 6, SHOW_ALL);
	set_test_dacr(DACR_CLIENT);
	unmap(HYP_VA, 1);
	tlb_sync();
	attempt("window-unmapped", OP_READ, HYP_VA, 0, SHOW_ALL);
	attempt("window-unmapped", OP_WRITE, HYP_SLOT_VA, WINDOW_PATTERN + 7, SHOW_ALL);
}

/* Unaligned accesses across 0xf0000000, both sides mapped to guest RAM (SCTLR.A = 0). */
static void straddle(void)
{
	const uint32_t below_last = BELOW_FRAME + SECTION_SIZE - 4;

	ram_store(below_last, RAM_INITIAL + 3);
	ram_store(ABOVE_FRAME, RAM_INITIAL + 4);
	set_l1(BELOW_HYP_VA, section_desc(BELOW_FRAME, TEST_DOMAIN, AP_RW_ALL));
	set_l1(HYP_VA, section_desc(ABOVE_FRAME, TEST_DOMAIN, AP_RW_ALL));
	tlb_sync();
	attempt("straddle", OP_WRITE, HYP_VA - 2, STRADDLE_WORD, SHOW_ALL);
	attempt("straddle", OP_READ, below_last, 0, SHOW_ALL);
	attempt("straddle", OP_READ, ABOVE_FRAME, 0, SHOW_ALL);
	attempt("straddle", OP_READ, HYP_VA - 2, 0, SHOW_ALL);
	attempt("straddle", OP_WRITE_DUAL, HYP_VA - 4, WINDOW_PATTERN + 8, SHOW_ALL);
	attempt("straddle", OP_READ_DUAL, HYP_VA - 4, 0, SHOW_ALL);
	attempt("straddle", OP_READ, below_last, 0, SHOW_ALL);
	attempt("straddle", OP_READ, ABOVE_FRAME, 0, SHOW_ALL);
	unmap(BELOW_HYP_VA, 1);
	unmap(HYP_VA, 1);
	tlb_sync();
}

void run_window(void)
{
	identity();
	own_ram_section();
	own_ram_pages();
	refused();
	straddle();
}
