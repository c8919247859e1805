/* Generic timer and debug registers from User mode. Where the CPU has a
 * generic timer (its counter is a clocksource of the kernel's), Linux lets
 * User mode read the virtual counter and CNTFRQ and nothing else of the
 * timer: those reads work (values are not printed, only that the counter
 * increases and the frequency is not zero), the others are SIGILL
 * ILL_ILLOPC at the instruction. Without one (a Cortex-A8) every access is
 * SIGILL ILL_ILLOPC. Whether a debug register read traps depends on DBGDSCR
 * and on what the hardware implements, so only that is printed. */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "sig.h"
#include "ut.h"

#define COUNTER_READS 64
#define CLOCKSOURCES "/sys/devices/system/clocksource/clocksource0/available_clocksource"
#define GENERIC_TIMER_CLOCKSOURCE "arch_sys_counter"

#define ROUTINES(sfx) \
	X(cntvct, sfx) X(cntfrq, sfx) X(cntpct, sfx) X(cntv_ctl, sfx) \
	X(cntp_ctl, sfx) X(cntkctl, sfx) X(dbgdidr, sfx) X(dbgdscr, sfx) \
	X(dbgdrar, sfx)
#define X(op, sfx) \
	uint32_t ut_##op##_##sfx(uintptr_t, uint32_t); \
	extern const char ut_##op##_##sfx##_at[];
ROUTINES(arm)
ROUTINES(thumb)
#undef X

struct routine {
	const char *name;
	ut_fn fn;
	const char *at;
	bool thumb;
};

#define R(op, sfx, t) { #op "_" #sfx, ut_##op##_##sfx, ut_##op##_##sfx##_at, t }

/* Reads the virtual counter alternately from ARM and Thumb code. */
static void counter(void)
{
	const struct routine r[2] = { R(cntvct, arm, false),
				      R(cntvct, thumb, true) };
	uint64_t prev = 0, now, first = 0;
	struct fault f;
	int back = 0;

	for (int i = 0; i < COUNTER_READS; i++) {
		sig_call(SIG_JUMP, r[i % 2].fn, (uintptr_t)&now, 0, &f);
		if (f.signo) {
			struct want w = { 0, 0, 0, 0, r[i % 2].thumb };

			fault_check("cp15_cntvct", &f, &w, "");
			return;
		}
		if (i == 0)
			first = now;
		else
			back += now < prev;
		prev = now;
		if (i == COUNTER_READS / 2)
			sched_yield();
	}
	ut_check("cp15_cntvct", !back && now > first,
		 "reads=%d went_back=%d increased=%d", COUNTER_READS, back,
		 now > first);
}

static void frequency(const struct routine *r)
{
	struct fault f;
	struct want w = { 0, 0, 0, 0, r->thumb };
	char name[40];
	uint32_t hz = sig_call(SIG_JUMP, r->fn, 0, 0, &f);

	snprintf(name, sizeof(name), "cp15_%s", r->name);
	if (f.signo)
		fault_check(name, &f, &w, "");
	else
		ut_check(name, hz != 0, "nonzero=%d", hz != 0);
}

/* The access must be SIGILL at the instruction, or (when may_work) work. */
static void denied(const char *prefix, const struct routine *r, bool may_work)
{
	uint64_t sink;
	struct fault f;
	struct want w = { SIGILL, ILL_ILLOPC, (uintptr_t)r->at,
			  (uintptr_t)r->at, r->thumb };
	char name[40], desc[160];
	bool ok;

	sig_call(SIG_JUMP, r->fn, (uintptr_t)&sink, 0, &f);
	snprintf(name, sizeof(name), "%s_%s", prefix, r->name);
	ok = fault_describe(desc, sizeof(desc), &f, &w);
	if (may_work)
		ut_check(name, !f.signo || ok, "trapped=%d%s%s", !!f.signo,
			 f.signo ? " " : "", f.signo ? desc : "");
	else
		ut_check(name, ok, "%s", desc);
}

/* Does the kernel count time with the CPU's generic timer? */
static bool has_generic_timer(void)
{
	char names[256] = "";
	FILE *f = fopen(CLOCKSOURCES, "r");

	if (f) {
		if (!fgets(names, sizeof(names), f))
			names[0] = 0;
		fclose(f);
	}
	ut_check("cp15_clocksources_read", f && names[0], "readable=%d", f && names[0]);
	return strstr(names, GENERIC_TIMER_CLOCKSOURCE);
}

void group_cp15(void)
{
	static const struct routine freq[] = {
		R(cntfrq, arm, false), R(cntfrq, thumb, true),
	};
	static const struct routine no[] = {
		R(cntpct, arm, false), R(cntpct, thumb, true),
		R(cntv_ctl, arm, false), R(cntv_ctl, thumb, true),
		R(cntp_ctl, arm, false), R(cntp_ctl, thumb, true),
		R(cntkctl, arm, false), R(cntkctl, thumb, true),
	};
	static const struct routine dbg[] = {
		R(dbgdidr, arm, false), R(dbgdidr, thumb, true),
		R(dbgdscr, arm, false), R(dbgdscr, thumb, true),
		R(dbgdrar, arm, false), R(dbgdrar, thumb, true),
	};

	static const struct routine count[] = {
		R(cntvct, arm, false), R(cntvct, thumb, true),
	};

	if (has_generic_timer()) {
		counter();
		for (size_t i = 0; i < sizeof(freq) / sizeof(freq[0]); i++)
			frequency(&freq[i]);
	} else {
		for (size_t i = 0; i < sizeof(count) / sizeof(count[0]); i++)
			denied("cp15", &count[i], false);
		for (size_t i = 0; i < sizeof(freq) / sizeof(freq[0]); i++)
			denied("cp15", &freq[i], false);
	}
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		denied("cp15", &no[i], false);
	for (size_t i = 0; i < sizeof(dbg) / sizeof(dbg[0]); i++)
		denied("cp14", &dbg[i], true);
}
