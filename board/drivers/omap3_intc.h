/*
 * The TI OMAP3 interrupt controller (INTCPS: OMAP35x and AM/DM37x
 * Technical Reference Manuals, "Interrupt Controller"), for the
 * hypervisor's own interrupts: 96 level-sensitive lines, masked in MIR;
 * SIR_IRQ names the pending line of the highest priority and holds it
 * until NEWIRQAGR. Every line is routed to IRQ at priority 0, so of two
 * pending lines the higher-numbered one comes first.
 */
#ifndef BOARD_DRIVERS_OMAP3_INTC_H
#define BOARD_DRIVERS_OMAP3_INTC_H

#include <stdint.h>

#include "board/board.h"

/* Reset the INTC at `base` (its registers, mapped): every line masked, priority 0, IRQ, no threshold. */
void omap3_intc_init(uintptr_t base);

extern const struct board_irqchip omap3_intc_irqchip;

#endif
