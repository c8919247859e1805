#include "arch/arm/mmu.h"
#include "board/drivers/a10_pic.h"

#define PIC_VECTOR          (0x00u / 4u)
#define PIC_IRQ_PEND(n)     (0x10u / 4u + (n))      /* a source's level */
#define PIC_ENABLE(n)       (0x40u / 4u + (n))
#define PIC_MASK(n)         (0x50u / 4u + (n))
#define PIC_SOURCES         96u
#define PIC_WORDS           (PIC_SOURCES / 32u)

static volatile uint32_t *pic;

static uint32_t bit(unsigned irq)
{
	return 1u << (irq % 32u);
}

void a10_pic_init(uint32_t pa)
{
	pic = ioremap(pa, 0x1000);
	for (unsigned n = 0; n < PIC_WORDS; n++) {
		pic[PIC_ENABLE(n)] = 0;
		pic[PIC_MASK(n)] = ~0u;
	}
}

static bool a10_pic_pending(unsigned irq)
{
	return pic[PIC_IRQ_PEND(irq / 32u)] & bit(irq);
}

/* The vector names the first pending unmasked source, and reads 0 (source 0) when there is none. */
static unsigned a10_pic_ack(uint32_t *token)
{
	unsigned irq = pic[PIC_VECTOR] / 4u;

	*token = irq;
	if (irq >= PIC_SOURCES || !a10_pic_pending(irq) || (pic[PIC_MASK(irq / 32u)] & bit(irq)))
		return BOARD_IRQ_NONE;
	return irq;
}

/* Level-sensitive sources: the device lowers its line; nothing to end here. */
static void a10_pic_end(uint32_t token)
{
	(void)token;
}

static void a10_pic_enable(unsigned irq)
{
	pic[PIC_ENABLE(irq / 32u)] |= bit(irq);
	pic[PIC_MASK(irq / 32u)] &= ~bit(irq);
}

static void a10_pic_disable(unsigned irq)
{
	pic[PIC_MASK(irq / 32u)] |= bit(irq);
	pic[PIC_ENABLE(irq / 32u)] &= ~bit(irq);
}

const struct board_irqchip a10_pic_irqchip = {
	.ack = a10_pic_ack,
	.end = a10_pic_end,
	.enable = a10_pic_enable,
	.disable = a10_pic_disable,
	.pending = a10_pic_pending,
};
