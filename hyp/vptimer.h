/*
 * The guest's physical timer (CNTP_CTL, CNTP_TVAL, CNTP_CVAL; ARM DDI 0406C
 * B8.1): the real one is the hypervisor's tick, so the guest's is kept in
 * its virtual CP15 (hyp/emulate_cp15.c emulates the accesses, which trap)
 * and compared with the real physical count, which the guest reads
 * directly. Its interrupt is the board's physical timer interrupt, driven
 * into the guest's interrupt controller by hyp/vtimer.c.
 * Portable: compiled for the target and for host unit tests.
 */
#ifndef HYP_VPTIMER_H
#define HYP_VPTIMER_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/arm/generic_timer_bits.h"
#include "hyp/vcpu.h"

/* The timer condition (CNTP_CTL.ISTATUS): enabled, and the count has reached the compare value. */
static inline bool vptimer_condition(const struct vcpu_cp15 *c, uint64_t count)
{
	return (c->cntp_ctl & CNT_CTL_ENABLE) && count >= c->cntp_cval;
}

/* Its interrupt: the condition, not masked. */
static inline bool vptimer_asserted(const struct vcpu_cp15 *c, uint64_t count)
{
	return vptimer_condition(c, count) && !(c->cntp_ctl & CNT_CTL_IMASK);
}

/* Enabled and not masked: the interrupt comes when the count reaches the compare value. */
static inline bool vptimer_armed(const struct vcpu_cp15 *c)
{
	return (c->cntp_ctl & (CNT_CTL_ENABLE | CNT_CTL_IMASK)) == CNT_CTL_ENABLE;
}

#endif
