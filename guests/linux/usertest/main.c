/* usertest: checks of the user-visible ARMv7-A and Linux behaviour that a
 * hypervisor must preserve. Run natively and under the hypervisor, the two
 * outputs must be identical; a line with FAIL contradicts the architecture
 * or the Linux ABI by itself. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/personality.h>
#include <unistd.h>

#include "ut.h"

#define SELF "/proc/self/exe"

/* A group still running after this long has hung: SIGALRM ends it. Natively
 * each takes well under a second; virtualised, maybe twenty times that. */
#define GROUP_SECONDS 120

/* klogctl actions: console logging off (saving the level), and back on. */
#define KLOG_CONSOLE_OFF 6
#define KLOG_CONSOLE_ON 7

struct group {
	const char *name;
	void (*run)(void);
};

static void run_exec(void)
{
	group_exec(SELF);
}

static const struct group groups[] = {
	{ "mmap", group_mmap },
	{ "mprotect", group_mprotect },
	{ "filemap", group_filemap },
	{ "fork", group_fork },
	{ "pipe", group_pipe },
	{ "exec", run_exec },
	{ "faults", group_faults },
	{ "kspace", group_kspace },
	{ "copy", group_copy },
	{ "tls", group_tls },
	{ "tpidrurw", group_tpidrurw },
	{ "vfp", group_vfp },
	{ "kuser", group_kuser },
	{ "align", group_align },
	{ "cpsr", group_cpsr },
	{ "cp15", group_cp15 },
	{ "syscall", group_syscall },
	{ "swp", group_swp },
};

/* Runs a group in a child so that a signal nobody expected is reported
 * as a failure of that group and the others still run. */
static void run_group(const struct group *g)
{
	pid_t pid = ut_fork();
	int status;

	if (pid == 0) {
		alarm(GROUP_SECONDS);
		g->run();
		fflush(stdout);
		_exit(0);
	}
	status = ut_wait(pid);
	if (status >= 0x100)
		ut_check(g->name, false, "group killed by SIG%s",
			 sigabbrev_np(status - 0x100));
	else if (status != 0)
		ut_check(g->name, false, "group exit status %d", status);
}

/* Stack and mmap addresses are randomised; the checks print only relative
 * facts, but a fixed layout keeps every run the same (e.g. page crossings).
 * Returns only when randomisation is already off or cannot be turned off. */
static void no_aslr(char **argv)
{
	int pers = personality(0xffffffff);

	if (pers == -1 || (pers & ADDR_NO_RANDOMIZE))
		return;
	if (personality(pers | ADDR_NO_RANDOMIZE) == -1)
		return;
	execv(SELF, argv);
}

int main(int argc, char **argv)
{
	bool fixed;

	if (argc > 1 && strcmp(argv[1], UT_EXEC_ARG) == 0)
		return exec_child_main(argc, argv);

	no_aslr(argv);
	setvbuf(stdout, NULL, _IOLBF, 0);
	ut_report_init();
	/* Kernel messages (e.g. "Unhandled prefetch abort" for BKPT, alignment
	 * traps) would interleave with the output at timing-dependent places. */
	klogctl(KLOG_CONSOLE_OFF, NULL, 0);

	fixed = personality(0xffffffff) & ADDR_NO_RANDOMIZE;
	ut_check("aslr", fixed, "ADDR_NO_RANDOMIZE=%d", fixed);
	for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		run_group(&groups[i]);

	klogctl(KLOG_CONSOLE_ON, NULL, 0);
	printf("usertest: done %u checks, %u failed\n", ut_checks(),
	       ut_failures());
	return ut_failures() ? 1 : 0;
}
