/* CP15 for the asids guest: the shared VMSA registers, a TTBR0/TTBR1 split, TLBIASID. */
#ifndef CP15_H
#define CP15_H

#include "vmsa_regs.h"

#define TTBCR_N1        1u	/* TTBR0: 0x00000000-0x7fffffff, TTBR1: the rest */

static inline void tlbiasid(uint32_t asid)
{
	__asm__ volatile("mcr p15, 0, %0, c8, c7, 2" : : "r"(asid) : "memory");
}

#endif
