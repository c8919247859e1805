/*
 * The fixed-priority scheduler with budgets per period. Most tests run it
 * on whole ticks of TICK time units (as a board without a clock of its own
 * has it); the last ones charge parts of a tick.
 */
#include "hyp/sched.h"
#include "test.h"

#define TICK 625000u    /* a 10 ms tick of a 62.5 MHz counter, as QEMU's generic timer */

/* The clock of the test running, in ticks. */
static uint64_t ticks;

static void init(struct sched *s)
{
	ticks = 0;
	sched_init(s, 0);
}

static unsigned add(struct sched *s, unsigned priority, uint32_t budget_ticks, uint32_t period_ticks, bool hard)
{
	return sched_add(s, priority, (uint64_t)budget_ticks * TICK, (uint64_t)period_ticks * TICK, hard);
}

static int tick(struct sched *s)
{
	return sched_tick(s, ++ticks * TICK);
}

static int pick(struct sched *s)
{
	return sched_pick(s, ticks * TICK);
}

/*
 * Who runs in each of the next `n` ticks, one letter per tick ('a' for
 * entity 0, '.' for idle), calling tick() after each. Position i of the
 * result is tick `ticks` + i.
 */
static const char *trace(struct sched *s, unsigned n)
{
	static char seq[128];
	unsigned i;

	for (i = 0; i < n && i < sizeof(seq) - 1; i++) {
		seq[i] = s->current == SCHED_NONE ? '.' : (char)('a' + s->current);
		tick(s);
	}
	seq[i] = 0;
	return seq;
}

TEST(sched_single_entity_runs)
{
	struct sched s;

	init(&s);
	CHECK_EQ(add(&s, 1, 0, 0, false), 0);
	CHECK_EQ(pick(&s), SCHED_NONE);   /* added, not yet runnable */
	sched_set_runnable(&s, 0, true);
	CHECK_EQ(s.current, SCHED_NONE);        /* no choice until asked */
	CHECK_EQ(pick(&s), 0);
	CHECK_STR(trace(&s, 5), "aaaaa");
	CHECK_EQ(ticks, (uint64_t)5);
	CHECK_EQ(s.current, 0);
}

TEST(sched_idles_when_nothing_is_runnable)
{
	struct sched s;

	init(&s);
	CHECK_EQ(pick(&s), SCHED_NONE);
	CHECK_EQ(tick(&s), SCHED_NONE);
	CHECK_EQ(ticks, (uint64_t)1);
	add(&s, 1, 0, 0, false);
	add(&s, 2, 3, 10, true);
	CHECK_STR(trace(&s, 4), "....");
	sched_set_runnable(&s, 1, true);
	CHECK_EQ(tick(&s), 1);
	sched_set_runnable(&s, 1, false);
	CHECK_EQ(tick(&s), SCHED_NONE);
	CHECK_EQ(ticks, (uint64_t)7);
}

TEST(sched_runs_the_highest_priority_first)
{
	struct sched s;

	init(&s);
	add(&s, 1, 0, 0, false);
	add(&s, 3, 0, 0, false);
	add(&s, 2, 0, 0, false);
	for (unsigned id = 0; id < 3; id++)
		sched_set_runnable(&s, id, true);
	CHECK_EQ(pick(&s), 1);
	CHECK_STR(trace(&s, 4), "bbbb");
	sched_set_runnable(&s, 1, false);
	CHECK_EQ(pick(&s), 2);
	sched_set_runnable(&s, 2, false);
	CHECK_EQ(pick(&s), 0);
	CHECK_STR(trace(&s, 3), "aaa");
	sched_set_runnable(&s, 2, true);
	CHECK_EQ(tick(&s), 2);
}

TEST(sched_round_robin_among_equal_priorities)
{
	struct sched s;

	init(&s);
	add(&s, 2, 0, 0, false);
	add(&s, 2, 0, 0, false);
	add(&s, 2, 0, 0, false);
	add(&s, 1, 0, 0, false);  /* lower: never gets a turn */
	for (unsigned id = 0; id < 4; id++)
		sched_set_runnable(&s, id, true);
	CHECK_EQ(pick(&s), 0);
	CHECK_STR(trace(&s, 9), "abcabcabc");
	sched_set_runnable(&s, 1, false);
	CHECK_STR(trace(&s, 4), "acac");
	/* Without a tick sched_pick keeps the current one, even when another equal one wakes. */
	CHECK_EQ(s.current, 0);
	CHECK_EQ(pick(&s), 0);
	sched_set_runnable(&s, 1, true);
	CHECK_EQ(pick(&s), 0);
	CHECK_STR(trace(&s, 5), "abcab");
}

