/*
 * Turns its MMU on with a flat section map (manager domain, uncached) and
 * goes on printing through it: the smallest guest with its own tables.
 */
#include <stdint.h>

#include "uart.h"

#define SECTION_AP_RW   (3u << 10)
#define SECTION_TYPE    2u
#define DACR_D0_MANAGER 3u
#define SCTLR_M         1u

static uint32_t l1[4096] __attribute__((aligned(16384)));

int main(void)
{
	uint32_t sctlr;

	uart_puts("mmu_on: building a flat section map\n");
	for (uint32_t i = 0; i < 4096; i++)
		l1[i] = (i << 20) | SECTION_AP_RW | SECTION_TYPE;
	__asm__ volatile("mcr p15, 0, %0, c2, c0, 0\n\t"    /* TTBR0 */
			 "mcr p15, 0, %1, c2, c0, 2\n\t"    /* TTBCR */
			 "mcr p15, 0, %2, c3, c0, 0\n\t"    /* DACR */
			 "mcr p15, 0, %1, c8, c7, 0\n\t"    /* TLBIALL */
			 "dsb\n\tisb"
			 : : "r"(l1), "r"(0), "r"(DACR_D0_MANAGER) : "memory");
	__asm__ volatile("mrc p15, 0, %0, c1, c0, 0" : "=r"(sctlr));
	uart_puts("mmu_on: enabling the MMU\n");
	__asm__ volatile("mcr p15, 0, %0, c1, c0, 0\n\tisb" : : "r"(sctlr | SCTLR_M) : "memory");
	uart_puts("mmu_on: MMU is on\n");
	uart_puts("mmu_on: done\n");
	return 0;
}
