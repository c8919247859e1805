/*
 * Turns its MMU on with a flat section map, points VBAR at a MiB it leaves
 * unmapped, then executes an undefined instruction. The Undefined vector
 * cannot be fetched, so the core takes a prefetch abort, whose vector
 * cannot be fetched either: natively it aborts there forever. Under the
 * hypervisor the guest must be stopped with its PC and reason instead
 * (tests/qemu: stop tests).
 */
#include <stdint.h>

#include "uart.h"

#define SECTION_AP_RW   (3u << 10)
#define SECTION_TYPE    2u
#define DACR_D0_CLIENT  1u
#define SCTLR_M         1u
#define UNMAPPED_VBAR   0x40000000u

static uint32_t l1[4096] __attribute__((aligned(16384)));

int main(void)
{
	uint32_t sctlr;

	for (uint32_t i = 0; i < 4096; i++)
		l1[i] = (i << 20) | SECTION_AP_RW | SECTION_TYPE;
	l1[UNMAPPED_VBAR >> 20] = 0;
	__asm__ volatile("mcr p15, 0, %0, c2, c0, 0\n\t"    /* TTBR0 */
			 "mcr p15, 0, %1, c2, c0, 2\n\t"    /* TTBCR */
			 "mcr p15, 0, %2, c3, c0, 0\n\t"    /* DACR */
			 "mcr p15, 0, %1, c8, c7, 0\n\t"    /* TLBIALL */
			 "mcr p15, 0, %3, c12, c0, 0\n\t"   /* VBAR */
			 "dsb\n\tisb"
			 : : "r"(l1), "r"(0), "r"(DACR_D0_CLIENT), "r"(UNMAPPED_VBAR) : "memory");
	__asm__ volatile("mrc p15, 0, %0, c1, c0, 0" : "=r"(sctlr));
	__asm__ volatile("mcr p15, 0, %0, c1, c0, 0\n\tisb" : : "r"(sctlr | SCTLR_M) : "memory");
	uart_puts("bad_vector: MMU on, vectors unmapped; an undefined instruction now\n");
	__asm__ volatile(".word 0xe7f000f0");                  /* UDF #0 */
	uart_puts("bad_vector: came back\n");
	return 0;
}
