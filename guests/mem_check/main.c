/*
 * The hypervisor's memset and memcmp (arch/arm/memset.S and memcmp.S, this
 * guest's only ones) on the target's CPU, against what byte loops give.
 * memset: every length from 0 to MAX_LEN at each byte alignment within two
 * words, with three fill values: the bytes filled, the bytes around them
 * untouched, the start returned. memcmp: every length from 0 to MAX_LEN at
 * each pair of alignments, equal, and with one byte changed (up, down, and
 * by the top bit) at each position: the sign of the result. Its own loops
 * use volatile accesses, which the compiler never turns into calls. Any
 * wrong case and it never prints "mem_check: done".
 */
#include <stddef.h>
#include <stdint.h>

#include "print.h"
#include "uart.h"

#define MAX_LEN 100u
#define ALIGNS  8u
#define GUARD   0x5au

void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

static uint8_t buf[ALIGNS + MAX_LEN + ALIGNS];
static uint8_t other[ALIGNS + MAX_LEN + ALIGNS];

/* Whether memset(buf + align, value, len) did exactly what it must. */
static int memset_case(unsigned align, int value, unsigned len)
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

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

/* What memcmp must say of `len` bytes at a and b: the sign of the first difference, as unsigned bytes. */
static int byte_compare(const volatile uint8_t *a, const volatile uint8_t *b, unsigned len)
{
	for (unsigned i = 0; i < len; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

/*
 * memcmp of `len` bytes at buf + a and other + b, both holding the same
 * pattern but for `delta` added to the byte at `at` of the first (none if
 * at >= len): whether its sign is the byte loop's.
 */
static int memcmp_case(unsigned a, unsigned b, unsigned len, unsigned at, uint8_t delta)
{
	volatile uint8_t *x = buf, *y = other;

	for (unsigned i = 0; i < len; i++)
		x[a + i] = y[b + i] = (uint8_t)(i * 37u + 11u);
	if (at < len)
		x[a + at] = (uint8_t)(x[a + at] + delta);
	return sign(memcmp(buf + a, other + b, len)) == byte_compare(x + a, y + b, len);
}

/* The first failure, then a count. */
static void note(uint32_t *wrong, const char *what, unsigned len, unsigned align)
{
	if ((*wrong)++)
		return;
	uart_puts("mem_check: first wrong ");
	uart_puts(what);
	uart_puts("\n");
	print_dec_line("mem_check: length", len);
	print_dec_line("mem_check: alignment", align);
}

int main(void)
{
	static const int values[] = { 0, 0x1a5, -1 };   /* only the low byte counts */
	static const uint8_t deltas[] = { 1, 0xff, 0x80 };
	uint32_t cases = 0, wrong = 0;

	uart_puts("mem_check: start\n");
	for (unsigned v = 0; v < sizeof(values) / sizeof(values[0]); v++)
		for (unsigned align = 0; align < ALIGNS; align++)
			for (unsigned len = 0; len <= MAX_LEN; len++, cases++)
				if (!memset_case(align, values[v], len))
					note(&wrong, "memset", len, align);
	print_dec_line("mem_check: memset cases", cases);
	cases = 0;
	for (unsigned a = 0; a < 4u; a++)
		for (unsigned b = 0; b < 4u; b++)
			for (unsigned len = 0; len <= MAX_LEN; len++)
				for (unsigned at = 0; at <= len; at++)
					for (unsigned d = 0; d < sizeof(deltas); d++, cases++)
						if (!memcmp_case(a, b, len, at, deltas[d]))
							note(&wrong, "memcmp", len, a * 4u + b);
	print_dec_line("mem_check: memcmp cases", cases);
	print_dec_line("mem_check: wrong", wrong);
	if (wrong)
		return 1;       /* no "done": the test fails natively too */
	uart_puts("mem_check: done\n");
	return 0;
}
