#include "arch/arm/barrier.h"

#define CACHE_LINE_MIN 32u  /* smallest line of the supported cores */

void cache_sync_icache(uintptr_t start, uint32_t len)
{
	uintptr_t end = start + len;

	for (uintptr_t a = start & ~(uintptr_t)(CACHE_LINE_MIN - 1); a < end; a += CACHE_LINE_MIN)
		__asm__ volatile("mcr p15, 0, %0, c7, c11, 1" : : "r"(a) : "memory"); /* DCCMVAU */
	dsb();
	__asm__ volatile("mcr p15, 0, %0, c7, c5, 0" : : "r"(0) : "memory");  /* ICIALLU */
	__asm__ volatile("mcr p15, 0, %0, c7, c5, 6" : : "r"(0) : "memory");  /* BPIALL */
	dsb();
	isb();
}
