/*
 * The OMAP3 INTC driver against the virtual INTC (hyp/vomap3_intc.c) as
 * its register model: init, the board_irqchip contract, spurious acks,
 * the order of lines at one priority.
 */
#include "board/drivers/omap3_intc.h"
#include "fake_mmio.h"
#include "hyp/vomap3_intc.h"
#include "test.h"

#define INTC_BASE       0x48200000u
#define SYSCONFIG       0x10u
#define SIR_IRQ         0x40u
#define THRESHOLD       0x68u
#define MIR(n)          (0x84u + 0x20u * (n))
#define MIR_CLEAR(n)    (0x88u + 0x20u * (n))
#define ISR_SET(n)      (0x90u + 0x20u * (n))
#define ILR(m)          (0x100u + 4u * (m))

static uint32_t model_read(void *ctx, uint32_t offset)
{
	uint32_t value;

	CHECK_EQ(vomap3_intc_read(ctx, offset, 4, &value), MMIO_DONE);
	return value;
}

static void model_write(void *ctx, uint32_t offset, uint32_t value)
{
	CHECK_EQ(vomap3_intc_write(ctx, offset, 4, value), MMIO_DONE);
}

/* The virtual INTC at INTC_BASE, the driver initialised on it. */
static void setup(struct vomap3_intc *c)
{
	const struct mmio_model model = { model_read, model_write, c };

	vomap3_intc_init(c);
	fake_mmio_map(INTC_BASE, VOMAP3_INTC_SIZE, &model);
	omap3_intc_init(INTC_BASE);
}

TEST(omap3_intc_init_masks_everything)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };
	const struct mmio_model model = { model_read, model_write, &c };
	uint32_t token;

	/* Left behind by firmware: lines unmasked, routed to FIQ, a threshold, a software interrupt. */
	vomap3_intc_init(&c);
	for (unsigned n = 0; n < 3; n++)
		model_write(&c, MIR_CLEAR(n), ~0u);
	model_write(&c, ILR(12), (9u << 2) | 1u);
	model_write(&c, THRESHOLD, 4u);
	model_write(&c, ISR_SET(0), 1u << 3);
	model_write(&c, SYSCONFIG, 1u);
	fake_mmio_map(INTC_BASE, VOMAP3_INTC_SIZE, &model);
	omap3_intc_init(INTC_BASE);
	CHECK_EQ(model_read(&c, SYSCONFIG), 0u);         /* soft reset */
	CHECK_EQ(model_read(&c, ISR_SET(0)), 0u);
	for (unsigned n = 0; n < 3; n++)
		CHECK_EQ(model_read(&c, MIR(n)), ~0u);
	for (unsigned m = 0; m < VOMAP3_INTC_LINES; m++)
		CHECK_EQ(model_read(&c, ILR(m)), 0u);
	CHECK_EQ(model_read(&c, THRESHOLD), 0xffu);
	vintc_set_level(&vi, 12, true);
	CHECK(!vintc_signalled(&vi));
	CHECK_EQ(omap3_intc_irqchip.ack(&token), BOARD_IRQ_NONE);
}

TEST(omap3_intc_irqchip_contract)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };
	const struct board_irqchip *chip = &omap3_intc_irqchip;
	uint32_t token;

	setup(&c);
	vintc_set_level(&vi, 37, true);
	CHECK(chip->pending(37));                        /* the raw line, masked or not */
	CHECK(!chip->pending(36));
	CHECK(!vintc_signalled(&vi));
	chip->enable(37);
	CHECK_EQ(model_read(&c, MIR(1)), ~(1u << 5));
	CHECK(vintc_signalled(&vi));
	CHECK_EQ(chip->ack(&token), 37u);
	chip->disable(37);                               /* as a forwarded interrupt is */
	chip->end(token);
	CHECK_EQ(model_read(&c, MIR(1)), ~0u);
	CHECK(!vintc_signalled(&vi));
	CHECK(chip->pending(37));
	vintc_set_level(&vi, 37, false);
	CHECK(!chip->pending(37));
	chip->enable(37);
	CHECK(!vintc_signalled(&vi));
	CHECK_EQ(chip->ack(&token), BOARD_IRQ_NONE);
}

TEST(omap3_intc_level_line_acked_again_after_end)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };
	uint32_t token;

	setup(&c);
	omap3_intc_irqchip.enable(95);
	vintc_set_level(&vi, 95, true);
	CHECK_EQ(omap3_intc_irqchip.ack(&token), 95u);
	omap3_intc_irqchip.end(token);
	CHECK_EQ(omap3_intc_irqchip.ack(&token), 95u);   /* still high */
	vintc_set_level(&vi, 95, false);
	omap3_intc_irqchip.end(token);
	CHECK_EQ(omap3_intc_irqchip.ack(&token), BOARD_IRQ_NONE);
}

TEST(omap3_intc_spurious_acks)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };
	uint32_t token;

	setup(&c);
	CHECK_EQ(omap3_intc_irqchip.ack(&token), BOARD_IRQ_NONE);       /* SPURIOUSIRQFLAG */
	omap3_intc_irqchip.enable(7);
	omap3_intc_irqchip.enable(9);
	vintc_set_level(&vi, 7, true);
	CHECK_EQ(model_read(&c, SIR_IRQ), 7u);           /* sorted, and held ... */
	vintc_set_level(&vi, 7, false);                  /* ... when the line drops */
	CHECK_EQ(omap3_intc_irqchip.ack(&token), BOARD_IRQ_NONE);       /* not pending */
	vintc_set_level(&vi, 7, true);
	CHECK_EQ(model_read(&c, SIR_IRQ), 7u);
	omap3_intc_irqchip.disable(7);
	CHECK_EQ(omap3_intc_irqchip.ack(&token), BOARD_IRQ_NONE);       /* masked */
	/* A NONE is not ended by the core: ack let the INTC sort again. */
	vintc_set_level(&vi, 9, true);
	CHECK_EQ(omap3_intc_irqchip.ack(&token), 9u);
}

TEST(omap3_intc_priorities)
{
	struct vomap3_intc c;
	const struct vintc vi = { &vomap3_intc_vintc_ops, &c };
	uint32_t token;

	setup(&c);
	omap3_intc_irqchip.enable(3);
	omap3_intc_irqchip.enable(70);
	vintc_set_level(&vi, 3, true);
	vintc_set_level(&vi, 70, true);
	CHECK_EQ(omap3_intc_irqchip.ack(&token), 70u);   /* one priority: the highest-numbered line */
	vintc_set_level(&vi, 70, false);
	omap3_intc_irqchip.end(token);
	CHECK_EQ(omap3_intc_irqchip.ack(&token), 3u);
	omap3_intc_irqchip.end(token);
	model_write(&c, ILR(70), 1u << 2);               /* below line 3's priority 0 */
	vintc_set_level(&vi, 70, true);
	CHECK_EQ(omap3_intc_irqchip.ack(&token), 3u);
}
