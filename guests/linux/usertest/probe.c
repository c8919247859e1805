/* Single accesses with their outcome checked (see probe.h). */
#include <string.h>

#include "probe.h"
#include "sig.h"
#include "ut.h"

void probe(const char *name, enum probe_op op, bool thumb, uintptr_t addr,
	   uint32_t value, int signo, int code)
{
	static const ut_fn access[2][2] = {
		{ ut_ld_arm, ut_st_arm }, { ut_ld_thumb, ut_st_thumb },
	};
	struct want w = { signo, code, addr, addr, thumb };
	struct fault f;
	uint32_t got;
	char desc[160];
	bool ok;

	if (op == PROBE_EXEC) {
		got = sig_call(SIG_JUMP, (ut_fn)(addr | thumb), 0, 0, &f);
	} else {
		ut_fn fn = access[thumb][op == PROBE_WRITE];

		w.pc = UT_ADDR(fn);
		got = sig_call(SIG_JUMP, fn, addr, value, &f);
		if (op == PROBE_WRITE && !f.signo)
			got = *(volatile uint32_t *)addr;
	}
	ok = fault_describe(desc, sizeof(desc), &f, &w);
	if (f.signo || signo)
		ut_check(name, ok, "%s", desc);
	else
		ut_check(name, got == value, "ok value_ok=%d", got == value);
}

void code_arm(void *dst, uint8_t ret)
{
	const uint32_t insns[2] = {
		0xe3a00000u | ret,	/* mov r0, #ret */
		0xe12fff1eu,		/* bx lr */
	};

	memcpy(dst, insns, sizeof(insns));
}

void code_thumb(void *dst, uint8_t ret)
{
	const uint16_t insns[2] = {
		(uint16_t)(0x2000u | ret),	/* movs r0, #ret */
		0x4770u,			/* bx lr */
	};

	memcpy(dst, insns, sizeof(insns));
}
