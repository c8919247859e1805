/* fork: copy-on-write of private memory (both sides writing, in either
 * order), shared memory staying shared, and the process IDs the two sides
 * see agreeing (no ID is printed). */
#include <sys/mman.h>
#include <unistd.h>

#include "ut.h"

#define COW_PAGES 8
#define WORDS (UT_PAGE / 4)

enum { PARENT_PAT = 1, CHILD_PAT = 2, PARENT_NEW = 3 };

/* .data and .bss copies, changed by the child only. */
static uint32_t data_word = 0xda7a;
static uint32_t bss_word;

static uint32_t pattern(int who, int page, int word)
{
	return (uint32_t)who << 28 | (uint32_t)page << 16 | (uint32_t)word;
}

/* Fills the pages page % 2 == parity (-1: all) with who's pattern. */
__attribute__((target("arm")))
static void fill(uint32_t *mem, int who, int parity)
{
	for (int pg = 0; pg < COW_PAGES; pg++)
		if (parity < 0 || pg % 2 == parity)
			for (int w = 0; w < (int)WORDS; w++)
				mem[pg * WORDS + w] = pattern(who, pg, w);
}

/* Whether pages of that parity (-1: all) hold who's pattern. */
__attribute__((target("thumb")))
static bool holds(const uint32_t *mem, int who, int parity)
{
	for (int pg = 0; pg < COW_PAGES; pg++)
		if (parity < 0 || pg % 2 == parity)
			for (int w = 0; w < (int)WORDS; w++)
				if (mem[pg * WORDS + w] != pattern(who, pg, w))
					return false;
	return true;
}

/* Both sides write after the fork; pp_round() is a barrier between steps.
 * Child exit status: one bit per failed step. */
static void cow(void)
{
	uint32_t *mem = ut_map(COW_PAGES, PROT_READ | PROT_WRITE);
	struct pingpong pp;
	pid_t pid;
	int st;
	bool ok1, ok2;
	volatile uint32_t stack_word = 0x57ac;

	fill(mem, PARENT_PAT, -1);
	pp_open(&pp);
	pid = ut_fork();
	if (pid == 0) {
		int bad = 0;

		pp_side(&pp, true);
		bad |= !holds(mem, PARENT_PAT, -1) << 0;
		fill(mem, CHILD_PAT, 1);
		data_word = bss_word = stack_word = 0xc41d;
		pp_round(&pp);
		bad |= !holds(mem, PARENT_PAT, 0) << 1;
		bad |= !holds(mem, CHILD_PAT, 1) << 2;
		pp_round(&pp);
		fill(mem, CHILD_PAT, 0);
		pp_round(&pp);
		bad |= !holds(mem, CHILD_PAT, -1) << 3;
		_exit(bad);
	}
	pp_side(&pp, false);
	fill(mem, PARENT_NEW, 0);
	pp_round(&pp);
	ok1 = holds(mem, PARENT_NEW, 0) && holds(mem, PARENT_PAT, 1);
	pp_round(&pp);
	fill(mem, PARENT_NEW, 1);
	pp_round(&pp);
	ok2 = holds(mem, PARENT_NEW, -1);
	st = ut_wait(pid);
	pp_close(&pp);
	ut_check("fork_cow", st == 0 && ok1 && ok2,
		 "pages=%d child_status=%d parent_after_child_write=%d "
		 "parent_after_both_write=%d", COW_PAGES, st, ok1, ok2);
	ut_check("fork_cow_data", data_word == 0xda7a && bss_word == 0 &&
		 stack_word == 0x57ac, "data_ok=%d bss_ok=%d stack_ok=%d",
		 data_word == 0xda7a, bss_word == 0, stack_word == 0x57ac);
	munmap(mem, COW_PAGES * UT_PAGE);
}

/* MAP_SHARED anonymous memory is the same memory in both processes. */
static void shared(void)
{
	volatile uint32_t *mem = mmap(NULL, 2 * UT_PAGE,
				      PROT_READ | PROT_WRITE,
				      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	struct pingpong pp;
	pid_t pid;
	bool saw_child;
	int st;

	ut_must(mem != MAP_FAILED, "usertest: mmap");
	pp_open(&pp);
	pid = ut_fork();
	if (pid == 0) {
		pp_side(&pp, true);
		mem[WORDS + 1] = 0xc0ffee;
		pp_round(&pp);
		pp_round(&pp);
		_exit(mem[0] == 0xbeef ? 0 : 1);
	}
	pp_side(&pp, false);
	pp_round(&pp);
	saw_child = mem[WORDS + 1] == 0xc0ffee;
	mem[0] = 0xbeef;
	pp_round(&pp);
	st = ut_wait(pid);
	pp_close(&pp);
	ut_check("fork_shared", saw_child && st == 0,
		 "parent_sees_child_write=%d child_sees_parent_write=%d",
		 saw_child, st == 0);
	munmap((void *)mem, 2 * UT_PAGE);
}

/* fork()'s return, the child's getpid(), its getppid() and waitpid(). */
static void pids(void)
{
	pid_t parent = getpid(), pid, child_self = 0;
	int fds[2], st;
	bool ppid_ok;

	ut_must(pipe(fds) == 0, "usertest: pipe");
	pid = ut_fork();
	if (pid == 0) {
		pid_t self = getpid();

		ppid_ok = getppid() == parent;
		if (write(fds[1], &self, sizeof(self)) != sizeof(self))
			_exit(3);
		_exit(ppid_ok ? 0 : 1);
	}
	if (read(fds[0], &child_self, sizeof(child_self)) != sizeof(child_self))
		child_self = 0;
	st = ut_wait(pid);
	close(fds[0]);
	close(fds[1]);
	ut_check("fork_pids", child_self == pid && st == 0 &&
		 getpid() == parent, "fork_ret_is_child_getpid=%d "
		 "child_getppid_is_parent=%d parent_getpid_same=%d "
		 "waitpid_ok=%d", child_self == pid, st == 0,
		 getpid() == parent, st >= 0);
}

void group_fork(void)
{
	cow();
	shared();
	pids();
}
