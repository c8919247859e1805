/*
 * Hypervisor messages. Every line starts with "hyp: " and goes to the
 * board's hypervisor UART, never to the guest's console.
 */
#ifndef HYP_LOG_H
#define HYP_LOG_H

#include "generated/config.h"

enum log_level { LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG };

/*
 * Not marked format(printf): arm-none-eabi's uint32_t is unsigned long, and
 * the formatter (hyp/format.c) reads every integer as 32 bits anyway.
 */
void log_printf(enum log_level level, const char *fmt, ...);

#define LOG(level, ...)                                                  \
	do {                                                             \
		if ((level) <= CONFIG_LOG_LEVEL)                         \
			log_printf((level), __VA_ARGS__);                \
	} while (0)

#define log_error(...) LOG(LOG_ERROR, __VA_ARGS__)
#define log_warn(...)  LOG(LOG_WARN, __VA_ARGS__)
#define log_info(...)  LOG(LOG_INFO, __VA_ARGS__)
#define log_debug(...) LOG(LOG_DEBUG, __VA_ARGS__)

/*
 * A line a guest wrote on its emulated console: "<name>| <text>" on the
 * hypervisor's UART, whatever the log level.
 */
void log_guest_line(const char *name, const char *text);

/* Hypervisor bugs: print where and stop the machine. */
void hyp_panic(const char *fmt, ...) __attribute__((noreturn));

#define BUG_ON(cond)                                                     \
	do {                                                             \
		if (cond)                                                \
			hyp_panic("%s:%d: BUG_ON(%s)", __FILE__, __LINE__, #cond); \
	} while (0)

#endif
