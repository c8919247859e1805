#include "board/board.h"
#include "hyp/irq_forward.h"
#include "hyp/log.h"

#define FORWARDED_WORDS (GUEST_MAX_FORWARDED_IRQS / 32u)

_Static_assert(sizeof(((struct guest *)0)->irq_forwarded) * 8 >= GUEST_MAX_FORWARDED_IRQS,
	       "one bit per forwarded interrupt");

void irq_forward_init(struct guest *g)
{
	BUG_ON(board.guest_irq_count > GUEST_MAX_FORWARDED_IRQS);
	for (unsigned w = 0; w < FORWARDED_WORDS; w++)
		g->irq_forwarded[w] = 0;
	for (unsigned i = 0; i < board.guest_irq_count; i++)
		board.irqchip->enable(board.guest_irqs[i]);
}

void irq_forward_release(struct guest *g)
{
	for (unsigned i = 0; i < board.guest_irq_count; i++)
		board.irqchip->disable(board.guest_irqs[i]);
	for (unsigned w = 0; w < FORWARDED_WORDS; w++)
		g->irq_forwarded[w] = 0;
}

bool irq_forward_interrupt(struct guest *g, unsigned id)
{
	for (unsigned i = 0; i < board.guest_irq_count; i++) {
		if (board.guest_irqs[i] != id)
			continue;
		board.irqchip->disable(id);
		vintc_set_level(&g->vintc, id, true);
		g->irq_forwarded[i / 32u] |= 1u << (i % 32u);
		return true;
	}
	return false;
}

/* The raised lines of word `w` whose physical interrupt is no longer pending: lowered, re-enabled. */
__attribute__((noinline)) static void lower_released(struct guest *g, unsigned w)
{
	for (uint32_t raised = g->irq_forwarded[w]; raised; raised &= raised - 1u) {
		unsigned bit = (unsigned)__builtin_ctz(raised), id = board.guest_irqs[32u * w + bit];
		if (board.irqchip->pending(id))
			continue;
		vintc_set_level(&g->vintc, id, false);
		g->irq_forwarded[w] &= ~(1u << bit);
		board.irqchip->enable(id);
	}
}

void irq_forward_sync(struct guest *g)
{
	uint32_t any = 0;

	/* After every trap, where mostly no line is raised: that case stays a few instructions. */
	for (unsigned w = 0; w < FORWARDED_WORDS; w++)
		any |= g->irq_forwarded[w];
	if (!any)
		return;
	for (unsigned w = 0; w < FORWARDED_WORDS; w++)
		if (g->irq_forwarded[w])
			lower_released(g, w);
}
