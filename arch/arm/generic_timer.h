/*
 * The ARMv7 generic timer: the hypervisor's tick comes from the physical
 * timer; the virtual timer belongs to the guest, which programs it directly
 * from PL0.
 */
#ifndef ARCH_ARM_GENERIC_TIMER_H
#define ARCH_ARM_GENERIC_TIMER_H

#include <stdbool.h>
#include <stdint.h>

void generic_timer_start(uint32_t hz);
/* Called on the timer interrupt: acknowledge and arm the next tick. */
void generic_timer_tick(void);
uint32_t generic_timer_frequency(void);

/* Let PL0 read the virtual count and program the virtual timer (CNTKCTL). */
void generic_timer_give_vtimer_to_pl0(void);
/* Is the virtual timer's interrupt line asserted? */
bool generic_timer_vtimer_asserted(void);

#endif
