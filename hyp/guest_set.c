#include <stddef.h>
#include <string.h>

#include "arch/arm/barrier.h"
#include "arch/arm/cp15.h"
#include "arch/arm/mmu.h"
#include "arch/arm/vfp_state.h"
#include "board/board.h"
#include "generated/config.h"
#include "hyp/console_input.h"
#include "hyp/guest_config.h"
#include "hyp/guest_image.h"
#include "hyp/guest_set.h"
#include "hyp/integrity.h"
#include "hyp/log.h"
#include "hyp/ranges.h"
#include "hyp/vfp_owner.h"
#include "hyp/vintc.h"
#include "hyp/vtimer.h"

#define STAGE ((const uint8_t *)(uintptr_t)CONFIG_GUEST_STAGE_ADDR)

/* The scheduler's clock: the board's tick clock, or whole ticks where it has none. */
static uint64_t sched_clock(const struct guest_set *s)
{
	return board.tick.now ? board.tick.now() : s->ticks;
}

/* `ticks` of the hypervisor's tick on that clock. */
static uint64_t sched_time(uint32_t ticks)
{
	return (uint64_t)ticks * (board.tick.now ? board.tick.now_per_tick() : 1u);
}

/* The priority of the one guest of a run without a directory. */
#define SINGLE_GUEST_PRIORITY 1u

/* Without a directory, one guest: the header at the stage's start, its RAM where Kconfig says. */
static struct guest_dir_entry single_guest_entry(void)
{
	uint32_t hyp_base = hyp_virt_to_phys((void *)CONFIG_HYP_VA_BASE);

	if (ranges_overlap(CONFIG_GUEST_STAGE_ADDR, CONFIG_GUEST_STAGE_SIZE, CONFIG_GUEST_RAM_HOST_ADDR,
			   CONFIG_GUEST_RAM_SIZE))
		hyp_panic("configuration: GUEST_STAGE_ADDR/SIZE overlap the guest's RAM (GUEST_RAM_HOST_ADDR)");
	if (ranges_overlap(CONFIG_GUEST_STAGE_ADDR, CONFIG_GUEST_STAGE_SIZE, hyp_base, CONFIG_HYP_RAM_SIZE))
		hyp_panic("configuration: GUEST_STAGE_ADDR/SIZE overlap the hypervisor");
	if (ranges_overlap(CONFIG_GUEST_RAM_HOST_ADDR, CONFIG_GUEST_RAM_SIZE, hyp_base, CONFIG_HYP_RAM_SIZE))
		hyp_panic("configuration: the guest's RAM (GUEST_RAM_HOST_ADDR) overlaps the hypervisor");
	return (struct guest_dir_entry){
		.name = "guest0", .stage_offset = 0, .stage_size = CONFIG_GUEST_STAGE_SIZE,
		.ram_host = CONFIG_GUEST_RAM_HOST_ADDR, .priority = SINGLE_GUEST_PRIORITY,
		.flags = GUEST_OWNS_DEVICES,
	};
}

/* The staged directory, checked; refused with a message (the board powered off). */
static const struct guest_dir *checked_directory(void)
{
	const struct guest_dir *dir = (const void *)STAGE;
	struct guest_config_error err;
	struct guest_config_limits lim = {
		.guests_max = CONFIG_GUESTS_MAX, .ram_max = CONFIG_GUEST_RAM_SIZE,
		.stage_addr = CONFIG_GUEST_STAGE_ADDR, .stage_size = CONFIG_GUEST_STAGE_SIZE,
		.hyp_base = hyp_virt_to_phys((void *)CONFIG_HYP_VA_BASE), .hyp_size = CONFIG_HYP_RAM_SIZE,
	};

	if (guest_config_check(STAGE, &lim, &err))
		return dir;
	if (err.guest == ~0u)
		log_error("guest directory refused: %s", err.why);
	else if (err.other == ~0u)
		log_error("guest directory refused: guest %u (%s): %s", err.guest, dir->guest[err.guest].name, err.why);
	else
		log_error("guest directory refused: guest %u (%s): %s: %s", err.guest, dir->guest[err.guest].name,
			  err.why, dir->guest[err.other].name);
	return NULL;
}

/* Load guest `g` as `e` describes it; false if refused. The staging area must be mapped. */
static bool load(struct guest_set *s, struct guest *g, const struct guest_dir_entry *e)
{
	for (unsigned i = 0; i < GUEST_NAME_SIZE; i++)
		g->name[i] = e->name[i];
	g->config = *e;
	g->set = s;
	g->index = (unsigned)(g - s->guest);
	g->owns_devices = e->flags & GUEST_OWNS_DEVICES;
	return guest_create(g, (const struct stage_header *)(STAGE + e->stage_offset), e->stage_size, e->ram_host,
			    s->boot_sctlr, s->id);
}

