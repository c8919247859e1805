/*
 * Interrupts of the board's devices that are the guest's (board
 * guest_irqs: those of the devices it reaches directly or through the
 * hypervisor), forwarded into its virtual interrupt controller as level
 * lines, under the same numbers.
 *
 * The hypervisor takes the physical interrupt, raises the virtual line and
 * disables the physical interrupt, so that a level interrupt the guest has
 * not served yet cannot storm. The guest clears the cause in the device
 * itself, which the hypervisor does not always see; but it then ends or
 * masks the interrupt at its virtual controller, which traps. After every
 * trap, a forwarded line whose physical interrupt is no longer pending is
 * lowered and enabled again.
 */
#ifndef HYP_IRQ_FORWARD_H
#define HYP_IRQ_FORWARD_H

#include <stdbool.h>

#include "hyp/guest.h"

void irq_forward_init(struct guest *g);
/* The guest gives its devices back (it left running): their interrupts off at the board, no line raised. */
void irq_forward_release(struct guest *g);
/* A physical interrupt: true if it was a passed-through device's, now forwarded. */
bool irq_forward_interrupt(struct guest *g, unsigned id);
/* Before returning to the guest: lower and re-enable the lines that went low. */
void irq_forward_sync(struct guest *g);

#endif
