/*
 * uart_reset: prints the state its console UART (a PL011) starts in, as
 * after reset, then leaves it changed (FIFOs and the receive interrupt on,
 * another baud rate divisor) and branches to where there is no memory.
 * Loaded again after that crash, as the guest that owns the board's
 * devices, it must find the UART as after reset again: the hypervisor
 * quiesces a crashed owner's devices before they are anyone's again.
 */
#include <stdint.h>

#include "pl011.h"
#include "print.h"
#include "uart.h"

#define NO_MEMORY       0x10000000u

#define IFLS_RX_QUARTER 0x08u
#define IBRD_OTHER      13u
#define FBRD_OTHER      1u

int main(void)
{
	void (*nowhere)(void) = (void (*)(void))NO_MEMORY;

	uart_puts("uart_reset: its console UART as it finds it\n");
	print_hex_line("uart_reset: FR", *pl011(UARTFR));
	print_hex_line("uart_reset: IBRD", *pl011(UARTIBRD));
	print_hex_line("uart_reset: FBRD", *pl011(UARTFBRD));
	print_hex_line("uart_reset: LCR_H", *pl011(UARTLCR_H));
	print_hex_line("uart_reset: CR", *pl011(UARTCR));
	print_hex_line("uart_reset: IFLS", *pl011(UARTIFLS));
	print_hex_line("uart_reset: IMSC", *pl011(UARTIMSC));
	*pl011(UARTIBRD) = IBRD_OTHER;
	*pl011(UARTFBRD) = FBRD_OTHER;
	*pl011(UARTLCR_H) = LCR_H_FEN_8BITS;
	*pl011(UARTIFLS) = IFLS_RX_QUARTER;
	*pl011(UARTIMSC) = IMSC_RXIM;
	uart_puts("uart_reset: changed it; branching to 0x10000000\n");
	nowhere();
	uart_puts("uart_reset: came back\n");
	return 0;
}
