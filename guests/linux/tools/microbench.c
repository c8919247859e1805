/*
 * For bench/microbench.sh: lmbench-style costs of system calls, signals,
 * page faults, memory mapping and process creation. Each benchmark times a
 * fixed number of operations with the generic timer's virtual count
 * (CNTVCT) and prints the cost of one:
 *   microbench: <name> iterations=<N> ns_per_op=<float>
 * Under QEMU with -icount shift=0 one guest instruction takes 1 ns, so this
 * is instructions per operation, the hypervisor's own included. The counts
 * are fixed, so that both runs do the same work; they are small enough for
 * the hypervisor run to stay within minutes of wall time.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096
#define WORDS_PER_PAGE (PAGE / sizeof(uint32_t))

#define TOUCH_PAGES ((16 << 20) / PAGE)
#define TOUCH_PASSES 4
#define FAULT_PAGES ((4 << 20) / PAGE)
#define FAULT_ROUNDS 2
#define SMALL_MAP (64 << 10)

static uint64_t counter(void)
{
	uint32_t lo, hi;

	__asm__ volatile("isb\n\tmrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi) : : "memory");
	return (uint64_t)hi << 32 | lo;
}

/* Ends the program, with errno's reason, when a call has failed. */
static void must(bool ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "microbench: %s failed: %s\n", what, strerror(errno));
		exit(1);
	}
}

static void *map(size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	must(p != MAP_FAILED, "mmap");
	return p;
}

/* Writes one word in each page of [p, p + pages pages): the first write faults. */
static void touch(volatile uint32_t *p, unsigned pages)
{
	for (unsigned i = 0; i < pages; i++)
		p[i * WORDS_PER_PAGE] = i;
}

/* Before fork: nothing buffered may be written twice. */
static pid_t fork_flushed(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	must(pid >= 0, "fork");
	return pid;
}

/* Waits for the child, which must have exited with status 0. */
static void reap(pid_t pid)
{
	int status;

	must(waitpid(pid, &status, 0) == pid, "waitpid");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "microbench: child %d ended with wait status 0x%x\n", (int)pid, status);
		exit(1);
	}
}

/* Each benchmark does n operations and returns the counter ticks they took. */

static uint64_t cpu_loop(unsigned n)
{
	uint64_t t0 = counter();

	/* Two instructions an iteration, whatever the compiler does. */
	__asm__ volatile("1:\tsubs %0, %0, #1\n\tbne 1b" : "+r"(n) : : "cc");
	return counter() - t0;
}

static uint64_t null_syscall(unsigned n)
{
	uint64_t t0 = counter();

	for (unsigned i = 0; i < n; i++)
		must(syscall(SYS_getppid) > 0, "getppid");
	return counter() - t0;
}

/* n one-byte transfers with fd (flags O_RDONLY: reads, O_WRONLY: writes). */
static uint64_t byte_io(unsigned n, const char *path, int flags)
{
	int fd = open(path, flags);
	char byte = 0;
	uint64_t t0, t;

	must(fd >= 0, path);
	t0 = counter();
	for (unsigned i = 0; i < n; i++)
		must((flags == O_RDONLY ? read(fd, &byte, 1) : write(fd, &byte, 1)) == 1, path);
	t = counter() - t0;
	must(close(fd) == 0, "close");
	return t;
}

static uint64_t read_byte(unsigned n)
{
	return byte_io(n, "/dev/zero", O_RDONLY);
}

static uint64_t write_byte(unsigned n)
{
	return byte_io(n, "/dev/null", O_WRONLY);
}

static uint64_t pipe_roundtrip(unsigned n)
{
	int down[2], up[2];
	char byte = 0;
	uint64_t t0, t;
	pid_t pid;

	must(pipe(down) == 0 && pipe(up) == 0, "pipe");
	pid = fork_flushed();
	if (pid == 0) {
		must(close(down[1]) == 0 && close(up[0]) == 0, "child close");
		for (unsigned i = 0; i < n; i++) {
			must(read(down[0], &byte, 1) == 1, "child pipe read");
			must(write(up[1], &byte, 1) == 1, "child pipe write");
		}
		_exit(0);
	}
	/* Without the child's ends, a read here sees end-of-file if the child dies. */
	must(close(down[0]) == 0 && close(up[1]) == 0, "close");
	t0 = counter();
	for (unsigned i = 0; i < n; i++) {
		must(write(down[1], &byte, 1) == 1, "pipe write");
		must(read(up[0], &byte, 1) == 1, "pipe read");
	}
	t = counter() - t0;
	reap(pid);
	must(close(down[1]) == 0 && close(up[0]) == 0, "close");
	return t;
}

static volatile sig_atomic_t caught;

static void on_usr1(int sig)
{
	(void)sig;
	caught++;
}

static uint64_t signal_self(unsigned n)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	/* Asked once: getpid() is a system call of its own. */
	pid_t self = getpid();
	uint64_t t0, t;

	sigemptyset(&sa.sa_mask);
	must(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction");
	caught = 0;
	t0 = counter();
	for (unsigned i = 0; i < n; i++)
		must(kill(self, SIGUSR1) == 0, "kill");
	t = counter() - t0;
	if (caught != (sig_atomic_t)n) {
		fprintf(stderr, "microbench: %d of %u signals caught\n", (int)caught, n);
		exit(1);
	}
	return t;
}

