/*
 * Halts as Linux does on a board it cannot power off: interrupts masked and
 * a branch to itself, here in User mode and Thumb state (Linux's kernel
 * loop is ARM code), after saying where. Natively QEMU spins there for
 * ever; under the hypervisor its tick sees the halt, reports that PC and
 * ends the run (tests/qemu/halt.sh).
 */
#include <stdint.h>

#include "print.h"
#include "uart.h"

void halt_in_user_thumb(void) __attribute__((noreturn));
extern const char halt_loop[];

int main(void)
{
	uart_puts("halt: spinning at ");
	print_hex((uint32_t)halt_loop & ~1u);
	uart_puts(" in User mode, Thumb state, IRQs masked\n");
	halt_in_user_thumb();
}
