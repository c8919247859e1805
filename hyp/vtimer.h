/*
 * The guest's virtual timer. The guest programs the real CNTV registers
 * directly from PL0; the hypervisor only forwards the timer's interrupt line
 * into the guest's virtual GIC. While the line is high and forwarded, the
 * real interrupt stays disabled at the GIC so it cannot fire again and again.
 * The real CNTKCTL follows the guest's mode, so the guest's user programs
 * reach the timers only as far as the guest's CNTKCTL lets them.
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
#else
static inline void vtimer_init(struct guest *g)
{
	g->vtimer_forwarded = false;
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
#endif

#endif
