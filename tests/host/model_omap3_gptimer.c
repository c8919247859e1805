/*
 * The OMAP3 GPTIMER register model (models.h), from the OMAP35x / AM-DM37x
 * TRM, "General-Purpose Timers": register map and reset values, timer mode
 * functionality (TTGR, overflow to TLDR with AR, stop at 0 without), the
 * interrupt flags and enables, soft reset with TISTAT.RESETDONE.
 */
#include "fake_mmio.h"
#include "models.h"
#include "test.h"

#define TIOCP_CFG               0x10u
#define TIOCP_CFG_SOFTRESET     (1u << 1)               /* reads 0 */
/* AUTOIDLE, ENAWAKEUP, IDLEMODE, EMUFREE, CLOCKACTIVITY */
#define TIOCP_CFG_BITS          0x33Du
#define TISTAT                  0x14u
#define TISTAT_RESETDONE        (1u << 0)
#define TISR                    0x18u
#define TIER                    0x1Cu
#define TWER                    0x20u
#define TI_EVENTS               0x7u                    /* MAT, OVF, TCAR in TISR, TIER, TWER */
#define TI_OVF                  (1u << 1)
#define TCLR                    0x24u
#define TCLR_ST                 (1u << 0)
#define TCLR_AR                 (1u << 1)
#define TCLR_BITS               0x7FFFu                 /* ST .. GPO_CFG */
#define TCRR                    0x28u
#define TLDR                    0x2Cu
#define TTGR                    0x30u
#define TWPS                    0x34u
#define TSICR                   0x40u
#define TSICR_SFT               (1u << 1)
#define TSICR_POSTED            (1u << 2)
#define TSICR_RESET             TSICR_POSTED

static void reset_registers(struct omap3_gptimer_model *m)
{
	m->tiocp_cfg = 0;
	m->tisr = 0;
	m->tier = 0;
	m->twer = 0;
	m->tclr = 0;
	m->tcrr = 0;
	m->tldr = 0;
	m->tsicr = TSICR_RESET;
}

static void note_access(struct omap3_gptimer_model *m)
{
	if (m->reset_reads_left)
		m->accesses_during_reset++;
}

/* Timer-clock registers: in posted mode a write needs the TWPS handshake, which this model lacks. */
static void check_non_posted(const struct omap3_gptimer_model *m, const char *reg)
{
	if (m->tsicr & TSICR_POSTED)
		FAIL("GPTIMER model: %s written in posted mode (TWPS not modelled)", reg);
}

static uint32_t gptimer_read(void *ctx, uint32_t offset)
{
	struct omap3_gptimer_model *m = ctx;

	if (offset == TISTAT) {
		if (!m->reset_reads_left)
			return TISTAT_RESETDONE;
		if (m->reset_reads_left != OMAP3_GPTIMER_RESET_NEVER_DONE)
			m->reset_reads_left--;
		return 0;
	}
	note_access(m);
	switch (offset) {
	case TIOCP_CFG: return m->tiocp_cfg;
	case TISR:      return m->tisr;
	case TIER:      return m->tier;
	case TWER:      return m->twer;
	case TCLR:      return m->tclr;
	case TCRR:      return m->tcrr;
	case TLDR:      return m->tldr;
	case TWPS:      return 0;               /* nothing pending: non-posted writes complete at once */
	case TSICR:     return m->tsicr;
	}
	FAIL("GPTIMER model: read at 0x%x not modelled", offset);
}

static void gptimer_write(void *ctx, uint32_t offset, uint32_t value)
{
	struct omap3_gptimer_model *m = ctx;

	note_access(m);
	switch (offset) {
	case TIOCP_CFG:
		if (value & TIOCP_CFG_SOFTRESET) {
			reset_registers(m);
			m->soft_resets++;
			m->reset_reads_left = m->reset_reads;
		} else {
			m->tiocp_cfg = value & TIOCP_CFG_BITS;
		}
		return;
	case TISR:
		m->tisr &= ~(value & TI_EVENTS);
		return;
	case TIER:
		m->tier = value & TI_EVENTS;
		return;
	case TWER:
		m->twer = value & TI_EVENTS;
		return;
	case TCLR:
		check_non_posted(m, "TCLR");
		if (value & TCLR_BITS & ~(TCLR_ST | TCLR_AR))
			FAIL("GPTIMER model: TCLR 0x%x selects a mode not modelled", value);
		m->tclr = value & TCLR_BITS;
		return;
	case TCRR:
		check_non_posted(m, "TCRR");
		m->tcrr = value;
		return;
	case TLDR:
		check_non_posted(m, "TLDR");
		m->tldr = value;
		return;
	case TTGR:
		check_non_posted(m, "TTGR");
		m->tcrr = m->tldr;
		return;
	case TSICR:
		if (value & TSICR_SFT)
			FAIL("GPTIMER model: TSICR.SFT not modelled");
		m->tsicr = value & TSICR_POSTED;
		return;
	}
	FAIL("GPTIMER model: write 0x%x at 0x%x: read-only or not modelled", value, offset);
}

void omap3_gptimer_model_map(struct omap3_gptimer_model *m, uintptr_t base)
{
	const struct mmio_model model = { gptimer_read, gptimer_write, m };

	*m = (struct omap3_gptimer_model){ 0 };
	reset_registers(m);
	fake_mmio_map(base, OMAP3_GPTIMER_MODEL_SIZE, &model);
}

void omap3_gptimer_model_advance(struct omap3_gptimer_model *m, uint64_t ticks)
{
	while (ticks && (m->tclr & TCLR_ST)) {
		/* The overflow is the tick after 0xFFFFFFFF. */
		uint64_t to_overflow = (1ull << 32) - m->tcrr;

		if (ticks < to_overflow) {
			m->tcrr += (uint32_t)ticks;
			return;
		}
		ticks -= to_overflow;
		m->tisr |= TI_OVF;
		if (m->tclr & TCLR_AR) {
			m->tcrr = m->tldr;
		} else {
			m->tcrr = 0;
			m->tclr &= ~TCLR_ST;
		}
	}
}

bool omap3_gptimer_model_irq(const struct omap3_gptimer_model *m)
{
	return (m->tisr & m->tier) != 0;
}
