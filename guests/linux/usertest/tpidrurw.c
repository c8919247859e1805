/* TPIDRURW across context switches: Linux saves and restores it per thread
 * and copies it at fork and clone. Two processes, then two threads, each
 * keep their own value while they take turns many times. */
#include <pthread.h>
#include <unistd.h>

#include "tls.h"
#include "ut.h"

#define ROUNDS 200

/* Rounds of turn-taking, checking our value each time: the number seen
 * changed (0 is good). */
static int alternate(struct pingpong *pp, uint32_t mine)
{
	int bad = 0;

	tpidrurw_set(mine);
	for (int i = 0; i < ROUNDS; i++) {
		if (!pp_round(pp))
			return ROUNDS;
		bad += tpidrurw_get() != mine;
	}
	return bad;
}

static void processes(void)
{
	struct pingpong pp;
	pid_t pid;
	int st, bad;

	tpidrurw_set(0xaaaa0001);
	pp_open(&pp);
	pid = ut_fork();
	if (pid == 0) {
		bool inherited = tpidrurw_get() == 0xaaaa0001;

		pp_side(&pp, true);
		bad = alternate(&pp, 0xbbbb0002);
		_exit(!inherited << 7 | (bad > 100 ? 100 : bad));
	}
	pp_side(&pp, false);
	bad = alternate(&pp, 0xaaaa0003);
	st = ut_wait(pid);
	pp_close(&pp);
	ut_check("tpidrurw_fork_inherit", st >= 0 && !(st & 0x80),
		 "child_sees_parent_value=%d", st >= 0 && !(st & 0x80));
	ut_check("tpidrurw_processes", bad == 0 && st == 0,
		 "rounds=%d parent_changed=%d child_changed=%d", ROUNDS, bad,
		 st & 0x7f);
}

struct peer {
	struct pingpong pp;
	uint32_t inherited;
	int bad;
};

static void *thread_main(void *arg)
{
	struct peer *t = arg;

	t->inherited = tpidrurw_get();
	t->bad = alternate(&t->pp, 0xdddd0005);
	return NULL;
}

static void threads(void)
{
	struct peer main_side, other;
	pthread_t t;

	pp_open(&main_side.pp);
	other.pp = main_side.pp;
	pp_side(&main_side.pp, false);
	pp_side(&other.pp, true);
	tpidrurw_set(0xcccc0004);
	ut_must(pthread_create(&t, NULL, thread_main, &other) == 0,
		"usertest: pthread_create");
	main_side.bad = alternate(&main_side.pp, 0xcccc0006);
	pthread_join(t, NULL);
	pp_close(&main_side.pp);
	ut_check("tpidrurw_threads", other.inherited == 0xcccc0004 &&
		 main_side.bad == 0 && other.bad == 0,
		 "thread_inherits=%d rounds=%d main_changed=%d "
		 "thread_changed=%d", other.inherited == 0xcccc0004, ROUNDS,
		 main_side.bad, other.bad);
}

void group_tpidrurw(void)
{
	processes();
	threads();
}
