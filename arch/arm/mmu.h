/* The hypervisor's translation table: its own window, devices, and slots for guest mappings. */
#ifndef ARCH_ARM_MMU_H
#define ARCH_ARM_MMU_H

#include <stdint.h>

/* Drop the boot identity map, set up the device window. */
void mmu_init(uint32_t phys_offset);

/* Map device registers for the hypervisor (PL1 only). Page granular. */
volatile uint32_t *ioremap(uint32_t pa, uint32_t size);

uint32_t hyp_virt_to_phys(const void *va);

/*
 * Map the physical page holding `pa` for the hypervisor (PL1 read/write) in
 * one of MMU_PHYS_SLOTS rotating slots, in every address space; a page one
 * of the last MMU_PHYS_REUSE slots maps is not mapped again. The pointer
 * stays valid for MMU_PHYS_VALID_CALLS further calls.
 */
#define MMU_PHYS_SLOTS 16u
#define MMU_PHYS_REUSE 4u
#define MMU_PHYS_VALID_CALLS (MMU_PHYS_SLOTS - MMU_PHYS_REUSE)
void *mmu_map_phys_page(uint32_t pa);

/*
 * In the hypervisor's own table, while it runs on it (before any guest):
 * map [pa, pa+size) at the same virtual address PL1 read-only, or at `va`
 * PL1 read/write (whole MiB sections, 1 MiB aligned); unmap either.
 */
void mmu_map_hyp_readonly(uint32_t pa, uint32_t size);
void mmu_map_hyp_at(uint32_t va, uint32_t pa, uint32_t size);
void mmu_unmap(uint32_t va, uint32_t size);

/* The L1 index range of the hypervisor's window (present in every table). */
uint32_t mmu_hyp_window_first_mb(void);
uint32_t mmu_hyp_window_mbs(void);
/* Give another L1 table the hypervisor's window entries. */
void mmu_copy_hyp_window(uint32_t *l1);
/*
 * ASID 0 tags nothing: the hypervisor's own table has only global
 * entries, and no guest table runs under it.
 */
#define MMU_RESERVED_ASID 0u

/* Translate through the hypervisor's own table, as at boot: what mmu_map_hyp_* maps is there. */
void mmu_use_hyp_table(void);

/* The TTBR0 value that makes `l1` (16 KiB aligned, window included) the translation table. */
uint32_t mmu_ttbr0_of(const uint32_t *l1);

/*
 * Make the table of TTBR0 value `ttbr0` (mmu_ttbr0_of(): a guest's flat map
 * or shadow) the translation table, with ASID `asid` (not
 * MMU_RESERVED_ASID). The TLB is left alone: its entries for other ASIDs
 * stay for when their tables return.
 */
void mmu_switch_shadow(uint32_t ttbr0, uint32_t asid);

/* Is [va, va+size) inside the hypervisor's virtual window? */
int mmu_in_hyp_window(uint32_t va, uint32_t size);

#endif
