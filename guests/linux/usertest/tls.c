/* TPIDRURO, the thread pointer: what the C library uses (it must equal
 * __builtin_thread_pointer() in ARM and Thumb code), per thread, behind
 * __thread variables, and set through the set_tls system call. TPIDRURW:
 * user-writable, kept across system calls and signal delivery. */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <unistd.h>

#include "sig.h"
#include "tls.h"
#include "ut.h"

void ut_set_tls_probe(uint32_t value, uint32_t seen[4]);

static __thread uint32_t tls_word = 1;

__attribute__((target("arm")))
static uint32_t tp_arm(void)
{
	return tpidruro_get();
}

__attribute__((target("thumb")))
static uint32_t tp_thumb(void)
{
	return tpidruro_get();
}

struct thread_view {
	uint32_t tp;
	uintptr_t tls_off;	/* &tls_word - thread pointer */
	uint32_t tls_value;
};

static void view(struct thread_view *v)
{
	v->tp = tp_thumb();
	v->tls_off = (uintptr_t)&tls_word - v->tp;
	v->tls_value = tls_word;
}

static void *thread_main(void *arg)
{
	tls_word = 2;
	view(arg);
	return NULL;
}

static void thread_pointer(void)
{
	uint32_t tp = (uint32_t)__builtin_thread_pointer();
	struct thread_view mine, other;
	pthread_t t;

	ut_check("tls_tpidruro", tp_arm() == tp && tp_thumb() == tp,
		 "arm_is_thread_pointer=%d thumb_is_thread_pointer=%d",
		 tp_arm() == tp, tp_thumb() == tp);

	tls_word = 3;
	ut_must(pthread_create(&t, NULL, thread_main, &other) == 0,
		"usertest: pthread_create");
	pthread_join(t, NULL);
	view(&mine);
	ut_check("tls_thread", mine.tp != other.tp &&
		 mine.tls_off == other.tls_off && mine.tls_value == 3 &&
		 other.tls_value == 2, "tp_differs=%d same_tls_offset=%d "
		 "main_value=%u thread_value=%u", mine.tp != other.tp,
		 mine.tls_off == other.tls_off, mine.tls_value,
		 other.tls_value);
}

static void set_tls(void)
{
	uint32_t tp = tpidruro_get(), seen[4], want = tp ^ 0x10000;

	ut_set_tls_probe(want, seen);
	ut_check("tls_set_tls_syscall", seen[0] == want && seen[1] == want &&
		 seen[2] == want && seen[3] == want && tpidruro_get() == tp,
		 "mrc=%d kuser_get_tls=%d get_tls=%d after_yield=%d "
		 "restored=%d", seen[0] == want, seen[1] == want,
		 seen[2] == want, seen[3] == want, tpidruro_get() == tp);
}

static uint32_t in_handler;

static void rw_hook(siginfo_t *si, void *uc)
{
	(void)si;
	(void)uc;
	in_handler = tpidrurw_get();
	tpidrurw_set(0xbad);
}

static uint32_t raise_trap(uintptr_t a, uint32_t b)
{
	(void)a;
	(void)b;
	return raise(SIGTRAP);
}

/* Linux does not touch TPIDRURW for signals: the handler sees the value,
 * and what the handler writes stays (it is not in the signal frame). */
static void tpidrurw(void)
{
	struct fault f;
	bool syscalls;

	tpidrurw_set(0x12345678);
	getppid();
	sched_yield();
	syscalls = tpidrurw_get() == 0x12345678;
	ut_check("tls_tpidrurw_syscalls", syscalls, "kept=%d", syscalls);

	sig_hook = rw_hook;
	sig_call(SIG_RETURN, raise_trap, 0, 0, &f);
	sig_hook = NULL;
	ut_check("tls_tpidrurw_signal", f.signo == SIGTRAP &&
		 in_handler == 0x12345678 && tpidrurw_get() == 0xbad,
		 "handler_sees_value=%d handler_write_kept=%d",
		 in_handler == 0x12345678, tpidrurw_get() == 0xbad);
}

void group_tls(void)
{
	thread_pointer();
	set_tls();
	tpidrurw();
}
