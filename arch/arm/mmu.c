#include <stdint.h>

#include "arch/arm/barrier.h"
#include "arch/arm/cp15.h"
#include "arch/arm/mmu.h"
#include "arch/arm/pgtable_bits.h"
#include "dacr/domains.h"
#include "generated/config.h"
#include "hyp/log.h"

#define HYP_IO_VA       (CONFIG_HYP_VA_BASE + CONFIG_HYP_RAM_SIZE)
#define HYP_IO_L2S      (CONFIG_HYP_IO_SIZE / SECTION_SIZE)
/* The last pages of the device window are rotating slots for physical pages. */
#define HYP_IO_PAGES    (CONFIG_HYP_IO_SIZE / PAGE_SIZE - MMU_PHYS_SLOTS)
#define PHYS_SLOT_VA(i) (HYP_IO_VA + (HYP_IO_PAGES + (i)) * PAGE_SIZE)

_Static_assert(CONFIG_HYP_IO_SIZE % SECTION_SIZE == 0, "HYP_IO_SIZE must be whole MiB");

uint32_t hyp_l1[L1_ENTRIES] __attribute__((section(".pgtable.l1"), aligned(L1_TABLE_SIZE)));
static uint32_t io_l2[HYP_IO_L2S][L2_ENTRIES]
	__attribute__((section(".pgtable"), aligned(L2_TABLE_SIZE)));
static unsigned io_pages_used, next_phys_slot;
/* The page each physical slot maps, with SLOT_MAPS set once it maps one. */
static uint32_t phys_slot_page[MMU_PHYS_SLOTS];
#define SLOT_MAPS 1u
static uint32_t phys_offset;

uint32_t hyp_virt_to_phys(const void *va)
{
	return (uint32_t)(uintptr_t)va + phys_offset;
}

#define HYP_WINDOW_SIZE (CONFIG_HYP_RAM_SIZE + CONFIG_HYP_IO_SIZE)

int mmu_in_hyp_window(uint32_t va, uint32_t size)
{
	return va < CONFIG_HYP_VA_BASE + HYP_WINDOW_SIZE && va + size > CONFIG_HYP_VA_BASE;
}

uint32_t mmu_hyp_window_first_mb(void)
{
	return CONFIG_HYP_VA_BASE >> SECTION_SHIFT;
}

uint32_t mmu_hyp_window_mbs(void)
{
	return HYP_WINDOW_SIZE >> SECTION_SHIFT;
}

void mmu_copy_hyp_window(uint32_t *l1)
{
	for (uint32_t mb = mmu_hyp_window_first_mb(); mb - mmu_hyp_window_first_mb() < mmu_hyp_window_mbs(); mb++)
		l1[mb] = hyp_l1[mb];
}

uint32_t mmu_ttbr0_of(const uint32_t *l1)
{
	return hyp_virt_to_phys(l1) | TTBR_IRGN_WBWA | TTBR_RGN_WBWA;
}

void mmu_use_hyp_table(void)
{
	dsb();
	cp15_write_contextidr(MMU_RESERVED_ASID);
	isb();
	cp15_write_ttbr0(mmu_ttbr0_of(hyp_l1));
	isb();
	tlb_invalidate_all();   /* what ran before may have had other global entries */
}

void mmu_switch_shadow(uint32_t ttbr0, uint32_t asid)
{
	/*
	 * Through the reserved ASID (B3.10.4): no table walk, not even a
	 * speculative one, ever pairs the new table with the old ASID.
	 */
	dsb();
	cp15_write_contextidr(MMU_RESERVED_ASID);
	isb();
	cp15_write_ttbr0(ttbr0);
	isb();
	cp15_write_contextidr(asid);
	isb();
}

static void set_l1(uint32_t va, uint32_t desc)
{
	BUG_ON(mmu_in_hyp_window(va & SECTION_MASK, SECTION_SIZE));
	hyp_l1[va >> SECTION_SHIFT] = desc;
}

