/*
 * The emulated PL011 of a guest without the real console UART: its output
 * as the lines it emits, the flags of a UART that transmits instantly, its
 * receive FIFO, its interrupts as QEMU's PL011 raises them, its registers'
 * widths and reset values (DDI 0183), its identification, narrow accesses.
 */
#include "hyp/vpl011.h"
#include "test.h"

#define MAX_LINES 8u

/* What `emit` and `irq` were given. */
struct sink {
	char lines[MAX_LINES][VPL011_LINE_LEN + 1];
	unsigned n;
	bool irq;
};

static void set_irq(void *ctx, bool high)
{
	struct sink *s = ctx;

	s->irq = high;
}

static void collect(void *ctx, const char *line)
{
	struct sink *s = ctx;
	size_t len = strlen(line);

	CHECK(s->n < MAX_LINES);
	CHECK(len <= VPL011_LINE_LEN);
	memcpy(s->lines[s->n++], line, len + 1);
}

static void start(struct vpl011 *u, struct sink *s, struct console_tail *tail)
{
	s->n = 0;
	s->irq = false;
	vpl011_init(u, collect, set_irq, s, tail);
}

static uint32_t rd(struct vpl011 *u, uint32_t offset)
{
	uint32_t value;

	CHECK_EQ(vpl011_read(u, offset, 4, &value), MMIO_DONE);
	return value;
}

static void wr(struct vpl011 *u, uint32_t offset, uint32_t value)
{
	CHECK_EQ(vpl011_write(u, offset, 4, value), MMIO_DONE);
}

static void put(struct vpl011 *u, const char *text)
{
	while (*text)
		wr(u, 0x000, (uint8_t)*text++);
}

static void put_repeated(struct vpl011 *u, char c, unsigned count)
{
	for (unsigned n = 0; n < count; n++)
		wr(u, 0x000, (uint8_t)c);
}

TEST(vpl011_emits_complete_lines)
{
	struct vpl011 u;
	struct sink s;

	start(&u, &s, NULL);
	put(&u, "Booting Linux");
	CHECK_EQ(s.n, 0u);                              /* no newline yet */
	put(&u, " on physical CPU 0x0\r\n");
	CHECK_EQ(s.n, 1u);
	CHECK_STR(s.lines[0], "Booting Linux on physical CPU 0x0");
	put(&u, "\r\n");                                /* an empty line is a line */
	put(&u, "a\rb\r\r\n");                           /* carriage returns dropped anywhere */
	put(&u, "\x1b[1mbold\n");                        /* anything else kept */
	CHECK_EQ(s.n, 4u);
	CHECK_STR(s.lines[1], "");
	CHECK_STR(s.lines[2], "ab");
	CHECK_STR(s.lines[3], "\x1b[1mbold");
}

TEST(vpl011_splits_lines_longer_than_its_buffer)
{
	struct vpl011 u;
	struct sink s;
	char full[VPL011_LINE_LEN + 1];

	memset(full, 'x', VPL011_LINE_LEN);
	full[VPL011_LINE_LEN] = 0;
	start(&u, &s, NULL);
	put_repeated(&u, 'x', VPL011_LINE_LEN);          /* exactly full: one line */
	CHECK_EQ(s.n, 0u);
	put(&u, "\n");
	CHECK_EQ(s.n, 1u);
	CHECK_STR(s.lines[0], full);
	put_repeated(&u, 'x', VPL011_LINE_LEN);          /* one more: the full part goes first */
	put(&u, "y");
	CHECK_EQ(s.n, 2u);
	CHECK_STR(s.lines[1], full);
	put(&u, "z\n");
	CHECK_EQ(s.n, 3u);
	CHECK_STR(s.lines[2], "yz");
	put_repeated(&u, 'x', 2u * VPL011_LINE_LEN);     /* twice full: no empty line after */
	put(&u, "\n");
	CHECK_EQ(s.n, 5u);
	CHECK_STR(s.lines[3], full);
	CHECK_STR(s.lines[4], full);
}

TEST(vpl011_guests_keep_their_own_lines)
{
	struct vpl011 a, b;
	struct sink sa, sb;

	start(&a, &sa, NULL);
	start(&b, &sb, NULL);
	put(&a, "from ");
	put(&b, "other ");
	put(&a, "a\n");
	put(&b, "b\n");
	CHECK_EQ(sa.n, 1u);
	CHECK_EQ(sb.n, 1u);
	CHECK_STR(sa.lines[0], "from a");
	CHECK_STR(sb.lines[0], "other b");
}

