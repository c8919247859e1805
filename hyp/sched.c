#include "hyp/sched.h"

void sched_init(struct sched *s, uint64_t now)
{
	*s = (struct sched){ .current = SCHED_NONE, .now = now };
}

unsigned sched_add(struct sched *s, unsigned priority, uint64_t budget, uint64_t period, bool hard)
{
	s->e[s->count] = (struct sched_entity){
		.priority = priority,
		.budget = budget,
		.period = period,
		.hard = hard,
		.period_start = s->now,
	};
	return s->count++;
}

void sched_set_runnable(struct sched *s, unsigned id, bool runnable)
{
	s->e[id].runnable = runnable;
}

/*
 * An entity's claim on the core, higher first; 0: it may not run. Any claim
 * within budget beats any overrun of a soft entity, then priority decides.
 */
static uint64_t rank(const struct sched_entity *e)
{
	if (!e->runnable)
		return 0;
	if (e->budget == 0 || e->used < e->budget)
		return 2ull << 32 | e->priority;
	return e->hard ? 0 : 1ull << 32 | e->priority;
}

/*
 * The first entity of the highest rank, scanning in index order (wrapping)
 * from the current one (to keep it) or from the one after it (to rotate).
 */
static int choose(struct sched *s, bool rotate)
{
	unsigned from = s->current == SCHED_NONE ? 0 : (unsigned)s->current + rotate;
	uint64_t best = 0;
	int next = SCHED_NONE;

	for (unsigned i = 0; i < s->count; i++) {
		/* from <= count: one subtraction wraps, without a division (Cortex-A8 has none) */
		unsigned id = from + i >= s->count ? from + i - s->count : from + i;
		uint64_t r = rank(&s->e[id]);

		if (r > best) {
			best = r;
			next = (int)id;
		}
	}
	s->current = next;
	return next;
}

/* Charge the time since the last call, then refill the budgets whose period ended. */
static void account(struct sched *s, uint64_t now)
{
	if (s->current != SCHED_NONE)
		s->e[s->current].used += now - s->now;
	s->now = now;
	for (unsigned i = 0; i < s->count; i++) {
		struct sched_entity *e = &s->e[i];

		if (!e->budget || now - e->period_start < e->period)
			continue;
		if (now - e->period_start < 2u * e->period) {
			e->period_start += e->period;
			/* A hard entity runs past its budget only until the next call: that is the next period's. */
			e->used = e->hard && e->used > e->budget ? e->used - e->budget : 0;
		} else {                /* two periods or more since its last refill: it starts afresh */
			e->period_start = now - (now - e->period_start) % e->period;
			e->used = 0;
		}
	}
}

int sched_tick(struct sched *s, uint64_t now)
{
	account(s, now);
	return choose(s, true);
}

int sched_pick(struct sched *s, uint64_t now)
{
	account(s, now);
	return choose(s, false);
}
