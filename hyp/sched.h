/*
 * A fixed-priority scheduler with a budget per period, for several guests
 * on one core. Time is counted in ticks; the caller reports each one with
 * sched_tick and runs whatever s->current names.
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
 *   whether the entity ran or not.
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
	uint32_t budget;        /* ticks it may run per period; 0: unlimited */
	uint32_t period;        /* ticks; ignored when budget is 0 */
	bool hard;              /* out of budget: never runs until replenished (false: may run when nothing with budget is runnable) */
	bool runnable;
	uint32_t used;          /* ticks used in its current period */
	uint32_t period_start;  /* tick its current period began */
};

struct sched {
	struct sched_entity e[SCHED_MAX_ENTITIES];
	unsigned count;
	int current;            /* SCHED_NONE: idle; also where round-robin goes on from */
	uint32_t now;           /* ticks since sched_init */
};

void sched_init(struct sched *s);

/* Add an entity (initially not runnable); returns its index. Caller guarantees count < SCHED_MAX_ENTITIES. */
unsigned sched_add(struct sched *s, unsigned priority, uint32_t budget, uint32_t period, bool hard);

/* Takes effect at the next sched_tick or sched_pick. */
void sched_set_runnable(struct sched *s, unsigned id, bool runnable);

/*
 * One tick has passed with s->current running (or idle): charge it, replenish budgets whose
 * period ended (each entity's period counts from when it was added, i.e. period boundaries at
 * period_start + k*period, regardless of whether it ran), then choose who runs next and store
 * it in s->current; returns s->current.
 */
int sched_tick(struct sched *s);

/* Choose again without a tick passing (the current entity blocked, ended or became runnable); returns s->current. */
int sched_pick(struct sched *s);

#endif
