/*
 * uart_reset: prints the state its console UART (a PL011) starts in, as
 * after reset, then leaves it changed (FIFOs and the receive interrupt on,
 * another baud rate divisor) and branches to where there is no memory.
 * Loaded again after that crash, as the guest that owns the board's
 * devices, it must find the UART as after reset again: the hypervisor
 * quiesces a crashed owner's devices before they are anyone's again.
 */
#include <stdint.h>

#include "board.h"
#include "print.h"
#include "uart.h"

#define NO_MEMORY       0x10000000u

/* PL011 registers (ARM DDI 0183). */
#define UARTFR          0x18u
#define UARTIBRD        0x24u
#define UARTFBRD        0x28u
#define UARTLCR_H       0x2cu
#define UARTCR          0x30u
#define UARTIFLS        0x34u
#define UARTIMSC        0x38u
#define LCR_H_FEN_8BITS 0x70u
#define IMSC_RXIM       (1u << 4)
#define IFLS_RX_QUARTER 0x08u
#define IBRD_OTHER      13u
#define FBRD_OTHER      1u

static volatile uint32_t *uart(uint32_t offset)
{
	return (volatile uint32_t *)(UART0_BASE + offset);
}

int main(void)
{
	void (*nowhere)(void) = (void (*)(void))NO_MEMORY;

	uart_puts("uart_reset: its console UART as it finds it\n");
	print_hex_line("uart_reset: FR", *uart(UARTFR));
	print_hex_line("uart_reset: IBRD", *uart(UARTIBRD));
	print_hex_line("uart_reset: FBRD", *uart(UARTFBRD));
	print_hex_line("uart_reset: LCR_H", *uart(UARTLCR_H));
	print_hex_line("uart_reset: CR", *uart(UARTCR));
	print_hex_line("uart_reset: IFLS", *uart(UARTIFLS));
	print_hex_line("uart_reset: IMSC", *uart(UARTIMSC));
	*uart(UARTIBRD) = IBRD_OTHER;
	*uart(UARTFBRD) = FBRD_OTHER;
	*uart(UARTLCR_H) = LCR_H_FEN_8BITS;
	*uart(UARTIFLS) = IFLS_RX_QUARTER;
	*uart(UARTIMSC) = IMSC_RXIM;
	uart_puts("uart_reset: changed it; branching to 0x10000000\n");
	nowhere();
	uart_puts("uart_reset: came back\n");
	return 0;
}
