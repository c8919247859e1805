#include <stdbool.h>
#include <stdint.h>

#include "hyp/format.h"

/* Digits of v, right-aligned in `width`; a sign goes before zero padding, after space padding. */
static void put_number(void (*out)(char), uint32_t v, bool negative, unsigned base, int width, char pad)
{
	char buf[12];
	int n = 0;

	do {
		unsigned digit = v % base;
		buf[n++] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
		v /= base;
	} while (v);
	width -= n + (negative ? 1 : 0);
	if (negative && pad == '0')
		out('-');
	while (width-- > 0)
		out(pad);
	if (negative && pad != '0')
		out('-');
	while (n)
		out(buf[--n]);
}

void format_v(void (*out)(char c), const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			out(*fmt);
			continue;
		}
		fmt++;
		char pad = ' ';
		int width = 0;
		if (*fmt == '0') {
			pad = '0';
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		switch (*fmt) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			for (s = s ? s : "(null)"; *s; s++)
				out(*s);
			break;
		}
		case 'c':
			out((char)va_arg(ap, int));
			break;
		case 'd': {
			int v = va_arg(ap, int);
			put_number(out, v < 0 ? (uint32_t)-(int64_t)v : (uint32_t)v, v < 0, 10, width, pad);
			break;
		}
		case 'u':
			put_number(out, va_arg(ap, uint32_t), false, 10, width, pad);
			break;
		case 'x':
			put_number(out, va_arg(ap, uint32_t), false, 16, width, pad);
			break;
		case 'p':
			out('0');
			out('x');
			put_number(out, (uint32_t)(uintptr_t)va_arg(ap, void *), false, 16, 8, '0');
			break;
		case '%':
			out('%');
			break;
		default:
			out('%');
			if (!*fmt)
				return;
			out(*fmt);
			break;
		}
	}
}
