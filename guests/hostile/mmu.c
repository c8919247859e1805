/*
 * Translation tables and MMU set-up.  Every descriptor store is cleaned to the
 * point of coherency, so walks see it whether or not they look into the cache.
 */
#include "board.h"
#include <stdint.h>

#include "cp15.h"
#include "hostile.h"
#include "mmu.h"

#define RAM_SIZE        0x08000000u
#define DEVICE_SIZE     0x01000000u

#define NORMAL_SECT     ((TEX_NORMAL_WBWA << L1_SECT_TEX_SHIFT) | L1_SECT_C | L1_SECT_B)
#define DEVICE_SECT     ((TEX_DEVICE << L1_SECT_TEX_SHIFT) | L1_SECT_B | L1_SECT_XN)
#define NORMAL_SMALL    ((TEX_NORMAL_WBWA << L2_SMALL_TEX_SHIFT) | L2_C | L2_B)
#define NORMAL_LARGE    ((TEX_NORMAL_WBWA << L2_LARGE_TEX_SHIFT) | L2_C | L2_B)

/* The MiBs that get a page table, each its own. */
static const uint32_t l2_mbs[] = { TEST_VA >> L1_SHIFT, HYP_VA >> L1_SHIFT };
#define L2_TABLES (sizeof l2_mbs / sizeof l2_mbs[0])

uint32_t l1_table[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));
static uint32_t l2_tables[L2_TABLES][L2_ENTRIES] __attribute__((aligned(L2_ALIGN)));

static void store_clean(uint32_t *entry, uint32_t n, uint32_t desc)
{
	for (uint32_t i = 0; i < n; i++) {
		entry[i] = desc;
		dccmvac((uint32_t)&entry[i]);
	}
}

static uint32_t l1_ap(uint32_t ap)
{
	return (AP01(ap) << L1_SECT_AP01_SHIFT) | (AP2(ap) ? L1_SECT_AP2 : 0);
}

static uint32_t l2_ap(uint32_t ap)
{
	return (AP01(ap) << L2_AP01_SHIFT) | (AP2(ap) ? L2_AP2 : 0);
}

static uint32_t *l2_of(uint32_t va)
{
	for (uint32_t i = 0; i < L2_TABLES; i++)
		if (l2_mbs[i] == va >> L1_SHIFT)
			return l2_tables[i];
	return 0;
}

uint32_t section_desc(uint32_t pa, uint32_t domain, uint32_t ap)
{
	return (pa & L1_SECTION_BASE) | L1_TYPE_SECTION | NORMAL_SECT |
	       (domain << L1_DOMAIN_SHIFT) | l1_ap(ap);
}

uint32_t table_desc(uint32_t l2_pa, uint32_t domain)
{
	return (l2_pa & L1_TABLE_BASE) | L1_TYPE_TABLE | (domain << L1_DOMAIN_SHIFT);
}

uint32_t ttbr_for(const uint32_t *l1)
{
	return (uint32_t)l1 | TTBR_WALK_WBWA;
}

void mmu_on(void)
{
	uint32_t sctlr;

	for (uint32_t pa = RAM_BASE; pa - RAM_BASE < RAM_SIZE; pa += SECTION_SIZE)
		l1_table[pa >> L1_SHIFT] = section_desc(pa, 0, AP_RW_ALL);
	for (uint32_t pa = DEVICE_BASE; pa - DEVICE_BASE < DEVICE_SIZE; pa += SECTION_SIZE)
		l1_table[pa >> L1_SHIFT] = (pa & L1_SECTION_BASE) | L1_TYPE_SECTION |
					   DEVICE_SECT | l1_ap(AP_RW_ALL);
	write_ttbcr(TTBCR_N0);
	write_ttbr0(ttbr_for(l1_table));
	set_test_dacr(DACR_CLIENT);
	/* The caches of QEMU and of a reset Cortex-A15 hold nothing to clean. */
	tlbiall();
	iciallu();
	dsb();
	isb();
	sctlr = read_sctlr();
	sctlr &= ~(SCTLR_A | SCTLR_V | SCTLR_TRE | SCTLR_AFE | SCTLR_TE);
	write_sctlr(sctlr | SCTLR_M | SCTLR_C | SCTLR_I);
	isb();
}

void set_test_dacr(uint32_t value)
{
	write_dacr((DACR_CLIENT << DACR_SHIFT(0)) | (value << DACR_SHIFT(TEST_DOMAIN)));
	isb();
}

void set_l1(uint32_t va, uint32_t desc)
{
	store_clean(&l1_table[va >> L1_SHIFT], 1, desc);
}

void clean_l1(uint32_t va)
{
	dccmvac((uint32_t)&l1_table[va >> L1_SHIFT]);
}

void map_supersection(uint32_t va, uint32_t pa, uint32_t ap)
{
	store_clean(&l1_table[va >> L1_SHIFT], SUPER_REPLICAS,
		    (pa & L1_SUPER_BASE) | L1_TYPE_SECTION | L1_SUPERSECTION | NORMAL_SECT | l1_ap(ap));
}

static void map_pages(uint32_t va, uint32_t n, uint32_t desc)
{
	uint32_t *l2 = l2_of(va);

	store_clean(&l2[(va >> L2_SHIFT) % L2_ENTRIES], n, desc);
	set_l1(va, table_desc((uint32_t)l2, TEST_DOMAIN));
}

void map_small(uint32_t va, uint32_t pa, uint32_t ap)
{
	map_pages(va, 1, (pa & L2_SMALL_BASE) | L2_TYPE_SMALL | NORMAL_SMALL | l2_ap(ap));
}

void map_large(uint32_t va, uint32_t pa, uint32_t ap)
{
	map_pages(va, LARGE_REPLICAS,
		  (pa & L2_LARGE_BASE) | L2_TYPE_LARGE | NORMAL_LARGE | l2_ap(ap));
}

void unmap(uint32_t va, uint32_t mbs)
{
	uint32_t *l2 = l2_of(va);

	store_clean(&l1_table[va >> L1_SHIFT], mbs, L1_TYPE_FAULT);
	if (l2)
		store_clean(l2, L2_ENTRIES, L2_TYPE_FAULT);
}

void tlb_sync(void)
{
	dsb();
	tlbiall();
	dsb();
	isb();
}

void tables_visible(void)
{
	dsb();
	isb();
}
