#include "board/board.h"
#include "board/drivers/generic_timer.h"
#include "hyp/vtimer.h"

static void set_pl0_access(struct guest *g, uint32_t cntkctl)
{
	generic_timer_set_pl0_access(cntkctl);
	g->real_cntkctl = cntkctl;
}

void vtimer_init(struct guest *g)
{
	g->vtimer_forwarded = false;
	generic_timer_reset_vtimer();
	set_pl0_access(g, CNTKCTL_GUEST_KERNEL);
	board.irqchip->enable(board.guest_vtimer_irq);
}

/* Inlined where it is called (link-time optimization), as is guest_mmu_sync(). */
__attribute__((always_inline)) inline void vtimer_follow_mode(struct guest *g)
{
	uint32_t want = vcpu_privileged(&g->vcpu) ? CNTKCTL_GUEST_KERNEL :
			g->vcpu.cp15.cntkctl & CNTKCTL_GUEST_USER_MASK;

	if (want != g->real_cntkctl)
		set_pl0_access(g, want);
}

void vtimer_interrupt(struct guest *g)
{
	vintc_set_level(&g->vintc, board.guest_vtimer_irq, true);
	board.irqchip->disable(board.guest_vtimer_irq);
	g->vtimer_forwarded = true;
}

void vtimer_sync(struct guest *g)
{
	if (!g->vtimer_forwarded || generic_timer_vtimer_asserted())
		return;
	vintc_set_level(&g->vintc, board.guest_vtimer_irq, false);
	g->vtimer_forwarded = false;
	board.irqchip->enable(board.guest_vtimer_irq);
}

void vtimer_switch_out(struct guest *g)
{
	generic_timer_vtimer_save(&g->real.vtimer);
}

void vtimer_switch_in(struct guest *g)
{
	generic_timer_vtimer_restore(&g->real.vtimer);
	generic_timer_set_pl0_access(g->real_cntkctl);
	/* Its line, if still forwarded, stays off at the GIC until the guest lowers it (vtimer_sync). */
	if (g->vtimer_forwarded)
		board.irqchip->disable(board.guest_vtimer_irq);
	else
		board.irqchip->enable(board.guest_vtimer_irq);
}

bool vtimer_fired_while_out(const struct guest *g)
{
	return generic_timer_vtimer_saved_fired(&g->real.vtimer);
}

uint64_t vtimer_deadline_while_out(const struct guest *g, bool fired_too)
{
	return generic_timer_vtimer_saved_deadline(&g->real.vtimer, fired_too);
}
