/* A pipe between two processes: more data than the pipe holds, so both
 * sides block and switch many times; the child checks every byte and sends
 * back its checksum over a second pipe. */
#include <unistd.h>

#include "ut.h"

#define TOTAL (256 * 1024)
#define CHUNK 3000	/* not a divisor of the pipe size */

static uint8_t byte_at(uint32_t i)
{
	return (uint8_t)(i * 7 + (i >> 9));
}

static uint32_t child_side(int rfd)
{
	uint8_t buf[CHUNK];
	uint32_t got = 0, sum = 0, bad = 0;
	ssize_t n;

	while ((n = read(rfd, buf, sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < n; i++) {
			bad += buf[i] != byte_at(got + i);
			sum = sum * 31 + buf[i];
		}
		got += n;
	}
	return got == TOTAL && !bad ? sum : 0;
}

void group_pipe(void)
{
	int data[2], back[2], st;
	uint8_t buf[CHUNK];
	uint32_t sum = 0, child_sum = 0, sent = 0;
	pid_t pid;

	ut_must(pipe(data) == 0 && pipe(back) == 0, "usertest: pipe");
	pid = ut_fork();
	if (pid == 0) {
		close(data[1]);
		child_sum = child_side(data[0]);
		_exit(write(back[1], &child_sum, 4) == 4 ? 0 : 1);
	}
	close(data[0]);
	close(back[1]);
	while (sent < TOTAL) {
		uint32_t n = TOTAL - sent < CHUNK ? TOTAL - sent : CHUNK;

		for (uint32_t i = 0; i < n; i++) {
			buf[i] = byte_at(sent + i);
			sum = sum * 31 + buf[i];
		}
		if (write(data[1], buf, n) != (ssize_t)n)
			break;
		sent += n;
	}
	close(data[1]);	/* the child's end of file */
	if (read(back[0], &child_sum, 4) != 4)
		child_sum = 0;
	close(back[0]);
	st = ut_wait(pid);
	ut_check("pipe_transfer", sent == TOTAL && child_sum == sum && st == 0,
		 "bytes=%u child_checksum_ok=%d child_status=%d", sent,
		 child_sum == sum, st);
}
