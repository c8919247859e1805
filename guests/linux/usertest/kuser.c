/* The kuser helpers in the vector page (Documentation/arm/
 * kernel_user_helpers.rst): the version word, __kuser_get_tls,
 * __kuser_cmpxchg, __kuser_memory_barrier and __kuser_cmpxchg64, called from
 * ARM and Thumb code. cmpxchg must stay atomic when two processes use it on
 * shared memory and are switched in between. */
#include <sched.h>
#include <sys/mman.h>
#include <unistd.h>

#include "tls.h"
#include "ut.h"

#define KUSER_VERSION 0xffff0ffcu
#define KUSER_GET_TLS 0xffff0fe0u
#define KUSER_CMPXCHG 0xffff0fc0u
#define KUSER_BARRIER 0xffff0fa0u
#define KUSER_CMPXCHG64 0xffff0f60u

#define INCREMENTS 20000
#define YIELD_EVERY 64

typedef uint32_t (*get_tls_fn)(void);
typedef int (*cmpxchg_fn)(int32_t oldval, int32_t newval,
			  volatile int32_t *ptr);
typedef void (*barrier_fn)(void);
typedef int (*cmpxchg64_fn)(const int64_t *oldval, const int64_t *newval,
			    volatile int64_t *ptr);

#define get_tls ((get_tls_fn)KUSER_GET_TLS)
#define cmpxchg ((cmpxchg_fn)KUSER_CMPXCHG)
#define barrier ((barrier_fn)KUSER_BARRIER)
#define cmpxchg64 ((cmpxchg64_fn)KUSER_CMPXCHG64)

__attribute__((target("arm")))
static uint32_t get_tls_from_arm(void)
{
	return get_tls();
}

__attribute__((target("thumb")))
static uint32_t get_tls_from_thumb(void)
{
	return get_tls();
}

static void single(uint32_t version)
{
	volatile int32_t v = 5;
	volatile int64_t v64 = 0x100000005ll;
	int64_t old64 = 0x100000005ll, new64 = 0x200000006ll;
	int ok1, fail1, ok2, fail2;

	ut_check("kuser_get_tls", get_tls_from_arm() == tpidruro_get() &&
		 get_tls_from_thumb() == tpidruro_get(),
		 "from_arm_is_tpidruro=%d from_thumb_is_tpidruro=%d",
		 get_tls_from_arm() == tpidruro_get(),
		 get_tls_from_thumb() == tpidruro_get());

	ok1 = cmpxchg(5, 6, &v) == 0 && v == 6;
	fail1 = cmpxchg(5, 7, &v) != 0 && v == 6;
	ut_check("kuser_cmpxchg", ok1 && fail1, "swap=%d mismatch_refused=%d",
		 ok1, fail1);

	barrier();
	ut_check("kuser_memory_barrier", true, "returned=1");

	if (version < 5)
		return;
	ok2 = cmpxchg64(&old64, &new64, &v64) == 0 && v64 == new64;
	fail2 = cmpxchg64(&old64, &new64, &v64) != 0 && v64 == new64;
	ut_check("kuser_cmpxchg64", ok2 && fail2,
		 "swap=%d mismatch_refused=%d", ok2, fail2);
}

__attribute__((target("arm")))
static void add_one(volatile int32_t *p)
{
	int32_t old;

	do
		old = *p;
	while (cmpxchg(old, old + 1, p));
}

__attribute__((target("thumb")))
static void add_one64(volatile int64_t *p)
{
	int64_t old, new;

	do {
		old = *p;
		new = old + 1;
	} while (cmpxchg64(&old, &new, p));
}

struct counters {
	int32_t c32;
	int64_t c64;
};

static void increments(volatile struct counters *c, bool use64)
{
	for (int i = 1; i <= INCREMENTS; i++) {
		add_one(&c->c32);
		if (use64)
			add_one64(&c->c64);
		if (i % YIELD_EVERY == 0)
			sched_yield();
	}
}

static void two_processes(uint32_t version)
{
	volatile struct counters *c = mmap(NULL, UT_PAGE,
					   PROT_READ | PROT_WRITE,
					   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid_t pid;
	int st;

	ut_must(c != MAP_FAILED, "usertest: mmap");
	pid = ut_fork();
	increments(c, version >= 5);
	if (pid == 0)
		_exit(0);
	st = ut_wait(pid);
	ut_check("kuser_cmpxchg_two_processes", st == 0 &&
		 c->c32 == 2 * INCREMENTS &&
		 (version < 5 || c->c64 == 2 * INCREMENTS),
		 "each=%d total32_ok=%d total64_ok=%d", INCREMENTS,
		 c->c32 == 2 * INCREMENTS, c->c64 == 2 * INCREMENTS);
	munmap((void *)c, UT_PAGE);
}

void group_kuser(void)
{
	uint32_t version = *(volatile uint32_t *)KUSER_VERSION;

	/* get_tls needs version 1, cmpxchg 2, the barrier 3, cmpxchg64 5. */
	ut_check("kuser_helper_version", version >= 3, "version=%u", version);
	if (version < 3)
		return;
	single(version);
	two_processes(version);
}