TEST(vpl011_feeds_the_console_tail)
{
	struct vpl011 u;
	struct sink s;
	struct console_tail t;

	console_tail_init(&t);
	start(&u, &s, &t);
	put(&u, "reboot: System halted\r\n");
	CHECK_STR(console_tail_line(&t), "reboot: System halted");
	put(&u, "login: ");                              /* before any line ends too */
	CHECK_STR(console_tail_line(&t), "login: ");
	CHECK_EQ(s.n, 1u);
	CHECK_STR(s.lines[0], "reboot: System halted");
}

TEST(vpl011_flags_say_sent_and_nothing_received)
{
	struct vpl011 u;
	struct sink s;

	start(&u, &s, NULL);
	CHECK_EQ(rd(&u, 0x018), 0x90u);                  /* TXFE, RXFE; not BUSY, TXFF, RXFF */
	put(&u, "x");
	CHECK_EQ(rd(&u, 0x018), 0x90u);
	wr(&u, 0x018, 0x1ffu);                           /* read-only */
	CHECK_EQ(rd(&u, 0x018), 0x90u);
	CHECK_EQ(rd(&u, 0x000), 0u);                     /* DR: no input */
	wr(&u, 0x004, 0xfu);                             /* ECR */
	CHECK_EQ(rd(&u, 0x004), 0u);                     /* RSR */
}

TEST(vpl011_receives_in_order_up_to_its_fifo)
{
	struct vpl011 u;
	struct sink s;

	start(&u, &s, NULL);
	CHECK(!vpl011_can_receive(&u));                  /* UARTEN clear at reset */
	CHECK(!vpl011_receive(&u, 'a'));
	wr(&u, 0x030, 0x101u);                           /* UARTEN, TXE: the receiver still off */
	CHECK(!vpl011_can_receive(&u));
	wr(&u, 0x030, 0x301u);                           /* UARTEN, TXE, RXE */
	CHECK(vpl011_can_receive(&u));
	CHECK(vpl011_receive(&u, 'a'));                  /* FIFOs off (LCR_H.FEN clear): one character */
	CHECK(!vpl011_can_receive(&u));
	CHECK(!vpl011_receive(&u, 'b'));
	CHECK_EQ(rd(&u, 0x018), 0xc0u);                  /* TXFE, RXFF */
	CHECK_EQ(rd(&u, 0x000), (uint32_t)'a');
	CHECK_EQ(rd(&u, 0x018), 0x90u);
	wr(&u, 0x02c, 0x70u);                            /* FEN, 8 bits */
	for (unsigned n = 0; n < VPL011_RX_FIFO; n++)
		CHECK(vpl011_receive(&u, (uint8_t)('A' + n)));
	CHECK(!vpl011_receive(&u, '!'));
	CHECK_EQ(rd(&u, 0x018), 0xc0u);
	for (unsigned n = 0; n < VPL011_RX_FIFO; n++) {
		CHECK_EQ(rd(&u, 0x000), (uint32_t)('A' + n));
		CHECK_EQ(rd(&u, 0x018) & 0x50u, n + 1 < VPL011_RX_FIFO ? 0u : 0x10u);
	}
	CHECK_EQ(rd(&u, 0x000), (uint32_t)'A');          /* empty: the stale next slot, as QEMU's */
	CHECK(vpl011_receive(&u, 'x'));
	CHECK(vpl011_receive(&u, 'y'));
	wr(&u, 0x02c, 0x60u);                            /* FEN off: the FIFO is emptied */
	CHECK_EQ(rd(&u, 0x018), 0x90u);
	CHECK_EQ(s.n, 0u);
}

TEST(vpl011_narrow_reads_take_a_character_only_through_dr_low_byte)
{
	struct vpl011 u;
	struct sink s;
	uint32_t v;

	start(&u, &s, NULL);
	wr(&u, 0x030, 0x301u);
	wr(&u, 0x02c, 0x70u);
	CHECK(vpl011_receive(&u, 'p'));
	CHECK(vpl011_receive(&u, 'q'));
	CHECK_EQ(vpl011_read(&u, 0x001, 1, &v), MMIO_DONE);      /* DR's error byte */
	CHECK_EQ(v, 0u);
	CHECK_EQ(vpl011_read(&u, 0x000, 1, &v), MMIO_DONE);
	CHECK_EQ(v, (uint32_t)'p');
	CHECK_EQ(vpl011_read(&u, 0x000, 2, &v), MMIO_DONE);
	CHECK_EQ(v, (uint32_t)'q');
}

