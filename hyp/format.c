#include <stdint.h>

#include "hyp/format.h"

static void put_unsigned(void (*out)(char), uint32_t v, unsigned base, int width, char pad)
{
	char buf[12];
	int n = 0;

	do {
		unsigned digit = v % base;
		buf[n++] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
		v /= base;
	} while (v);
	while (width-- > n)
		out(pad);
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
			if (v < 0) {
				out('-');
				put_unsigned(out, (uint32_t)-(int64_t)v, 10, width - 1, pad);
			} else {
				put_unsigned(out, (uint32_t)v, 10, width, pad);
			}
			break;
		}
		case 'u':
			put_unsigned(out, va_arg(ap, uint32_t), 10, width, pad);
			break;
		case 'x':
			put_unsigned(out, va_arg(ap, uint32_t), 16, width, pad);
			break;
		case 'p':
			out('0');
			out('x');
			put_unsigned(out, (uint32_t)(uintptr_t)va_arg(ap, void *), 16, 8, '0');
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
