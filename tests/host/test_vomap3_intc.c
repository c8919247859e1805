/*
 * The virtual OMAP3 INTC against the TRM's INTCPS: reset values, soft
 * reset, masking, priority sorting and its tie rule, the threshold, the
 * sort held until NEWIRQAGR as Linux's irq-omap-intc handler uses it,
 * software interrupts, FIQ-routed lines, byte accesses.
 */
#include "hyp/vomap3_intc.h"
#include "test.h"

#define REVISION        0x00u
#define SYSCONFIG       0x10u
#define SYSSTATUS       0x14u
#define SIR_IRQ         0x40u
#define SIR_FIQ         0x44u
#define CONTROL         0x48u
#define PROTECTION      0x4cu
#define IDLE            0x50u
#define IRQ_PRIORITY    0x60u
#define FIQ_PRIORITY    0x64u
#define THRESHOLD       0x68u
#define ITR(n)          (0x80u + 0x20u * (n))
#define MIR(n)          (0x84u + 0x20u * (n))
#define MIR_CLEAR(n)    (0x88u + 0x20u * (n))
#define MIR_SET(n)      (0x8cu + 0x20u * (n))
#define ISR_SET(n)      (0x90u + 0x20u * (n))
#define ISR_CLEAR(n)    (0x94u + 0x20u * (n))
#define PENDING_IRQ(n)  (0x98u + 0x20u * (n))
#define PENDING_FIQ(n)  (0x9cu + 0x20u * (n))
#define ILR(m)          (0x100u + 4u * (m))

#define SOFTRESET       (1u << 1)
#define AUTOIDLE        (1u << 0)
#define NEWIRQAGR       (1u << 0)
#define NEWFIQAGR       (1u << 1)
#define FIQNIRQ         (1u << 0)
#define SPURIOUS_SIR    0xffffff80u     /* SPURIOUSIRQFLAG all ones, ACTIVEIRQ 0 */
#define SPURIOUS_PRIO   0xffffffc0u
#define SPURIOUS_MASK   (0x1ffffffu << 7)       /* what Linux compares with */

static uint32_t rd(struct vomap3_intc *c, uint32_t offset)
{
	uint32_t value;

	CHECK_EQ(vomap3_intc_read(c, offset, 4, &value), MMIO_DONE);
	return value;
}

static void wr(struct vomap3_intc *c, uint32_t offset, uint32_t value)
{
	CHECK_EQ(vomap3_intc_write(c, offset, 4, value), MMIO_DONE);
}

static uint32_t ilr_priority(unsigned priority)
{
	return priority << 2;
}

static void unmask(struct vomap3_intc *c, unsigned line)
{
	wr(c, MIR_CLEAR(line / 32u), 1u << (line % 32u));
}

TEST(vomap3_intc_reset_values)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };

	vomap3_intc_init(&c);
	CHECK_EQ(rd(&c, REVISION), 0x40u);
	CHECK_EQ(rd(&c, SYSCONFIG), 0u);
	CHECK_EQ(rd(&c, SYSSTATUS), 1u);
	CHECK_EQ(rd(&c, SIR_IRQ), SPURIOUS_SIR);
	CHECK_EQ(rd(&c, SIR_FIQ), SPURIOUS_SIR);
	CHECK_EQ(rd(&c, CONTROL), 0u);
	CHECK_EQ(rd(&c, PROTECTION), 0u);
	CHECK_EQ(rd(&c, IDLE), 0u);
	CHECK_EQ(rd(&c, IRQ_PRIORITY), SPURIOUS_PRIO);
	CHECK_EQ(rd(&c, FIQ_PRIORITY), SPURIOUS_PRIO);
	CHECK_EQ(rd(&c, THRESHOLD), 0xffu);
	for (unsigned n = 0; n < 3; n++) {
		CHECK_EQ(rd(&c, ITR(n)), 0u);
		CHECK_EQ(rd(&c, MIR(n)), ~0u);
		CHECK_EQ(rd(&c, MIR_CLEAR(n)), 0u);
		CHECK_EQ(rd(&c, MIR_SET(n)), 0u);
		CHECK_EQ(rd(&c, ISR_SET(n)), 0u);
		CHECK_EQ(rd(&c, ISR_CLEAR(n)), 0u);
		CHECK_EQ(rd(&c, PENDING_IRQ(n)), 0u);
		CHECK_EQ(rd(&c, PENDING_FIQ(n)), 0u);
	}
	for (unsigned m = 0; m < VOMAP3_INTC_LINES; m++)
		CHECK_EQ(rd(&c, ILR(m)), 0u);
	CHECK(!vintc_signalled(&vi));
	/* Reserved: a fourth bank, ILRs past line 95, the end of the page. */
	wr(&c, MIR(3), 0x1234u);
	wr(&c, ILR(96), 0x10u);
	CHECK_EQ(rd(&c, MIR(3)), 0u);
	CHECK_EQ(rd(&c, ILR(96)), 0u);
	CHECK_EQ(rd(&c, VOMAP3_INTC_SIZE - 4u), 0u);
}

