/* Running code that is expected to fault, and describing the signal. */
#ifndef SIG_H
#define SIG_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a signal handler saw; signo 0 means no signal. */
struct fault {
	int signo;
	int code;
	uintptr_t addr;		/* si_addr */
	uintptr_t pc;		/* uc_mcontext.arm_pc */
	uint32_t cpsr;		/* uc_mcontext.arm_cpsr */
	unsigned count;		/* signals taken during the call */
};

/* The tested code: an assembly routine, a C function or generated code. */
typedef uint32_t (*ut_fn)(uintptr_t a, uint32_t b);

enum sig_mode {
	SIG_JUMP,	/* leave the call with siglongjmp */
	SIG_STEP,	/* skip the faulting instruction and return to it */
	SIG_RETURN,	/* return unchanged (the signal came after the insn) */
};

/* Calls fn(a, b) with SIGSEGV, SIGBUS, SIGILL and SIGTRAP caught; returns
 * fn's result, or 0 when a SIG_JUMP signal ended the call. */
uint32_t sig_call(enum sig_mode mode, ut_fn fn, uintptr_t a, uint32_t b,
		  struct fault *f);

/* Called by the handler before it steps or returns (NULL: none). */
extern void (*sig_hook)(siginfo_t *si, void *uc);

/* The code address of a function or label (without the Thumb bit). */
#define UT_ADDR(fn) ((uintptr_t)(fn) & ~(uintptr_t)1)

#define ANY_CODE (-1000)
#define ANY_ADDR UINTPTR_MAX

/* The expected outcome: signo 0 for "no signal". The T bit is checked
 * against thumb; addr and pc may be ANY_ADDR, code ANY_CODE. */
struct want {
	int signo;
	int code;
	uintptr_t addr;
	uintptr_t pc;
	bool thumb;
};

/* Writes "ok" or e.g. "SIGSEGV SEGV_ACCERR addr_ok=1 pc_ok=1 T=0" to buf and
 * says whether f is the wanted outcome. */
bool fault_describe(char *buf, size_t n, const struct fault *f,
		    const struct want *w);

/* fault_describe() into a check line, with extra text in front. */
void fault_check(const char *name, const struct fault *f,
		 const struct want *w, const char *extra);

const char *sig_name(int signo);
const char *sig_code_name(int signo, int code);

#endif
