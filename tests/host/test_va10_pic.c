/*
 * The virtual A10 interrupt controller against the behaviour of QEMU's
 * model (the oracle of the cubieboard guests): signalling by pending and
 * mask only, the vector of the first such source, read-only pending
 * registers, write-one-to-clear FIQ pending registers, byte accesses.
 */
#include "hyp/va10_pic.h"
#include "test.h"

static uint32_t rd(struct va10_pic *p, uint32_t offset)
{
	uint32_t value;

	CHECK_EQ(va10_pic_read(p, offset, 4, &value), MMIO_DONE);
	return value;
}

static void wr(struct va10_pic *p, uint32_t offset, uint32_t value)
{
	CHECK_EQ(va10_pic_write(p, offset, 4, value), MMIO_DONE);
}

TEST(va10_pic_signals_pending_unmasked_sources)
{
	struct va10_pic p;
	const struct vintc vi = { &va10_pic_vintc_ops, &p };

	va10_pic_init(&p);
	CHECK(!vintc_signalled(&vi));
	CHECK_EQ(rd(&p, 0x00), 0u);
	vintc_set_level(&vi, 22, true);                 /* reset: nothing masked */
	CHECK(vintc_signalled(&vi));
	CHECK_EQ(rd(&p, 0x00), 22u * 4u);
	CHECK_EQ(rd(&p, 0x10), 1u << 22);
	wr(&p, 0x50, 1u << 22);                          /* masked */
	CHECK(!vintc_signalled(&vi));
	CHECK_EQ(rd(&p, 0x00), 0u);
	CHECK_EQ(rd(&p, 0x10), 1u << 22);               /* still pending */
	vintc_set_level(&vi, 67, true);                 /* word 2, unmasked */
	CHECK(vintc_signalled(&vi));
	CHECK_EQ(rd(&p, 0x00), 67u * 4u);
	CHECK_EQ(rd(&p, 0x18), 1u << 3);
	wr(&p, 0x50, 0);                                 /* the lowest source comes first */
	CHECK_EQ(rd(&p, 0x00), 22u * 4u);
	vintc_set_level(&vi, 22, false);
	vintc_set_level(&vi, 67, false);
	CHECK(!vintc_signalled(&vi));
	vintc_set_level(&vi, 96, true);                  /* no such source */
	CHECK(!vintc_signalled(&vi));
}

TEST(va10_pic_enable_registers_are_kept_but_do_not_gate)
{
	struct va10_pic p;
	const struct vintc vi = { &va10_pic_vintc_ops, &p };

	va10_pic_init(&p);
	wr(&p, 0x40, 0x12345678u);
	wr(&p, 0x44, 0x9abcdef0u);
	CHECK_EQ(rd(&p, 0x40), 0x12345678u);
	CHECK_EQ(rd(&p, 0x44), 0x9abcdef0u);
	vintc_set_level(&vi, 1, true);                   /* bit 1 of ENABLE0 is 0 */
	CHECK(vintc_signalled(&vi));
}

TEST(va10_pic_register_semantics)
{
	struct va10_pic p;

	va10_pic_init(&p);
	wr(&p, 0x04, 0x40001233u);
	CHECK_EQ(rd(&p, 0x04), 0x40001230u);             /* base address: bits 1:0 clear */
	wr(&p, 0x08, 7u);
	wr(&p, 0x0c, 9u);
	CHECK_EQ(rd(&p, 0x08), 7u);
	CHECK_EQ(rd(&p, 0x0c), 9u);
	wr(&p, 0x10, ~0u);                               /* pending: read-only */
	CHECK_EQ(rd(&p, 0x10), 0u);
	p.fiq_pending[1] = 0xf0u;
	wr(&p, 0x24, 0x30u);                              /* FIQ pending: write one to clear */
	CHECK_EQ(rd(&p, 0x24), 0xc0u);
	wr(&p, 0x34, 0x55u);
	CHECK_EQ(rd(&p, 0x34), 0x55u);
	wr(&p, 0x5c, 1u);                                 /* past the three mask registers */
	CHECK_EQ(rd(&p, 0x5c), 0u);
	CHECK_EQ(rd(&p, 0x3fc), 0u);
}

TEST(va10_pic_byte_accesses)
{
	struct va10_pic p;
	uint32_t value;

	va10_pic_init(&p);
	wr(&p, 0x50, 0x11223344u);
	CHECK_EQ(va10_pic_write(&p, 0x51, 1, 0xaau), MMIO_DONE);
	CHECK_EQ(rd(&p, 0x50), 0x1122aa44u);
	CHECK_EQ(va10_pic_read(&p, 0x52, 2, &value), MMIO_DONE);
	CHECK_EQ(value, 0x1122u);
	p.fiq_pending[0] = 0xffffffffu;
	CHECK_EQ(va10_pic_write(&p, 0x22, 1, 0x0fu), MMIO_DONE);   /* clears bits 16-19 only */
	CHECK_EQ(rd(&p, 0x20), 0xfff0ffffu);
}
