/*
 * The Allwinner A10 interrupt controller (A10 User Manual, "Interrupt
 * Controller"), for the hypervisor's own interrupts: 96 level-sensitive
 * sources, masked and enabled per source, the first pending unmasked one
 * named by the vector register.
 */
#ifndef BOARD_DRIVERS_A10_PIC_H
#define BOARD_DRIVERS_A10_PIC_H

#include <stdint.h>

#include "board/board.h"

/* Map the controller at this physical address; every source starts disabled and masked. */
void a10_pic_init(uint32_t pa);

extern const struct board_irqchip a10_pic_irqchip;

#endif
