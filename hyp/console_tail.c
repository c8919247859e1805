#include <string.h>

#include "hyp/console_tail.h"

#define ESC 0x1b

void console_tail_init(struct console_tail *t)
{
	memset(t, 0, sizeof(*t));
}

/* The final byte of an escape sequence with parameters ("ESC [ 6 n"): @ to ~. */
static bool csi_final(char c)
{
	return c >= 0x40 && c <= 0x7e;
}

void console_tail_putc(struct console_tail *t, char c)
{
	switch (t->state) {
	case TAIL_ESC:
		t->state = c == '[' ? TAIL_CSI : TAIL_TEXT;
		return;
	case TAIL_CSI:
		if (csi_final(c))
			t->state = TAIL_TEXT;
		return;
	case TAIL_TEXT:
		break;
	}
	if (c == ESC) {
		t->state = TAIL_ESC;
	} else if (c == '\n') {
		if (t->len) {
			memcpy(t->last, t->line, t->len + 1);
			t->len = 0;
			t->line[0] = 0;
		}
	} else if (c >= ' ' && c < 0x7f && t->len < CONSOLE_TAIL_LEN) {
		t->line[t->len++] = c;
		t->line[t->len] = 0;
	}
}

const char *console_tail_line(const struct console_tail *t)
{
	return t->len ? t->line : t->last;
}

bool console_tail_ends_with(const struct console_tail *t, const char *text)
{
	const char *line = console_tail_line(t);
	size_t n = strlen(line), m = strlen(text);

	return m <= n && !memcmp(line + n - m, text, m);
}
