/* CP15 for the permtest guest: the shared VMSA registers, its walk attributes and cache cleaning. */
#ifndef CP15_H
#define CP15_H

#include "vmsa_regs.h"

/* TTBR0 walk attributes (Multiprocessing Extensions encoding of IRGN). */
#define TTBR_IRGN0      (1u << 6)	/* IRGN = 0b01: inner write-back write-allocate */
#define TTBR_RGN_WBWA   (1u << 3)	/* RGN = 0b01: outer write-back write-allocate */

/* CONTEXTIDR: ASID in bits [7:0], PROCID left 0. */
#define CONTEXTIDR_ASID(a) ((a) & 0xffu)

/* Clean a data cache line by address to the point of coherency. */
static inline void dccmvac(const volatile void *p)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c10, 1" : : "r"(p) : "memory");
}

/* Clean a data cache line by address to the point of unification. */
static inline void dccmvau(const volatile void *p)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c11, 1" : : "r"(p) : "memory");
}

#endif
