/*
 * permtest: conformance of memory protection with short-descriptor
 * translation tables, QEMU's MMU being the oracle.  Every line is an
 * architecturally defined result, except where QEMU 7.2 fixes what the
 * architecture leaves open: DACR 0b10 and AP 0b100 act as no access.
 * Code that is executed through a changed mapping stays below page offset
 * 0x400 (QEMU 7.2 may keep code above it executable after a TLBIMVA).
 */
#include <stdint.h>

#include "access.h"
#include "cpu.h"
#include "mmu.h"
#include "out.h"
#include "power.h"
#include "print.h"
#include "suite.h"
#include "uart.h"

extern const uint32_t pt_vectors[];
_Noreturn void unexpected(uint32_t vector, uint32_t lr, uint32_t spsr);

static uint64_t abt_stack[128], und_stack[128], user_stack[256];

/* From vectors.S, in the exception's mode, for an exception no probe expected. */
_Noreturn void unexpected(uint32_t vector, uint32_t lr, uint32_t spsr)
{
	uart_puts("permtest: unexpected exception, vector ");
	print_dec(vector);
	uart_puts(" lr ");
	print_hex(lr);
	uart_puts(" spsr ");
	print_hex(spsr);
	uart_putc('\n');
	power_off();
}

int main(void)
{
	uint32_t hash;

	out_puts("permtest: start\n");
	cpu_set_mode_sp(MODE_ABT, (uint32_t)&abt_stack[128]);
	cpu_set_mode_sp(MODE_UND, (uint32_t)&und_stack[128]);
	cpu_set_mode_sp(MODE_SYS, (uint32_t)&user_stack[256]);
	cpu_set_vbar((uint32_t)pt_vectors);
	mmu_init();
	frame_init(FRAME_A);
	frame_init(FRAME_A + PAGE_SIZE);
	frame_init(FRAME_B);

	run_matrix();
	run_sequences();

	hash = out_hash();
	uart_puts("permtest: ");
	print_dec(checks_done());
	uart_puts(" cells, hash ");
	print_hex(hash);
	uart_putc('\n');
	uart_puts("permtest: done\n");
	return 0;
}
