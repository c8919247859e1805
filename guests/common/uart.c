/* Polled PL011 output; QEMU's UART needs no setup. */
#include <stdint.h>

#include "uart.h"
#include "board.h"

static volatile uint32_t *uart_reg(uint32_t offset)
{
	return (volatile uint32_t *)(UART0_BASE + offset);
}

void uart_putc(char c)
{
	while (*uart_reg(UART_FR) & UART_FR_TXFF)
		;
	*uart_reg(UART_DR) = (uint8_t)c;
}

void uart_puts(const char *s)
{
	while (*s)
		uart_putc(*s++);
}
