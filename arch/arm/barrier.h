/* Barriers, cache and TLB maintenance (target only). ARM DDI 0406C B2.2, B3.18. */
#ifndef ARCH_ARM_BARRIER_H
#define ARCH_ARM_BARRIER_H

#include <stdint.h>

static inline void dsb(void) { __asm__ volatile("dsb" ::: "memory"); }
static inline void isb(void) { __asm__ volatile("isb" ::: "memory"); }

/* Invalidate the whole unified TLB of this core. */
static inline void tlb_invalidate_all(void)
{
	dsb();
	__asm__ volatile("mcr p15, 0, %0, c8, c7, 0" : : "r"(0) : "memory");
	dsb();
	isb();
}

/*
 * Invalidate the TLB entries of one 4 KiB page. QEMU 7.2 invalidates 1 KiB
 * per TLBIMVA, so all four quarters are named; not for execute permissions,
 * which QEMU can keep stale anyway (use tlb_invalidate_all there).
 */
static inline void tlb_invalidate_page(uintptr_t va)
{
	dsb();
	for (uintptr_t q = 0; q < 4096u; q += 1024u)
		__asm__ volatile("mcr p15, 0, %0, c8, c7, 1" : : "r"(va + q) : "memory");
	dsb();
	isb();
}

/* Invalidate the non-global TLB entries tagged with `asid`. */
static inline void tlb_invalidate_asid(uint32_t asid)
{
	dsb();
	__asm__ volatile("mcr p15, 0, %0, c8, c7, 2" : : "r"(asid) : "memory");
	dsb();
	isb();
}

/* Make instructions written through the data side visible to fetch. */
void cache_sync_icache(uintptr_t start, uint32_t len);

#endif