TEST(vomap3_intc_soft_reset)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };

	vomap3_intc_init(&c);
	wr(&c, SYSCONFIG, AUTOIDLE);
	wr(&c, PROTECTION, 1u);
	wr(&c, IDLE, 3u);
	wr(&c, THRESHOLD, 5u);
	wr(&c, MIR_CLEAR(1), 0xf0u);
	wr(&c, ISR_SET(2), 0x8u);
	wr(&c, MIR_CLEAR(2), 0x8u);
	wr(&c, ILR(40), ilr_priority(9) | FIQNIRQ);
	vintc_set_level(&vi, 33, true);
	CHECK_EQ(rd(&c, SIR_IRQ), 67u);                 /* the software interrupt, held */
	wr(&c, SYSCONFIG, SOFTRESET | AUTOIDLE);        /* Linux: read, set SOFTRESET, write */
	CHECK_EQ(rd(&c, SYSCONFIG), 0u);                /* SOFTRESET reads 0; the reset clears AUTOIDLE */
	CHECK_EQ(rd(&c, SYSSTATUS), 1u);
	CHECK_EQ(rd(&c, PROTECTION), 0u);
	CHECK_EQ(rd(&c, IDLE), 0u);
	CHECK_EQ(rd(&c, THRESHOLD), 0xffu);
	CHECK_EQ(rd(&c, MIR(1)), ~0u);
	CHECK_EQ(rd(&c, ISR_SET(2)), 0u);
	CHECK_EQ(rd(&c, ILR(40)), 0u);
	CHECK_EQ(rd(&c, ITR(1)), 1u << 1);              /* the hypervisor still holds line 33 */
	CHECK(!vintc_signalled(&vi));
	unmask(&c, 33);
	CHECK_EQ(rd(&c, SIR_IRQ), 33u);                 /* nothing held from before the reset */
	wr(&c, SYSCONFIG, ~SOFTRESET);                  /* only AUTOIDLE is kept */
	CHECK_EQ(rd(&c, SYSCONFIG), AUTOIDLE);
	CHECK_EQ(rd(&c, SIR_IRQ), 33u);
}

TEST(vomap3_intc_masking)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };

	vomap3_intc_init(&c);
	vintc_set_level(&vi, 10, true);
	CHECK_EQ(rd(&c, ITR(0)), 1u << 10);             /* raw: before masking */
	CHECK_EQ(rd(&c, PENDING_IRQ(0)), 0u);
	CHECK(!vintc_signalled(&vi));
	CHECK_EQ(rd(&c, SIR_IRQ), SPURIOUS_SIR);
	wr(&c, MIR_CLEAR(0), 1u << 10);
	CHECK_EQ(rd(&c, MIR(0)), ~(1u << 10));
	CHECK_EQ(rd(&c, PENDING_IRQ(0)), 1u << 10);
	CHECK(vintc_signalled(&vi));
	wr(&c, MIR_SET(0), 1u << 10);
	CHECK_EQ(rd(&c, MIR(0)), ~0u);
	CHECK(!vintc_signalled(&vi));
	wr(&c, MIR(0), ~(1u << 10));                     /* MIR itself is writable too */
	CHECK(vintc_signalled(&vi));
	wr(&c, MIR(0), ~0u);
	vintc_set_level(&vi, 70, true);                  /* bank 2 */
	CHECK(!vintc_signalled(&vi));
	wr(&c, MIR_CLEAR(2), 1u << 6);
	CHECK_EQ(rd(&c, PENDING_IRQ(2)), 1u << 6);
	CHECK(vintc_signalled(&vi));
	CHECK_EQ(rd(&c, SIR_IRQ), 70u);
}

