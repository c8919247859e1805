#include "arch/arm/mmu.h"
#include "board/drivers/a10_timer.h"
#include "hyp/log.h"

#define TMR_IRQ_EN          (0x00u / 4u)
#define TMR_IRQ_STA         (0x04u / 4u)            /* write 1 to clear */
#define TMR_CTRL(n)         ((0x10u + 0x10u * (n)) / 4u)
#define TMR_INTV(n)         ((0x14u + 0x10u * (n)) / 4u)
#define TMR_CTRL_EN         (1u << 0)
#define TMR_CTRL_RELOAD     (1u << 1)               /* load the interval now */
#define TMR_CTRL_OSC24M     (1u << 2)               /* clock source 1; prescale 1, continuous */
#define TMR_CHANNELS        6u
#define OSC24M_HZ           24000000u

static volatile uint32_t *tmr;
static unsigned tick_channel;

void a10_timer_init(uint32_t pa, unsigned channel)
{
	BUG_ON(channel >= TMR_CHANNELS);
	tmr = ioremap(pa, 0x1000);
	tick_channel = channel;
}

void a10_timer_start(uint32_t hz)
{
	tmr[TMR_CTRL(tick_channel)] = 0;
	tmr[TMR_INTV(tick_channel)] = OSC24M_HZ / hz;
	tmr[TMR_CTRL(tick_channel)] = TMR_CTRL_OSC24M | TMR_CTRL_RELOAD;
	tmr[TMR_CTRL(tick_channel)] = TMR_CTRL_OSC24M | TMR_CTRL_EN;
	tmr[TMR_IRQ_STA] = 1u << tick_channel;
	tmr[TMR_IRQ_EN] |= 1u << tick_channel;
}

bool a10_timer_tick(void)
{
	tmr[TMR_IRQ_STA] = 1u << tick_channel;
	return true;    /* periodic only: every interrupt is a tick */
}
