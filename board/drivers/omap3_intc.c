#include "board/drivers/mmio.h"
#include "board/drivers/omap3_intc.h"

#define INTC_SYSCONFIG          0x10u
#define INTC_SYSSTATUS          0x14u
#define INTC_SIR_IRQ            0x40u
#define INTC_CONTROL            0x48u
#define INTC_THRESHOLD          0x68u
#define INTC_ITR(n)             (0x80u + 0x20u * (n))   /* the raw lines of bank n */
#define INTC_MIR(n)             (0x84u + 0x20u * (n))
#define INTC_MIR_CLEAR(n)       (0x88u + 0x20u * (n))
#define INTC_MIR_SET(n)         (0x8cu + 0x20u * (n))
#define INTC_ILR(m)             (0x100u + 4u * (m))
#define SYSCONFIG_SOFTRESET     (1u << 1)
#define SYSSTATUS_RESETDONE     (1u << 0)
#define SIR_ACTIVEIRQ           0x7fu
#define SIR_SPURIOUSIRQFLAG     (~0u << 7)
#define CONTROL_NEWIRQAGR       (1u << 0)
#define THRESHOLD_DISABLED      0xffu
#define ILR_PRIORITY_0_IRQ      0u
#define INTC_LINES              96u
#define INTC_BANKS              (INTC_LINES / 32u)
#define RESET_POLLS             100000u /* far more than the reset takes */

static uintptr_t intc;

static uint32_t bit(unsigned irq)
{
	return 1u << (irq % 32u);
}

/*
 * Each register the driver relies on is written after the reset, so the
 * lines are masked even if RESETDONE never comes within the polls.
 */
void omap3_intc_init(uintptr_t base)
{
	unsigned polls = RESET_POLLS;

	intc = base;
	mmio_write32(intc + INTC_SYSCONFIG, SYSCONFIG_SOFTRESET);
	while (!(mmio_read32(intc + INTC_SYSSTATUS) & SYSSTATUS_RESETDONE) && --polls)
		;
	for (unsigned n = 0; n < INTC_BANKS; n++)
		mmio_write32(intc + INTC_MIR_SET(n), ~0u);
	for (unsigned m = 0; m < INTC_LINES; m++)
		mmio_write32(intc + INTC_ILR(m), ILR_PRIORITY_0_IRQ);
	mmio_write32(intc + INTC_THRESHOLD, THRESHOLD_DISABLED);
}

static bool omap3_intc_pending(unsigned irq)
{
	return mmio_read32(intc + INTC_ITR(irq / 32u)) & bit(irq);
}

static bool masked(unsigned irq)
{
	return mmio_read32(intc + INTC_MIR(irq / 32u)) & bit(irq);
}

/*
 * SIR_IRQ is spurious if the line went low or was masked while the INTC
 * sorted, and names a line no longer pending or enabled if that happened
 * after. The core ends only interrupts it got a number for (hyp/trap.c),
 * so for the others NEWIRQAGR is written here: the INTC sorts again.
 */
static unsigned omap3_intc_ack(uint32_t *token)
{
	uint32_t sir = mmio_read32(intc + INTC_SIR_IRQ);
	unsigned irq = sir & SIR_ACTIVEIRQ;

	*token = irq;
	if ((sir & SIR_SPURIOUSIRQFLAG) || irq >= INTC_LINES || !omap3_intc_pending(irq) || masked(irq)) {
		mmio_write32(intc + INTC_CONTROL, CONTROL_NEWIRQAGR);
		return BOARD_IRQ_NONE;
	}
	return irq;
}

/* A new sort: the line, if still high and enabled, comes again. */
static void omap3_intc_end(uint32_t token)
{
	(void)token;
	mmio_write32(intc + INTC_CONTROL, CONTROL_NEWIRQAGR);
}

static void omap3_intc_enable(unsigned irq)
{
	mmio_write32(intc + INTC_MIR_CLEAR(irq / 32u), bit(irq));
}

static void omap3_intc_disable(unsigned irq)
{
	mmio_write32(intc + INTC_MIR_SET(irq / 32u), bit(irq));
}

const struct board_irqchip omap3_intc_irqchip = {
	.ack = omap3_intc_ack,
	.end = omap3_intc_end,
	.enable = omap3_intc_enable,
	.disable = omap3_intc_disable,
	.pending = omap3_intc_pending,
};