TEST(vomap3_intc_priorities_and_ties)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };
	const unsigned lines[] = { 4, 40, 80 };

	vomap3_intc_init(&c);
	wr(&c, ILR(4), ilr_priority(10));
	wr(&c, ILR(40), ilr_priority(3));
	wr(&c, ILR(80), ilr_priority(3));
	CHECK_EQ(rd(&c, ILR(4)), 10u << 2);
	for (unsigned i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		unmask(&c, lines[i]);
		vintc_set_level(&vi, lines[i], true);
	}
	CHECK_EQ(rd(&c, SIR_IRQ), 80u);                 /* a tie: the highest-numbered line */
	CHECK_EQ(rd(&c, IRQ_PRIORITY), 3u);
	wr(&c, CONTROL, NEWIRQAGR);
	vintc_set_level(&vi, 80, false);
	CHECK_EQ(rd(&c, SIR_IRQ), 40u);
	wr(&c, CONTROL, NEWIRQAGR);
	vintc_set_level(&vi, 40, false);
	CHECK_EQ(rd(&c, SIR_IRQ), 4u);
	CHECK_EQ(rd(&c, IRQ_PRIORITY), 10u);
	wr(&c, CONTROL, NEWIRQAGR);
	wr(&c, ILR(4), 0xffffffffu);                     /* PRIORITY 7:2 and FIQNIRQ 0 only */
	CHECK_EQ(rd(&c, ILR(4)), 0xfdu);
	wr(&c, ILR(5), ilr_priority(63));
	wr(&c, ILR(6), ilr_priority(62));
	wr(&c, ILR(4), ilr_priority(63));
	unmask(&c, 5);
	unmask(&c, 6);
	vintc_set_level(&vi, 5, true);
	vintc_set_level(&vi, 6, true);
	CHECK_EQ(rd(&c, SIR_IRQ), 6u);                  /* the lower number is the higher priority */
	CHECK_EQ(rd(&c, IRQ_PRIORITY), 62u);
}

TEST(vomap3_intc_threshold)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };

	vomap3_intc_init(&c);
	wr(&c, ILR(1), ilr_priority(0));
	wr(&c, ILR(2), ilr_priority(5));
	wr(&c, ILR(3), ilr_priority(6));
	wr(&c, MIR_CLEAR(0), 0xeu);
	vintc_set_level(&vi, 2, true);
	vintc_set_level(&vi, 3, true);
	wr(&c, THRESHOLD, 5u);                           /* masks priority 5 and lower */
	CHECK(!vintc_signalled(&vi));
	CHECK_EQ(rd(&c, PENDING_IRQ(0)), 0u);
	CHECK_EQ(rd(&c, ITR(0)), 0xcu);
	CHECK_EQ(rd(&c, SIR_IRQ), SPURIOUS_SIR);
	wr(&c, THRESHOLD, 6u);
	CHECK(vintc_signalled(&vi));
	CHECK_EQ(rd(&c, PENDING_IRQ(0)), 1u << 2);
	CHECK_EQ(rd(&c, SIR_IRQ), 2u);
	wr(&c, CONTROL, NEWIRQAGR);
	wr(&c, THRESHOLD, 0u);                           /* as 1: priority 0 only */
	CHECK(!vintc_signalled(&vi));
	vintc_set_level(&vi, 1, true);                   /* priority 0 is never masked */
	CHECK(vintc_signalled(&vi));
	CHECK_EQ(rd(&c, PENDING_IRQ(0)), 1u << 1);
	wr(&c, THRESHOLD, 1u);
	CHECK_EQ(rd(&c, PENDING_IRQ(0)), 1u << 1);
	wr(&c, THRESHOLD, 0x1ffu);                       /* 0xff: disabled */
	CHECK_EQ(rd(&c, THRESHOLD), 0xffu);
	CHECK_EQ(rd(&c, PENDING_IRQ(0)), 0xeu);
	CHECK_EQ(rd(&c, SIR_IRQ), 1u);
}

