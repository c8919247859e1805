/*
 * The kernel half: sets up the User stack and vectors, runs user_main() in
 * User mode twice (entered by MOVS PC, LR and by RFE) and serves its SVCs,
 * one of which sets the TPIDRURO that User mode reads.
 */
#include <stdint.h>

#include "cpu.h"
#include "print.h"
#include "syscall.h"
#include "uart.h"

extern const uint32_t user_vectors[];
uint32_t svc_dispatch(uint32_t a0, uint32_t a1, uint32_t a2, uint32_t nr);

static uint64_t user_stack[512];

uint32_t svc_dispatch(uint32_t a0, uint32_t a1, uint32_t a2, uint32_t nr)
{
	const char *s = (const char *)a0;

	print_hex_line("kernel: svc", nr);
	switch (nr) {
	case SYS_WRITE:
		uart_puts("kernel: write: ");
		for (uint32_t i = 0; i < a1; i++)
			uart_putc(s[i]);
		return a1;
	case SYS_ADD3:
		print_hex_line("kernel: add3 a", a0);
		print_hex_line("kernel: add3 b", a1);
		print_hex_line("kernel: add3 c", a2);
		return a0 + a1 + a2;
	case SYS_GETPSR:
		return cpu_spsr();
	case SYS_SETTLS:
		__asm__ volatile("mcr p15, 0, %0, c13, c0, 3" : : "r"(a0));
		return 0;
	default:
		print_hex_line("kernel: unknown svc", nr);
		return 0xffffffff;
	}
}

int main(void)
{
	uart_puts("usermode: kernel start\n");
	cpu_set_mode_sp(MODE_SYS, (uint32_t)&user_stack[512]);
	cpu_set_vbar((uint32_t)user_vectors);
	print_hex_line("kernel: vbar", cpu_vbar());

	uart_puts("kernel: entering User mode with MOVS PC, LR\n");
	print_hex_line("kernel: exit code", enter_user_movs(user_main, 1));
	print_hex_line("kernel: cpsr", cpu_cpsr());

	uart_puts("kernel: entering User mode with RFE\n");
	print_hex_line("kernel: exit code", enter_user_rfe(user_main, 2));
	print_hex_line("kernel: cpsr", cpu_cpsr());

	uart_puts("usermode: done\n");
	return 0;
}
