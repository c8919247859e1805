#include <stddef.h>

#include "board/board.h"
#include "hyp/console_input.h"
#include "hyp/log.h"
#include "hyp/vpl011.h"

static bool can_have_focus(const struct guest *g)
{
	return !g->owns_devices && g->state == GUEST_RUNNING;
}

/* The first guest after `s->input_focus` (or the first one) that can have the focus, or NULL. */
static struct guest *next_focus(struct guest_set *s)
{
	unsigned from = s->input_focus ? (unsigned)(s->input_focus - s->guest) + 1u : 0u;

	for (unsigned n = 0; n < s->count; n++) {
		struct guest *g = &s->guest[(from + n) % s->count];

		if (can_have_focus(g))
			return g;
	}
	return NULL;
}

static void move_focus(struct guest_set *s)
{
	s->input_focus = next_focus(s);
	if (s->input_focus)
		log_info("console input goes to %s (Ctrl-] passes it on)", s->input_focus->name);
}

void console_input_start(struct guest_set *s)
{
	s->input_focus = NULL;
	if (board.console_getc && board.guest_console_pl011)
		move_focus(s);
}

void console_input_poll(struct guest_set *s)
{
	int c;

	while (s->input_focus) {
		struct guest *g = s->input_focus;

		if (!can_have_focus(g)) {               /* it stopped: the next one */
			move_focus(s);
			continue;
		}
		if (!vpl011_can_receive(&g->console_uart) || (c = board.console_getc()) < 0)
			return;
		if (c == CONSOLE_INPUT_NEXT)
			move_focus(s);
		else
			vpl011_receive(&g->console_uart, (uint8_t)c);
	}
}
