/* Signals from trapping instructions, ARM and Thumb: si_code, si_addr, the
 * PC in the signal's ucontext (the trapping instruction), the CPSR T bit,
 * and resuming after the handler stepped over the instruction. */
#include <signal.h>
#include <stdio.h>

#include "sig.h"
#include "ut.h"

#define CASE(fn, t, sig, code, addr_known) \
	uint32_t fn(uintptr_t, uint32_t);
#include "faults_list.h"
#undef CASE

/* SIGTRAP or SIGBUS, as the kernel handles debug events (faults_list.h). */
#define SIG_DEBUG_EVENT (-2)

struct fault_case {
	const char *name;
	ut_fn fn;
	bool thumb;
	int signo;
	int code;
	bool addr_known;	/* si_addr must be the instruction's address */
};

static const struct fault_case cases[] = {
#define CASE(fn, t, sig, code, addr_known) \
	{ #fn, fn, t, sig, code, addr_known },
#include "faults_list.h"
#undef CASE
};

void group_faults(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct fault_case *c = &cases[i];
		uintptr_t at = UT_ADDR(c->fn);
		struct want w = { c->signo, c->code,
				  c->addr_known ? at : ANY_ADDR, at, c->thumb };
		struct fault f;
		char name[40], extra[32];
		uint32_t resumed = sig_call(SIG_STEP, c->fn, 0, 0, &f);

		snprintf(extra, sizeof(extra), "resumed=%u ", resumed);
		if (c->signo == SIG_DEBUG_EVENT)
			w.signo = f.signo == SIGBUS ? SIGBUS : SIGTRAP;
		if (resumed != 1)
			w.signo = -1;	/* the call must come back: FAIL */
		snprintf(name, sizeof(name), "fault_%s", c->name + 3);
		fault_check(name, &f, &w, extra);
	}
}
