/* VFP state is per thread: the kernel switches it lazily (the first VFP
 * instruction after a switch traps and loads the state), copies it at fork,
 * shows it to a signal handler, saves it in the signal frame and restores it
 * at sigreturn. Registers d16-d31 are included when the CPU has them. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <ucontext.h>
#include <unistd.h>

#include "sig.h"
#include "ut.h"
#include "vfp.h"

#define ROUNDS 200
#define VFP_MAGIC 0x56465001u	/* struct vfp_sigframe in the kernel */

/* Distinct rounding modes, flush-to-zero, default NaN, flags and sticky
 * exception bits for each side (no vector length or stride). */
#define FPSCR_A 0x80c00001u
#define FPSCR_B 0x43400010u

uint64_t ut_vfp_seen[32];
uint32_t ut_vfp_seen_fpscr;
uint32_t ut_vfp_nregs;

struct side {
	uint64_t in[32], out[32];
	struct vfp_job job;
};

static void side_init(struct side *s, uint32_t seed, uint32_t fpscr)
{
	for (int i = 0; i < 32; i++)
		s->in[i] = (uint64_t)(seed * 0x01000193u ^ (uint32_t)i) << 32 |
			   (seed << 8 | (uint32_t)i);
	memset(&s->job, 0, sizeof(s->job));
	s->job.in = s->in;
	s->job.out = s->out;
	s->job.nregs = ut_vfp_nregs;
	s->job.rounds = ROUNDS;
	s->job.fpscr_in = fpscr;
}

static void fork_copy(void)
{
	struct side s;
	int pid, st;

	side_init(&s, 1, FPSCR_A);
	fflush(NULL);
	pid = ut_vfp_fork(&s.job);
	if (pid == 0)
		_exit(s.job.mismatches > 100 ? 100 : s.job.mismatches);
	st = pid > 0 ? ut_wait(pid) : -1;
	ut_check("vfp_fork", st == 0 && s.job.mismatches == 0,
		 "child_changed=%d parent_changed=%d", st, s.job.mismatches);
}

static void processes(void)
{
	struct side s;
	struct pingpong pp;
	pid_t pid;
	int st;

	pp_open(&pp);
	pid = ut_fork();
	pp_side(&pp, pid == 0);
	side_init(&s, pid == 0 ? 2 : 3, pid == 0 ? FPSCR_B : FPSCR_A);
	s.job.rfd = pp.rfd;
	s.job.wfd = pp.wfd;
	ut_vfp_pingpong(&s.job);
	if (pid == 0)
		_exit(s.job.mismatches > 100 ? 100 : s.job.mismatches);
	st = ut_wait(pid);
	pp_close(&pp);
	ut_check("vfp_processes", st == 0 && s.job.mismatches == 0,
		 "rounds=%d parent_changed=%d child_changed=%d", ROUNDS,
		 s.job.mismatches, st);
}

static void *thread_main(void *arg)
{
	ut_vfp_pingpong(arg);
	return NULL;
}

static void threads(void)
{
	struct side a, b;
	struct pingpong pp, other;
	pthread_t t;

	pp_open(&pp);
	other = pp;
	pp_side(&pp, false);
	pp_side(&other, true);
	side_init(&a, 4, FPSCR_A);
	side_init(&b, 5, FPSCR_B);
	a.job.rfd = pp.rfd;
	a.job.wfd = pp.wfd;
	b.job.rfd = other.rfd;
	b.job.wfd = other.wfd;
	ut_must(pthread_create(&t, NULL, thread_main, &b.job) == 0,
		"usertest: pthread_create");
	ut_vfp_pingpong(&a.job);
	pthread_join(t, NULL);
	pp_close(&pp);
	ut_check("vfp_threads", a.job.mismatches == 0 && b.job.mismatches == 0,
		 "rounds=%d main_changed=%d thread_changed=%d", ROUNDS,
		 a.job.mismatches, b.job.mismatches);
}

static bool frame_regs_ok;

/* The VFP record in the signal frame's uc_regspace holds the registers. */
static void vfp_hook(siginfo_t *si, void *ucv)
{
	const ucontext_t *uc = ucv;
	const uint32_t *r = (const uint32_t *)uc->uc_regspace;

	(void)si;
	ut_vfp_seen_clobber();	/* first: C code may use d0-d7 */
	frame_regs_ok = false;
	for (size_t i = 0; i + 2 < sizeof(uc->uc_regspace) / 4; i += 2) {
		if (r[i] == VFP_MAGIC) {
			frame_regs_ok = !memcmp(&r[i + 2], ut_vfp_seen,
						ut_vfp_nregs * 8);
			break;
		}
	}
}

static void signal_frame(void)
{
	struct side s;
	struct fault f;
	struct want w = { SIGILL, ILL_ILLOPC, (uintptr_t)ut_vfp_trap_at,
			  (uintptr_t)ut_vfp_trap_at, false };
	bool seen, seen_fpscr;
	char desc[160];

	side_init(&s, 6, FPSCR_B);
	memset(ut_vfp_seen, 0, sizeof(ut_vfp_seen));
	sig_hook = vfp_hook;
	sig_call(SIG_STEP, ut_vfp_trap, (uintptr_t)&s.job, 0, &f);
	sig_hook = NULL;
	seen = !memcmp(ut_vfp_seen, s.in, ut_vfp_nregs * 8);
	seen_fpscr = ut_vfp_seen_fpscr == FPSCR_B;
	ut_check("vfp_signal", fault_describe(desc, sizeof(desc), &f, &w) &&
		 seen && seen_fpscr && frame_regs_ok && s.job.mismatches == 0,
		 "%s handler_sees_regs=%d handler_sees_fpscr=%d "
		 "frame_regs_ok=%d changed_after_sigreturn=%d", desc, seen,
		 seen_fpscr, frame_regs_ok, s.job.mismatches);
}

void group_vfp(void)
{
	ut_vfp_nregs = getauxval(AT_HWCAP) & HWCAP_ARM_VFPD32 ? 32 : 16;
	fork_copy();
	processes();
	threads();
	signal_frame();
}
