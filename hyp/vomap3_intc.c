#include <string.h>

#include "hyp/vomap3_intc.h"
#include "hyp/word_lanes.h"

#define INTC_REVISION           0x00u
#define INTC_SYSCONFIG          0x10u
#define INTC_SYSSTATUS          0x14u
#define INTC_SIR_IRQ            0x40u
#define INTC_SIR_FIQ            0x44u
#define INTC_CONTROL            0x48u
#define INTC_PROTECTION         0x4cu
#define INTC_IDLE               0x50u
#define INTC_IRQ_PRIORITY       0x60u
#define INTC_FIQ_PRIORITY       0x64u
#define INTC_THRESHOLD          0x68u
#define INTC_BANK0              0x80u   /* bank n's registers at INTC_BANK0 + INTC_BANK_SIZE * n */
#define INTC_BANK_SIZE          0x20u
#define BANK_ITR                0x00u
#define BANK_MIR                0x04u
#define BANK_MIR_CLEAR          0x08u
#define BANK_MIR_SET            0x0cu
#define BANK_ISR_SET            0x10u
#define BANK_ISR_CLEAR          0x14u
#define BANK_PENDING_IRQ        0x18u
#define BANK_PENDING_FIQ        0x1cu
#define INTC_ILR0               0x100u  /* line m's at INTC_ILR0 + 4 * m */

#define REVISION_OMAP3          0x40u   /* 4.0 */
#define SYSCONFIG_AUTOIDLE      (1u << 0)
#define SYSCONFIG_SOFTRESET     (1u << 1)
#define SYSSTATUS_RESETDONE     (1u << 0)
#define SPURIOUS_FLAG           (~0u << 7)      /* SIR_* and *_PRIORITY bits 31:7 */
#define PRIORITY_NONE           0x40u   /* *_PRIORITY bits 6:0 with no interrupt: below every line's */
#define CONTROL_NEWIRQAGR       (1u << 0)
#define PROTECTION_ENABLE       (1u << 0)
#define IDLE_FUNCIDLE           (1u << 0)
#define IDLE_TURBO              (1u << 1)
#define THRESHOLD_FIELD         0xffu
#define THRESHOLD_DISABLED      0xffu
#define ILR_FIQNIRQ             (1u << 0)
#define ILR_PRIORITY_SHIFT      2u
#define ILR_PRIORITY            (0x3fu << ILR_PRIORITY_SHIFT)

/* Every register to its reset value; the lines the hypervisor drives are not the controller's. */
static void reset_registers(struct vomap3_intc *c)
{
	c->sysconfig = c->protection = c->idle = 0;
	c->threshold = THRESHOLD_DISABLED;
	for (unsigned n = 0; n < VOMAP3_INTC_BANKS; n++) {
		c->software[n] = 0;
		c->mask[n] = ~0u;
	}
	memset(c->ilr, 0, sizeof(c->ilr));
	c->irq_sorted = false;
}

void vomap3_intc_init(struct vomap3_intc *c)
{
	memset(c, 0, sizeof(*c));
	reset_registers(c);
}

static unsigned priority(const struct vomap3_intc *c, unsigned line)
{
	return (c->ilr[line] & ILR_PRIORITY) >> ILR_PRIORITY_SHIFT;
}

/* THRESHOLD masks its own priority and those below; 0 acts as 1, so priority 0 always passes. */
static bool passes_threshold(const struct vomap3_intc *c, unsigned line)
{
	unsigned threshold = c->threshold ? c->threshold : 1u;

	return c->threshold == THRESHOLD_DISABLED || priority(c, line) < threshold;
}

static uint32_t raised(const struct vomap3_intc *c, unsigned bank)
{
	return c->level[bank] | c->software[bank];
}

/* The lines of `bank` pending for FIQ (`fiq`) or for IRQ. */
static uint32_t pending(const struct vomap3_intc *c, unsigned bank, bool fiq)
{
	uint32_t lines = 0;

	for (uint32_t live = raised(c, bank) & ~c->mask[bank]; live; live &= live - 1u) {
		unsigned bit = (unsigned)__builtin_ctz(live), line = 32u * bank + bit;
		if ((bool)(c->ilr[line] & ILR_FIQNIRQ) == fiq && passes_threshold(c, line))
			lines |= 1u << bit;
	}
	return lines;
}

/* The pending IRQ of the highest priority, the highest-numbered on a tie; VOMAP3_INTC_LINES if none. */
static unsigned highest_pending_irq(const struct vomap3_intc *c)
{
	unsigned best = VOMAP3_INTC_LINES;

	for (unsigned bank = 0; bank < VOMAP3_INTC_BANKS; bank++) {
		for (uint32_t live = pending(c, bank, false); live; live &= live - 1u) {
			unsigned line = 32u * bank + (unsigned)__builtin_ctz(live);
			/* Lines come in ascending order: an equal priority replaces the earlier line. */
			if (best == VOMAP3_INTC_LINES || priority(c, line) <= priority(c, best))
				best = line;
		}
	}
	return best;
}

/* Sort unless a sort's result is held; a sort that finds nothing holds nothing. */
static void sort_irq(struct vomap3_intc *c)
{
	unsigned line;

	if (c->irq_sorted || (line = highest_pending_irq(c)) == VOMAP3_INTC_LINES)
		return;
	c->irq_sorted = true;
	c->active_irq = line;
	c->active_priority = priority(c, line);
}

