/* Polled UART output (the board's, board.h); QEMU's UARTs need no setup. */
#include <stdint.h>

#include "uart.h"
#include "board.h"

static volatile uint32_t *uart_reg(uint32_t offset)
{
	return (volatile uint32_t *)(UART0_BASE + offset);
}

void uart_putc(char c)
{
	while (UART_TX_FULL(*uart_reg(UART_STATUS)))
		;
	*uart_reg(UART_DATA) = (uint8_t)c;
}

void uart_puts(const char *s)
{
	while (*s)
		uart_putc(*s++);
}
