/* CP15 for the hostile guest: the shared VMSA registers, its walk attributes and cache cleaning. */
#ifndef CP15_H
#define CP15_H

#include "vmsa_regs.h"

/* TTBRn walk attributes: inner and outer write-back write-allocate. */
#define TTBR_WALK_WBWA  ((1u << 6) | (1u << 3))

#define DACR_ALL_MANAGER 0xffffffffu	/* 0b11 (manager) in every field */

/* Clean a data cache line by address to the point of coherency. */
static inline void dccmvac(uint32_t va)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c10, 1" : : "r"(va) : "memory");
}

#endif