void mmu_init(uint32_t offset)
{
	uint32_t phys_base = CONFIG_HYP_VA_BASE + offset;

	phys_offset = offset;
	if (!mmu_in_hyp_window(phys_base, CONFIG_HYP_RAM_SIZE))
		for (uint32_t mb = 0; mb < CONFIG_HYP_RAM_SIZE >> SECTION_SHIFT; mb++)
			hyp_l1[(phys_base >> SECTION_SHIFT) + mb] = 0;

	for (unsigned i = 0; i < HYP_IO_L2S; i++) {
		for (unsigned p = 0; p < L2_ENTRIES; p++)
			io_l2[i][p] = L2_TYPE_FAULT;    /* .pgtable is not zeroed at boot */
		hyp_l1[(HYP_IO_VA >> SECTION_SHIFT) + i] = hyp_virt_to_phys(io_l2[i]) |
			L1_TYPE_TABLE | L1_DOMAIN(DOMAIN_HYP);
	}
	tlb_invalidate_all();
}

volatile uint32_t *ioremap(uint32_t pa, uint32_t size)
{
	uint32_t first = pa & PAGE_MASK;
	uint32_t pages = (pa + size - first + PAGE_SIZE - 1) >> PAGE_SHIFT;

	if (io_pages_used + pages > HYP_IO_PAGES)
		hyp_panic("ioremap(0x%08x, 0x%x): HYP_IO_SIZE exhausted", pa, size);
	uint32_t va = HYP_IO_VA + io_pages_used * PAGE_SIZE;
	for (uint32_t i = 0; i < pages; i++, io_pages_used++)
		io_l2[io_pages_used / L2_ENTRIES][io_pages_used % L2_ENTRIES] =
			(first + i * PAGE_SIZE) | L2_SMALL | L2_SMALL_XN | L2_SMALL_DEVICE |
			L2_SMALL_AP(AP_PL1_RW);
	dsb();
	return (volatile uint32_t *)(uintptr_t)(va + (pa - first));
}

void *mmu_map_phys_page(uint32_t pa)
{
	unsigned slot = next_phys_slot;
	uint32_t wanted = (pa & PAGE_MASK) | SLOT_MAPS, offset = pa & ~PAGE_MASK;

	/* A table walk reads an L1 and an L2 page, and often again right after. */
#pragma GCC unroll 4
	for (unsigned back = 1; back <= MMU_PHYS_REUSE; back++) {
		unsigned recent = (slot + MMU_PHYS_SLOTS - back) % MMU_PHYS_SLOTS;
		if (phys_slot_page[recent] == wanted)
			return (void *)(uintptr_t)(PHYS_SLOT_VA(recent) + offset);
	}
	uint32_t page = HYP_IO_PAGES + slot;
	next_phys_slot = (slot + 1) % MMU_PHYS_SLOTS;
	phys_slot_page[slot] = wanted;
	io_l2[page / L2_ENTRIES][page % L2_ENTRIES] = (pa & PAGE_MASK) | L2_SMALL | L2_SMALL_XN |
		L2_SMALL_NORMAL_WBWA | L2_SMALL_AP(AP_PL1_RW);
	tlb_invalidate_page(PHYS_SLOT_VA(slot));
	return (void *)(uintptr_t)(PHYS_SLOT_VA(slot) + offset);
}

static void map_sections(uint32_t va, uint32_t pa, uint32_t size, uint32_t ap)
{
	for (uint32_t off = 0; off < size; off += SECTION_SIZE)
		set_l1(va + off, (pa + off) | L1_TYPE_SECTION | L1_SECT_NORMAL_WBWA | L1_SECT_XN |
		       L1_SECT_AP(ap) | L1_DOMAIN(DOMAIN_HYP));
	tlb_invalidate_all();
}

void mmu_map_hyp_readonly(uint32_t pa, uint32_t size)
{
	map_sections(pa & SECTION_MASK, pa & SECTION_MASK, size, AP_PL1_RO);
}

void mmu_map_hyp_at(uint32_t va, uint32_t pa, uint32_t size)
{
	map_sections(va, pa, size, AP_PL1_RW);
}

void mmu_unmap(uint32_t va, uint32_t size)
{
	for (uint32_t a = va & SECTION_MASK; a - (va & SECTION_MASK) < size; a += SECTION_SIZE)
		set_l1(a, 0);
	tlb_invalidate_all();
}