static bool create_one(struct guest_set *s, const struct guest_dir_entry *e)
{
	struct guest *g = &s->guest[s->count];

	if (!(e->flags & GUEST_OWNS_DEVICES) && !board.guest_console_pl011)
		log_warn("%s: this board has no console UART to emulate: its console output is lost", e->name);
	if (!load(s, g, e))
		return false;
	sched_add(&s->sched, e->priority, sched_time(e->budget_ticks), sched_time(e->period_ticks),
		  e->flags & GUEST_HARD_BUDGET);
	sched_set_runnable(&s->sched, g->index, true);
	s->count++;
	return true;
}

void guest_set_create(struct guest_set *s, uint32_t boot_sctlr, const struct vcpu_id_regs *id)
{
	const struct guest_dir *dir = (const void *)STAGE;
	bool ok = true;

	s->ticks = 0;
	sched_init(&s->sched, sched_clock(s));
	s->count = 0;
	s->running = NULL;
	s->boot_sctlr = boot_sctlr;
	s->id = id;
	s->vfp = vfp_present();
	s->vfp_owner = NULL;
	mmu_map_hyp_readonly(CONFIG_GUEST_STAGE_ADDR, CONFIG_GUEST_STAGE_SIZE);
	if (dir->magic != GUEST_DIR_MAGIC) {
		struct guest_dir_entry single = single_guest_entry();
		ok = create_one(s, &single);
	} else if ((dir = checked_directory())) {
		log_info("%u guests staged", dir->count);
		for (unsigned i = 0; ok && i < dir->count; i++)
			ok = create_one(s, &dir->guest[i]);
	} else {
		ok = false;
	}
	mmu_unmap(CONFIG_GUEST_STAGE_ADDR, CONFIG_GUEST_STAGE_SIZE);
	if (!ok)
		hyp_finish(false);
}

struct guest *guest_set_device_owner(struct guest_set *s)
{
	for (unsigned i = 0; i < s->count; i++)
		if (s->guest[i].owns_devices)
			return &s->guest[i];
	return NULL;
}

/* What `g` leaves in real registers, kept while another guest has the core. */
static void switch_out(struct guest *g)
{
	g->real.tpidrurw = cp15_read_tpidrurw();
	vtimer_switch_out(g);
}

/* Give the core to `next`; the TLB keeps the last guest's translations, under ASIDs of its own. */
static struct guest *switch_to(struct guest_set *s, struct guest *next)
{
	if (s->running == next)
		return next;
	if (s->running)
		switch_out(s->running);
	s->running = next;
	next->switched_in++;
	guest_load(next);
	return next;
}

/*
 * Waiting guests with an interrupt for them become runnable: signalled by
 * their virtual interrupt controller, or, switched out, their virtual timer
 * fired (switching in asserts its line). As natively, a WFI may end for an
 * interrupt the guest has not enabled. Every guest's physical timer line
 * rises first if its time came.
 */
static void wake_waiting(struct guest_set *s)
{
	for (unsigned i = 0; i < s->count; i++) {
		struct guest *g = &s->guest[i];

		vtimer_ptimer_sync(g);
		if (g->waiting && (vintc_signalled(&g->vintc) || (g != s->running && vtimer_fired_while_out(g)))) {
			g->waiting = false;
			sched_set_runnable(&s->sched, g->index, true);
		}
	}
}

/* The earlier of two deadlines, 0 meaning none. */
static uint64_t earlier(uint64_t earliest, uint64_t at)
{
	return at && (!earliest || at < earliest) ? at : earliest;
}

/*
 * The hypervisor's timer also interrupts when the earliest virtual timer of
 * a guest not running will fire, or the physical timer of any guest (it is
 * emulated: hyp/vptimer.h), so that the guest can wake and, if it
 * comes first, preempt at once rather than at the next tick. A waiting
 * guest's timer counts even once it has fired: it fired since the last
 * wake_waiting(), and moving the hypervisor's timer past it would take
 * back the interrupt that is to wake the guest, which then slept to the
 * next tick (the real-time guest beside Linux, once in 10,000, 4 ms late:
 * Linux went idle just after its deadline). wake_waiting() then makes it
 * runnable, so its timer is not watched again.
 */
