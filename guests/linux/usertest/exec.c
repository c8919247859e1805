/* fork + exec of this program with an argument: the new image runs in its
 * child mode and answers over a pipe with facts about itself. TPIDRURW is
 * set before exec; Linux clears it for the new image (flush_tls()), so one
 * program cannot leak it to the next. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tls.h"
#include "ut.h"

#define CHILD_STATUS 7
#define EXPECTED "argc=4 arg=hello ppid_ok=1 tpidrurw=0x0"

int exec_child_main(int argc, char **argv)
{
	pid_t parent = argc > 3 ? (pid_t)atoi(argv[3]) : 0;

	printf("argc=%d arg=%s ppid_ok=%d tpidrurw=0x%x", argc,
	       argc > 2 ? argv[2] : "", getppid() == parent,
	       (unsigned)tpidrurw_get());
	return CHILD_STATUS;
}

void group_exec(const char *self)
{
	char said[128] = "", parent[16];
	int fds[2], st;
	ssize_t n, len = 0;
	pid_t pid;

	snprintf(parent, sizeof(parent), "%d", (int)getpid());
	ut_must(pipe(fds) == 0, "usertest: pipe");
	pid = ut_fork();
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		tpidrurw_set(0x5eed);
		execl(self, "usertest", UT_EXEC_ARG, "hello", parent,
		      (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while (len < (ssize_t)sizeof(said) - 1 &&
	       (n = read(fds[0], said + len, sizeof(said) - 1 - len)) > 0)
		len += n;
	said[len] = '\0';
	close(fds[0]);
	st = ut_wait(pid);
	ut_check("exec_self", st == CHILD_STATUS && !strcmp(said, EXPECTED),
		 "status=%d said=\"%s\"", st, said);
}
