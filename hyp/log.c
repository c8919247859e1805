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

static void put_string(const char *s)
{
	while (*s)
		board.console_putc(*s++);
}

void log_printf(enum log_level level, const char *fmt, ...)
{
	va_list ap;

	put_string(level_prefix[level]);
	va_start(ap, fmt);
	format_v(board.console_putc, fmt, ap);
	va_end(ap);
	board.console_putc('\n');
}

void log_guest_line(const char *name, const char *text)
{
	put_string(name);
	put_string("| ");
	put_string(text);       /* as written: the guest's text is no format */
	board.console_putc('\n');
}
