/*
 * Interrupts of the devices the guest reaches directly (board
 * guest_passthrough), forwarded into its virtual GIC as level lines.
 *
 * The hypervisor takes the physical interrupt, raises the line in the
 * virtual GIC and disables the physical interrupt, so that a level
 * interrupt the guest has not served yet cannot storm. The guest clears
 * the cause in the device itself, which the hypervisor does not see; but
 * it then ends the interrupt at its virtual GIC, which traps. After every
 * trap, a forwarded line whose physical interrupt is no longer pending is
 * lowered in the virtual GIC and enabled again.
 */
#ifndef HYP_IRQ_FORWARD_H
#define HYP_IRQ_FORWARD_H

#include <stdbool.h>

#include "hyp/guest.h"

void irq_forward_init(struct guest *g);
/* A physical interrupt: true if it was a passed-through device's, now forwarded. */
bool irq_forward_interrupt(struct guest *g, unsigned id);
/* Before returning to the guest: lower and re-enable the lines that went low. */
void irq_forward_sync(struct guest *g);

#endif
