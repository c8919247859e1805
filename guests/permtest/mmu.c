/*
 * Translation tables and MMU set-up.  Descriptors are cleaned to the point of
 * coherency after each store, so table walks see them whether or not they
 * look into the data cache.
 */
#include "board.h"
#include <stdint.h>

#include "cp15.h"
#include "mmu.h"
#include "pgtable.h"

/* What the guest itself needs mapped: its RAM and the UART/system registers. */
#define RAM_SIZE        0x08000000u
#define DEVICE_SIZE     0x01000000u

#define TEST_L1_INDEX   (TEST_VA >> L1_SHIFT)

uint32_t l1_main[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));
uint32_t l1_alt[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));
static uint32_t l2_test[L2_ENTRIES] __attribute__((aligned(L2_ALIGN)));

static void store_clean(uint32_t *entry, uint32_t n, uint32_t desc)
{
	for (uint32_t i = 0; i < n; i++) {
		entry[i] = desc;
		dccmvac(&entry[i]);
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

static uint32_t identity_section(uint32_t pa, uint32_t attrs)
{
	return (pa & L1_SECTION_BASE) | L1_TYPE_SECTION | l1_ap(AP_RW_ALL) | attrs;
}

static void map_identity(uint32_t *l1)
{
	const uint32_t normal = (TEX_NORMAL_WBWA << L1_SECT_TEX_SHIFT) | L1_SECT_C | L1_SECT_B;
	const uint32_t device = (TEX_DEVICE << L1_SECT_TEX_SHIFT) | L1_SECT_B | L1_SECT_XN;

	for (uint32_t pa = RAM_BASE; pa - RAM_BASE < RAM_SIZE; pa += SECTION_SIZE)
		l1[pa >> L1_SHIFT] = identity_section(pa, normal);
	for (uint32_t pa = DEVICE_BASE; pa - DEVICE_BASE < DEVICE_SIZE; pa += SECTION_SIZE)
		l1[pa >> L1_SHIFT] = identity_section(pa, device);
}

uint32_t ttbr0_for(const uint32_t *l1)
{
	return (uint32_t)l1 | TTBR_IRGN0 | TTBR_RGN_WBWA;
}

/* Runs with the MMU off: the tables are written straight to memory. */
void mmu_init(void)
{
	uint32_t sctlr;

	map_identity(l1_main);
	map_identity(l1_alt);
	write_ttbcr(TTBCR_N0);
	write_ttbr0(ttbr0_for(l1_main));
	write_contextidr(CONTEXTIDR_ASID(ASID_MAIN));
	set_dacr(0, DACR_CLIENT);
	/* The caches of QEMU and of a reset Cortex-A15 hold nothing to clean. */
	tlbiall();
	iciallu();
	bpiall();
	dsb();
	isb();
	sctlr = read_sctlr();
	sctlr &= ~(SCTLR_A | SCTLR_V | SCTLR_TRE | SCTLR_AFE | SCTLR_TE);
	sctlr |= SCTLR_M | SCTLR_C | SCTLR_I;
	write_sctlr(sctlr);
	isb();
}

void set_dacr(uint32_t domain, uint32_t value)
{
	write_dacr((DACR_CLIENT << DACR_SHIFT(0)) | (value << DACR_SHIFT(domain)));
	isb();
}

uint32_t section_desc(uint32_t pa, const struct prot *p)
{
	return (pa & L1_SECTION_BASE) | L1_TYPE_SECTION | L1_SECT_NG |
	       (TEX_NORMAL_WBWA << L1_SECT_TEX_SHIFT) | L1_SECT_C | L1_SECT_B |
	       (p->domain << L1_DOMAIN_SHIFT) | l1_ap(p->ap) | (p->xn ? L1_SECT_XN : 0);
}

static uint32_t supersection_desc(uint32_t pa, const struct prot *p)
{
	return (pa & L1_SUPER_BASE) | L1_TYPE_SECTION | L1_SUPERSECTION | L1_SECT_NG |
	       (TEX_NORMAL_WBWA << L1_SECT_TEX_SHIFT) | L1_SECT_C | L1_SECT_B |
	       l1_ap(p->ap) | (p->xn ? L1_SECT_XN : 0);
}

uint32_t test_table_desc(uint32_t domain)
{
	return ((uint32_t)l2_test & L1_TABLE_BASE) | L1_TYPE_TABLE | (domain << L1_DOMAIN_SHIFT);
}

uint32_t small_desc(uint32_t pa, const struct prot *p)
{
	return (pa & L2_SMALL_BASE) | L2_TYPE_SMALL | L2_NG |
	       (TEX_NORMAL_WBWA << L2_SMALL_TEX_SHIFT) | L2_C | L2_B |
	       l2_ap(p->ap) | (p->xn ? L2_SMALL_XN : 0);
}

static uint32_t large_desc(uint32_t pa, const struct prot *p)
{
	return (pa & L2_LARGE_BASE) | L2_TYPE_LARGE | L2_NG |
	       (TEX_NORMAL_WBWA << L2_LARGE_TEX_SHIFT) | L2_C | L2_B |
	       l2_ap(p->ap) | (p->xn ? L2_LARGE_XN : 0);
}

void set_test_l1(uint32_t *l1, uint32_t n, uint32_t desc)
{
	store_clean(&l1[TEST_L1_INDEX], n, desc);
}

void set_test_l2(uint32_t index, uint32_t n, uint32_t desc)
{
	store_clean(&l2_test[index], n, desc);
}

void write_test_mapping(uint32_t *l1, enum map_kind kind, uint32_t pa, const struct prot *p)
{
	switch (kind) {
	case MAP_SECTION:
		set_test_l1(l1, 1, section_desc(pa, p));
		break;
	case MAP_SUPERSECTION:
		set_test_l1(l1, SUPER_REPLICAS, supersection_desc(pa, p));
		break;
	case MAP_SMALL:
		set_test_l2(TEST_L2_INDEX, 1, small_desc(pa, p));
		set_test_l1(l1, 1, test_table_desc(p->domain));
		break;
	case MAP_LARGE:
		set_test_l2(TEST_L2_INDEX, LARGE_REPLICAS, large_desc(pa, p));
		set_test_l1(l1, 1, test_table_desc(p->domain));
		break;
	}
}

void map_test(uint32_t *l1, enum map_kind kind, uint32_t pa, const struct prot *p)
{
	/* Break: nothing maps the test region, in the tables or the TLB. */
	set_test_l1(l1, SUPER_REPLICAS, L1_TYPE_FAULT);
	dsb();
	tlbiall();
	dsb();
	/* The page table is unreachable now; drop what earlier mappings left. */
	set_test_l2(0, L2_ENTRIES, L2_TYPE_FAULT);
	/* Make: faulting entries are never held in a TLB, so no TLB operation. */
	write_test_mapping(l1, kind, pa, p);
	dsb();
	isb();
}
