#include "board/drivers/omap3_gptimer.h"
#include "board/drivers/mmio.h"

/* GPTIMER registers (TRM "General-Purpose Timers", register manual), byte offsets. */
#define TIOCP_CFG                   0x10u
#define TIOCP_CFG_SOFTRESET         (1u << 1)
#define TIOCP_CFG_IDLEMODE_NO_IDLE  (1u << 3)       /* IDLEMODE, bits 4:3 = 01 */
#define TISTAT                      0x14u
#define TISTAT_RESETDONE            (1u << 0)
#define TISR                        0x18u           /* write 1 to clear */
#define TIER                        0x1Cu           /* TISR's bits, as enables */
#define TI_MAT                      (1u << 0)
#define TI_OVF                      (1u << 1)
#define TI_TCAR                     (1u << 2)
#define TCLR                        0x24u
#define TCLR_ST                     (1u << 0)
#define TCLR_AR                     (1u << 1)
#define TLDR                        0x2Cu
#define TTGR                        0x30u           /* any write: TCRR = TLDR */
#define TSICR                       0x40u
#define TSICR_NON_POSTED            0u              /* POSTED, bit 2, clear */

/* TISTAT reads before giving up on RESETDONE: milliseconds, for a reset of a few 32 kHz cycles. */
#define RESET_POLLS                 100000u
/* TLDR may not be 0xFFFFFFFF (TRM, "Timer Mode Functionality"): a period is at least 2 ticks. */
#define MIN_PERIOD_TICKS            2u

static uintptr_t regs;
static uint32_t functional_clock_hz;

void omap3_gptimer_init(uintptr_t base, uint32_t clock_hz)
{
	regs = base;
	functional_clock_hz = clock_hz;
	mmio_write32(regs + TIOCP_CFG, TIOCP_CFG_SOFTRESET);
	/*
	 * A reset that never reports done leaves the timer no worse off:
	 * start() programs every register the tick depends on.
	 */
	for (unsigned polls = 0; polls < RESET_POLLS; polls++)
		if (mmio_read32(regs + TISTAT) & TISTAT_RESETDONE)
			break;
	/* The reset selected force-idle: power management could stop the tick's clock. */
	mmio_write32(regs + TIOCP_CFG, TIOCP_CFG_IDLEMODE_NO_IDLE);
	/*
	 * Non-posted writes (the reset selected posted ones): a write to a
	 * timer-clock register completes only once the timer has taken it, so
	 * the writes take effect in program order without polling TWPS. The
	 * stall (a few functional clock cycles) is paid only in start(); tick()
	 * writes TISR, an interface-clock register, which never stalls.
	 */
	mmio_write32(regs + TSICR, TSICR_NON_POSTED);
}

/*
 * TLDR for `hz`: the counter overflows every 0xFFFFFFFF - TLDR + 1 ticks,
 * that is 2^32 - TLDR; functional_clock_hz / hz rounded to the nearest
 * tick and clamped as the header says.
 */
static uint32_t reload_for(uint32_t hz)
{
	if (!hz)
		return 0;
	uint32_t ticks = functional_clock_hz / hz, rest = functional_clock_hz % hz;
	if (rest >= hz - rest)
		ticks++;
	if (ticks < MIN_PERIOD_TICKS)
		ticks = MIN_PERIOD_TICKS;
	return 0u - ticks;
}

void omap3_gptimer_start(uint32_t hz)
{
	mmio_write32(regs + TCLR, 0);
	mmio_write32(regs + TLDR, reload_for(hz));
	mmio_write32(regs + TTGR, 0);                   /* the first period is a full one */
	mmio_write32(regs + TISR, TI_MAT | TI_OVF | TI_TCAR);
	mmio_write32(regs + TIER, TI_OVF);
	mmio_write32(regs + TCLR, TCLR_AR | TCLR_ST);   /* PRE clear: one count per clock tick */
}

bool omap3_gptimer_tick(void)
{
	mmio_write32(regs + TISR, TI_OVF);
	/*
	 * Read back so the write has reached the timer, and its level-sensitive
	 * line has dropped, before the board ends the interrupt at the interrupt
	 * controller, which would otherwise take it again.
	 */
	(void)mmio_read32(regs + TISR);
	return true;    /* periodic only: every interrupt is a tick */
}
