/* GICv2 distributor and CPU interface (ARM IHI 0048B), for the hypervisor's own interrupts. */
#ifndef BOARD_DRIVERS_GICV2_H
#define BOARD_DRIVERS_GICV2_H

#include <stdint.h>

#include "board/board.h"

/* Map and enable the distributor and CPU interface at these physical addresses. */
void gicv2_init(uint32_t dist_pa, uint32_t cpu_pa);
/* The identification registers, for the guest's virtual GIC. */
void gicv2_ident(struct vgic_ident *ident);

extern const struct board_irqchip gicv2_irqchip;

#endif
