/* The fixed-priority scheduler with budgets per period. */
#include "hyp/sched.h"
#include "test.h"

/*
 * Who runs in each of the next `ticks` ticks, one letter per tick ('a' for
 * entity 0, '.' for idle), calling sched_tick after each. Position i of the
 * result is tick s->now + i.
 */
static const char *trace(struct sched *s, unsigned ticks)
{
	static char seq[128];
	unsigned i;

	for (i = 0; i < ticks && i < sizeof(seq) - 1; i++) {
		seq[i] = s->current == SCHED_NONE ? '.' : (char)('a' + s->current);
		sched_tick(s);
	}
	seq[i] = 0;
	return seq;
}

TEST(sched_single_entity_runs)
{
	struct sched s;

	sched_init(&s);
	CHECK_EQ(sched_add(&s, 1, 0, 0, false), 0);
	CHECK_EQ(sched_pick(&s), SCHED_NONE);   /* added, not yet runnable */
	sched_set_runnable(&s, 0, true);
	CHECK_EQ(s.current, SCHED_NONE);        /* no choice until asked */
	CHECK_EQ(sched_pick(&s), 0);
	CHECK_STR(trace(&s, 5), "aaaaa");
	CHECK_EQ(s.now, 5);
	CHECK_EQ(s.current, 0);
}

TEST(sched_idles_when_nothing_is_runnable)
{
	struct sched s;

	sched_init(&s);
	CHECK_EQ(sched_pick(&s), SCHED_NONE);
	CHECK_EQ(sched_tick(&s), SCHED_NONE);
	CHECK_EQ(s.now, 1);
	sched_add(&s, 1, 0, 0, false);
	sched_add(&s, 2, 3, 10, true);
	CHECK_STR(trace(&s, 4), "....");
	sched_set_runnable(&s, 1, true);
	CHECK_EQ(sched_tick(&s), 1);
	sched_set_runnable(&s, 1, false);
	CHECK_EQ(sched_tick(&s), SCHED_NONE);
	CHECK_EQ(s.now, 7);
}

TEST(sched_runs_the_highest_priority_first)
{
	struct sched s;

	sched_init(&s);
	sched_add(&s, 1, 0, 0, false);
	sched_add(&s, 3, 0, 0, false);
	sched_add(&s, 2, 0, 0, false);
	for (unsigned id = 0; id < 3; id++)
		sched_set_runnable(&s, id, true);
	CHECK_EQ(sched_pick(&s), 1);
	CHECK_STR(trace(&s, 4), "bbbb");
	sched_set_runnable(&s, 1, false);
	CHECK_EQ(sched_pick(&s), 2);
	sched_set_runnable(&s, 2, false);
	CHECK_EQ(sched_pick(&s), 0);
	CHECK_STR(trace(&s, 3), "aaa");
	sched_set_runnable(&s, 2, true);
	CHECK_EQ(sched_tick(&s), 2);
}

TEST(sched_round_robin_among_equal_priorities)
{
	struct sched s;

	sched_init(&s);
	sched_add(&s, 2, 0, 0, false);
	sched_add(&s, 2, 0, 0, false);
	sched_add(&s, 2, 0, 0, false);
	sched_add(&s, 1, 0, 0, false);  /* lower: never gets a turn */
	for (unsigned id = 0; id < 4; id++)
		sched_set_runnable(&s, id, true);
	CHECK_EQ(sched_pick(&s), 0);
	CHECK_STR(trace(&s, 9), "abcabcabc");
	sched_set_runnable(&s, 1, false);
	CHECK_STR(trace(&s, 4), "acac");
	/* Without a tick sched_pick keeps the current one, even when another equal one wakes. */
	CHECK_EQ(s.current, 0);
	CHECK_EQ(sched_pick(&s), 0);
	sched_set_runnable(&s, 1, true);
	CHECK_EQ(sched_pick(&s), 0);
	CHECK_STR(trace(&s, 5), "abcab");
}

TEST(sched_hard_budget_yields_to_lower_priority_until_its_period_ends)
{
	struct sched s;

	sched_init(&s);
	sched_add(&s, 5, 3, 10, true);
	sched_add(&s, 1, 0, 0, false);
	sched_set_runnable(&s, 0, true);
	sched_set_runnable(&s, 1, true);
	CHECK_EQ(sched_pick(&s), 0);
	/* Ticks 0-2 spend a's budget; it is back at 10 and 20, its period boundaries. */
	CHECK_STR(trace(&s, 23), "aaabbbbbbbaaabbbbbbbaaa");
	CHECK_EQ(s.e[0].period_start, 20);
	CHECK_EQ(s.e[0].used, 3);
	CHECK_EQ(s.current, 1);

	/* Alone, a hard entity out of budget leaves the core idle. */
	sched_set_runnable(&s, 1, false);
	CHECK_EQ(sched_pick(&s), SCHED_NONE);
	CHECK_STR(trace(&s, 9), ".......aa");
	CHECK_EQ(s.now, 32);
}

