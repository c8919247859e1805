/*
 * One channel of the Allwinner A10 timer block (A10 User Manual, "Timer
 * Controller") as the hypervisor's tick: periodic, from the 24 MHz
 * oscillator. The other channels are the guest's.
 */
#ifndef BOARD_DRIVERS_A10_TIMER_H
#define BOARD_DRIVERS_A10_TIMER_H

#include <stdbool.h>
#include <stdint.h>

/* Map the timer block at `pa`; the tick will use channel `channel`. */
void a10_timer_init(uint32_t pa, unsigned channel);
void a10_timer_start(uint32_t hz);
/* On the tick's interrupt: acknowledge it (the channel reloads by itself); true, a tick. */
bool a10_timer_tick(void);

#endif
