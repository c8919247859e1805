/* The hypervisor's tick from the ARMv7 generic timer (virtual timer). */
#ifndef ARCH_ARM_GENERIC_TIMER_H
#define ARCH_ARM_GENERIC_TIMER_H

#include <stdint.h>

void generic_timer_start(uint32_t hz);
/* Called on the timer interrupt: acknowledge and arm the next tick. */
void generic_timer_tick(void);
uint32_t generic_timer_frequency(void);

#endif
