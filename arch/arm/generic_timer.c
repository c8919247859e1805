/* ARM DDI 0406C B8 (Generic Timer). */
#include "arch/arm/cp15.h"
#include "arch/arm/generic_timer.h"
#include "hyp/log.h"

#define CNTV_CTL_ENABLE     (1u << 0)

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
	cp15_write_cntv_tval(ticks_interval);
	cp15_write_cntv_ctl(CNTV_CTL_ENABLE);
}

void generic_timer_tick(void)
{
	cp15_write_cntv_tval(ticks_interval);
}
