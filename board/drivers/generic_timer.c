/* ARM DDI 0406C B8 (Generic Timer). */
#include "arch/arm/cp15.h"
#include "board/drivers/generic_timer.h"
#include "hyp/log.h"

#define CNT_CTL_ENABLE      (1u << 0)
#define CNT_CTL_IMASK       (1u << 1)
#define CNT_CTL_ISTATUS     (1u << 2)

static uint32_t ticks_interval;

uint32_t generic_timer_frequency(void)
{
	return cp15_read_cntfrq();
}

void generic_timer_start(uint32_t hz)
{
	uint32_t freq = generic_timer_frequency();

	if (!freq)
		hyp_panic("CNTFRQ is 0: firmware did not program the generic timer frequency");
	ticks_interval = freq / hz;
	cp15_write_cntp_tval(ticks_interval);
	cp15_write_cntp_ctl(CNT_CTL_ENABLE);
}

void generic_timer_tick(void)
{
	cp15_write_cntp_tval(ticks_interval);
}

void generic_timer_reset_vtimer(void)
{
	cp15_write_cntv_ctl(0);
}

void generic_timer_set_pl0_access(uint32_t cntkctl)
{
	cp15_write_cntkctl(cntkctl);
	__asm__ volatile("isb" ::: "memory");
}

bool generic_timer_vtimer_asserted(void)
{
	uint32_t ctl = cp15_read_cntv_ctl();

	return (ctl & (CNT_CTL_ENABLE | CNT_CTL_IMASK | CNT_CTL_ISTATUS)) ==
	       (CNT_CTL_ENABLE | CNT_CTL_ISTATUS);
}

/* CNTV_CVAL is 64 bits: MRRC/MCRR p15, 3, <Rt>, <Rt2>, c14 (B4.1.34). */
void generic_timer_vtimer_save(struct generic_vtimer_state *s)
{
	uint32_t lo, hi;

	s->ctl = cp15_read_cntv_ctl();
	__asm__ volatile("mrrc p15, 3, %0, %1, c14" : "=r"(lo), "=r"(hi));
	s->cval = (uint64_t)hi << 32 | lo;
	cp15_write_cntv_ctl(0);
}

void generic_timer_vtimer_restore(const struct generic_vtimer_state *s)
{
	__asm__ volatile("mcrr p15, 3, %0, %1, c14" : : "r"((uint32_t)s->cval), "r"((uint32_t)(s->cval >> 32)));
	cp15_write_cntv_ctl(s->ctl & (CNT_CTL_ENABLE | CNT_CTL_IMASK));
	__asm__ volatile("isb" ::: "memory");
}

bool generic_timer_vtimer_saved_fired(const struct generic_vtimer_state *s)
{
	uint32_t lo, hi;

	if ((s->ctl & (CNT_CTL_ENABLE | CNT_CTL_IMASK)) != CNT_CTL_ENABLE)
		return false;
	__asm__ volatile("isb\n\tmrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi));   /* CNTVCT */
	return ((uint64_t)hi << 32 | lo) >= s->cval;
}
