/* The guest's last console line, as the hypervisor keeps it where it watches the UART. */
#include <string.h>

#include "hyp/console_tail.h"
#include "test.h"

static void put(struct console_tail *t, const char *s)
{
	while (*s)
		console_tail_putc(t, *s++);
}

TEST(console_tail_keeps_the_last_line_with_text)
{
	struct console_tail t;

	console_tail_init(&t);
	CHECK_STR(console_tail_line(&t), "");
	put(&t, "first\r\n");
	CHECK_STR(console_tail_line(&t), "first");
	put(&t, "[   12.345678] reboot: System halted\r\n");
	CHECK_STR(console_tail_line(&t), "[   12.345678] reboot: System halted");
	put(&t, "\r\n\n");              /* empty lines keep the last one */
	CHECK_STR(console_tail_line(&t), "[   12.345678] reboot: System halted");
	CHECK(console_tail_ends_with(&t, "reboot: System halted"));
	CHECK(!console_tail_ends_with(&t, "System halted."));
	put(&t, "prompt# ");            /* a line being written counts once it has text */
	CHECK_STR(console_tail_line(&t), "prompt# ");
	CHECK(!console_tail_ends_with(&t, "reboot: System halted"));
}

TEST(console_tail_leaves_out_control_characters_and_escapes)
{
	struct console_tail t;

	console_tail_init(&t);
	/* busybox's shell asks the terminal for the cursor position after its prompt */
	put(&t, "guest:/# \x1b[6n\a\tx\x1b" "7y\x1b[1;31mz\n");
	CHECK_STR(console_tail_line(&t), "guest:/# xyz");
	put(&t, "\n\n-- System halted");
	CHECK(console_tail_ends_with(&t, "System halted"));
	CHECK(!console_tail_ends_with(&t, "reboot: System halted"));
	CHECK(!console_tail_ends_with(&t, "a much longer text than the whole line -- System halted"));
}

TEST(console_tail_truncates_long_lines)
{
	struct console_tail t;

	console_tail_init(&t);
	for (unsigned i = 0; i < 3 * CONSOLE_TAIL_LEN; i++)
		console_tail_putc(&t, (char)('a' + i % 26));
	console_tail_putc(&t, '\n');
	CHECK_EQ(strlen(console_tail_line(&t)), CONSOLE_TAIL_LEN);
	CHECK_EQ(console_tail_line(&t)[0], 'a');
	put(&t, "short\n");
	CHECK_STR(console_tail_line(&t), "short");
}
