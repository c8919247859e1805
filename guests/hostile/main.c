/*
 * hostile: a guest that tries to reach the hypervisor's memory by every route
 * it has: physical addresses with the MMU off, its own descriptors onto the
 * hypervisor's RAM, staging area and virtual window, manager domains, tables
 * in the hypervisor's memory, stale TLB entries, and cache maintenance.
 * Natively (QEMU's vexpress) nothing is at those addresses: reads give 0,
 * writes vanish, a table walk there ends in an external abort.  Under the
 * hypervisor it must print the same.  Every printed value is architecturally
 * defined or fixed by the implementation (DFSR.ExT of an external abort).
 */
#include <stdint.h>

#include "attempts.h"
#include "cpu.h"
#include "mmu.h"
#include "power.h"
#include "print.h"
#include "report.h"
#include "uart.h"

extern const uint32_t hostile_vectors[];
_Noreturn void unexpected(uint32_t vector, uint32_t lr, uint32_t spsr);

static uint64_t abt_stack[128], und_stack[128];

/* From vectors.S, in the exception's mode, for an exception no probe expected. */
_Noreturn void unexpected(uint32_t vector, uint32_t lr, uint32_t spsr)
{
	uart_puts("hostile: unexpected exception, vector ");
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
	uart_puts("hostile: start\n");
	cpu_set_mode_sp(MODE_ABT, (uint32_t)&abt_stack[128]);
	cpu_set_mode_sp(MODE_UND, (uint32_t)&und_stack[128]);
	cpu_set_vbar((uint32_t)hostile_vectors);

	run_phys();
	mmu_on();
	run_mapped();
	run_window();
	run_manager();
	run_walks();
	run_stale();
	run_maintenance();

	uart_puts("hostile: ");
	print_dec(attempts_done());
	uart_puts(" attempts\n");
	uart_puts("hostile: done\n");
	return 0;
}
