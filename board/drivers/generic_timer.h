/*
 * The ARMv7 generic timer: the hypervisor's tick comes from the physical
 * timer; the virtual timer belongs to the guest, which programs it directly
 * from PL0.
 */
#ifndef BOARD_DRIVERS_GENERIC_TIMER_H
#define BOARD_DRIVERS_GENERIC_TIMER_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/arm/generic_timer_bits.h"

void generic_timer_start(uint32_t hz);
/* Called on the timer interrupt: arm the next; true if a tick was due (false: a wake_at deadline). */
bool generic_timer_tick(void);
/* Interrupt also when the virtual count reaches `virtual_deadline` (0: no deadline). */
void generic_timer_wake_at(uint64_t virtual_deadline);
/* The virtual count when the physical count is `physical` (they differ by CNTVOFF, which PL1 cannot read). */
uint64_t generic_timer_virtual_at(uint64_t physical);
uint32_t generic_timer_frequency(void);
/* The physical count, and how many of its counts a tick lasts (after generic_timer_start). */
uint64_t generic_timer_now(void);
uint32_t generic_timer_counts_per_tick(void);

/* Stop the virtual timer (it belongs to the guest). */
void generic_timer_reset_vtimer(void);
/* Set CNTKCTL's PL0 access bits. */
void generic_timer_set_pl0_access(uint32_t cntkctl);
/* Is the virtual timer's interrupt line asserted? */
bool generic_timer_vtimer_asserted(void);

/* A guest's virtual timer while another guest has the core. */
struct generic_vtimer_state {
	uint32_t ctl;
	uint64_t cval;
};

/* Save the virtual timer into `s` and stop it. */
void generic_timer_vtimer_save(struct generic_vtimer_state *s);
void generic_timer_vtimer_restore(const struct generic_vtimer_state *s);
/* Would the saved virtual timer `s` assert its interrupt now? */
bool generic_timer_vtimer_saved_fired(const struct generic_vtimer_state *s);
/*
 * The virtual count at which the saved timer `s` asserts its interrupt: 0
 * if never (off, masked), and if it has already (fired) unless `fired_too`.
 */
uint64_t generic_timer_vtimer_saved_deadline(const struct generic_vtimer_state *s, bool fired_too);

#endif
