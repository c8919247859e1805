/* Minimal printf-style formatting: %s %c %d %u %x %p %%, with 0-padding and width. */
#ifndef HYP_FORMAT_H
#define HYP_FORMAT_H

#include <stdarg.h>

void format_v(void (*out)(char c), const char *fmt, va_list ap);

#endif
