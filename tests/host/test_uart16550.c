/*
 * The polled 16550 console against a small model of a 16550's transmit
 * side (THR, LCR with DLAB and the divisor latch, LSR.THRE), registers
 * 4 bytes apart as on the OMAP3's UART3: bytes in order, CR LF for LF,
 * THR written only with THRE set, a bounded wait, the guest's divisor
 * latch and LCR left as they were.
 */
#include "board/drivers/uart16550.h"
#include "fake_mmio.h"
#include "test.h"

#define UART3_BASE          0x49020000u
#define UART3_REG_SHIFT     2u
#define REG_THR_DLL         0x00u
#define REG_LCR             0x0Cu
#define REG_LSR             0x14u
#define LCR_DLAB            0x80u
#define LSR_THRE            0x20u
#define LSR_TEMT            0x40u
#define THRE_NEVER          UINT32_MAX

struct uart_tx_model {
	char sent[64];
	unsigned sent_len;
	uint32_t lcr, dll;
	/* LSR reads after each character before THRE is set again (THRE_NEVER: it never is). */
	uint32_t busy_reads, busy_left;
	unsigned lsr_reads, writes_while_busy;
};

static struct uart_tx_model tx;

static uint32_t uart_tx_read(void *ctx, uint32_t offset)
{
	struct uart_tx_model *m = ctx;

	switch (offset) {
	case REG_LCR:
		return m->lcr;
	case REG_LSR:
		m->lsr_reads++;
		if (!m->busy_left)
			return LSR_THRE | LSR_TEMT;
		if (m->busy_left != THRE_NEVER)
			m->busy_left--;
		return 0;
	}
	FAIL("16550 model: read at 0x%x not modelled", offset);
}

static void uart_tx_write(void *ctx, uint32_t offset, uint32_t value)
{
	struct uart_tx_model *m = ctx;

	switch (offset) {
	case REG_THR_DLL:
		if (m->lcr & LCR_DLAB) {
			m->dll = value & 0xFFu;
			return;
		}
		if (m->busy_left)
			m->writes_while_busy++;
		if (m->sent_len + 1u < sizeof(m->sent))
			m->sent[m->sent_len++] = (char)value;
		m->busy_left = m->busy_reads;
		return;
	case REG_LCR:
		m->lcr = value & 0xFFu;
		return;
	}
	FAIL("16550 model: write 0x%x at 0x%x not modelled", value, offset);
}

/* The model as U-Boot leaves the UART: 8N1, the divisor for 115200 baud at 48 MHz. */
static void uart_tx_map(uint32_t busy_reads)
{
	const struct mmio_model model = { uart_tx_read, uart_tx_write, &tx };

	tx = (struct uart_tx_model){ .lcr = 0x03u, .dll = 26u, .busy_reads = busy_reads };
	fake_mmio_map(UART3_BASE, 0x1000u, &model);
	uart16550_init(UART3_BASE, UART3_REG_SHIFT);
}

static void uart_tx_puts(const char *s)
{
	while (*s)
		uart16550_putc(*s++);
}

TEST(uart16550_init_touches_no_register)
{
	const struct mmio_model none = { 0 };

	fake_mmio_map(UART3_BASE, 0x1000u, &none);
	uart16550_init(0x48000000u, UART3_REG_SHIFT);  /* an access would fail: nothing mapped there */
}

TEST(uart16550_sends_bytes_in_order)
{
	uart_tx_map(0);
	uart_tx_puts("hyp: ok\x01\xff");
	CHECK_STR(tx.sent, "hyp: ok\x01\xff");
	CHECK_EQ(tx.lcr, 0x03u);
	CHECK_EQ(tx.dll, 26u);
}

TEST(uart16550_sends_line_feed_as_cr_lf)
{
	uart_tx_map(0);
	uart_tx_puts("a\nb\r\n");
	CHECK_STR(tx.sent, "a\r\nb\r\r\n");
}

TEST(uart16550_waits_for_thre_before_each_byte)
{
	uart_tx_map(50);
	uart_tx_puts("x\ny");
	CHECK_STR(tx.sent, "x\r\ny");
	CHECK_EQ(tx.writes_while_busy, 0u);
	CHECK_EQ(tx.lsr_reads, 1u + 3u * 51u);      /* THRE at once, then 50 busy reads before each */
}

TEST(uart16550_gives_up_waiting_when_thre_never_comes)
{
	uart_tx_map(THRE_NEVER);
	tx.busy_left = THRE_NEVER;
	uart16550_putc('z');
	CHECK_STR(tx.sent, "z");                     /* sent all the same */
	CHECK(tx.lsr_reads >= 1000u);
	unsigned bound = tx.lsr_reads;
	uart16550_putc('\n');
	CHECK_STR(tx.sent, "z\r\n");
	CHECK_EQ(tx.lsr_reads, 3u * bound);
}

TEST(uart16550_leaves_the_guests_divisor_latch_alone)
{
	uart_tx_map(3);
	tx.lcr = LCR_DLAB | 0x03u;                    /* the guest was stopped while setting the divisor */
	uart_tx_puts("d\n");
	CHECK_STR(tx.sent, "d\r\n");
	CHECK_EQ(tx.dll, 26u);
	CHECK_EQ(tx.lcr, LCR_DLAB | 0x03u);
	CHECK_EQ(tx.writes_while_busy, 0u);
	tx.lcr = 0xBFu;                               /* OMAP3 configuration mode B */
	uart16550_putc('e');
	CHECK_STR(tx.sent, "d\r\ne");
	CHECK_EQ(tx.lcr, 0xBFu);
	CHECK_EQ(tx.dll, 26u);
}