TEST(sched_periods_count_from_when_an_entity_was_added)
{
	struct sched s;

	sched_init(&s);
	CHECK_STR(trace(&s, 5), ".....");
	sched_add(&s, 1, 2, 10, true);  /* periods begin at 5, 15, 25 */
	CHECK_STR(trace(&s, 7), ".......");
	/* Runnable at 12, mid-period: what is left of its budget, then the boundary at 15. */
	sched_set_runnable(&s, 0, true);
	CHECK_EQ(sched_pick(&s), 0);
	CHECK_STR(trace(&s, 15), "aa.aa........aa");
	CHECK_EQ(s.e[0].period_start, 25);
}

TEST(sched_soft_overrun_runs_only_when_nothing_is_eligible)
{
	struct sched s;

	sched_init(&s);
	sched_add(&s, 5, 2, 10, false);
	sched_add(&s, 1, 0, 0, false);
	sched_add(&s, 3, 1, 10, false);
	for (unsigned id = 0; id < 3; id++)
		sched_set_runnable(&s, id, true);
	CHECK_EQ(sched_pick(&s), 0);
	/* Out of budget, a and c wait while b, lower but eligible, can run. */
	CHECK_STR(trace(&s, 13), "aacbbbbbbbaac");
	CHECK_EQ(s.current, 1);
	/* With b blocked both may overrun; the higher priority does. */
	sched_set_runnable(&s, 1, false);
	CHECK_EQ(sched_pick(&s), 0);
	CHECK_STR(trace(&s, 3), "aaa");
	CHECK_EQ(s.e[0].used, 5);
	sched_set_runnable(&s, 1, true);
	CHECK_EQ(sched_pick(&s), 1);
	CHECK_STR(trace(&s, 5), "bbbba");       /* back in budget at 20 */
}

TEST(sched_hard_budget_cannot_starve_a_lower_priority)
{
	struct sched s;
	unsigned ran[2] = { 0, 0 }, low_in_period = 0;

	sched_init(&s);
	sched_add(&s, 9, 3, 10, true);  /* spins: always runnable */
	sched_add(&s, 1, 0, 0, false);
	sched_set_runnable(&s, 0, true);
	sched_set_runnable(&s, 1, true);
	sched_pick(&s);
	for (unsigned tick = 0; tick < 100; tick++) {
		CHECK(s.current == 0 || s.current == 1);
		ran[s.current]++;
		if (s.current == 1)
			low_in_period++;
		sched_tick(&s);
		if (s.now % 10 == 0) {
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

	sched_init(&s);
	sched_add(&s, 2, 0, 0, true);   /* period 0: ignored without a budget */
	sched_add(&s, 1, 0, 0, false);
	sched_set_runnable(&s, 0, true);
	sched_set_runnable(&s, 1, true);
	CHECK_EQ(sched_pick(&s), 0);
	for (unsigned tick = 0; tick < 1000; tick++)
		CHECK_EQ(sched_tick(&s), 0);
	CHECK_EQ(s.now, 1000);
}

TEST(sched_pick_after_the_current_blocks)
{
	struct sched s;

	sched_init(&s);
	sched_add(&s, 1, 0, 0, false);
	sched_add(&s, 1, 0, 0, false);
	sched_add(&s, 1, 0, 0, false);
	sched_add(&s, 0, 0, 0, false);
	for (unsigned id = 0; id < 4; id++)
		sched_set_runnable(&s, id, true);
	CHECK_EQ(sched_pick(&s), 0);
	CHECK_EQ(sched_tick(&s), 1);
	/* The next equal one after the blocked current, not the first in index order. */
	sched_set_runnable(&s, 1, false);
	CHECK_EQ(sched_pick(&s), 2);
	sched_set_runnable(&s, 2, false);
	CHECK_EQ(sched_pick(&s), 0);
	sched_set_runnable(&s, 0, false);
	CHECK_EQ(sched_pick(&s), 3);
	sched_set_runnable(&s, 3, false);
	CHECK_EQ(sched_pick(&s), SCHED_NONE);
	CHECK_EQ(s.now, 1);             /* choosing again is not a tick */
	CHECK_EQ(s.e[0].used, 1);
	CHECK_EQ(s.e[3].used, 0);
}

TEST(sched_higher_priority_preempts_when_it_becomes_runnable)
{
	struct sched s;

	sched_init(&s);
	sched_add(&s, 1, 0, 0, false);
	sched_add(&s, 4, 0, 0, false);
	sched_set_runnable(&s, 0, true);
	CHECK_EQ(sched_pick(&s), 0);
	CHECK_STR(trace(&s, 3), "aaa");
	sched_set_runnable(&s, 1, true);
	CHECK_EQ(sched_pick(&s), 1);
	sched_set_runnable(&s, 1, false);
	CHECK_EQ(sched_pick(&s), 0);
	/* Woken between ticks, it takes over at the next tick. */
	sched_set_runnable(&s, 1, true);
	CHECK_EQ(sched_tick(&s), 1);
	CHECK_EQ(s.e[0].used, 4);
}
