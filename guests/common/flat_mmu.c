#include <stdint.h>

#include "board.h"
#include "flat_mmu.h"
#include "pgtable.h"
#include "vmsa_regs.h"

#define RAM_MBS         16u
#define NORMAL_SECT     ((TEX_NORMAL_WBWA << L1_SECT_TEX_SHIFT) | L1_SECT_C | L1_SECT_B)
#define DEVICE_SECT     ((TEX_DEVICE << L1_SECT_TEX_SHIFT) | L1_SECT_B | L1_SECT_XN)
#define FULL_ACCESS     (AP01(AP_RW_ALL) << L1_SECT_AP01_SHIFT)

static uint32_t flat_l1[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));

void flat_mmu_map_section(uint32_t va, uint32_t pa)
{
	flat_l1[va >> L1_SHIFT] = (pa & L1_SECTION_BASE) | L1_TYPE_SECTION | NORMAL_SECT | FULL_ACCESS;
	dsb();  /* from fault to valid: no TLB maintenance (B3.10.1), the store seen before the next walk */
	isb();
}

static void map_device(uint32_t pa)
{
	flat_l1[pa >> L1_SHIFT] = (pa & L1_SECTION_BASE) | L1_TYPE_SECTION | DEVICE_SECT | FULL_ACCESS;
}

void flat_mmu_on(const uint32_t *device_mbs, unsigned count)
{
	for (uint32_t mb = 0; mb < RAM_MBS; mb++)
		flat_mmu_map_section(RAM_BASE + mb * SECTION_SIZE, RAM_BASE + mb * SECTION_SIZE);
	map_device(DEVICE_BASE);
	for (unsigned i = 0; i < count; i++)
		map_device(device_mbs[i]);
	write_ttbcr(TTBCR_N0);
	write_ttbr0((uint32_t)flat_l1);
	write_dacr(DACR_CLIENT << DACR_SHIFT(0));
	tlbiall();
	dsb();
	isb();
	write_sctlr(read_sctlr() | SCTLR_M);
	isb();
}

void flat_mmu_off(void)
{
	write_sctlr(read_sctlr() & ~SCTLR_M);
	isb();
	tlbiall();
	iciallu();
	dsb();
	isb();
}
