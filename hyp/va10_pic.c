#include <string.h>

#include "hyp/va10_pic.h"
#include "hyp/word_lanes.h"

#define PIC_VECTOR          0x00u
#define PIC_BASE_ADDR       0x04u
#define PIC_PROTECT         0x08u
#define PIC_NMI             0x0cu
#define PIC_IRQ_PEND        0x10u
#define PIC_FIQ_PEND        0x20u
#define PIC_SELECT          0x30u
#define PIC_ENABLE          0x40u
#define PIC_MASK            0x50u
#define PIC_BANK_SIZE       0x10u   /* each group of three registers */
#define BASE_ADDR_MASK      (~3u)

void va10_pic_init(struct va10_pic *p)
{
	memset(p, 0, sizeof(*p));
}

/* The first pending unmasked source, or VA10_PIC_SOURCES. */
static unsigned first_signalling(const struct va10_pic *p)
{
	for (unsigned n = 0; n < VA10_PIC_WORDS; n++) {
		uint32_t live = p->pending[n] & ~p->mask[n];
		if (live)
			return 32u * n + (unsigned)__builtin_ctz(live);
	}
	return VA10_PIC_SOURCES;
}

/* The register group an offset falls in (pending, select...), and its word index; NULL if none. */
static uint32_t *bank(uint32_t offset, uint32_t base, uint32_t *regs)
{
	uint32_t index = (offset - base) / 4u;

	return offset - base < PIC_BANK_SIZE && index < VA10_PIC_WORDS ? &regs[index] : NULL;
}

static uint32_t *scalar(struct va10_pic *p, uint32_t offset)
{
	switch (offset) {
	case PIC_BASE_ADDR: return &p->base_addr;
	case PIC_PROTECT:   return &p->protect;
	case PIC_NMI:       return &p->nmi;
	default:            return NULL;
	}
}

static uint32_t read_word(struct va10_pic *p, uint32_t offset)
{
	uint32_t *reg;

	if (offset == PIC_VECTOR) {
		unsigned irq = first_signalling(p);
		return irq < VA10_PIC_SOURCES ? 4u * irq : 0u;
	}
	if ((reg = scalar(p, offset)) || (reg = bank(offset, PIC_IRQ_PEND, p->pending)) ||
	    (reg = bank(offset, PIC_FIQ_PEND, p->fiq_pending)) ||
	    (reg = bank(offset, PIC_SELECT, p->select)) ||
	    (reg = bank(offset, PIC_ENABLE, p->enable)) || (reg = bank(offset, PIC_MASK, p->mask)))
		return *reg;
	return 0;
}

/* Write the bytes of `value` that `bytes` selects (all of them for a word access). */
static void write_word(struct va10_pic *p, uint32_t offset, uint32_t value, uint32_t bytes)
{
	uint32_t *reg;

	value &= bytes;
	if ((reg = bank(offset, PIC_FIQ_PEND, p->fiq_pending)))
		*reg &= ~value;                 /* write one to clear */
	else if ((reg = scalar(p, offset)) || (reg = bank(offset, PIC_SELECT, p->select)) ||
		 (reg = bank(offset, PIC_ENABLE, p->enable)) || (reg = bank(offset, PIC_MASK, p->mask)))
		*reg = (*reg & ~bytes) | value;
	p->base_addr &= BASE_ADDR_MASK;
	/* The vector and the IRQ pending registers are read-only; anything else is nothing. */
}

enum mmio_result va10_pic_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value)
{
	*value = word_lanes_read(read_word(ctx, offset & ~3u), offset, size);
	return MMIO_DONE;
}

enum mmio_result va10_pic_write(void *ctx, uint32_t offset, unsigned size, uint32_t value)
{
	write_word(ctx, offset & ~3u, word_lanes_value(offset, size, value), word_lanes(offset, size));
	return MMIO_DONE;
}

static void set_level_op(void *state, unsigned irq, bool high)
{
	struct va10_pic *p = state;
	uint32_t bit = 1u << (irq % 32u);

	if (irq >= VA10_PIC_SOURCES)
		return;
	p->pending[irq / 32u] = high ? p->pending[irq / 32u] | bit : p->pending[irq / 32u] & ~bit;
}

static bool signalled_op(const void *state)
{
	return first_signalling(state) < VA10_PIC_SOURCES;
}

const struct vintc_ops va10_pic_vintc_ops = {
	.set_level = set_level_op,
	.signalled = signalled_op,
};
