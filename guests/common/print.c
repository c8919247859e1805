#include "print.h"
#include "uart.h"

void print_hex(uint32_t v)
{
	static const char digits[] = "0123456789abcdef";

	uart_puts("0x");
	for (int shift = 28; shift >= 0; shift -= 4)
		uart_putc(digits[(v >> shift) & 0xf]);
}

void print_dec(uint32_t v)
{
	char buf[10];	/* 4294967295 has 10 digits */
	unsigned n = 0;

	do {
		buf[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		uart_putc(buf[--n]);
}

void print_hex_line(const char *name, uint32_t v)
{
	uart_puts(name);
	uart_puts(": ");
	print_hex(v);
	uart_putc('\n');
}

void print_dec_line(const char *name, uint32_t v)
{
	uart_puts(name);
	uart_puts(": ");
	print_dec(v);
	uart_putc('\n');
}