TEST(vpl011_registers_reset_values)
{
	struct vpl011 u;
	struct sink s;

	start(&u, &s, NULL);
	CHECK_EQ(rd(&u, 0x020), 0u);                     /* ILPR */
	CHECK_EQ(rd(&u, 0x024), 0u);                     /* IBRD */
	CHECK_EQ(rd(&u, 0x028), 0u);                     /* FBRD */
	CHECK_EQ(rd(&u, 0x02c), 0u);                     /* LCR_H */
	CHECK_EQ(rd(&u, 0x030), 0x0300u);                /* CR: TXE, RXE */
	CHECK_EQ(rd(&u, 0x034), 0x12u);                  /* IFLS: half full */
	CHECK_EQ(rd(&u, 0x038), 0u);                     /* IMSC */
	CHECK_EQ(rd(&u, 0x048), 0u);                     /* DMACR */
}

TEST(vpl011_registers_keep_their_bits)
{
	static const struct {
		uint32_t offset, bits;
	} regs[] = {
		{ 0x020, 0xffu }, { 0x024, 0xffffu }, { 0x028, 0x3fu }, { 0x02c, 0xffu },
		{ 0x030, 0xffffu }, { 0x034, 0x3fu }, { 0x038, 0x7ffu }, { 0x048, 0x7u },
	};
	struct vpl011 u;
	struct sink s;

	start(&u, &s, NULL);
	for (unsigned n = 0; n < sizeof(regs) / sizeof(regs[0]); n++) {
		wr(&u, regs[n].offset, ~0u);
		CHECK_EQ(rd(&u, regs[n].offset), regs[n].bits);
		wr(&u, regs[n].offset, 0x5a5a5a5au + n);
		CHECK_EQ(rd(&u, regs[n].offset), (0x5a5a5a5au + n) & regs[n].bits);
		wr(&u, regs[n].offset, 0);
		CHECK_EQ(rd(&u, regs[n].offset), 0u);
	}
	CHECK_EQ(s.n, 0u);
}

TEST(vpl011_receive_interrupt_from_the_first_character_until_read_empty)
{
	struct vpl011 u;
	struct sink s;

	start(&u, &s, NULL);
	wr(&u, 0x030, 0x301u);
	wr(&u, 0x02c, 0x70u);
	CHECK(vpl011_receive(&u, '1'));
	CHECK_EQ(rd(&u, 0x03c), 0x10u);                  /* RIS: RXRIS */
	CHECK_EQ(rd(&u, 0x040), 0u);                     /* MIS: masked */
	CHECK(!s.irq);
	wr(&u, 0x038, 0x10u);                            /* RXIM */
	CHECK(s.irq);
	CHECK_EQ(rd(&u, 0x040), 0x10u);
	CHECK(vpl011_receive(&u, '2'));
	rd(&u, 0x000);
	CHECK(s.irq);                                    /* one left */
	rd(&u, 0x000);
	CHECK(!s.irq);
	CHECK_EQ(rd(&u, 0x03c), 0u);
	CHECK(vpl011_receive(&u, '3'));
	CHECK(s.irq);
	wr(&u, 0x044, 0x10u);                            /* ICR */
	CHECK(!s.irq);
	CHECK_EQ(rd(&u, 0x03c), 0u);
	CHECK_EQ(rd(&u, 0x018) & 0x10u, 0u);             /* still there to read */
}

TEST(vpl011_transmit_interrupt_at_each_character_until_cleared)
{
	struct vpl011 u;
	struct sink s;

	start(&u, &s, NULL);
	CHECK_EQ(rd(&u, 0x03c), 0u);
	wr(&u, 0x038, 0x20u);                            /* TXIM */
	CHECK(!s.irq);
	put(&u, "t");
	CHECK(s.irq);
	CHECK_EQ(rd(&u, 0x03c), 0x20u);
	CHECK_EQ(rd(&u, 0x040), 0x20u);
	wr(&u, 0x044, 0x7ffu);                           /* ICR */
	CHECK(!s.irq);
	CHECK_EQ(rd(&u, 0x03c), 0u);
	put(&u, "u");
	CHECK(s.irq);
	wr(&u, 0x038, 0u);                               /* masked: the line drops, RIS stays */
	CHECK(!s.irq);
	CHECK_EQ(rd(&u, 0x03c), 0x20u);
	wr(&u, 0x03c, 0x7ffu);                           /* RIS and MIS are read-only */
	wr(&u, 0x040, 0x7ffu);
	CHECK_EQ(rd(&u, 0x03c), 0x20u);
	CHECK_EQ(rd(&u, 0x044), 0u);                     /* ICR: write-only */
}

