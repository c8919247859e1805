/*
 * The guest's generic timers. The guest programs the real CNTV registers
 * directly from PL0; the hypervisor only forwards the timer's interrupt line
 * into the guest's virtual GIC. While the line is high and forwarded, the
 * real interrupt stays disabled at the GIC so it cannot fire again and again.
 * The real CNTKCTL follows the guest's mode, so the guest's user programs
 * reach the timers only as far as the guest's CNTKCTL lets them. Its
 * physical timer is emulated (hyp/vptimer.h: the real one is the
 * hypervisor's tick): its line is the board's physical timer interrupt in
 * the guest's interrupt controller, set when the guest writes the timer and
 * raised when the count reaches the compare value, for which the
 * hypervisor's timer also interrupts (hyp/guest_set.c watches it).
 * Boards whose core has no generic timer (Cortex-A8) give the guest none
 * (CONFIG_GUEST_GENERIC_TIMER off): these then do nothing.
 */
#ifndef HYP_VTIMER_H
#define HYP_VTIMER_H

#include "generated/config.h"
#include "hyp/guest.h"

#ifdef CONFIG_GUEST_GENERIC_TIMER
#include "board/drivers/generic_timer.h"

/*
 * The real CNTKCTL: the guest kernel runs in PL0 and uses the virtual
 * timer and the counters as PL1 may; its user programs get what the
 * guest's own CNTKCTL allows them. The physical timer is the hypervisor's
 * tick: never PL0's.
 */
#define CNTKCTL_GUEST_KERNEL    (CNTKCTL_PL0PCTEN | CNTKCTL_PL0VCTEN | CNTKCTL_PL0VTEN)
#define CNTKCTL_GUEST_USER_MASK (CNTKCTL_PL0PCTEN | CNTKCTL_PL0VCTEN | CNTKCTL_PL0VTEN)

void vtimer_init(struct guest *g);
/* The real virtual-timer interrupt arrived. */
void vtimer_interrupt(struct guest *g);
/* Before returning to the guest: lower the virtual line once the real one is low. */
void vtimer_sync(struct guest *g);
/* Before returning to the guest: PL0's timer access for the guest's mode and CNTKCTL. */
void vtimer_follow_mode(struct guest *g);
/* Another guest gets the core: the real virtual timer and CNTKCTL become its (switch_in). */
void vtimer_switch_out(struct guest *g);
void vtimer_switch_in(struct guest *g);
/* Has the timer of `g`, saved while another guest runs, reached its compare value? */
bool vtimer_fired_while_out(const struct guest *g);
/*
 * The virtual count at which the saved timer of `g` fires: 0 if it will
 * not (off, masked), nor if it has fired already, unless `fired_too`.
 */
uint64_t vtimer_deadline_while_out(const struct guest *g, bool fired_too);

/* The real physical count, which the guest reads directly and its physical timer compares with. */
uint64_t vtimer_physical_count(void);
/* The guest wrote its physical timer: its line as the timer is now, and the deadlines watched again. */
void vtimer_ptimer_written(struct guest *g);
/* Time went on: the line rises if the physical timer's compare value is reached. */
void vtimer_ptimer_sync(struct guest *g);
/* The virtual count at which the physical timer of `g` raises its line; 0: it will not, or has. */
uint64_t vtimer_ptimer_deadline(const struct guest *g);
#else
static inline void vtimer_init(struct guest *g)
{
	g->vtimer_forwarded = false;
	g->ptimer_line = false;
}

static inline void vtimer_interrupt(struct guest *g)
{
	(void)g;
}

static inline void vtimer_sync(struct guest *g)
{
	(void)g;
}

static inline void vtimer_follow_mode(struct guest *g)
{
	(void)g;
}

static inline void vtimer_switch_out(struct guest *g)
{
	(void)g;
}

static inline void vtimer_switch_in(struct guest *g)
{
	(void)g;
}

static inline bool vtimer_fired_while_out(const struct guest *g)
{
	(void)g;
	return false;
}

static inline uint64_t vtimer_deadline_while_out(const struct guest *g, bool fired_too)
{
	(void)g, (void)fired_too;
	return 0;
}

/* No generic timer: CP15 c14 is undefined (hyp/emulate_cp15.c), so no physical timer is ever armed. */
static inline uint64_t vtimer_physical_count(void)
{
	return 0;
}

static inline void vtimer_ptimer_written(struct guest *g)
{
	(void)g;
}

static inline void vtimer_ptimer_sync(struct guest *g)
{
	(void)g;
}

static inline uint64_t vtimer_ptimer_deadline(const struct guest *g)
{
	(void)g;
	return 0;
}
#endif

#endif
