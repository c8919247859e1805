/* The kernel copying to and from user buffers that are unmapped, read-only,
 * inaccessible, in kernel space, or valid only in part. A fully bad buffer
 * must give EFAULT; a partly valid one either EFAULT or a short count of
 * correctly copied bytes (never more than the valid part). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "ut.h"

#define LEN 16
#define VALID 8		/* bytes before the bad page in the partial cases */
#define KADDR 0xc0000000u

static uint8_t byte_at(int i)
{
	return (uint8_t)(0xa0 + i);
}

/* "EFAULT" (the errno's name) or "ret=N" for a system call's result. */
static const char *result(long ret, int err)
{
	static char buf[24];

	if (ret < 0)
		snprintf(buf, sizeof(buf), "%s", strerrorname_np(err));
	else
		snprintf(buf, sizeof(buf), "ret=%ld", ret);
	return buf;
}

static void want_efault(const char *name, long ret)
{
	int err = errno;

	ut_check(name, ret == -1 && err == EFAULT, "%s", result(ret, err));
}

/* A partial copy: EFAULT, or a count <= VALID with the bytes right. */
static void want_partial(const char *name, long ret, const uint8_t *got)
{
	int err = errno;
	bool ok = ret == -1 ? err == EFAULT : ret <= VALID;

	for (long i = 0; ok && i < ret; i++)
		ok = got[i] == byte_at(i);
	ut_check(name, ok, "%s data_ok=%d", result(ret, err), ok);
}

static int data_file(void)
{
	uint8_t data[2 * LEN];
	int fd = memfd_create("usertest-copy", 0);

	for (int i = 0; i < (int)sizeof(data); i++)
		data[i] = byte_at(i);
	ut_must(fd >= 0 && write(fd, data, sizeof(data)) == sizeof(data),
		"usertest: memfd");
	return fd;
}

/* Page 0 read-write, page 1 read-only (ending with VALID data bytes),
 * page 2 inaccessible, page 3 unmapped. */
static uint8_t *bad_pages(void)
{
	uint8_t *p = ut_map(4, PROT_READ | PROT_WRITE);

	for (int i = 0; i < VALID; i++)
		p[2 * UT_PAGE - VALID + i] = byte_at(i);
	ut_must(mprotect(p + UT_PAGE, UT_PAGE, PROT_READ) == 0 &&
		mprotect(p + 2 * UT_PAGE, UT_PAGE, PROT_NONE) == 0 &&
		munmap(p + 3 * UT_PAGE, UT_PAGE) == 0, "usertest: mprotect");
	return p;
}

static void reads(int fd, uint8_t *p)
{
	uint8_t *kernel = (uint8_t *)ut_opaque(KADDR);

	want_efault("copy_read_to_unmapped", pread(fd, p + 3 * UT_PAGE, LEN, 0));
	want_efault("copy_read_to_readonly", pread(fd, p + UT_PAGE, LEN, 0));
	want_efault("copy_read_to_none", pread(fd, p + 2 * UT_PAGE, LEN, 0));
	want_efault("copy_read_to_kernel", pread(fd, kernel, LEN, 0));
	/* The last VALID bytes of the read-write page, then read-only. */
	memset(p + UT_PAGE - VALID, 0, VALID);
	want_partial("copy_read_partial", pread(fd, p + UT_PAGE - VALID, LEN, 0),
		     p + UT_PAGE - VALID);
}

static void writes(int fd, uint8_t *p)
{
	uint8_t *kernel = (uint8_t *)ut_opaque(KADDR);
	uint8_t back[LEN];
	int fds[2];
	long ret, err;

	want_efault("copy_write_from_unmapped",
		    pwrite(fd, p + 3 * UT_PAGE, LEN, 0));
	want_efault("copy_write_from_none", pwrite(fd, p + 2 * UT_PAGE, LEN, 0));
	want_efault("copy_write_from_kernel", pwrite(fd, kernel, LEN, 0));
	/* VALID readable bytes, then the inaccessible page, into a pipe. Not
	 * into a file: on 6.1 such a write to tmpfs never returned (the
	 * kernel kept retrying the copy). */
	ut_must(pipe(fds) == 0, "usertest: pipe");
	ret = write(fds[1], p + 2 * UT_PAGE - VALID, LEN);
	err = errno;
	memset(back, 0, sizeof(back));
	if (ret > 0 && read(fds[0], back, ret) != ret)
		ret = LEN + 1;
	close(fds[0]);
	close(fds[1]);
	errno = err;
	want_partial("copy_write_partial", ret, back);
}

/* A pipe keeps the data a failed read could not copy. */
static void pipes(uint8_t *p)
{
	uint8_t buf[LEN];
	int fds[2];
	long n;
	bool kept;

	ut_must(pipe(fds) == 0, "usertest: pipe");
	for (int i = 0; i < LEN; i++)
		buf[i] = byte_at(i);
	want_efault("copy_pipe_write_from_unmapped",
		    write(fds[1], p + 3 * UT_PAGE, LEN));
	ut_must(write(fds[1], buf, LEN) == LEN, "usertest: pipe write");
	want_efault("copy_pipe_read_to_readonly", read(fds[0], p + UT_PAGE, LEN));
	/* Linux's pipe_read() consumes only what it copied. */
	memset(buf, 0, sizeof(buf));
	n = read(fds[0], buf, LEN);
	kept = n == LEN;
	for (int i = 0; kept && i < LEN; i++)
		kept = buf[i] == byte_at(i);
	ut_check("copy_pipe_data_kept", kept, "%s data_ok=%d",
		 result(n, errno), kept);
	close(fds[0]);
	close(fds[1]);
}

/* Strings and structures the kernel copies: a path ending in the last bytes
 * before an unmapped page, one running into it, uname() and pipe2() results
 * written to a read-only page. */
static void others(uint8_t *p)
{
	char *end = (char *)p + 3 * UT_PAGE;	/* page 3 (unmapped) follows */
	long ret;

	ut_must(mprotect(p + 2 * UT_PAGE, UT_PAGE, PROT_READ | PROT_WRITE) == 0,
		"usertest: mprotect");
	memcpy(end - 8, "/nope\0ab", 8);
	ret = open(end - 8, O_RDONLY);
	ut_check("copy_path_ends_at_page_end", ret == -1 && errno == ENOENT,
		 "%s", result(ret, errno));
	want_efault("copy_path_into_unmapped", open(end - 2, O_RDONLY));
	want_efault("copy_uname_to_readonly", syscall(SYS_uname, p + UT_PAGE));
	want_efault("copy_pipe2_to_readonly",
		    syscall(SYS_pipe2, p + UT_PAGE, 0));
}

void group_copy(void)
{
	int fd = data_file();
	uint8_t *p = bad_pages();

	reads(fd, p);
	writes(fd, p);
	pipes(p);
	others(p);
	close(fd);
}
