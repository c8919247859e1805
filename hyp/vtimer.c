#include "board/board.h"
#include "board/drivers/generic_timer.h"
#include "hyp/guest_set.h"
#include "hyp/vptimer.h"
#include "hyp/vtimer.h"

static void set_pl0_access(struct guest *g, uint32_t cntkctl)
{
	generic_timer_set_pl0_access(cntkctl);
	g->real_cntkctl = cntkctl;
}

void vtimer_init(struct guest *g)
{
	g->vtimer_forwarded = false;
	g->ptimer_line = false;
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

uint64_t vtimer_physical_count(void)
{
	return generic_timer_now();
}

/* The physical timer's line, as the timer and the count are now. */
static void ptimer_line(struct guest *g)
{
	g->ptimer_line = vptimer_asserted(&g->vcpu.cp15, generic_timer_now());
	vintc_set_level(&g->vintc, board.tick.irq, g->ptimer_line);
}

void vtimer_ptimer_written(struct guest *g)
{
	ptimer_line(g);
	guest_set_watch_timers(g->set);
}

void vtimer_ptimer_sync(struct guest *g)
{
	if (vptimer_armed(&g->vcpu.cp15) && !g->ptimer_line)
		ptimer_line(g);
}

/*
 * Until the line has risen: a compare value already reached still counts
 * (the hypervisor's timer then interrupts at once, and the line rises at
 * wake_waiting()); once risen, nothing more comes from the timer until the
 * guest writes it again.
 */
uint64_t vtimer_ptimer_deadline(const struct guest *g)
{
	return vptimer_armed(&g->vcpu.cp15) && !g->ptimer_line ? generic_timer_virtual_at(g->vcpu.cp15.cntp_cval) : 0;
}
