#include <stdarg.h>

#include "board/drivers/pl011.h"
#include "hyp/format.h"
#include "hyp/log.h"

static const char *const level_prefix[] = {
	[LOG_ERROR] = "hyp: error: ",
	[LOG_WARN] = "hyp: warning: ",
	[LOG_INFO] = "hyp: ",
	[LOG_DEBUG] = "hyp: debug: ",
};

static void console_putc(char c)
{
	if (c == '\n')
		pl011_putc('\r');
	pl011_putc(c);
}

void log_printf(enum log_level level, const char *fmt, ...)
{
	va_list ap;

	for (const char *p = level_prefix[level]; *p; p++)
		console_putc(*p);
	va_start(ap, fmt);
	format_v(console_putc, fmt, ap);
	va_end(ap);
	console_putc('\n');
}
