/* The printf-like formatter behind the hypervisor's log. */
#include <limits.h>
#include <stdint.h>

#include "hyp/format.h"
#include "test.h"

static char buf[128];
static unsigned len;

static void out(char c)
{
	if (len < sizeof(buf) - 1)
		buf[len++] = c;
	buf[len] = 0;
}

static const char *fmt(const char *f, ...)
{
	va_list ap;

	len = 0;
	buf[0] = 0;
	va_start(ap, f);
	format_v(out, f, ap);
	va_end(ap);
	return buf;
}

TEST(format_strings_and_chars)
{
	CHECK_STR(fmt("plain text"), "plain text");
	CHECK_STR(fmt("[%s]", "hyp"), "[hyp]");
	CHECK_STR(fmt("%s%s", "", "x"), "x");
	CHECK_STR(fmt("%s", (const char *)NULL), "(null)");
	CHECK_STR(fmt("%c%c", 'o', 'k'), "ok");
}

TEST(format_signed)
{
	CHECK_STR(fmt("%d", 0), "0");
	CHECK_STR(fmt("%d", 42), "42");
	CHECK_STR(fmt("%d", -42), "-42");
	CHECK_STR(fmt("%d", INT_MAX), "2147483647");
	CHECK_STR(fmt("%d", INT_MIN), "-2147483648");
	CHECK_STR(fmt("%05d", -42), "-0042");
	CHECK_STR(fmt("%4d", 7), "   7");
}

TEST(format_unsigned_and_hex)
{
	CHECK_STR(fmt("%u", 0u), "0");
	CHECK_STR(fmt("%u", 4294967295u), "4294967295");
	CHECK_STR(fmt("%x", 0xdeadbeefu), "deadbeef");
	CHECK_STR(fmt("%x", 0u), "0");
	CHECK_STR(fmt("%08x", 0x1234u), "00001234");
	CHECK_STR(fmt("%08x", 0x89abcdefu), "89abcdef");
	CHECK_STR(fmt("%8x", 0x1234u), "    1234");
	CHECK_STR(fmt("%2x", 0xabcu), "abc");
}

/* %p: 0x and eight hex digits, the target's 32-bit pointers. */
TEST(format_pointer)
{
	CHECK_STR(fmt("%p", (void *)(uintptr_t)0x1234u), "0x00001234");
	CHECK_STR(fmt("%p", (void *)(uintptr_t)0x8f000000u), "0x8f000000");
}

TEST(format_percent_and_unknown)
{
	CHECK_STR(fmt("100%%"), "100%");
	CHECK_STR(fmt("%q"), "%q");
	CHECK_STR(fmt("end%"), "end%");
}

TEST(format_mixed)
{
	CHECK_STR(fmt("%s:%d: pc=%08x mode %x%c", "trap.c", 12, 0x80001000u, 0x13u, '!'),
		  "trap.c:12: pc=80001000 mode 13!");
}

TEST(format_negative_with_width)
{
	CHECK_STR(fmt("[%5d]", -42), "[  -42]");
	CHECK_STR(fmt("[%05d]", -42), "[-0042]");
	CHECK_STR(fmt("[%2d]", -42), "[-42]");
}
