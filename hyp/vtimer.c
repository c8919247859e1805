#include "arch/arm/generic_timer.h"
#include "arch/arm/gic.h"
#include "board/board.h"
#include "hyp/vtimer.h"

void vtimer_init(struct guest *g)
{
	generic_timer_give_vtimer_to_pl0();
	g->vtimer_forwarded = false;
	gic_enable_irq(board.guest_vtimer_ppi);
}

void vtimer_interrupt(struct guest *g)
{
	vgic_set_level(&g->vgic, board.guest_vtimer_ppi, true);
	gic_disable_irq(board.guest_vtimer_ppi);
	g->vtimer_forwarded = true;
}

void vtimer_sync(struct guest *g)
{
	if (!g->vtimer_forwarded || generic_timer_vtimer_asserted())
		return;
	vgic_set_level(&g->vgic, board.guest_vtimer_ppi, false);
	g->vtimer_forwarded = false;
	gic_enable_irq(board.guest_vtimer_ppi);
}
