/* Shared by the attempt groups. */
#include <stdint.h>

#include "attempts.h"
#include "hostile.h"
#include "pgtable.h"
#include "print.h"
#include "probe.h"
#include "report.h"
#include "uart.h"

#define SWEEP_PATTERN   0x5eed0000u	/* plus the page number */

void sweep(const char *what, uint32_t va)
{
	uint32_t nonzero = 0, faults = 0;

	for (uint32_t off = 0; off < HYP_PA_SIZE; off += PAGE_SIZE)
		faults += run_op(OP_WRITE, va + off, SWEEP_PATTERN + (off >> L2_SHIFT)).faulted;
	for (uint32_t off = 0; off < HYP_PA_SIZE; off += PAGE_SIZE) {
		struct outcome o = run_op(OP_READ, va + off, 0);

		faults += o.faulted;
		nonzero += !o.faulted && o.value;
	}
	uart_puts(what);
	uart_puts(" sweep ");
	print_hex(va);
	uart_puts(" +16MiB: ");
	print_dec(HYP_PA_SIZE / PAGE_SIZE);
	uart_puts(" pages, non-zero reads ");
	print_dec(nonzero);
	uart_puts(", faults ");
	print_dec(faults);
	uart_putc('\n');
	count_attempt();
}

void ram_store(uint32_t pa, uint32_t value)
{
	*(volatile uint32_t *)pa = value;
}

void write_read(const char *what, uint32_t va, uint32_t value)
{
	attempt(what, OP_WRITE, va, value, SHOW_ALL);
	attempt(what, OP_READ, va, 0, SHOW_ALL);
}
