/*
 * Attempt 2: the guest's own descriptors pointing at the hypervisor's RAM and
 * staging area, as a section, small page, large page and supersection.
 */
#include <stdint.h>

#include "attempts.h"
#include "hostile.h"
#include "mmu.h"
#include "report.h"

#define MAPPED_PATTERN  0xbad0f002u
#define RODATA_OFFSET   (HYP_PA_RODATA - HYP_PA)
#define LARGE_VA        (TEST_VA + 0x10000u)	/* 64 KiB aligned, after the small pages */
#define STAGE_IMAGE     0x1000u			/* the staged image's offset */

static void write_read_each(const char *what, const uint32_t *vas, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		write_read(what, vas[i], MAPPED_PATTERN + i);
}

static void sections(void)
{
	const uint32_t vas[] = {
		TEST_VA, TEST_VA + RODATA_OFFSET, TEST_VA + SECTION_SIZE + (HYP_PA_LAST & SECTION_MASK),
	};

	set_l1(TEST_VA, section_desc(HYP_PA, TEST_DOMAIN, AP_RW_ALL));
	set_l1(TEST_VA + SECTION_SIZE, section_desc(HYP_PA_LAST, TEST_DOMAIN, AP_RW_ALL));
	tlb_sync();
	write_read_each("section", vas, sizeof vas / sizeof vas[0]);
	unmap(TEST_VA, 2);
	tlb_sync();
}

static void pages(void)
{
	const uint32_t vas[] = {
		TEST_VA, TEST_VA + PAGE_SIZE, TEST_VA + 2 * PAGE_SIZE + (HYP_PA_LAST % PAGE_SIZE),
		LARGE_VA + RODATA_OFFSET,
	};

	map_small(TEST_VA, HYP_PA, AP_RW_ALL);
	map_small(TEST_VA + PAGE_SIZE, HYP_PA_RODATA, AP_RW_ALL);
	map_small(TEST_VA + 2 * PAGE_SIZE, HYP_PA_LAST, AP_RW_ALL);
	map_large(LARGE_VA, HYP_PA, AP_RW_ALL);
	tlb_sync();
	write_read_each("page", vas, sizeof vas / sizeof vas[0]);
	unmap(TEST_VA, 1);
	tlb_sync();
}

static void supersection(void)
{
	const uint32_t vas[] = {
		TEST_VA, TEST_VA + RODATA_OFFSET, TEST_VA + (HYP_PA_LAST - HYP_PA),
	};

	map_supersection(TEST_VA, HYP_PA, AP_RW_ALL);
	tlb_sync();
	write_read_each("supersection", vas, sizeof vas / sizeof vas[0]);
	sweep("supersection", TEST_VA);
	unmap(TEST_VA, SUPER_REPLICAS);
	tlb_sync();
}

static void staging(void)
{
	const uint32_t vas[] = { TEST_VA, TEST_VA + STAGE_IMAGE };

	set_l1(TEST_VA, section_desc(STAGE_PA, TEST_DOMAIN, AP_RW_ALL));
	tlb_sync();
	write_read_each("staging", vas, sizeof vas / sizeof vas[0]);
	unmap(TEST_VA, 1);
	tlb_sync();
}

void run_mapped(void)
{
	sections();
	pages();
	supersection();
	staging();
}
