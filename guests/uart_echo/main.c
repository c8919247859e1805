/*
 * uart_echo: reads lines from its console UART (a PL011), waiting in WFI
 * for the UART's receive interrupt, with interrupts masked, between
 * characters; prints each line back with its length. Ends after LINES
 * lines. The test harness types them: natively on the UART, under the
 * hypervisor on its console with this guest's input focus.
 */
#include <stdint.h>

#include "gic.h"
#include "pl011.h"
#include "print.h"
#include "uart.h"

#define LINES           3u
#define LINE_MAX        80u
#define UART_PRIORITY   0xa0u
#define PRIORITY_MASK   0xf0u

/* The receiver, with its FIFO, as a driver sets it up before anything arrives (changing FEN empties it). */
static void enable_receiver(void)
{
	*pl011(UARTLCR_H) = LCR_H_FEN_8BITS;
	*pl011(UARTCR) = CR_UARTEN_TXE_RXE;
}

/* The UART's receive interrupt through the GIC, to end WFI (interrupts stay masked in CPSR). */
static void enable_receive_interrupt(void)
{
	*pl011(UARTIMSC) = IMSC_RXIM;
	((volatile uint8_t *)gicd(GICD_IPRIORITYR))[UART0_IRQ] = UART_PRIORITY;
	gicd(GICD_ISENABLER0)[UART0_IRQ / 32u] = 1u << (UART0_IRQ % 32u);
	*gicd(GICD_CTLR) = GIC_ENABLE;
	*gicc(GICC_PMR) = PRIORITY_MASK;
	*gicc(GICC_CTLR) = GIC_ENABLE;
}

static char read_char(void)
{
	while (*pl011(UARTFR) & FR_RXFE)
		__asm__ volatile("dsb\n\twfi" ::: "memory");
	return (char)(*pl011(UART_DATA) & DR_DATA);
}

int main(void)
{
	char line[LINE_MAX + 1];

	enable_receiver();
	uart_puts("uart_echo: start\n");
	enable_receive_interrupt();
	for (unsigned n = 1; n <= LINES; n++) {
		unsigned len = 0;
		char c;

		while ((c = read_char()) != '\n')
			if (c != '\r' && len < LINE_MAX)
				line[len++] = c;
		line[len] = 0;
		uart_puts("uart_echo: line ");
		print_dec(n);
		uart_puts(", ");
		print_dec(len);
		uart_puts(" characters: ");
		uart_puts(line);
		uart_putc('\n');
	}
	uart_puts("uart_echo: done\n");
	return 0;
}
