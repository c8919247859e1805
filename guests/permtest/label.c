#include "label.h"

static char buf[64];
static unsigned len;

static void put(char c)
{
	if (len < sizeof buf - 1)
		buf[len++] = c;
	buf[len] = '\0';
}

void label_start(const char *s)
{
	len = 0;
	label_str(s);
}

void label_str(const char *s)
{
	while (*s)
		put(*s++);
}

void label_dec(uint32_t v)
{
	char digits[10];	/* 4294967295 has 10 digits */
	unsigned n = 0;

	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		put(digits[--n]);
}

void label_bits(uint32_t v, unsigned n)
{
	while (n--)
		put((char)('0' + ((v >> n) & 1)));
}

const char *label(void)
{
	return buf;
}
