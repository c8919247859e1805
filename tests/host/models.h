/*
 * Register models of devices the board drivers program, written from the
 * SoC's documentation, reached through fake_mmio.h.
 */
#ifndef TESTS_HOST_MODELS_H
#define TESTS_HOST_MODELS_H

#include <stdbool.h>
#include <stdint.h>

/*
 * An OMAP3 GPTIMER (OMAP35x / AM-DM37x TRM, "General-Purpose Timers") in
 * timer mode: reset values, soft reset, write-1-to-clear TISR, TTGR reload,
 * overflow with auto-reload or stop, the interrupt output TISR & TIER. Time
 * passes only when the test advances it, in functional clock ticks. What it
 * does not model fails the test when used: the prescaler, compare, capture,
 * PWM, TSICR.SFT, the 1 ms tick registers, and writes to timer-clock
 * registers in posted mode (whose TWPS handshake it does not model).
 */
#define OMAP3_GPTIMER_MODEL_SIZE        0x1000u
#define OMAP3_GPTIMER_RESET_NEVER_DONE  UINT32_MAX

struct omap3_gptimer_model {
	uint32_t tiocp_cfg, tisr, tier, twer, tclr, tcrr, tldr, tsicr;
	/* TISTAT reads a soft reset lasts (OMAP3_GPTIMER_RESET_NEVER_DONE: forever); set by the test. */
	uint32_t reset_reads;
	uint32_t reset_reads_left;
	unsigned soft_resets;
	/* Accesses other than to TISTAT while a soft reset was in progress. */
	unsigned accesses_during_reset;
};

/* The timer as after power-on (reset done), mapped at `base`. */
void omap3_gptimer_model_map(struct omap3_gptimer_model *m, uintptr_t base);
/* Let `ticks` functional clock ticks pass. */
void omap3_gptimer_model_advance(struct omap3_gptimer_model *m, uint64_t ticks);
/* The interrupt line: an enabled event is pending. */
bool omap3_gptimer_model_irq(const struct omap3_gptimer_model *m);

#endif