/* Linux's omap_intc_handle_irq and handle_level_irq: read SIR, MIR_SET and NEWIRQAGR, handle, MIR_CLEAR. */
TEST(vomap3_intc_linux_handler_sequence)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };
	uint32_t sir;

	vomap3_intc_init(&c);
	wr(&c, SYSCONFIG, rd(&c, SYSCONFIG) | SOFTRESET);
	CHECK(rd(&c, SYSSTATUS) & 1u);
	wr(&c, SYSCONFIG, AUTOIDLE);
	wr(&c, PROTECTION, 1u);
	unmask(&c, 11);
	vintc_set_level(&vi, 11, true);
	CHECK(vintc_signalled(&vi));
	sir = rd(&c, SIR_IRQ);
	CHECK((sir & SPURIOUS_MASK) != SPURIOUS_MASK);
	CHECK_EQ(sir & 0x7fu, 11u);
	wr(&c, MIR_SET(0), 1u << 11);
	wr(&c, CONTROL, NEWIRQAGR);
	CHECK_EQ(rd(&c, CONTROL), 0u);                   /* write-only */
	CHECK(!vintc_signalled(&vi));                   /* masked until handled */
	vintc_set_level(&vi, 11, false);                 /* the handler quietens the device */
	unmask(&c, 11);
	CHECK(!vintc_signalled(&vi));
	sir = rd(&c, SIR_IRQ);                           /* an IRQ taken now finds nothing */
	CHECK_EQ(sir & SPURIOUS_MASK, SPURIOUS_MASK);
	wr(&c, CONTROL, NEWIRQAGR);                      /* Linux's answer to a spurious SIR */
	vintc_set_level(&vi, 11, true);
	CHECK_EQ(rd(&c, SIR_IRQ), 11u);
}

TEST(vomap3_intc_sort_held_until_newirqagr)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };

	vomap3_intc_init(&c);
	wr(&c, ILR(20), ilr_priority(10));
	wr(&c, ILR(21), ilr_priority(1));
	wr(&c, ILR(22), ilr_priority(0));
	wr(&c, MIR_CLEAR(0), 0x7u << 20);
	vintc_set_level(&vi, 20, true);
	CHECK_EQ(rd(&c, SIR_IRQ), 20u);
	vintc_set_level(&vi, 21, true);                  /* higher priority, after the sort */
	CHECK_EQ(rd(&c, SIR_IRQ), 20u);
	CHECK_EQ(rd(&c, IRQ_PRIORITY), 10u);
	vintc_set_level(&vi, 20, false);                 /* held even when the line drops */
	CHECK_EQ(rd(&c, SIR_IRQ), 20u);
	wr(&c, CONTROL, NEWFIQAGR);                      /* the FIQ sort's: no effect here */
	CHECK_EQ(rd(&c, SIR_IRQ), 20u);
	wr(&c, CONTROL, NEWIRQAGR);
	CHECK_EQ(rd(&c, IRQ_PRIORITY), 1u);              /* IRQ_PRIORITY sorts too ... */
	vintc_set_level(&vi, 22, true);
	CHECK_EQ(rd(&c, SIR_IRQ), 21u);                  /* ... and SIR_IRQ names the same line */
	wr(&c, CONTROL, NEWIRQAGR);
	CHECK_EQ(rd(&c, SIR_IRQ), 22u);
	CHECK_EQ(rd(&c, IRQ_PRIORITY), 0u);
}

TEST(vomap3_intc_level_line_reported_again)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };

	vomap3_intc_init(&c);
	unmask(&c, 45);
	vintc_set_level(&vi, 45, true);
	for (int round = 0; round < 3; round++) {
		CHECK(vintc_signalled(&vi));
		CHECK_EQ(rd(&c, SIR_IRQ), 45u);
		wr(&c, CONTROL, NEWIRQAGR);
	}
	vintc_set_level(&vi, 45, false);
	CHECK(!vintc_signalled(&vi));
}

TEST(vomap3_intc_software_interrupts)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };

	vomap3_intc_init(&c);
	wr(&c, ISR_SET(1), 1u << 3);                     /* line 35 */
	wr(&c, ISR_SET(1), 1u << 4);                     /* ones set, zeros leave alone */
	CHECK_EQ(rd(&c, ISR_SET(1)), 0x18u);
	CHECK_EQ(rd(&c, ITR(1)), 0x18u);
	CHECK(!vintc_signalled(&vi));                   /* masked */
	unmask(&c, 35);
	CHECK(vintc_signalled(&vi));
	CHECK_EQ(rd(&c, SIR_IRQ), 35u);
	wr(&c, CONTROL, NEWIRQAGR);
	wr(&c, ISR_CLEAR(1), 1u << 3);
	CHECK_EQ(rd(&c, ISR_SET(1)), 1u << 4);
	CHECK_EQ(rd(&c, ITR(1)), 1u << 4);
	CHECK(!vintc_signalled(&vi));
	vintc_set_level(&vi, 35, true);                  /* the hypervisor's level and the bit together */
	wr(&c, ISR_SET(1), 1u << 3);
	wr(&c, ISR_CLEAR(1), 1u << 3);
	CHECK_EQ(rd(&c, ITR(1)), 0x18u);                /* still raised: the hypervisor holds it */
	CHECK(vintc_signalled(&vi));
}

