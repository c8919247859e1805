/* Unaligned accesses. ARMv7 with SCTLR.A == 0 (as Linux sets it) performs
 * unaligned LDR, STR, LDRH and STRH in hardware. LDRD, STRD, LDM and STM
 * always take an alignment fault, which Linux emulates when
 * /proc/cpu/alignment says "fixup" (the default for ARMv6+). LDREX, LDREXD
 * and VLDR fault too and are never emulated: SIGBUS BUS_ADRALN with si_addr
 * the address. Linux has already stepped the PC past the instruction when it
 * gives up, so the PC is printed relative to the instruction, not checked. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "sig.h"
#include "ut.h"

enum kind {
	HW,		/* done by the hardware */
	FIXUP,		/* done by the kernel's fix-up, or SIGBUS without it */
	NEVER,		/* SIGBUS */
};

struct ucase {
	const char *name;
	ut_fn fn;
	const char *at;
	bool thumb;
	bool store;
	unsigned size;		/* bytes accessed */
	unsigned offset;	/* from an 8-byte boundary */
	enum kind kind;
};

#define CASES(sfx, thumb) \
	X(ldr, sfx, thumb, false, 4, 1, HW) \
	X(ldrh, sfx, thumb, false, 2, 3, HW) \
	X(str, sfx, thumb, true, 4, 2, HW) \
	X(strh, sfx, thumb, true, 2, 1, HW) \
	X(ldrd, sfx, thumb, false, 8, 1, FIXUP) \
	X(strd, sfx, thumb, true, 8, 2, FIXUP) \
	X(ldm, sfx, thumb, false, 8, 3, FIXUP) \
	X(stm, sfx, thumb, true, 8, 1, FIXUP) \
	X(ldrex, sfx, thumb, false, 4, 1, NEVER) \
	X(ldrexd, sfx, thumb, false, 8, 4, NEVER) \
	X(vldr, sfx, thumb, false, 0, 2, NEVER)

#define X(op, sfx, thumb, store, size, offset, kind) \
	uint32_t ut_##op##_##sfx(uintptr_t, uint32_t); \
	extern const char ut_##op##_##sfx##_at[];
CASES(arm, false)
CASES(thumb, true)
#undef X

static const struct ucase cases[] = {
#define X(op, sfx, thumb, store, size, offset, kind) \
	{ "align_" #op "_" #sfx, ut_##op##_##sfx, ut_##op##_##sfx##_at, \
	  thumb, store, size, offset, kind },
	CASES(arm, false)
	CASES(thumb, true)
#undef X
};

struct proc_alignment {
	unsigned long user;	/* "User:" faults counted */
	char mode[32];		/* "User faults:" e.g. "2 (fixup)" */
};

static bool read_proc(struct proc_alignment *pa)
{
	FILE *f = fopen("/proc/cpu/alignment", "r");
	char line[96];
	bool user = false, mode = false;

	if (!f)
		return false;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "User: %lu", &pa->user) == 1)
			user = true;
		if (sscanf(line, "User faults: %31[^\n]", pa->mode) == 1)
			mode = true;
	}
	fclose(f);
	return user && mode;
}

static void run(const struct ucase *c, bool fixup)
{
	static uint8_t buf[32] __attribute__((aligned(8)));
	static const uint8_t src[8] __attribute__((aligned(8))) = {
		0xf0, 0xe1, 0xd2, 0xc3, 0xb4, 0xa5, 0x96, 0x87,
	};
	uint8_t want[32], out[8] __attribute__((aligned(8)));
	uintptr_t p = (uintptr_t)buf + 8 + c->offset;
	uint32_t v, got;
	struct fault f;
	bool trap = c->kind == NEVER || (c->kind == FIXUP && !fixup);
	struct want w = { trap ? SIGBUS : 0, BUS_ADRALN, p, ANY_ADDR,
			  c->thumb };
	char desc[160], extra[24] = "";
	bool ok;

	for (unsigned i = 0; i < sizeof(buf); i++)
		buf[i] = want[i] = (uint8_t)(i * 0x11 + 1);
	memcpy(&v, src, 4);
	if (c->store)
		memcpy(want + 8 + c->offset, src, c->size);
	got = sig_call(SIG_JUMP, c->fn, p,
		       c->size == 8 ? (uint32_t)(uintptr_t)(c->store ? src : out)
				    : v, &f);
	ok = fault_describe(desc, sizeof(desc), &f, &w);
	if (f.signo) {
		snprintf(extra, sizeof(extra), " pc=at%+ld",
			 (long)(f.pc - (uintptr_t)c->at));
	} else if (c->store) {
		ok = ok && !memcmp(buf, want, sizeof(buf));
		snprintf(extra, sizeof(extra), " memory_ok=%d",
			 !memcmp(buf, want, sizeof(buf)));
	} else {
		bool same = c->size == 8 ? !memcmp(out, want + 8 + c->offset, 8)
			  : !memcmp(&got, want + 8 + c->offset, c->size);

		ok = ok && same;
		snprintf(extra, sizeof(extra), " value_ok=%d", same);
	}
	ut_check(c->name, ok, "%s%s", desc, extra);
}

void group_align(void)
{
	struct proc_alignment before, after;
	bool fixup;

	ut_must(read_proc(&before), "usertest: /proc/cpu/alignment");
	fixup = strstr(before.mode, "fixup") != NULL;
	ut_check("align_proc_user_faults", true, "%s", before.mode);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run(&cases[i], fixup);
	ut_must(read_proc(&after), "usertest: /proc/cpu/alignment");
	/* Only the accesses that trap count: 7 in each instruction set. */
	ut_check("align_proc_user_count", after.user - before.user == 14,
		 "delta=%lu", after.user - before.user);
}
