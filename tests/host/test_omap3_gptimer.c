/*
 * The OMAP3 GPTIMER tick driver against the GPTIMER register model
 * (models.h): reset and non-posted mode at init, the period for a rate,
 * one interrupt per period and none before, acknowledgement, auto-reload,
 * and the documented clamps.
 */
#include "board/drivers/omap3_gptimer.h"
#include "models.h"
#include "test.h"

#define GPTIMER12_BASE      0x48304000u
#define CLOCK_32K_HZ        32768u
#define TSICR_POSTED        (1u << 2)
#define TIOCP_CFG_IDLEMODE  (3u << 3)
#define IDLEMODE_NO_IDLE    (1u << 3)
#define TI_OVF              (1u << 1)
#define TCLR_ST_AR          0x3u

static struct omap3_gptimer_model gpt;

/* The model mapped as U-Boot might leave the timer: running, posted, an event pending and enabled. */
static void gptimer_map_used(void)
{
	omap3_gptimer_model_map(&gpt, GPTIMER12_BASE);
	gpt.tclr = TCLR_ST_AR;
	gpt.tldr = 0xFFFF0000u;
	gpt.tcrr = 0xFFFFFFF0u;
	gpt.tier = 0x7u;
	gpt.tisr = TI_OVF;
	gpt.reset_reads = 5;
}

/* The period: ticks from a (re)start to the first overflow interrupt, which must not come earlier. */
static void gptimer_check_period(uint32_t period)
{
	CHECK_EQ(gpt.tldr, 0u - period);
	omap3_gptimer_model_advance(&gpt, period - 1u);
	CHECK(!omap3_gptimer_model_irq(&gpt));
	omap3_gptimer_model_advance(&gpt, 1);
	CHECK(omap3_gptimer_model_irq(&gpt));
}

TEST(omap3_gptimer_init_resets_into_non_posted_no_idle_stopped)
{
	gptimer_map_used();
	omap3_gptimer_init(GPTIMER12_BASE, CLOCK_32K_HZ);
	CHECK_EQ(gpt.soft_resets, 1u);
	CHECK_EQ(gpt.reset_reads_left, 0u);
	CHECK_EQ(gpt.accesses_during_reset, 0u);
	CHECK_EQ(gpt.tsicr & TSICR_POSTED, 0u);
	CHECK_EQ(gpt.tiocp_cfg & TIOCP_CFG_IDLEMODE, IDLEMODE_NO_IDLE);
	CHECK_EQ(gpt.tclr, 0u);
	CHECK(!omap3_gptimer_model_irq(&gpt));
	omap3_gptimer_model_advance(&gpt, 1ull << 33);
	CHECK(!omap3_gptimer_model_irq(&gpt));
}

TEST(omap3_gptimer_init_returns_when_reset_never_completes)
{
	gptimer_map_used();
	gpt.reset_reads = OMAP3_GPTIMER_RESET_NEVER_DONE;
	omap3_gptimer_init(GPTIMER12_BASE, CLOCK_32K_HZ);
	CHECK_EQ(gpt.soft_resets, 1u);
	CHECK_EQ(gpt.tsicr & TSICR_POSTED, 0u);    /* configured all the same */
}

TEST(omap3_gptimer_100hz_at_32k_interrupts_every_328_ticks)
{
	gptimer_map_used();
	omap3_gptimer_init(GPTIMER12_BASE, CLOCK_32K_HZ);
	omap3_gptimer_start(100);
	CHECK_EQ(gpt.tclr, TCLR_ST_AR);
	CHECK_EQ(gpt.tier, TI_OVF);
	CHECK_EQ(gpt.tcrr, gpt.tldr);
	gptimer_check_period(328);                 /* 327.68 rounded */
	CHECK_EQ(gpt.tisr, TI_OVF);
}

TEST(omap3_gptimer_tick_acknowledges_and_reload_gives_the_next_period)
{
	gptimer_map_used();
	omap3_gptimer_init(GPTIMER12_BASE, CLOCK_32K_HZ);
	omap3_gptimer_start(100);
	omap3_gptimer_model_advance(&gpt, 328);
	CHECK(omap3_gptimer_model_irq(&gpt));
	omap3_gptimer_model_advance(&gpt, 100);     /* level: pending until acknowledged */
	CHECK(omap3_gptimer_model_irq(&gpt));
	omap3_gptimer_tick();
	CHECK(!omap3_gptimer_model_irq(&gpt));
	CHECK_EQ(gpt.tisr, 0u);
	omap3_gptimer_model_advance(&gpt, 227);     /* one period after the first overflow */
	CHECK(!omap3_gptimer_model_irq(&gpt));
	omap3_gptimer_model_advance(&gpt, 1);
	CHECK(omap3_gptimer_model_irq(&gpt));
	omap3_gptimer_tick();
	for (int i = 0; i < 1000; i++) {
		omap3_gptimer_model_advance(&gpt, 327);
		CHECK(!omap3_gptimer_model_irq(&gpt));
		omap3_gptimer_model_advance(&gpt, 1);
		CHECK(omap3_gptimer_model_irq(&gpt));
		omap3_gptimer_tick();
	}
}

TEST(omap3_gptimer_start_at_other_rates_and_clocks)
{
	gptimer_map_used();
	omap3_gptimer_init(GPTIMER12_BASE, CLOCK_32K_HZ);
	omap3_gptimer_start(1000);
	gptimer_check_period(33);                  /* 32.768 */
	omap3_gptimer_start(1);                    /* restarted: the pending event goes */
	CHECK(!omap3_gptimer_model_irq(&gpt));
	gptimer_check_period(CLOCK_32K_HZ);
	omap3_gptimer_start(3);
	gptimer_check_period(10923);               /* 10922.67 */
	omap3_gptimer_start(7);
	gptimer_check_period(4681);                /* 4681.14 */

	gptimer_map_used();
	omap3_gptimer_init(GPTIMER12_BASE, 26000000u);
	omap3_gptimer_start(100);
	gptimer_check_period(260000);
	omap3_gptimer_start(1);                    /* the longest in-range period */
	gptimer_check_period(26000000u);
}

TEST(omap3_gptimer_rates_out_of_range_are_clamped)
{
	gptimer_map_used();
	omap3_gptimer_init(GPTIMER12_BASE, CLOCK_32K_HZ);
	omap3_gptimer_start(CLOCK_32K_HZ / 2);
	gptimer_check_period(2);
	omap3_gptimer_start(CLOCK_32K_HZ);         /* 1 tick: TLDR would be 0xFFFFFFFF */
	gptimer_check_period(2);
	omap3_gptimer_start(100000);               /* clock_hz / hz is 0 */
	gptimer_check_period(2);
	omap3_gptimer_start(UINT32_MAX);
	gptimer_check_period(2);
	omap3_gptimer_start(0);                    /* the slowest: 2^32 ticks */
	CHECK_EQ(gpt.tldr, 0u);
	omap3_gptimer_model_advance(&gpt, (1ull << 32) - 1u);
	CHECK(!omap3_gptimer_model_irq(&gpt));
	omap3_gptimer_model_advance(&gpt, 1);
	CHECK(omap3_gptimer_model_irq(&gpt));
}