TEST(sched_hard_budget_yields_to_lower_priority_until_its_period_ends)
{
	struct sched s;

	init(&s);
	add(&s, 5, 3, 10, true);
	add(&s, 1, 0, 0, false);
	sched_set_runnable(&s, 0, true);
	sched_set_runnable(&s, 1, true);
	CHECK_EQ(pick(&s), 0);
	/* Ticks 0-2 spend a's budget; it is back at 10 and 20, its period boundaries. */
	CHECK_STR(trace(&s, 23), "aaabbbbbbbaaabbbbbbbaaa");
	CHECK_EQ(s.e[0].period_start, 20u * TICK);
	CHECK_EQ(s.e[0].used, 3u * TICK);
	CHECK_EQ(s.current, 1);

	/* Alone, a hard entity out of budget leaves the core idle. */
	sched_set_runnable(&s, 1, false);
	CHECK_EQ(pick(&s), SCHED_NONE);
	CHECK_STR(trace(&s, 9), ".......aa");
	CHECK_EQ(ticks, (uint64_t)32);
}

TEST(sched_periods_count_from_when_an_entity_was_added)
{
	struct sched s;

	init(&s);
	CHECK_STR(trace(&s, 5), ".....");
	add(&s, 1, 2, 10, true);  /* periods begin at 5, 15, 25 */
	CHECK_STR(trace(&s, 7), ".......");
	/* Runnable at 12, mid-period: what is left of its budget, then the boundary at 15. */
	sched_set_runnable(&s, 0, true);
	CHECK_EQ(pick(&s), 0);
	CHECK_STR(trace(&s, 15), "aa.aa........aa");
	CHECK_EQ(s.e[0].period_start, 25u * TICK);
}

TEST(sched_soft_overrun_runs_only_when_nothing_is_eligible)
{
	struct sched s;

	init(&s);
	add(&s, 5, 2, 10, false);
	add(&s, 1, 0, 0, false);
	add(&s, 3, 1, 10, false);
	for (unsigned id = 0; id < 3; id++)
		sched_set_runnable(&s, id, true);
	CHECK_EQ(pick(&s), 0);
	/* Out of budget, a and c wait while b, lower but eligible, can run. */
	CHECK_STR(trace(&s, 13), "aacbbbbbbbaac");
	CHECK_EQ(s.current, 1);
	/* With b blocked both may overrun; the higher priority does. */
	sched_set_runnable(&s, 1, false);
	CHECK_EQ(pick(&s), 0);
	CHECK_STR(trace(&s, 3), "aaa");
	CHECK_EQ(s.e[0].used, 5u * TICK);
	sched_set_runnable(&s, 1, true);
	CHECK_EQ(pick(&s), 1);
	CHECK_STR(trace(&s, 5), "bbbba");       /* back in budget at 20 */
}

TEST(sched_hard_budget_cannot_starve_a_lower_priority)
{
	struct sched s;
	unsigned ran[2] = { 0, 0 }, low_in_period = 0;

	init(&s);
	add(&s, 9, 3, 10, true);  /* spins: always runnable */
	add(&s, 1, 0, 0, false);
	sched_set_runnable(&s, 0, true);
	sched_set_runnable(&s, 1, true);
	pick(&s);
	for (unsigned n = 0; n < 100; n++) {
		CHECK(s.current == 0 || s.current == 1);
		ran[s.current]++;
		if (s.current == 1)
			low_in_period++;
		tick(&s);
		if (ticks % 10 == 0) {
			CHECK_EQ(low_in_period, 7);
			low_in_period = 0;
		}
	}
	CHECK_EQ(ran[0], 30);
	CHECK_EQ(ran[1], 70);
}

TEST(sched_unlimited_budget_never_runs_out)
{
	struct sched s;

	init(&s);
	add(&s, 2, 0, 0, true);   /* period 0: ignored without a budget */
	add(&s, 1, 0, 0, false);
	sched_set_runnable(&s, 0, true);
	sched_set_runnable(&s, 1, true);
	CHECK_EQ(pick(&s), 0);
	for (unsigned n = 0; n < 1000; n++)
		CHECK_EQ(tick(&s), 0);
	CHECK_EQ(ticks, (uint64_t)1000);
}

