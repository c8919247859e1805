/* ARM IHI 0048B (GIC architecture v2). */
#include "arch/arm/mmu.h"
#include "board/drivers/gicv2.h"
#include "hyp/vgic.h"

#define GICD_CTLR           (0x000u / 4u)
#define GICD_TYPER          (0x004u / 4u)
#define GICD_IIDR           (0x008u / 4u)
#define GICD_ISENABLER(n)   (0x100u / 4u + (n))
#define GICD_ICENABLER(n)   (0x180u / 4u + (n))
#define GICD_ISPENDR(n)     (0x200u / 4u + (n))
#define GICD_IPRIORITYR(n)  (0x400u / 4u + (n))
#define GICD_ITARGETSR(n)   (0x800u / 4u + (n))
#define GICD_ID_REGS        (0xfd0u / 4u)       /* peripheral and component ID registers */
#define GICD_CTLR_ENABLE    0x1u

#define GICC_CTLR           (0x00u / 4u)
#define GICC_PMR            (0x04u / 4u)
#define GICC_IAR            (0x0cu / 4u)
#define GICC_EOIR           (0x10u / 4u)
#define GICC_IIDR           (0xfcu / 4u)
#define GICC_CTLR_ENABLE    0x1u
#define GICC_PMR_ALL        0xffu
#define GICC_IAR_ID_MASK    0x3ffu

#define GIC_PRIORITY_DEFAULT 0xa0u
#define GIC_FIRST_SPI       32u
#define GIC_SPURIOUS_ID     1023u

static volatile uint32_t *gicd, *gicc;

void gicv2_init(uint32_t dist_pa, uint32_t cpu_pa)
{
	gicd = ioremap(dist_pa, 0x1000);
	gicc = ioremap(cpu_pa, 0x2000);
	gicd[GICD_CTLR] = GICD_CTLR_ENABLE;
	gicc[GICC_PMR] = GICC_PMR_ALL;
	gicc[GICC_CTLR] = GICC_CTLR_ENABLE;
}

static void gicv2_enable(unsigned id)
{
	volatile uint8_t *prio = (volatile uint8_t *)&gicd[GICD_IPRIORITYR(0)];
	volatile uint8_t *target = (volatile uint8_t *)&gicd[GICD_ITARGETSR(0)];

	prio[id] = GIC_PRIORITY_DEFAULT;
	if (id >= GIC_FIRST_SPI)
		target[id] = 1u;        /* CPU 0 */
	gicd[GICD_ISENABLER(id / 32u)] = 1u << (id % 32u);
}

static void gicv2_disable(unsigned id)
{
	gicd[GICD_ICENABLER(id / 32u)] = 1u << (id % 32u);
}

static bool gicv2_pending(unsigned id)
{
	return gicd[GICD_ISPENDR(id / 32u)] & (1u << (id % 32u));
}

void gicv2_ident(struct vgic_ident *ident)
{
	ident->typer = gicd[GICD_TYPER];
	ident->iidr = gicd[GICD_IIDR];
	ident->cpu_iidr = gicc[GICC_IIDR];
	for (unsigned i = 0; i < VGIC_ID_REGS; i++)
		ident->id[i] = gicd[GICD_ID_REGS + i];
}

static unsigned gicv2_ack(uint32_t *token)
{
	uint32_t iar = gicc[GICC_IAR];
	unsigned id = iar & GICC_IAR_ID_MASK;

	*token = iar;
	return id == GIC_SPURIOUS_ID ? BOARD_IRQ_NONE : id;
}

static void gicv2_end(uint32_t token)
{
	gicc[GICC_EOIR] = token;
}

const struct board_irqchip gicv2_irqchip = {
	.ack = gicv2_ack,
	.end = gicv2_end,
	.enable = gicv2_enable,
	.disable = gicv2_disable,
	.pending = gicv2_pending,
};
