/* ARM DDI 0406C B8 (Generic Timer). */
#include "arch/arm/cp15.h"
#include "board/drivers/generic_timer.h"
#include "hyp/log.h"

/* In physical counts: the tick period, when the next tick is due, and a wake_at deadline (0: none). */
static uint32_t ticks_interval;
static uint64_t next_tick, deadline;

uint32_t generic_timer_frequency(void)
{
	return cp15_read_cntfrq();
}

/* CNTPCT and CNTVCT (B4.1.25, B4.1.32): MRRC p15, 0 and 1, <Rt>, <Rt2>, c14. */
static uint64_t physical_count(void)
{
	uint32_t lo, hi;

	__asm__ volatile("isb\n\tmrrc p15, 0, %0, %1, c14" : "=r"(lo), "=r"(hi));
	return (uint64_t)hi << 32 | lo;
}

uint64_t generic_timer_now(void)
{
	return physical_count();
}

uint32_t generic_timer_counts_per_tick(void)
{
	return ticks_interval;
}

static uint64_t virtual_count(void)
{
	uint32_t lo, hi;

	__asm__ volatile("isb\n\tmrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi));
	return (uint64_t)hi << 32 | lo;
}

/* CNTP_CVAL (MCRR p15, 2): the earlier of the next tick and the deadline. */
static void program_compare(void)
{
	uint64_t at = deadline && deadline < next_tick ? deadline : next_tick;

	__asm__ volatile("mcrr p15, 2, %0, %1, c14\n\tisb" : : "r"((uint32_t)at), "r"((uint32_t)(at >> 32)) : "memory");
}

void generic_timer_start(uint32_t hz)
{
	uint32_t freq = generic_timer_frequency();

	if (!freq)
		hyp_panic("CNTFRQ is 0: firmware did not program the generic timer frequency");
	ticks_interval = freq / hz;
	next_tick = physical_count() + ticks_interval;
	program_compare();
	cp15_write_cntp_ctl(CNT_CTL_ENABLE);
}

bool generic_timer_tick(void)
{
	uint64_t now = physical_count();
	bool tick = now >= next_tick;

	if (tick) {
		next_tick += ticks_interval;
		if (next_tick <= now)           /* ticks missed while the hypervisor was busy: not made up */
			next_tick = now + ticks_interval;
	}
	if (deadline <= now)
		deadline = 0;
	program_compare();
	return tick;
}

uint64_t generic_timer_virtual_at(uint64_t physical)
{
	return physical - (physical_count() - virtual_count());
}

void generic_timer_wake_at(uint64_t virtual_deadline)
{
	/* Physical = virtual + CNTVOFF, which PL1 cannot read: the two counters, one after the other. */
	uint64_t at = virtual_deadline ? virtual_deadline + (physical_count() - virtual_count()) : 0;

	if (at == deadline)
		return;
	deadline = at;
	program_compare();
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

static bool saved_armed(const struct generic_vtimer_state *s)
{
	return (s->ctl & (CNT_CTL_ENABLE | CNT_CTL_IMASK)) == CNT_CTL_ENABLE;
}

bool generic_timer_vtimer_saved_fired(const struct generic_vtimer_state *s)
{
	return saved_armed(s) && virtual_count() >= s->cval;
}

uint64_t generic_timer_vtimer_saved_deadline(const struct generic_vtimer_state *s, bool fired_too)
{
	return saved_armed(s) && (fired_too || virtual_count() < s->cval) ? s->cval : 0;
}