TEST(sched_pick_after_the_current_blocks)
{
	struct sched s;

	init(&s);
	add(&s, 1, 0, 0, false);
	add(&s, 1, 0, 0, false);
	add(&s, 1, 0, 0, false);
	add(&s, 0, 0, 0, false);
	for (unsigned id = 0; id < 4; id++)
		sched_set_runnable(&s, id, true);
	CHECK_EQ(pick(&s), 0);
	CHECK_EQ(tick(&s), 1);
	/* The next equal one after the blocked current, not the first in index order. */
	sched_set_runnable(&s, 1, false);
	CHECK_EQ(pick(&s), 2);
	sched_set_runnable(&s, 2, false);
	CHECK_EQ(pick(&s), 0);
	sched_set_runnable(&s, 0, false);
	CHECK_EQ(pick(&s), 3);
	sched_set_runnable(&s, 3, false);
	CHECK_EQ(pick(&s), SCHED_NONE);
	CHECK_EQ(ticks, (uint64_t)1);             /* choosing again is not a tick */
	CHECK_EQ(s.e[0].used, 1u * TICK);
	CHECK_EQ(s.e[3].used, 0u);
}

TEST(sched_higher_priority_preempts_when_it_becomes_runnable)
{
	struct sched s;

	init(&s);
	add(&s, 1, 0, 0, false);
	add(&s, 4, 0, 0, false);
	sched_set_runnable(&s, 0, true);
	CHECK_EQ(pick(&s), 0);
	CHECK_STR(trace(&s, 3), "aaa");
	sched_set_runnable(&s, 1, true);
	CHECK_EQ(pick(&s), 1);
	sched_set_runnable(&s, 1, false);
	CHECK_EQ(pick(&s), 0);
	/* Woken between ticks, it takes over at the next tick. */
	sched_set_runnable(&s, 1, true);
	CHECK_EQ(tick(&s), 1);
	CHECK_EQ(s.e[0].used, 4u * TICK);
}

/* Charged what it used between calls: a guest that yields before each tick pays for its part. */
TEST(sched_charges_parts_of_ticks)
{
	struct sched s;
	uint64_t t = 0;
	unsigned low_ticks = 0;

	sched_init(&s, 0);
	sched_add(&s, 9, 3 * TICK, 10 * TICK, true);     /* 30% of the core, hard */
	sched_add(&s, 1, 0, 0, false);
	sched_set_runnable(&s, 0, true);
	sched_set_runnable(&s, 1, true);
	CHECK_EQ(sched_pick(&s, t), 0);
	/*
	 * Whenever it has the core, the high one runs 90% of a tick, then
	 * waits (sched_pick hands the core to the low one) until the tick wakes
	 * it: charged whole ticks at ticks, it would never be charged at all.
	 */
	for (unsigned n = 0; n < 100; n++) {
		if (s.current == 0) {
			sched_set_runnable(&s, 0, false);
			CHECK_EQ(sched_pick(&s, t + TICK * 9 / 10), 1);
			sched_set_runnable(&s, 0, true);
		} else {
			low_ticks++;
		}
		t += TICK;
		sched_tick(&s, t);
	}
	/*
	 * 10 periods: 34 turns of 0.9 ticks, 30.6 ticks, of which the 0.6 it
	 * ran past its last budget is charged to the eleventh period.
	 */
	CHECK_EQ(low_ticks, 66u);
	CHECK_EQ(s.e[0].used, (uint64_t)TICK * 6 / 10);
}

/* A hard entity that ran past its budget before the next call pays for it in its next period. */
TEST(sched_hard_overrun_is_charged_to_the_next_period)
{
	struct sched s;

	sched_init(&s, 0);
	sched_add(&s, 5, TICK / 2, 10 * TICK, true);     /* half a tick per 10 */
	sched_add(&s, 1, 0, 0, false);
	sched_set_runnable(&s, 0, true);
	sched_set_runnable(&s, 1, true);
	CHECK_EQ(sched_pick(&s, 0), 0);
	CHECK_EQ(sched_tick(&s, TICK), 1);               /* ran a whole tick: half a tick over */
	CHECK_EQ(s.e[0].used, (uint64_t)TICK);
	for (unsigned n = 2; n <= 10; n++)
		CHECK_EQ(sched_tick(&s, n * TICK), 1);
	CHECK_EQ(s.e[0].used, (uint64_t)TICK / 2);       /* the overrun, in the new period: no budget left */
	CHECK_EQ(sched_tick(&s, 11u * TICK), 1);
	for (unsigned n = 12; n < 20; n++)
		CHECK_EQ(sched_tick(&s, n * TICK), 1);
	CHECK_EQ(sched_tick(&s, 20u * TICK), 0);         /* a clean period: its budget back */
}
