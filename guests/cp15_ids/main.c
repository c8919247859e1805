/*
 * The identification registers the guest reads (MIDR, CTR, MPIDR, ID_PFR0/1,
 * ID_DFR0, ID_MMFR0, ID_ISAR0, CLIDR) and, on a Cortex-A8, the L2 Cache
 * Auxiliary Control Register read, written with its bits inverted and read
 * again: under the hypervisor all of them read as natively.
 */
#include <stdint.h>

#include "print.h"
#include "uart.h"

#define MIDR_PART(midr)         (((midr) >> 4) & 0xfffu)
#define MIDR_PART_CORTEX_A8     0xc08u

#define READ_CP15(op1, crn, crm, op2) ({ uint32_t v_; \
	__asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 : "=r"(v_)); v_; })

static uint32_t read_a8_l2auxcr(void)
{
	return READ_CP15(1, c9, c0, 2);
}

static void write_a8_l2auxcr(uint32_t v)
{
	__asm__ volatile("mcr p15, 1, %0, c9, c0, 2\n\tisb" : : "r"(v) : "memory");
}

int main(void)
{
	uint32_t midr = READ_CP15(0, c0, c0, 0);

	uart_puts("cp15_ids: start\n");
	print_hex_line("MIDR", midr);
	print_hex_line("CTR", READ_CP15(0, c0, c0, 1));
	print_hex_line("MPIDR", READ_CP15(0, c0, c0, 5));
	print_hex_line("ID_PFR0", READ_CP15(0, c0, c1, 0));
	print_hex_line("ID_PFR1", READ_CP15(0, c0, c1, 1));
	print_hex_line("ID_DFR0", READ_CP15(0, c0, c1, 2));
	print_hex_line("ID_MMFR0", READ_CP15(0, c0, c1, 4));
	print_hex_line("ID_ISAR0", READ_CP15(0, c0, c2, 0));
	print_hex_line("CLIDR", READ_CP15(1, c0, c0, 1));
	if (MIDR_PART(midr) == MIDR_PART_CORTEX_A8) {
		uint32_t l2aux = read_a8_l2auxcr();
		print_hex_line("A8 L2AUXCR", l2aux);
		write_a8_l2auxcr(~l2aux);
		print_hex_line("A8 L2AUXCR after writing its inverse", read_a8_l2auxcr());
	}
	uart_puts("cp15_ids: done\n");
	return 0;
}