void guest_set_watch_timers(struct guest_set *s)
{
	uint64_t earliest = 0;

	if (!board.tick.wake_at)
		return;
	for (unsigned i = 0; i < s->count; i++) {
		struct guest *g = &s->guest[i];

		if (g->state != GUEST_RUNNING)
			continue;
		if (g != s->running)
			earliest = earlier(earliest, vtimer_deadline_while_out(g, g->waiting));
		earliest = earlier(earliest, vtimer_ptimer_deadline(g));
	}
	board.tick.wake_at(earliest);
}

/* Wait, asleep, for the interrupts that make a guest eligible to run: the one chosen. */
static struct guest *idle(struct guest_set *s)
{
	int next;

	guest_set_watch_timers(s);
	do {
		__asm__ volatile("dsb\n\twfi" ::: "memory");
		bool tick = hyp_take_irq(s);
		if (tick) {
			s->ticks++;
			console_input_poll(s);
		}
		wake_waiting(s);
		next = tick ? sched_tick(&s->sched, sched_clock(s)) : sched_pick(&s->sched, sched_clock(s));
	} while (next == SCHED_NONE);
	return &s->guest[next];
}

static struct guest *run_chosen(struct guest_set *s, int next)
{
	struct guest *g = switch_to(s, next == SCHED_NONE ? idle(s) : &s->guest[next]);

	guest_set_watch_timers(s);
	return g;
}

struct guest *guest_set_tick(struct guest *g)
{
	struct guest_set *s = g->set;

	s->ticks++;
	console_input_poll(s);
	wake_waiting(s);
	return run_chosen(s, sched_tick(&s->sched, sched_clock(s)));
}

struct guest *guest_set_interrupted(struct guest *g)
{
	wake_waiting(g->set);
	return run_chosen(g->set, sched_pick(&g->set->sched, sched_clock(g->set)));
}

struct guest *guest_set_wait(struct guest *g)
{
	g->waiting = true;
	sched_set_runnable(&g->set->sched, g->index, false);
	return run_chosen(g->set, sched_pick(&g->set->sched, sched_clock(g->set)));
}

void guest_set_run(struct guest_set *s)
{
	int first = sched_pick(&s->sched, sched_clock(s));

	BUG_ON(first == SCHED_NONE);    /* every guest created is runnable */
	console_input_start(s);
	guest_enter(switch_to(s, &s->guest[first]));
}

/*
 * Load `g` again from its staged files, as new: its RAM is written again
 * where its image goes; everything the hypervisor kept for it starts over.
 * False if it is refused now.
 */
static bool restart(struct guest_set *s, struct guest *g)
{
	struct guest_dir_entry e = g->config;
	bool crashed = g->state == GUEST_CRASHED, ok;
	uint32_t restarts = g->restarts + crashed;

	if (crashed)
		log_info("%s: restarting (%u of %u)", g->name, restarts, e.restarts);
	else
		log_info("%s: restarting, as the board would after a reset", g->name);
	if (s->running == g) {
		switch_out(g);          /* stops its virtual timer */
		s->running = NULL;
	}
	mmu_use_hyp_table();            /* where the staging area and its RAM are mapped while it loads */
	vfp_forget(g);
	memset(g, 0, sizeof(*g));       /* configured again: loading starts from there */
	g->restarts = restarts;
	mmu_map_hyp_readonly(CONFIG_GUEST_STAGE_ADDR, CONFIG_GUEST_STAGE_SIZE);
	ok = load(s, g, &e);
	mmu_unmap(CONFIG_GUEST_STAGE_ADDR, CONFIG_GUEST_STAGE_SIZE);
	if (!ok)
		g->restarts = e.restarts;       /* refused now: refused again, no more attempts */
	return ok;
}

void guest_set_leave(struct guest *g)
{
	struct guest_set *s = g->set;
	bool left = false;

	if (!guest_state_reloads(g->state, g->restarts, g->config.restarts) || !restart(s, g)) {
		s->failed |= g->state == GUEST_CRASHED;
		sched_set_runnable(&s->sched, g->index, false);
		for (unsigned i = 0; i < s->count; i++)
			left |= !guest_state_final(s->guest[i].state, s->guest[i].restarts, s->guest[i].config.restarts);
		if (!left)
			hyp_finish(!s->failed);
	}
	guest_enter(run_chosen(s, sched_pick(&s->sched, sched_clock(s))));
}

void hyp_finish(bool ok)
{
	integrity_report();
	log_info("no guest left: powering off, status=%s", ok ? "ok" : "failed");
	board.poweroff();
}
