/*
 * The guests that share the core: created from what the run script staged
 * (one guest, or a guest directory: hyp/guest_config.h), scheduled on the
 * hypervisor's tick (hyp/sched.h), and switched between.
 */
#ifndef HYP_GUEST_SET_H
#define HYP_GUEST_SET_H

#include <stdbool.h>
#include <stdint.h>

#include "generated/config.h"
#include "hyp/guest.h"
#include "hyp/sched.h"

_Static_assert(CONFIG_GUESTS_MAX <= SCHED_MAX_ENTITIES, "one scheduling entity per guest");

/* The hypervisor's tick, which budgets and periods are whole numbers of. */
#define HYP_TICK_HZ 100u

struct guest_set {
	unsigned count;
	uint32_t boot_sctlr;            /* what each guest's virtual SCTLR starts as */
	const struct vcpu_id_regs *id;
	struct sched sched;             /* on the clock sched_clock() reads */
	uint64_t ticks;                 /* the hypervisor's ticks so far */
	struct guest *running;
	bool vfp;               /* the core has floating-point registers to switch */
	struct guest *vfp_owner;        /* whose values they hold (hyp/vfp_owner.h) */
	struct guest *input_focus;      /* where console input goes (hyp/console_input.h) */
	bool failed;            /* a guest was stopped */
	struct guest guest[CONFIG_GUESTS_MAX];
};

/* Create every staged guest; a bad directory or image is reported and the board powered off. */
void guest_set_create(struct guest_set *s, uint32_t boot_sctlr, const struct vcpu_id_regs *id);
/* Run the guest scheduled first. Does not return. */
void guest_set_run(struct guest_set *s) __attribute__((noreturn));
/*
 * A hypervisor tick passed with `g` running: the guest that runs after this
 * trap, `g` or another one, loaded (guest_load). With none allowed to run,
 * the core sleeps until one is.
 */
struct guest *guest_set_tick(struct guest *g);
/* Another interrupt came while `g` ran: a guest it woke may run first. The guest that runs next. */
struct guest *guest_set_interrupted(struct guest *g);
/*
 * `g` executed WFI with no interrupt signalled: it waits, without the core,
 * until one is (its virtual interrupt controller signals, or its virtual
 * timer fired while it was switched out). The guest that runs next.
 */
struct guest *guest_set_wait(struct guest *g);
/*
 * The hypervisor's timer interrupts at the earliest deadline of the
 * guests' timers that it watches (after a guest programs its physical timer).
 */
void guest_set_watch_timers(struct guest_set *s);
/*
 * `g` ended, was stopped or asked for a reset. One that asked for a reset
 * is loaded again, as the board would restart it; a stopped one too while
 * its configuration's restarts last. Then the guest scheduled next runs,
 * or the board is powered off when none is left. Does not return.
 */
void guest_set_leave(struct guest *g) __attribute__((noreturn));
/* The guest the board's devices and their interrupts belong to, or NULL. */
struct guest *guest_set_device_owner(struct guest_set *s);

/*
 * Take one interrupt from the board's controller, for whichever guest it
 * belongs to (hyp/trap.c): true if it was the hypervisor's tick, left for
 * the caller.
 */
bool hyp_take_irq(struct guest_set *s);

/* Nothing to run: report and power off. */
void hyp_finish(bool ok) __attribute__((noreturn));

#endif
