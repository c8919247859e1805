/*
 * A fixed-priority scheduler with a budget per period, for several guests
 * on one core. Time is the caller's: a clock that only goes forward (the
 * board's tick clock), read at every call. The entity that ran since
 * the last call is charged the time that passed, so one that gives up the
 * core between ticks pays for what it used, no more, no less. The caller
 * reports each of its ticks with sched_tick, any other moment it must
 * choose again with sched_pick, and runs whatever s->current names.
 *
 * The choice:
 * - Eligible: runnable and within budget (budget 0: unlimited). The
 *   eligible entity of highest priority runs.
 * - Equal priorities take turns: each tick passes the core to the next of
 *   them after the current in index order (wrapping); sched_pick keeps the
 *   current one while it is still among the best.
 * - With nothing eligible, a runnable soft (non-hard) entity out of budget
 *   may run, by the same rules; a hard one waits for its next period.
 *   Nothing at all: idle (SCHED_NONE).
 * - Budgets refill at period_start + k * period, counted from sched_add
 *   whether the entity ran or not. What a hard entity used beyond its
 *   budget in one period (it runs out between two calls) is charged to the
 *   next one; a soft one's overrun used time nothing else wanted, and is
 *   forgiven.
 * Portable: compiled for the target and for host unit tests.
 */
#ifndef HYP_SCHED_H
#define HYP_SCHED_H

#include <stdbool.h>
#include <stdint.h>

#define SCHED_MAX_ENTITIES 8u
#define SCHED_NONE (-1)

struct sched_entity {
	unsigned priority;      /* higher runs first */
	uint64_t budget;        /* time it may run per period; 0: unlimited */
	uint64_t period;        /* ignored when budget is 0 */
	/* Out of budget: never runs until replenished (false: may run when nothing with budget can). */
	bool hard;
	bool runnable;
	uint64_t used;          /* time used in its current period */
	uint64_t period_start;  /* when its current period began */
};

struct sched {
	struct sched_entity e[SCHED_MAX_ENTITIES];
	unsigned count;
	int current;            /* SCHED_NONE: idle; also where round-robin goes on from */
	uint64_t now;           /* the time of the last call */
};

void sched_init(struct sched *s, uint64_t now);

/*
 * Add an entity (initially not runnable), its period starting at the last
 * call's time; returns its index. Caller guarantees count < SCHED_MAX_ENTITIES.
 */
unsigned sched_add(struct sched *s, unsigned priority, uint64_t budget, uint64_t period, bool hard);

/* Takes effect at the next sched_tick or sched_pick. */
void sched_set_runnable(struct sched *s, unsigned id, bool runnable);

/*
 * A tick at time `now`: charge s->current (or idle) the time since the last
 * call, replenish budgets whose period ended, then choose who runs next
 * (rotating among equals) and store it in s->current; returns s->current.
 */
int sched_tick(struct sched *s, uint64_t now);

/*
 * Choose again at time `now`, not at a tick (the current entity blocked,
 * ended or another became runnable): charged as by sched_tick, but the
 * current one is kept among equals; returns s->current.
 */
int sched_pick(struct sched *s, uint64_t now);

#endif