/* Is `offset` a bank's register: which bank, which of its registers? */
static bool bank_register(uint32_t offset, unsigned *bank, uint32_t *reg)
{
	*bank = (offset - INTC_BANK0) / INTC_BANK_SIZE;
	*reg = (offset - INTC_BANK0) % INTC_BANK_SIZE;
	return offset >= INTC_BANK0 && *bank < VOMAP3_INTC_BANKS;
}

/* A register kept as written (its writable bits in *writable), or NULL. */
static uint32_t *plain_register(struct vomap3_intc *c, uint32_t offset, uint32_t *writable)
{
	uint32_t line = (offset - INTC_ILR0) / 4u, reg;
	unsigned bank;

	switch (offset) {
	case INTC_PROTECTION:
		*writable = PROTECTION_ENABLE;
		return &c->protection;
	case INTC_IDLE:
		*writable = IDLE_FUNCIDLE | IDLE_TURBO;
		return &c->idle;
	case INTC_THRESHOLD:
		*writable = THRESHOLD_FIELD;
		return &c->threshold;
	}
	if (bank_register(offset, &bank, &reg) && reg == BANK_MIR) {
		*writable = ~0u;
		return &c->mask[bank];
	}
	if (offset >= INTC_ILR0 && line < VOMAP3_INTC_LINES) {
		*writable = ILR_PRIORITY | ILR_FIQNIRQ;
		return &c->ilr[line];
	}
	return NULL;
}

static uint32_t read_bank(struct vomap3_intc *c, unsigned bank, uint32_t reg)
{
	switch (reg) {
	case BANK_ITR:          return raised(c, bank);
	case BANK_ISR_SET:      return c->software[bank];
	case BANK_PENDING_IRQ:  return pending(c, bank, false);
	case BANK_PENDING_FIQ:  return pending(c, bank, true);
	default:                return 0;       /* MIR_CLEAR, MIR_SET and ISR_CLEAR are write-only */
	}
}

static uint32_t read_word(struct vomap3_intc *c, uint32_t offset)
{
	uint32_t writable, *plain, reg;
	unsigned bank;

	switch (offset) {
	case INTC_REVISION:
		return REVISION_OMAP3;
	case INTC_SYSCONFIG:
		return c->sysconfig;
	case INTC_SYSSTATUS:
		return SYSSTATUS_RESETDONE;
	case INTC_SIR_IRQ:
		sort_irq(c);
		return c->irq_sorted ? c->active_irq : SPURIOUS_FLAG;
	case INTC_IRQ_PRIORITY:
		sort_irq(c);
		return c->irq_sorted ? c->active_priority : SPURIOUS_FLAG | PRIORITY_NONE;
	case INTC_SIR_FIQ:
		return SPURIOUS_FLAG;
	case INTC_FIQ_PRIORITY:
		return SPURIOUS_FLAG | PRIORITY_NONE;
	}
	if ((plain = plain_register(c, offset, &writable)))
		return *plain;
	if (bank_register(offset, &bank, &reg))
		return read_bank(c, bank, reg);
	return 0;       /* CONTROL is write-only; anything else is reserved */
}

static void write_bank(struct vomap3_intc *c, unsigned bank, uint32_t reg, uint32_t value)
{
	switch (reg) {
	case BANK_MIR_CLEAR:    c->mask[bank] &= ~value; break;
	case BANK_MIR_SET:      c->mask[bank] |= value; break;
	case BANK_ISR_SET:      c->software[bank] |= value; break;
	case BANK_ISR_CLEAR:    c->software[bank] &= ~value; break;
	default:                break;          /* ITR and the PENDING registers are read-only */
	}
}

/* Write the bytes of `value` that `bytes` selects (all of them for a word access). */
static void write_word(struct vomap3_intc *c, uint32_t offset, uint32_t value, uint32_t bytes)
{
	uint32_t writable, *plain, reg;
	unsigned bank;

	value &= bytes;
	if (offset == INTC_SYSCONFIG) {
		uint32_t sysconfig = (c->sysconfig & ~bytes) | value;
		if (sysconfig & SYSCONFIG_SOFTRESET)
			reset_registers(c);
		else
			c->sysconfig = sysconfig & SYSCONFIG_AUTOIDLE;
	}
	else if (offset == INTC_CONTROL) {
		if (value & CONTROL_NEWIRQAGR)
			c->irq_sorted = false;
	}
	else if ((plain = plain_register(c, offset, &writable)))
		*plain = ((*plain & ~bytes) | value) & writable;
	else if (bank_register(offset, &bank, &reg))
		write_bank(c, bank, reg, value);
	/* The read-only registers and the reserved offsets ignore writes. */
}

enum mmio_result vomap3_intc_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value)
{
	*value = word_lanes_read(read_word(ctx, offset & ~3u), offset, size);
	return MMIO_DONE;
}

enum mmio_result vomap3_intc_write(void *ctx, uint32_t offset, unsigned size, uint32_t value)
{
	write_word(ctx, offset & ~3u, word_lanes_value(offset, size, value), word_lanes(offset, size));
	return MMIO_DONE;
}

static void set_level_op(void *state, unsigned irq, bool high)
{
	struct vomap3_intc *c = state;
	uint32_t bit = 1u << (irq % 32u);

	if (irq >= VOMAP3_INTC_LINES)
		return;
	c->level[irq / 32u] = high ? c->level[irq / 32u] | bit : c->level[irq / 32u] & ~bit;
}

static bool signalled_op(const void *state)
{
	for (unsigned bank = 0; bank < VOMAP3_INTC_BANKS; bank++)
		if (pending(state, bank, false))
			return true;
	return false;
}

const struct vintc_ops vomap3_intc_vintc_ops = {
	.set_level = set_level_op,
	.signalled = signalled_op,
};
