/* Signal capture: SA_SIGINFO handlers that record si_code, si_addr and the
 * interrupted PC/CPSR, then leave the tested code one of three ways. */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

#include "sig.h"
#include "ut.h"

#define PSR_T 0x20u

static const int caught[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP };

static sigjmp_buf jump_env;
static volatile enum sig_mode cur_mode;
static struct fault *volatile cur;

void (*sig_hook)(siginfo_t *si, void *uc);

/* 2 or 4: a Thumb instruction is 32-bit when its first halfword starts with
 * 0b11101, 0b11110 or 0b11111. */
static uint32_t insn_size(uintptr_t pc, uint32_t cpsr)
{
	if (!(cpsr & PSR_T))
		return 4;
	return (*(const uint16_t *)pc >> 11) >= 0x1d ? 4 : 2;
}

static void handler(int signo, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	struct fault *f = cur;

	f->signo = signo;
	f->code = si->si_code;
	f->addr = (uintptr_t)si->si_addr;
	f->pc = uc->uc_mcontext.arm_pc;
	f->cpsr = uc->uc_mcontext.arm_cpsr;
	f->count++;
	if (sig_hook)
		sig_hook(si, ucv);
	switch (cur_mode) {
	case SIG_JUMP:
		siglongjmp(jump_env, 1);
	case SIG_STEP:
		uc->uc_mcontext.arm_pc += insn_size(f->pc, f->cpsr);
		break;
	case SIG_RETURN:
		break;
	}
}

static void set_handlers(bool on)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	if (on) {
		sa.sa_sigaction = handler;
		sa.sa_flags = SA_SIGINFO;
	} else {
		sa.sa_handler = SIG_DFL;
	}
	for (size_t i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
		sigaction(caught[i], &sa, NULL);
}

uint32_t sig_call(enum sig_mode mode, ut_fn fn, uintptr_t a, uint32_t b,
		  struct fault *f)
{
	volatile uint32_t ret = 0;

	memset(f, 0, sizeof(*f));
	cur = f;
	cur_mode = mode;
	set_handlers(true);
	if (sigsetjmp(jump_env, 1) == 0)
		ret = fn(a, b);
	/* Faults outside a call kill the group, which main.c reports. */
	set_handlers(false);
	return ret;
}

const char *sig_name(int signo)
{
	switch (signo) {
	case SIGSEGV: return "SIGSEGV";
	case SIGBUS: return "SIGBUS";
	case SIGILL: return "SIGILL";
	case SIGTRAP: return "SIGTRAP";
	default: return "SIG?";
	}
}

const char *sig_code_name(int signo, int code)
{
	static char other[16];

	if (code == SI_USER)
		return "SI_USER";
	if (code == SI_KERNEL)
		return "SI_KERNEL";
	switch (signo * 100 + code) {
	case SIGSEGV * 100 + SEGV_MAPERR: return "SEGV_MAPERR";
	case SIGSEGV * 100 + SEGV_ACCERR: return "SEGV_ACCERR";
	case SIGBUS * 100 + BUS_ADRALN: return "BUS_ADRALN";
	case SIGBUS * 100 + BUS_ADRERR: return "BUS_ADRERR";
	case SIGBUS * 100 + BUS_OBJERR: return "BUS_OBJERR";
	case SIGILL * 100 + ILL_ILLOPC: return "ILL_ILLOPC";
	case SIGILL * 100 + ILL_ILLOPN: return "ILL_ILLOPN";
	case SIGILL * 100 + ILL_ILLADR: return "ILL_ILLADR";
	case SIGILL * 100 + ILL_ILLTRP: return "ILL_ILLTRP";
	case SIGILL * 100 + ILL_PRVOPC: return "ILL_PRVOPC";
	case SIGILL * 100 + ILL_PRVREG: return "ILL_PRVREG";
	case SIGILL * 100 + ILL_COPROC: return "ILL_COPROC";
	case SIGTRAP * 100 + TRAP_BRKPT: return "TRAP_BRKPT";
	case SIGTRAP * 100 + TRAP_TRACE: return "TRAP_TRACE";
	case SIGTRAP * 100 + TRAP_HWBKPT: return "TRAP_HWBKPT";
	}
	snprintf(other, sizeof(other), "code%d", code);
	return other;
}

/* "name_ok=1", or the signed distance from the expected address. */
static int describe_addr(char *buf, size_t n, const char *name,
			 uintptr_t got, uintptr_t want)
{
	if (got == want)
		return snprintf(buf, n, " %s_ok=1", name);
	return snprintf(buf, n, " %s_ok=0(%+ld)", name, (long)(got - want));
}

bool fault_describe(char *buf, size_t n, const struct fault *f,
		    const struct want *w)
{
	bool ok = f->signo == w->signo;
	bool thumb = f->cpsr & PSR_T;
	size_t len;

	if (!f->signo) {
		snprintf(buf, n, "ok");
		return ok;
	}
	len = snprintf(buf, n, "%s %s", sig_name(f->signo),
		       sig_code_name(f->signo, f->code));
	if (w->code != ANY_CODE && f->code != w->code)
		ok = false;
	if (w->addr != ANY_ADDR && len < n) {
		len += describe_addr(buf + len, n - len, "addr", f->addr,
				     w->addr);
		ok = ok && f->addr == w->addr;
	}
	if (w->pc != ANY_ADDR && len < n) {
		len += describe_addr(buf + len, n - len, "pc", f->pc, w->pc);
		ok = ok && f->pc == w->pc;
	}
	if (len < n)
		len += snprintf(buf + len, n - len, " T=%d", thumb);
	if (f->count > 1 && len < n)
		snprintf(buf + len, n - len, " signals=%u", f->count);
	return ok && thumb == w->thumb && f->count == 1;
}

void fault_check(const char *name, const struct fault *f,
		 const struct want *w, const char *extra)
{
	char buf[160];
	bool ok = fault_describe(buf, sizeof(buf), f, w);

	ut_check(name, ok, "%s%s", extra, buf);
}
