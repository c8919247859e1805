#include "board/board.h"
#include "hyp/irq_forward.h"
#include "hyp/log.h"

_Static_assert(sizeof(((struct guest *)0)->irq_forwarded) * 8 >= GUEST_MAX_PASSTHROUGH,
	       "one bit per passed-through device");

void irq_forward_init(struct guest *g)
{
	BUG_ON(board.guest_passthrough_count > GUEST_MAX_PASSTHROUGH);
	g->irq_forwarded = 0;
	for (unsigned i = 0; i < board.guest_passthrough_count; i++)
		if (board.guest_passthrough[i].irq)
			board.irqchip->enable(board.guest_passthrough[i].irq);
}

bool irq_forward_interrupt(struct guest *g, unsigned id)
{
	for (unsigned i = 0; i < board.guest_passthrough_count; i++) {
		if (board.guest_passthrough[i].irq != id)
			continue;
		board.irqchip->disable(id);
		vgic_set_level(&g->vgic, id, true);
		g->irq_forwarded |= 1u << i;
		return true;
	}
	return false;
}

void irq_forward_sync(struct guest *g)
{
	for (uint32_t pending = g->irq_forwarded; pending; pending &= pending - 1u) {
		unsigned i = (unsigned)__builtin_ctz(pending);
		unsigned id = board.guest_passthrough[i].irq;
		if (board.irqchip->pending(id))
			continue;
		vgic_set_level(&g->vgic, id, false);
		g->irq_forwarded &= ~(1u << i);
		board.irqchip->enable(id);
	}
}
