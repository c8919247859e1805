/*
 * The hypervisor's memset (arch/arm/memset.S, this guest's only one) on the
 * target's CPU: every length from 0 to MAX_LEN at each byte alignment
 * within two words, with three fill values, against what a byte loop
 * leaves: the bytes filled, the bytes around them untouched, the start
 * returned. Its own loops use volatile accesses, which the compiler never
 * turns into memset calls.
 */
#include <stddef.h>
#include <stdint.h>

#include "print.h"
#include "uart.h"

#define MAX_LEN 100u
#define ALIGNS  8u
#define GUARD   0x5au

void *memset(void *s, int c, size_t n);

static uint8_t buf[ALIGNS + MAX_LEN + ALIGNS];

/* Whether memset(buf + align, value, len) did exactly what it must. */
static int one_case(unsigned align, int value, unsigned len)
{
	volatile uint8_t *b = buf;
	int ok;

	for (unsigned i = 0; i < sizeof(buf); i++)
		b[i] = GUARD;
	ok = memset(buf + align, value, len) == buf + align;
	for (unsigned i = 0; i < sizeof(buf); i++) {
		uint8_t want = i >= align && i < align + len ? (uint8_t)value : GUARD;
		ok = ok && b[i] == want;
	}
	return ok;
}

int main(void)
{
	static const int values[] = { 0, 0x1a5, -1 };   /* only the low byte counts */
	uint32_t cases = 0, wrong = 0;

	uart_puts("memset_check: start\n");
	for (unsigned v = 0; v < sizeof(values) / sizeof(values[0]); v++)
		for (unsigned align = 0; align < ALIGNS; align++)
			for (unsigned len = 0; len <= MAX_LEN; len++) {
				cases++;
				if (one_case(align, values[v], len))
					continue;
				if (!wrong++) {
					print_dec_line("memset_check: first wrong length", len);
					print_dec_line("memset_check: at alignment", align);
					print_hex_line("memset_check: value", (uint32_t)values[v]);
				}
			}
	print_dec_line("memset_check: cases", cases);
	print_dec_line("memset_check: wrong", wrong);
	uart_puts("memset_check: done\n");
	return 0;
}
