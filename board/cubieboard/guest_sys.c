#include <stddef.h>

#include "arch/arm/mmu.h"
#include "board/cubieboard/guest_sys.h"
#include "hyp/word_lanes.h"

#define TMR_IRQ_EN          0x00u
#define TMR_IRQ_STA         0x04u           /* write one to clear */
#define TMR_CHANNEL(n)      (0x10u + 0x10u * (n))
#define TMR_CTRL            0x0u
#define TMR_INTV            0x4u
#define TMR_CUR             0x8u

static volatile uint32_t *page;
static unsigned hidden_channel;

void guest_sys_init(unsigned hidden)
{
	page = ioremap(A10_SYS_PAGE, 0x1000);
	hidden_channel = hidden;
}

enum mmio_result guest_sys_real_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value)
{
	(void)ctx;
	*value = word_lanes_read(page[offset / 4u], offset, size);
	return MMIO_DONE;
}

enum mmio_result guest_sys_real_write(void *ctx, uint32_t offset, unsigned size, uint32_t value)
{
	(void)ctx;
	/* A real register written in part: the other bytes keep what they read. */
	page[offset / 4u] = size == 4 ? value : word_lanes_merge(page[offset / 4u], offset, size, value);
	return MMIO_DONE;
}

/* The guest's word of a hidden-channel register, or NULL for a real one. */
static uint32_t *hidden_reg(struct guest_hidden_timer *t, uint32_t offset)
{
	uint32_t channel = TMR_CHANNEL(hidden_channel);

	if (offset - channel >= 0x10u)
		return NULL;
	switch (offset - channel) {
	case TMR_CTRL: return &t->ctrl;
	case TMR_INTV: return &t->intv;
	case TMR_CUR:  return &t->count;
	default:       return NULL;
	}
}

static uint32_t timer_word(struct guest_hidden_timer *t, uint32_t offset)
{
	volatile uint32_t *real = &page[(A10_TIMER_OFFSET + offset) / 4u];
	uint32_t bit = 1u << hidden_channel, *reg;

	if (offset == TMR_IRQ_EN)
		return (*real & ~bit) | (t->irq_en & bit);
	if (offset == TMR_IRQ_STA)
		return (*real & ~bit) | (t->irq_sta & bit);
	if ((reg = hidden_reg(t, offset)))
		return *reg;
	if (offset - TMR_CHANNEL(hidden_channel) < 0x10u)
		return 0;               /* the hidden channel's unused word */
	return *real;
}

enum mmio_result guest_sys_timer_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value)
{
	*value = word_lanes_read(timer_word(ctx, offset & ~3u), offset, size);
	return MMIO_DONE;
}

enum mmio_result guest_sys_timer_write(void *ctx, uint32_t offset, unsigned size, uint32_t value)
{
	struct guest_hidden_timer *t = ctx;
	uint32_t word = offset & ~3u, bit = 1u << hidden_channel, *reg;
	volatile uint32_t *real = &page[(A10_TIMER_OFFSET + word) / 4u];

	if (size != 4)          /* write one to clear: the other bytes write zeros */
		value = word == TMR_IRQ_STA ? word_lanes_value(offset, size, value)
					    : word_lanes_merge(timer_word(t, word), offset, size, value);
	if (word == TMR_IRQ_EN) {
		*real = (value & ~bit) | (*real & bit);
		t->irq_en = value & bit;
	} else if (word == TMR_IRQ_STA) {
		*real = value & ~bit;           /* write one to clear: the hypervisor's bit untouched */
		t->irq_sta &= ~value;
	} else if ((reg = hidden_reg(t, word))) {
		*reg = value;
	} else if (word - TMR_CHANNEL(hidden_channel) >= 0x10u) {
		*real = value;
	}
	return MMIO_DONE;
}