TEST(vomap3_intc_fiq_lines_do_not_signal)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };

	vomap3_intc_init(&c);
	wr(&c, ILR(50), ilr_priority(2) | FIQNIRQ);
	unmask(&c, 50);
	vintc_set_level(&vi, 50, true);
	CHECK_EQ(rd(&c, ITR(1)), 1u << 18);
	CHECK_EQ(rd(&c, PENDING_FIQ(1)), 1u << 18);
	CHECK_EQ(rd(&c, PENDING_IRQ(1)), 0u);
	CHECK(!vintc_signalled(&vi));
	CHECK_EQ(rd(&c, SIR_IRQ), SPURIOUS_SIR);
	CHECK_EQ(rd(&c, SIR_FIQ), SPURIOUS_SIR);         /* FIQs are not virtualized */
	CHECK_EQ(rd(&c, FIQ_PRIORITY), SPURIOUS_PRIO);
	wr(&c, CONTROL, NEWFIQAGR);
	CHECK(!vintc_signalled(&vi));
	wr(&c, ILR(50), ilr_priority(2));                /* back to IRQ */
	CHECK_EQ(rd(&c, PENDING_FIQ(1)), 0u);
	CHECK(vintc_signalled(&vi));
	CHECK_EQ(rd(&c, SIR_IRQ), 50u);
}

TEST(vomap3_intc_lowering_a_line)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };

	vomap3_intc_init(&c);
	wr(&c, MIR(0), 0);
	wr(&c, MIR(1), 0);
	wr(&c, MIR(2), 0);
	vintc_set_level(&vi, 95, true);
	vintc_set_level(&vi, 0, true);
	CHECK(vintc_signalled(&vi));
	CHECK_EQ(rd(&c, ITR(2)), 1u << 31);
	vintc_set_level(&vi, 95, false);
	CHECK_EQ(rd(&c, ITR(2)), 0u);
	CHECK(vintc_signalled(&vi));
	vintc_set_level(&vi, 0, false);
	CHECK(!vintc_signalled(&vi));                   /* the output follows the lines */
	CHECK_EQ(rd(&c, SIR_IRQ), SPURIOUS_SIR);
	vintc_set_level(&vi, 96, true);                  /* no such line */
	CHECK(!vintc_signalled(&vi));
	CHECK_EQ(rd(&c, ITR(0)) | rd(&c, ITR(1)) | rd(&c, ITR(2)), 0u);
}

TEST(vomap3_intc_byte_accesses)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };
	uint32_t value;

	vomap3_intc_init(&c);
	CHECK_EQ(vomap3_intc_write(&c, MIR(0) + 1u, 1, 0x00u), MMIO_DONE);   /* lines 8-15 unmasked */
	CHECK_EQ(rd(&c, MIR(0)), 0xffff00ffu);
	CHECK_EQ(vomap3_intc_write(&c, MIR_SET(0) + 1u, 1, 0x01u), MMIO_DONE);
	CHECK_EQ(rd(&c, MIR(0)), 0xffff01ffu);
	wr(&c, ILR(9), ilr_priority(7));
	CHECK_EQ(vomap3_intc_read(&c, ILR(9), 2, &value), MMIO_DONE);
	CHECK_EQ(value, 7u << 2);
	vintc_set_level(&vi, 9, true);
	CHECK_EQ(vomap3_intc_read(&c, SIR_IRQ, 1, &value), MMIO_DONE);
	CHECK_EQ(value, 9u);
	CHECK_EQ(vomap3_intc_read(&c, IRQ_PRIORITY + 3u, 1, &value), MMIO_DONE);
	CHECK_EQ(value, 0u);                              /* not spurious */
	CHECK_EQ(vomap3_intc_write(&c, CONTROL + 1u, 1, NEWIRQAGR), MMIO_DONE);   /* bit 8: nothing */
	vintc_set_level(&vi, 10, true);
	CHECK_EQ(rd(&c, SIR_IRQ), 9u);
	CHECK_EQ(vomap3_intc_write(&c, CONTROL, 1, NEWIRQAGR), MMIO_DONE);
	CHECK_EQ(rd(&c, SIR_IRQ), 10u);
}
