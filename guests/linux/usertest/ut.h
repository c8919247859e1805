/* usertest: shared declarations. Every check prints one "name: facts" line,
 * with " FAIL" appended when the facts contradict the ARM ARM or the Linux
 * user ABI. Output must be identical natively and under the hypervisor, so
 * lines hold only facts that do not depend on timing, PIDs or addresses. */
#ifndef UT_H
#define UT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define UT_PAGE 4096u

/* Prints "name: <fmt...>" plus " FAIL" when !ok, and counts it. */
void ut_check(const char *name, bool ok, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The totals, kept in memory shared with the processes that run the groups. */
void ut_report_init(void);
unsigned ut_checks(void);
unsigned ut_failures(void);

/* fork() after flushing stdout, so that buffered output is not duplicated.
 * Children of checks never print: they report through exit status or pipes. */
pid_t ut_fork(void);

/* Exit status of a child, or 0x100 + signal number when it was killed. */
int ut_wait(pid_t pid);

/* Exits with status 2 (the group fails) when a set-up step did not work. */
void ut_must(bool ok, const char *what);

/* An anonymous private mapping of n pages, or exits. */
void *ut_map(size_t pages, int prot);

/* Hides a value (e.g. a bad pointer) from the optimiser. */
static inline uintptr_t ut_opaque(uintptr_t v)
{
	__asm__ volatile("" : "+r"(v));
	return v;
}

/* Two processes (or threads) taking turns: each round writes a token to the
 * peer and waits for the peer's token, so every round switches context. */
struct pingpong {
	int to_child[2];
	int to_parent[2];
	int rfd, wfd;		/* this side's ends, set by pp_side() */
};
void pp_open(struct pingpong *pp);
void pp_side(struct pingpong *pp, bool child);
bool pp_round(struct pingpong *pp);
void pp_close(struct pingpong *pp);

/* Test groups, each run in its own child process by main.c. */
void group_mmap(void);
void group_mprotect(void);
void group_filemap(void);
void group_fork(void);
void group_pipe(void);
void group_exec(const char *self);
void group_faults(void);
void group_kspace(void);
void group_copy(void);
void group_tls(void);
void group_tpidrurw(void);
void group_vfp(void);
void group_kuser(void);
void group_align(void);
void group_cpsr(void);
void group_cp15(void);
void group_syscall(void);
void group_swp(void);

/* The child mode of group_exec: the program run again with this argument. */
#define UT_EXEC_ARG "exec-child"
int exec_child_main(int argc, char **argv);

#endif
