/*
 * One TI OMAP3 general-purpose timer (OMAP35x / AM-DM37x TRM, "Timers",
 * "General-Purpose Timers") as the hypervisor's tick: its 32-bit up-counter
 * overflows periodically and reloads itself; each overflow raises the
 * timer's interrupt until it is acknowledged. The board chooses the timer
 * (its registers already mapped) and says how fast its functional clock runs.
 */
#ifndef BOARD_DRIVERS_OMAP3_GPTIMER_H
#define BOARD_DRIVERS_OMAP3_GPTIMER_H

#include <stdbool.h>
#include <stdint.h>

/* Reset the timer at `base` (mapped), whose functional clock runs at `clock_hz`; it stays stopped. */
void omap3_gptimer_init(uintptr_t base, uint32_t clock_hz);
/*
 * (Re)start it with an overflow interrupt `hz` times a second: every
 * clock_hz / hz functional clock ticks, rounded to the nearest tick. Clamped:
 * rates above clock_hz / 2 give the fastest tick the timer allows, every 2
 * clock ticks; hz 0 the slowest, every 2^32 clock ticks.
 */
void omap3_gptimer_start(uint32_t hz);
/* On the tick's interrupt: acknowledge it (the counter reloads by itself); true, a tick. */
bool omap3_gptimer_tick(void);

#endif
