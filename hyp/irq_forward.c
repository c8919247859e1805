#include "board/board.h"
#include "hyp/irq_forward.h"
#include "hyp/log.h"

_Static_assert(sizeof(((struct guest *)0)->irq_forwarded) * 8 >= GUEST_MAX_FORWARDED_IRQS,
	       "one bit per forwarded interrupt");

void irq_forward_init(struct guest *g)
{
	BUG_ON(board.guest_irq_count > GUEST_MAX_FORWARDED_IRQS);
	g->irq_forwarded = 0;
	for (unsigned i = 0; i < board.guest_irq_count; i++)
		board.irqchip->enable(board.guest_irqs[i]);
}

bool irq_forward_interrupt(struct guest *g, unsigned id)
{
	for (unsigned i = 0; i < board.guest_irq_count; i++) {
		if (board.guest_irqs[i] != id)
			continue;
		board.irqchip->disable(id);
		vintc_set_level(&g->vintc, id, true);
		g->irq_forwarded |= 1u << i;
		return true;
	}
	return false;
}

void irq_forward_sync(struct guest *g)
{
	for (uint32_t pending = g->irq_forwarded; pending; pending &= pending - 1u) {
		unsigned i = (unsigned)__builtin_ctz(pending);
		unsigned id = board.guest_irqs[i];
		if (board.irqchip->pending(id))
			continue;
		vintc_set_level(&g->vintc, id, false);
		g->irq_forwarded &= ~(1u << i);
		board.irqchip->enable(id);
	}
}
