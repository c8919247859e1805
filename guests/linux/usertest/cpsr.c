/* The CPSR seen from User mode, ARM and Thumb. MRS in User mode returns
 * UNKNOWN mode, A, I, F and E fields (ARM ARM B9.3.8), so those are printed
 * but only checked in the CPSR the kernel saved at a trap, which must say
 * User mode with no exception masked (IT, J and E clear, T as the code). The
 * condition flags, Q and GE are architecturally defined in both. */
#include <signal.h>
#include <stdio.h>

#include "sig.h"
#include "ut.h"

#define PSR_MODE 0x1fu
#define PSR_AIF 0x1c0u
#define PSR_I 0x80u
#define PSR_T 0x20u
#define PSR_E 0x200u
#define PSR_IT 0x0600fc00u
#define PSR_J 0x01000000u
#define PSR_NZCVQ 0xf8000000u
#define PSR_GE 0x000f0000u
#define USR 0x10u

/* Writes that User mode must not be able to make: System mode, all masks.
 * Flags all set; E stays clear (little-endian data). */
#define MSR_ALL (PSR_NZCVQ | PSR_GE | PSR_AIF | 0x1fu)
#define MSR_C 0xd3u	/* I, F, Supervisor: as the ARM immediate in cpsr.S */

#define ROUTINES(sfx) \
	X(cpsr, sfx) X(cmp, sfx) X(qadd, sfx) X(uadd8, sfx) X(msr, sfx) \
	X(msr_c, sfx) X(cpsid, sfx) X(cps_mode, sfx)
#define X(op, sfx) \
	uint32_t ut_##op##_##sfx(uintptr_t, uint32_t); \
	extern const char ut_##op##_##sfx##_at[];
ROUTINES(arm)
ROUTINES(thumb)
#undef X

struct routine {
	ut_fn fn;
	const char *at;
};

#define X(op, sfx) { ut_##op##_##sfx, ut_##op##_##sfx##_at },
static const struct routine arm_set[] = { ROUTINES(arm) };
static const struct routine thumb_set[] = { ROUTINES(thumb) };
#undef X

enum { CPSR, CMP, QADD, UADD8, MSR, MSR_CP, CPSID, CPS_MODE };

/* Runs a routine; returns what MRS read, and in *saved the CPSR the kernel
 * saved at the UDF after it (0 and ok false when that did not happen). */
static uint32_t run(bool thumb, int which, uint32_t a, uint32_t b,
		    uint32_t *saved, bool *trap_ok)
{
	const struct routine *r = thumb ? &thumb_set[which] : &arm_set[which];
	struct want w = { SIGILL, ILL_ILLOPC, (uintptr_t)r->at,
			  (uintptr_t)r->at, thumb };
	struct fault f;
	char desc[160];
	uint32_t mrs = sig_call(SIG_STEP, r->fn, a, b, &f);

	*trap_ok = fault_describe(desc, sizeof(desc), &f, &w);
	*saved = f.cpsr;
	return mrs;
}

/*
 * The saved CPSR must be User mode with IRQs unmasked, in the right state.
 * A and F are reported, not checked: the user ABI says nothing of them,
 * and on QEMU's Cortex-A8 (cubieboard, Secure state) user code runs with
 * both set.
 */
static bool saved_ok(uint32_t saved, bool thumb)
{
	return (saved & PSR_MODE) == USR && !(saved & PSR_I) &&
	       !(saved & (PSR_E | PSR_IT | PSR_J)) &&
	       !!(saved & PSR_T) == thumb;
}

static void describe(char *buf, size_t n, const char *what, uint32_t psr)
{
	snprintf(buf, n, "%s_mode=%#x %s_aif=%u %s_e=%u", what, psr & PSR_MODE,
		 what, (psr & PSR_AIF) >> 6, what, !!(psr & PSR_E));
}

/* Routines that only read or try to change the mode and masks. */
static void state(bool thumb, const char *sfx, int which, const char *what,
		  uint32_t arg)
{
	uint32_t saved, mrs;
	bool trap_ok;
	char name[40], m[48], s[48];

	mrs = run(thumb, which, arg, 0, &saved, &trap_ok);
	describe(m, sizeof(m), "mrs", mrs);
	describe(s, sizeof(s), "saved", saved);
	snprintf(name, sizeof(name), "cpsr_%s_%s", what, sfx);
	ut_check(name, trap_ok && saved_ok(saved, thumb), "%s %s saved_t=%u%s",
		 m, s, !!(saved & PSR_T), trap_ok ? "" : " trap_wrong");
}

/* Routines that set flags: MRS and the saved CPSR must both show want. */
static void flags(bool thumb, const char *sfx, int which, const char *what,
		  uint32_t a, uint32_t b, uint32_t mask, uint32_t want)
{
	uint32_t saved, mrs;
	bool trap_ok, ok;
	char name[40];

	mrs = run(thumb, which, a, b, &saved, &trap_ok);
	snprintf(name, sizeof(name), "cpsr_%s_%s", what, sfx);
	ok = trap_ok && (mrs & mask) == want && (saved & mask) == want &&
	     saved_ok(saved, thumb);
	ut_check(name, ok, "mrs_flags=%#x saved_flags=%#x saved_mode=%#x",
		 mrs & mask, saved & mask, saved & PSR_MODE);
}

static void one_set(bool thumb)
{
	const char *sfx = thumb ? "thumb" : "arm";
	const uint32_t nzcv = 0xf0000000u;

	state(thumb, sfx, CPSR, "read", 0);
	/* NZCV from CMP a, b. */
	flags(thumb, sfx, CMP, "cmp_1_2", 1, 2, nzcv, 0x80000000u);
	flags(thumb, sfx, CMP, "cmp_2_2", 2, 2, nzcv, 0x60000000u);
	flags(thumb, sfx, CMP, "cmp_min_1", 0x80000000u, 1, nzcv, 0x30000000u);
	flags(thumb, sfx, CMP, "cmp_max_m1", 0x7fffffffu, 0xffffffffu, nzcv,
	      0x90000000u);
	flags(thumb, sfx, QADD, "qadd_saturates", 0, 0, PSR_NZCVQ, 0x08000000u);
	/* Byte 1 and byte 3 carry out: GE = 0b1010. */
	flags(thumb, sfx, UADD8, "uadd8_ge", 0xff00ff00u, 0x01010101u, PSR_GE,
	      0x000a0000u);
	flags(thumb, sfx, MSR, "msr_all_flags", MSR_ALL, 0, PSR_NZCVQ | PSR_GE,
	      PSR_NZCVQ | PSR_GE);
	state(thumb, sfx, MSR, "msr_all_mode", MSR_ALL);
	state(thumb, sfx, MSR_CP, "msr_c_mode", MSR_C);
	state(thumb, sfx, CPSID, "cpsid_aif", 0);
	state(thumb, sfx, CPS_MODE, "cps_svc", 0);
}

void group_cpsr(void)
{
	one_set(false);
	one_set(true);
}
