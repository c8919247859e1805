/* Smallest guest: text output, .data and .bss, a little arithmetic. */
#include <stdint.h>

#include "print.h"
#include "uart.h"

static uint32_t values[10] = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29 };	/* .data */
static uint32_t copies[10];	/* .bss: must start zeroed */

int main(void)
{
	uint32_t bss_sum = 0, primes = 0, squares = 0;

	uart_puts("Hello from guest\n");
	uart_puts("hello: a bare-metal test guest\n");

	for (unsigned i = 0; i < 10; i++) {
		bss_sum += copies[i];
		copies[i] = values[i];
		values[i] *= values[i];
	}
	for (unsigned i = 0; i < 10; i++) {
		primes += copies[i];
		squares += values[i];
	}

	print_dec_line("bss sum before", bss_sum);
	print_dec_line("sum of the first 10 primes", primes);
	print_dec_line("sum of their squares", squares);
	print_hex_line("as hex", squares);
	uart_puts("hello: done\n");
	return 0;
}
