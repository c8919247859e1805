#include <stdarg.h>

#include "board/board.h"
#include "hyp/format.h"
#include "hyp/log.h"

static const char *const level_prefix[] = {
	[LOG_ERROR] = "hyp: error: ",
	[LOG_WARN] = "hyp: warning: ",
	[LOG_INFO] = "hyp: ",
	[LOG_DEBUG] = "hyp: debug: ",
};

void log_printf(enum log_level level, const char *fmt, ...)
{
	va_list ap;

	for (const char *p = level_prefix[level]; *p; p++)
		board.console_putc(*p);
	va_start(ap, fmt);
	format_v(board.console_putc, fmt, ap);
	va_end(ap);
	board.console_putc('\n');
}

void log_guest_line(const char *name, const char *text)
{
	for (const char *p = name; *p; p++)
		board.console_putc(*p);
	board.console_putc('|');
	board.console_putc(' ');
	for (const char *p = text; *p; p++)
		board.console_putc(*p);
	board.console_putc('\n');
}
