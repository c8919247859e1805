#include "out.h"
#include "uart.h"

#define FNV_OFFSET_BASIS 0x811c9dc5u
#define FNV_PRIME        0x01000193u

static uint32_t hash = FNV_OFFSET_BASIS;

void out_putc(char c)
{
	hash = (hash ^ (uint8_t)c) * FNV_PRIME;
	uart_putc(c);
}

void out_puts(const char *s)
{
	while (*s)
		out_putc(*s++);
}

void out_hex(uint32_t v)
{
	static const char digits[] = "0123456789abcdef";

	out_puts("0x");
	for (int shift = 28; shift >= 0; shift -= 4)
		out_putc(digits[(v >> shift) & 0xf]);
}

uint32_t out_hash(void)
{
	return hash;
}
