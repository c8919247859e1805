/* The few GICv2 registers this guest uses (ARM IHI 0048B). */
#ifndef GIC_H
#define GIC_H

#include <stdint.h>

#include "board.h"

#define GICD_CTLR           0x000u
#define GICD_ISENABLER0     0x100u      /* then ISENABLER1.. for interrupts 32.., a word apart */
#define GICD_IPRIORITYR     0x400u
#define GICD_SGIR           0xf00u
#define GICC_CTLR           0x00u
#define GICC_PMR            0x04u
#define GICC_BPR            0x08u
#define GICC_IAR            0x0cu
#define GICC_EOIR           0x10u
#define GICC_RPR            0x14u
#define GICC_HPPIR          0x18u

#define GIC_ENABLE          1u
#define GIC_SPURIOUS        1023u
#define GIC_ID_MASK         0x3ffu
#define SGIR_TO_SELF        (2u << 24)

static inline volatile uint32_t *gicd(uint32_t offset)
{
	return (volatile uint32_t *)(GICD_BASE + offset);
}

static inline volatile uint32_t *gicc(uint32_t offset)
{
	return (volatile uint32_t *)(GICC_BASE + offset);
}

#endif
