/* Process and memory helpers shared by the checks. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ut.h"

void ut_must(bool ok, const char *what)
{
	if (!ok) {
		perror(what);
		exit(2);
	}
}

pid_t ut_fork(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	ut_must(pid >= 0, "usertest: fork");
	return pid;
}

int ut_wait(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	if (WIFSIGNALED(status))
		return 0x100 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

void *ut_map(size_t pages, int prot)
{
	void *p = mmap(NULL, pages * UT_PAGE, prot,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ut_must(p != MAP_FAILED, "usertest: mmap");
	return p;
}
