/* The User-mode half: prints directly to the UART and makes system calls. */
#include <stdint.h>

#include "cpu.h"
#include "print.h"
#include "syscall.h"
#include "uart.h"

static const char message[] = "written by the kernel for user mode\n";

uint32_t thumb_sum(uint32_t n);
uint32_t thumb_literal(void);

static _Noreturn void sys_exit(uint32_t code)
{
	syscall3(SYS_EXIT, code, 0, 0);
	__builtin_unreachable();
}

_Noreturn void user_main(uint32_t round)
{
	uint32_t sum;

	uart_puts("user: hello from User mode, round ");
	print_dec(round);
	uart_putc('\n');
	print_hex_line("user: cpsr", cpu_cpsr());
	print_dec_line("user: thumb sum", thumb_sum(10 * round));
	print_hex_line("user: thumb literal", thumb_literal());

	syscall3(SYS_WRITE, (uint32_t)message, sizeof message - 1, 0);
	sum = syscall3(SYS_ADD3, round, 0x20, 0x300);
	print_hex_line("user: add3 result", sum);
	print_hex_line("user: cpsr seen by kernel", syscall3(SYS_GETPSR, 0, 0, 0));
	for (uint32_t tls = 0x71500000u | round; tls & 0xfff00000u; tls <<= 4) {
		uint32_t seen;

		syscall3(SYS_SETTLS, tls, 0, 0);
		__asm__ volatile("mrc p15, 0, %0, c13, c0, 3" : "=r"(seen));
		print_hex_line("user: tpidruro", seen);
	}

	sys_exit(0xc0de0000 | round);
}
