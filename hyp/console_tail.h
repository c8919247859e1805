/*
 * The last line a guest wrote to its console, kept where the hypervisor
 * watches the guest's UART (boards without power-off, where a guest ends by
 * halting): what it said last tells a halt it asked for from one after a
 * failure. Printable characters only: carriage returns, other control
 * characters and terminal escape sequences are left out.
 * Portable: compiled for the target and for host unit tests.
 */
#ifndef HYP_CONSOLE_TAIL_H
#define HYP_CONSOLE_TAIL_H

#include <stdbool.h>

#define CONSOLE_TAIL_LEN 120u   /* longer lines keep their first characters */

struct console_tail {
	char line[CONSOLE_TAIL_LEN + 1];        /* the line being written */
	char last[CONSOLE_TAIL_LEN + 1];        /* the last complete line that had text */
	unsigned len;
	enum { TAIL_TEXT, TAIL_ESC, TAIL_CSI } state;
};

void console_tail_init(struct console_tail *t);

/* One character the guest transmitted. */
void console_tail_putc(struct console_tail *t, char c);

/* The line being written if it has text yet, else the last complete one ("" if none). */
const char *console_tail_line(const struct console_tail *t);

/* Does the guest's last line end with `text`? */
bool console_tail_ends_with(const struct console_tail *t, const char *text);

#endif