TEST(vpl011_identifies_as_a_pl011)
{
	static const uint32_t ids[] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };
	struct vpl011 u;
	struct sink s;

	start(&u, &s, NULL);
	for (unsigned n = 0; n < sizeof(ids) / sizeof(ids[0]); n++) {
		wr(&u, 0xfe0 + 4u * n, 0xffu);               /* read-only */
		CHECK_EQ(rd(&u, 0xfe0 + 4u * n), ids[n]);
	}
}

TEST(vpl011_unknown_offsets_read_zero_and_ignore_writes)
{
	static const uint32_t unknown[] = { 0x008, 0x014, 0x01c, 0x04c, 0x800, 0xfdc };
	static const uint32_t kept[] = { 0x020, 0x024, 0x028, 0x02c, 0x030, 0x034, 0x038, 0x048 };
	struct vpl011 u;
	struct sink s;
	uint32_t before[sizeof(kept) / sizeof(kept[0])];

	start(&u, &s, NULL);
	for (unsigned n = 0; n < sizeof(kept) / sizeof(kept[0]); n++) {
		wr(&u, kept[n], 0x15u + n);
		before[n] = rd(&u, kept[n]);
	}
	for (unsigned n = 0; n < sizeof(unknown) / sizeof(unknown[0]); n++) {
		wr(&u, unknown[n], ~0u);
		CHECK_EQ(rd(&u, unknown[n]), 0u);
	}
	for (unsigned n = 0; n < sizeof(kept) / sizeof(kept[0]); n++)
		CHECK_EQ(rd(&u, kept[n]), before[n]);
	put(&u, "\n");
	CHECK_EQ(s.n, 1u);                               /* nothing transmitted but this */
	CHECK_STR(s.lines[0], "");
}

TEST(vpl011_byte_and_halfword_accesses)
{
	struct vpl011 u;
	struct sink s;
	uint32_t value;

	start(&u, &s, NULL);
	CHECK_EQ(vpl011_write(&u, 0x000, 1, 'o'), MMIO_DONE);       /* earlycon's byte writes */
	CHECK_EQ(vpl011_write(&u, 0x000, 2, 'k'), MMIO_DONE);       /* a 16-bit driver's */
	wr(&u, 0x000, 0xf00u | '!');                     /* bits above the data byte are not sent */
	CHECK_EQ(vpl011_write(&u, 0x001, 1, '?'), MMIO_DONE);       /* not DR's data byte */
	put(&u, ".\n");
	CHECK_EQ(s.n, 1u);
	CHECK_STR(s.lines[0], "ok!.");
	CHECK_EQ(vpl011_read(&u, 0x018, 2, &value), MMIO_DONE);
	CHECK_EQ(value, 0x90u);
	CHECK_EQ(vpl011_read(&u, 0x031, 1, &value), MMIO_DONE);     /* CR's high byte */
	CHECK_EQ(value, 0x03u);
	CHECK_EQ(vpl011_write(&u, 0x030, 1, 0x01u), MMIO_DONE);     /* UARTEN; TXE, RXE kept */
	CHECK_EQ(rd(&u, 0x030), 0x0301u);
	CHECK_EQ(vpl011_write(&u, 0x031, 1, 0x0cu), MMIO_DONE);     /* DTR, RTS; TXE, RXE off */
	CHECK_EQ(rd(&u, 0x030), 0x0c01u);
	CHECK_EQ(vpl011_write(&u, 0x026, 2, 0xffffu), MMIO_DONE);   /* IBRD has no upper half */
	CHECK_EQ(rd(&u, 0x024), 0u);
	CHECK_EQ(vpl011_write(&u, 0x024, 2, 0x1234u), MMIO_DONE);
	CHECK_EQ(vpl011_read(&u, 0x024, 2, &value), MMIO_DONE);
	CHECK_EQ(value, 0x1234u);
	CHECK_EQ(vpl011_read(&u, 0xfe8, 1, &value), MMIO_DONE);     /* PeriphID2 */
	CHECK_EQ(value, 0x14u);
}