/* n reads, one word a page, in passes over TOUCH_PAGES pages written beforehand. */
static uint64_t page_touch(unsigned n)
{
	volatile uint32_t *p = map(TOUCH_PAGES * PAGE);
	uint32_t sum = 0;
	uint64_t t0, t;

	touch(p, TOUCH_PAGES);
	t0 = counter();
	for (unsigned pass = 0; pass < n / TOUCH_PAGES; pass++)
		for (unsigned i = 0; i < TOUCH_PAGES; i++)
			sum += p[i * WORDS_PER_PAGE];
	t = counter() - t0;
	/* The pages hold 0 .. TOUCH_PAGES - 1. */
	if (sum != n / TOUCH_PAGES * (TOUCH_PAGES * (TOUCH_PAGES - 1) / 2)) {
		fprintf(stderr, "microbench: page_touch read back wrong values\n");
		exit(1);
	}
	must(munmap((void *)p, TOUCH_PAGES * PAGE) == 0, "munmap");
	return t;
}

/* n first writes to pages in rounds of FAULT_PAGES pages, timed with the
 * mapping and unmapping of each round: a page's whole life. */
static uint64_t page_fault(unsigned n)
{
	uint64_t t0 = counter();

	for (unsigned round = 0; round < n / FAULT_PAGES; round++) {
		void *p = map(FAULT_PAGES * PAGE);

		touch(p, FAULT_PAGES);
		must(munmap(p, FAULT_PAGES * PAGE) == 0, "munmap");
	}
	return counter() - t0;
}

/* n copy-on-write faults: a child writes to the n pages it shares with us. */
static uint64_t cow_fault(unsigned n)
{
	void *p = map(n * PAGE);
	int result[2];
	uint64_t t;
	pid_t pid;

	touch(p, n);
	must(pipe(result) == 0, "pipe");
	pid = fork_flushed();
	if (pid == 0) {
		uint64_t t0 = counter();

		touch(p, n);
		t = counter() - t0;
		must(write(result[1], &t, sizeof(t)) == sizeof(t), "child pipe write");
		_exit(0);
	}
	must(close(result[1]) == 0, "close");
	must(read(result[0], &t, sizeof(t)) == sizeof(t), "pipe read");
	reap(pid);
	must(close(result[0]) == 0, "close");
	must(munmap(p, n * PAGE) == 0, "munmap");
	return t;
}

static uint64_t mmap_munmap(unsigned n)
{
	uint64_t t0 = counter();

	for (unsigned i = 0; i < n; i++)
		must(munmap(map(SMALL_MAP), SMALL_MAP) == 0, "munmap");
	return counter() - t0;
}

/* One operation: read-only, then writable again. */
static uint64_t mprotect_rw(unsigned n)
{
	void *p = map(SMALL_MAP);
	uint64_t t0, t;

	touch(p, SMALL_MAP / PAGE);
	t0 = counter();
	for (unsigned i = 0; i < n; i++) {
		must(mprotect(p, SMALL_MAP, PROT_READ) == 0, "mprotect");
		must(mprotect(p, SMALL_MAP, PROT_READ | PROT_WRITE) == 0, "mprotect");
	}
	t = counter() - t0;
	must(munmap(p, SMALL_MAP) == 0, "munmap");
	return t;
}

static uint64_t fork_exit(unsigned n)
{
	uint64_t t0 = counter();

	for (unsigned i = 0; i < n; i++) {
		pid_t pid = fork_flushed();

		if (pid == 0)
			_exit(0);
		reap(pid);
	}
	return counter() - t0;
}

static uint64_t fork_exec(unsigned n)
{
	uint64_t t0 = counter();

	for (unsigned i = 0; i < n; i++) {
		pid_t pid = fork_flushed();

		if (pid == 0) {
			execl("/bin/true", "true", (char *)NULL);
			fprintf(stderr, "microbench: exec /bin/true failed: %s\n", strerror(errno));
			_exit(1);
		}
		reap(pid);
	}
	return counter() - t0;
}

static const struct {
	const char *name;
	unsigned iterations;
	uint64_t (*run)(unsigned n);
} benchmarks[] = {
	{ "cpu_loop", 10000000, cpu_loop },
	{ "null_syscall", 2000, null_syscall },
	{ "read_byte", 2000, read_byte },
	{ "write_byte", 2000, write_byte },
	{ "pipe_roundtrip", 500, pipe_roundtrip },
	{ "signal", 500, signal_self },
	{ "page_touch", TOUCH_PASSES * TOUCH_PAGES, page_touch },
	{ "page_fault", FAULT_ROUNDS * FAULT_PAGES, page_fault },
	{ "cow_fault", FAULT_PAGES, cow_fault },
	{ "mmap_munmap", 500, mmap_munmap },
	{ "mprotect", 500, mprotect_rw },
	{ "fork_exit", 100, fork_exit },
	{ "fork_exec", 50, fork_exec },
};

int main(void)
{
	uint32_t freq;

	__asm__ volatile("mrc p15, 0, %0, c14, c0, 0" : "=r"(freq));      /* CNTFRQ */
	if (!freq) {
		fprintf(stderr, "microbench: CNTFRQ is 0\n");
		return 1;
	}
	for (size_t i = 0; i < sizeof(benchmarks) / sizeof(benchmarks[0]); i++) {
		unsigned n = benchmarks[i].iterations;
		uint64_t ticks = benchmarks[i].run(n);

		printf("microbench: %s iterations=%u ns_per_op=%.2f\n", benchmarks[i].name, n,
		       (double)ticks * 1e9 / freq / n);
		fflush(stdout);
	}
	puts("microbench: done");
	return 0;
}
