/*
 * Trapped MCR/MRC to CP15 (ARM DDI 0406C B4.1 register descriptions,
 * B4.2 cache, branch predictor and TLB maintenance operations).
 * Encodings from arm-none-eabi-as.
 */
#include <stddef.h>

#include "arch/arm/generic_timer_bits.h"
#include "arm_arch.h"
#include "fixture.h"
#include "test.h"

static const struct vcpu_id_regs ids = {
	.midr = 0x412fc0f1u, .ctr = 0x8444c004u, .mpidr = 0x80000000u,
	.clidr = 0x0a200023u,
	.ccsidr = { 0x701fe00au, 0x201fe00au, 0x711fe07au },
};

static void setup(struct vcpu *v, uint32_t cpsr)
{
	fixture_vcpu(v, cpsr);
	v->id = &ids;
	fake_hooks_reset();
}

enum hook { HOOK_NONE, HOOK_TRANSLATION, HOOK_TPIDRURO };

struct cp15_reg_case {
	uint32_t mcr, mrc;
	unsigned rt_write, rt_read;
	size_t field;           /* offset in struct vcpu_cp15 */
	enum hook hook;
	const char *name;
};

#define REG(mcr, mrc, rw, rr, f, hook) { mcr, mrc, rw, rr, offsetof(struct vcpu_cp15, f), hook, #f }

static const struct cp15_reg_case regs[] = {
	REG(0xee011f10, 0xee110f10, 1, 0, sctlr, HOOK_TRANSLATION),
	REG(0xee022f10, 0xee123f10, 2, 3, ttbr0, HOOK_TRANSLATION),
	REG(0xee022f30, 0xee123f30, 2, 3, ttbr1, HOOK_TRANSLATION),
	REG(0xee034f10, 0xee135f10, 4, 5, dacr, HOOK_TRANSLATION),
	REG(0xee056f10, 0xee157f10, 6, 7, dfsr, HOOK_NONE),
	REG(0xee056f30, 0xee157f30, 6, 7, ifsr, HOOK_NONE),
	REG(0xee066f10, 0xee167f10, 6, 7, dfar, HOOK_NONE),
	REG(0xee066f50, 0xee167f50, 6, 7, ifar, HOOK_NONE),
	REG(0xee0d8f30, 0xee1d9f30, 8, 9, contextidr, HOOK_TRANSLATION),
	REG(0xee0daf70, 0xee1dbf70, 10, 11, tpidruro, HOOK_TPIDRURO),
};

static uint32_t field_of(struct vcpu *v, size_t offset)
{
	uint32_t value;

	memcpy(&value, (char *)&v->cp15 + offset, sizeof(value));
	return value;
}

/* Write, check the register and the hook, read back into another register. */
static void round_trip(const struct cp15_reg_case *c, uint32_t value)
{
	struct vcpu v;

	setup(&v, MODE_SVC);
	v.r[c->rt_write] = value;
	if (emulate_cp15(&v, c->mcr) != EMU_DONE || v.r[15] != FIXTURE_PC + 4u)
		FAIL("%s: write not done", c->name);
	if (field_of(&v, c->field) != value)
		FAIL("%s: holds 0x%08x after writing 0x%08x", c->name, field_of(&v, c->field), value);
	if (fake_hooks.translation != (c->hook == HOOK_TRANSLATION) ||
	    fake_hooks.tpidruro != (c->hook == HOOK_TPIDRURO) || fake_hooks.tlb || fake_hooks.icache)
		FAIL("%s: hooks translation %u tls %u tlb %u icache %u", c->name,
		     fake_hooks.translation, fake_hooks.tpidruro, fake_hooks.tlb, fake_hooks.icache);
	fake_hooks_reset();
	if (emulate_cp15(&v, c->mrc) != EMU_DONE || v.r[c->rt_read] != value)
		FAIL("%s: read back 0x%08x", c->name, v.r[c->rt_read]);
	if (v.r[15] != FIXTURE_PC + 8u || fake_hooks.translation || fake_hooks.tpidruro)
		FAIL("%s: read moved PC to 0x%08x or called a hook", c->name, v.r[15]);
}

TEST(cp15_register_round_trips)
{
	for (unsigned i = 0; i < sizeof(regs) / sizeof(regs[0]); i++) {
		round_trip(&regs[i], 0x12345678u + i);
		round_trip(&regs[i], 0);
	}
}

/* TTBCR (B4.1, "TTBCR") selects TTBR0/TTBR1 and the walk: a translation-relevant register. */
TEST(cp15_ttbcr_round_trip)
{
	struct vcpu v;

	setup(&v, MODE_SVC);
	v.r[4] = 0x2;
	CHECK_EQ(emulate_cp15(&v, 0xee024f50), EMU_DONE);      /* mcr p15, 0, r4, c2, c0, 2 */
	CHECK_EQ(v.cp15.ttbcr, 0x2);
	CHECK_EQ(emulate_cp15(&v, 0xee125f50), EMU_DONE);      /* mrc p15, 0, r5, c2, c0, 2 */
	CHECK_EQ(v.r[5], 0x2);
}

/* hyp/cp15_hooks.h: the translation hook covers SCTLR, TTBRx, TTBCR, DACR and CONTEXTIDR. */
TEST(cp15_ttbcr_write_notifies_translation)
{
	struct vcpu v;

	setup(&v, MODE_SVC);
	v.r[4] = 0x2;
	CHECK_EQ(emulate_cp15(&v, 0xee024f50), EMU_DONE);
	CHECK_EQ(fake_hooks.translation, 1);
}

TEST(cp15_tpidrprw)
{
	struct vcpu v;

	setup(&v, MODE_SVC);
	v.r[10] = 0xc0de0000u;
	CHECK_EQ(emulate_cp15(&v, 0xee0daf90), EMU_DONE);      /* mcr p15, 0, r10, c13, c0, 4 */
	CHECK_EQ(v.cp15.tpidrprw, 0xc0de0000u);
	CHECK_EQ(emulate_cp15(&v, 0xee1dbf90), EMU_DONE);      /* mrc p15, 0, r11, c13, c0, 4 */
	CHECK_EQ(v.r[11], 0xc0de0000u);
}

/* VBAR bits 4:0 are reserved: the vector base is 32-byte aligned (B4.1, "VBAR"). */
TEST(cp15_vbar_low_bits_cleared)
{
	struct vcpu v;

	setup(&v, MODE_SVC);
	v.r[8] = 0x8000001fu;
	CHECK_EQ(emulate_cp15(&v, 0xee0c8f10), EMU_DONE);      /* mcr p15, 0, r8, c12, c0, 0 */
	CHECK_EQ(v.cp15.vbar, 0x80000000u);
	CHECK_EQ(emulate_cp15(&v, 0xee1c9f10), EMU_DONE);      /* mrc p15, 0, r9, c12, c0, 0 */
	CHECK_EQ(v.r[9], 0x80000000u);
	CHECK_EQ(v.r[15], FIXTURE_PC + 8u);
}

/* FCSEIDR is RAZ/WI when the FCSE is not implemented (B4.1, "FCSEIDR"). */
TEST(cp15_fcseidr_raz_wi)
{
	struct vcpu v;

	setup(&v, MODE_SVC);
	v.r[0] = 0xfe000000u;
	CHECK_EQ(emulate_cp15(&v, 0xee0d0f10), EMU_DONE);      /* mcr p15, 0, r0, c13, c0, 0 */
	CHECK_EQ(emulate_cp15(&v, 0xee1d0f10), EMU_DONE);      /* mrc p15, 0, r0, c13, c0, 0 */
	CHECK_EQ(v.r[0], 0);
}

TEST(cp15_id_registers)
{
	struct vcpu v;

	setup(&v, MODE_SVC);
	CHECK_EQ(emulate_cp15(&v, 0xee100f10), EMU_DONE);      /* MIDR */
	CHECK_EQ(v.r[0], ids.midr);
	CHECK_EQ(emulate_cp15(&v, 0xee100fb0), EMU_DONE);      /* MPIDR */
	CHECK_EQ(v.r[0], ids.mpidr);
	CHECK_EQ(emulate_cp15(&v, 0xee300f30), EMU_DONE);      /* CLIDR */
	CHECK_EQ(v.r[0], ids.clidr);
	CHECK_EQ(v.r[15], FIXTURE_PC + 12u);
}

/* CCSIDR describes the cache CSSELR selects (B4.1, "CCSIDR" and "CSSELR"). */
TEST(cp15_ccsidr_follows_csselr)
{
	struct vcpu v;

	setup(&v, MODE_SVC);
	for (uint32_t sel = 0; sel < 3; sel++) {
		v.r[1] = sel;
		CHECK_EQ(emulate_cp15(&v, 0xee401f10), EMU_DONE);      /* mcr p15, 2, r1, c0, c0, 0 */
		v.r[1] = 0xffffffffu;
		CHECK_EQ(emulate_cp15(&v, 0xee501f10), EMU_DONE);      /* mrc p15, 2, r1, c0, c0, 0 */
		CHECK_EQ(v.r[1], sel);
		CHECK_EQ(emulate_cp15(&v, 0xee300f10), EMU_DONE);      /* mrc p15, 1, r0, c0, c0, 0 */
		CHECK_EQ(v.r[0], ids.ccsidr[sel]);
	}
}

TEST(cp15_icache_ops_call_hook)
{
	static const uint32_t ops[] = {
		0xee070f11,     /* ICIALLUIS */
		0xee070fd1,     /* BPIALLIS */
		0xee070f15,     /* ICIALLU */
		0xee070f35,     /* ICIMVAU */
		0xee070fd5,     /* BPIALL */
		0xee070ff5,     /* BPIMVA */
	};
	struct vcpu v;

	for (unsigned i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		setup(&v, MODE_SVC);
		if (emulate_cp15(&v, ops[i]) != EMU_DONE || fake_hooks.icache != 1)
			FAIL("0x%08x: icache hook called %u times", ops[i], fake_hooks.icache);
		CHECK_EQ(v.r[15], FIXTURE_PC + 4u);
	}
}

/* Data cache maintenance by MVA or set/way completes with no hook. */
TEST(cp15_dcache_ops_done)
{
	static const uint32_t ops[] = {
		0xee070f36,     /* DCIMVAC */
		0xee070f56,     /* DCISW */
		0xee070f3a,     /* DCCMVAC */
		0xee070f5a,     /* DCCSW */
		0xee070f3b,     /* DCCMVAU */
		0xee070f3e,     /* DCCIMVAC */
		0xee070f5e,     /* DCCISW */
	};
	struct vcpu v;

	for (unsigned i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		setup(&v, MODE_SVC);
		if (emulate_cp15(&v, ops[i]) != EMU_DONE || v.r[15] != FIXTURE_PC + 4u)
			FAIL("0x%08x: not done", ops[i]);
		if (fake_hooks.icache || fake_hooks.tlb || fake_hooks.translation)
			FAIL("0x%08x: a hook was called", ops[i]);
	}
}

TEST(cp15_tlb_ops_call_hook)
{
	static const struct {
		uint32_t insn;
		enum tlb_op op;
		const char *name;
	} ops[] = {
		{ 0xee080f13, TLB_ALL, "TLBIALLIS" },
		{ 0xee080f33, TLB_MVA, "TLBIMVAIS" },
		{ 0xee080f53, TLB_ASID, "TLBIASIDIS" },
		{ 0xee080f73, TLB_MVA_ALL_ASID, "TLBIMVAAIS" },
		{ 0xee080f15, TLB_ALL, "ITLBIALL" },
		{ 0xee080f35, TLB_MVA, "ITLBIMVA" },
		{ 0xee080f55, TLB_ASID, "ITLBIASID" },
		{ 0xee080f16, TLB_ALL, "DTLBIALL" },
		{ 0xee080f36, TLB_MVA, "DTLBIMVA" },
		{ 0xee080f56, TLB_ASID, "DTLBIASID" },
		{ 0xee080f17, TLB_ALL, "TLBIALL" },
		{ 0xee080f37, TLB_MVA, "TLBIMVA" },
		{ 0xee080f57, TLB_ASID, "TLBIASID" },
		{ 0xee080f77, TLB_MVA_ALL_ASID, "TLBIMVAA" },
	};
	struct vcpu v;

	for (unsigned i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		setup(&v, MODE_SVC);
		v.r[0] = 0x12345abcu;
		if (emulate_cp15(&v, ops[i].insn) != EMU_DONE)
			FAIL("%s: not done", ops[i].name);
		if (fake_hooks.tlb != 1 || fake_hooks.tlb_op != ops[i].op ||
		    fake_hooks.tlb_value != 0x12345abcu)
			FAIL("%s: %u calls, op %d, value 0x%08x", ops[i].name, fake_hooks.tlb,
			     fake_hooks.tlb_op, fake_hooks.tlb_value);
		CHECK_EQ(v.r[15], FIXTURE_PC + 4u);
	}
}

/* Every PL1-only CP15 access from User mode is UNDEFINED. */
TEST(cp15_user_mode_undef)
{
	static const uint32_t insns[] = {
		0xee110f10, 0xee011f10, 0xee080f17, 0xee070f15, 0xee100f10, 0xee0daf50,
		0xee1f0f10,
		0xec532f0e,     /* mrrc p15, 0, r2, r3, c14: CNTPCT, where CNTKCTL forbids it */
		0xec432f02,     /* mcrr p15, 0, r2, r3, c2: 64-bit TTBR0 */
	};
	struct vcpu v;

	for (unsigned i = 0; i < sizeof(insns) / sizeof(insns[0]); i++) {
		setup(&v, MODE_USR);
		v.r[0] = v.r[1] = v.r[10] = 0x5a5a5a5au;
		if (emulate_cp15(&v, insns[i]) != EMU_UNDEF)
			FAIL("0x%08x: not UNDEFINED in User mode", insns[i]);
		CHECK_EQ(v.r[15], FIXTURE_PC);
		CHECK_EQ(v.r[0], 0x5a5a5a5au);
		CHECK_EQ(v.cp15.sctlr, 0);
		CHECK_EQ(v.cp15.tpidruro, 0);
		CHECK(!fake_hooks.tlb && !fake_hooks.icache && !fake_hooks.tpidruro && !fake_hooks.translation);
	}
}

TEST(cp15_unknown_unsupported)
{
	static const uint32_t insns[] = {
		0xee1f0f10,     /* mrc p15, 0, r0, c15, c0, 0 (IMPLEMENTATION DEFINED) */
		0xee0b0f10,     /* mcr p15, 0, r0, c11, c0, 0 (reserved) */
		0xee100e10,     /* mrc p14, 0, r0, c0, c0, 0: not CP15 */
		0xfe110f10,     /* mrc2 p15, 0, r0, c1, c0, 0 */
		0xee11ff10,     /* mrc p15, 0, APSR_nzcv, c1, c0, 0 */
		0xec432f02,     /* mcrr p15, 0, r2, r3, c2: 64-bit TTBR0 (LPAE) */
	};
	struct vcpu v;

	for (unsigned i = 0; i < sizeof(insns) / sizeof(insns[0]); i++) {
		setup(&v, MODE_SVC);
		v.r[0] = 0x5a5a5a5au;
		if (emulate_cp15(&v, insns[i]) != EMU_UNSUPPORTED)
			FAIL("0x%08x: not EMU_UNSUPPORTED", insns[i]);
		CHECK_EQ(v.r[0], 0x5a5a5a5au);
		CHECK_EQ(v.r[15], FIXTURE_PC);
	}
}

TEST(cp15_condition_failed)
{
	struct vcpu v;

	setup(&v, MODE_SVC);
	v.r[0] = 0x5a5a5a5au;
	v.cp15.sctlr = 0x00c50078u;
	CHECK_EQ(emulate_cp15(&v, 0x0e110f10), EMU_DONE);      /* mrceq p15, 0, r0, c1, c0, 0 */
	CHECK_EQ(v.r[0], 0x5a5a5a5au);
	CHECK_EQ(v.r[15], FIXTURE_PC + 4u);

	setup(&v, MODE_SVC | CPSR_Z);
	v.r[1] = 0x80004000u;
	CHECK_EQ(emulate_cp15(&v, 0x1e021f10), EMU_DONE);      /* mcrne p15, 0, r1, c2, c0, 0 */
	CHECK_EQ(v.cp15.ttbr0, 0);
	CHECK_EQ(fake_hooks.translation, 0);
	CHECK_EQ(v.r[15], FIXTURE_PC + 4u);

	setup(&v, MODE_SVC | CPSR_Z);
	v.cp15.sctlr = 0x00c50078u;
	CHECK_EQ(emulate_cp15(&v, 0x0e110f10), EMU_DONE);      /* mrceq: passes */
	CHECK_EQ(v.r[0], 0x00c50078u);
}

/* The PL0-accessible CP15 barriers, should one trap, only move the PC on. */
TEST(cp15_barrier_operations)
{
	static const uint32_t barriers[] = {
		0xee070f95,     /* mcr p15, 0, r0, c7, c5, 4: CP15ISB */
		0xee070f9a,     /* mcr p15, 0, r0, c7, c10, 4: CP15DSB */
		0xee070fba,     /* mcr p15, 0, r0, c7, c10, 5: CP15DMB */
	};
	struct vcpu v;

	for (unsigned i = 0; i < 3; i++) {
		fixture_vcpu(&v, MODE_SVC);
		CHECK_EQ(emulate_cp15(&v, barriers[i]), EMU_DONE);
		CHECK_EQ(v.r[15], FIXTURE_PC + 4u);
	}
}

/* No performance monitors: PMCR and friends read as zero, writes are ignored. */
TEST(cp15_pmu_raz_wi)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC);
	v.r[3] = 0xffffffffu;
	CHECK_EQ(emulate_cp15(&v, 0xee193f1cu), EMU_DONE);     /* mrc p15, 0, r3, c9, c12, 0: PMCR */
	CHECK_EQ(v.r[3], 0);
	v.r[2] = 0x17u;
	CHECK_EQ(emulate_cp15(&v, 0xee092f1cu), EMU_DONE);     /* mcr p15, 0, r2, c9, c12, 0 */
	CHECK_EQ(v.r[15], FIXTURE_PC + 8u);
}

/* c14 is the generic timer's: kept where the core has one (ID_PFR1.GenTimer), undefined where not (Cortex-A8). */
TEST(cp15_generic_timer_registers_follow_id_pfr1)
{
	static const struct vcpu_id_regs a15 = { .id_pfr = { 0x00001131u, 0x00011011u } };
	static const struct vcpu_id_regs a8 = { .id_pfr = { 0x00000031u, 0x00000011u } };
	const uint32_t mcr_cntkctl = 0xee0e3f11u, mrc_cntkctl = 0xee1e4f11u, mrc_cntfrq = 0xee1e5f10u;
	struct vcpu v;

	setup(&v, MODE_SVC);
	v.id = &a15;
	v.r[3] = 0x303u;
	CHECK_EQ(emulate_cp15(&v, mcr_cntkctl), EMU_DONE);
	CHECK_EQ(emulate_cp15(&v, mrc_cntkctl), EMU_DONE);
	CHECK_EQ(v.r[4], 0x303u);

	setup(&v, MODE_SVC);
	v.id = &a8;
	v.r[3] = 0x303u;
	CHECK_EQ(emulate_cp15(&v, mcr_cntkctl), EMU_UNDEF);
	CHECK_EQ(emulate_cp15(&v, mrc_cntkctl), EMU_UNDEF);
	CHECK_EQ(emulate_cp15(&v, mrc_cntfrq), EMU_UNDEF);
	CHECK_EQ(v.cp15.cntkctl, 0u);
	CHECK_EQ(v.r[15], FIXTURE_PC);
}

/* The Cortex-A8's L2 Cache Auxiliary Control Register: the real value read, writes ignored; no such register elsewhere. */
TEST(cp15_cortex_a8_l2auxcr)
{
	static const struct vcpu_id_regs a8 = { .midr = 0x410fc080u, .a8_l2auxcr = 0x00000042u };
	struct vcpu v;

	setup(&v, MODE_SVC);
	v.id = &a8;
	v.r[4] = 0xffffffffu;
	CHECK_EQ(emulate_cp15(&v, 0xee294f50), EMU_DONE);      /* mcr p15, 1, r4, c9, c0, 2 */
	CHECK_EQ(emulate_cp15(&v, 0xee393f50), EMU_DONE);      /* mrc p15, 1, r3, c9, c0, 2 */
	CHECK_EQ(v.r[3], 0x42u);
	CHECK_EQ(v.r[15], FIXTURE_PC + 8u);

	setup(&v, MODE_SVC);                    /* ids: a Cortex-A15, where it is L2CTLR */
	CHECK_EQ(emulate_cp15(&v, 0xee393f50), EMU_UNSUPPORTED);
	CHECK_EQ(emulate_cp15(&v, 0xee294f50), EMU_UNSUPPORTED);
	CHECK_EQ(v.r[15], FIXTURE_PC);
}

/*
 * The physical timer (B4.1.27-29), kept virtual on the real count: CTL
 * keeps ENABLE and IMASK and shows ISTATUS while enabled with the count at
 * or past CVAL; TVAL is CVAL less the count, a signed 32-bit value from now
 * when written; CVAL is 64 bits by MCRR/MRRC. Each write tells the hook.
 */
TEST(cp15_physical_timer)
{
	static const struct vcpu_id_regs a15 = { .id_pfr = { 0x00001131u, 0x00011011u } };
	const uint32_t mcr_ctl = 0xee0e1f32u, mrc_ctl = 0xee1e2f32u, mcr_tval = 0xee0e3f12u, mrc_tval = 0xee1e4f12u;
	const uint32_t mcrr_cval = 0xec465f2eu, mrrc_cval = 0xec587f2eu, mcrrne_cval = 0x1c465f2eu;
	struct vcpu v;

	setup(&v, MODE_SVC);
	v.id = &a15;
	fake_hooks.physical_count = 0x100000000ull;
	v.r[3] = 1000u;
	CHECK_EQ(emulate_cp15(&v, mcr_tval), EMU_DONE);
	CHECK_EQ(v.cp15.cntp_cval, 0x100000000ull + 1000u);
	CHECK_EQ(fake_hooks.ptimer, 1);
	v.r[1] = 0xffffffffu;                                   /* ENABLE and IMASK kept, nothing else */
	CHECK_EQ(emulate_cp15(&v, mcr_ctl), EMU_DONE);
	CHECK_EQ(v.cp15.cntp_ctl, 3u);
	CHECK_EQ(emulate_cp15(&v, mrc_ctl), EMU_DONE);
	CHECK_EQ(v.r[2], 3u);                                   /* not reached: no ISTATUS */
	fake_hooks.physical_count += 400u;
	CHECK_EQ(emulate_cp15(&v, mrc_tval), EMU_DONE);
	CHECK_EQ(v.r[4], 600u);
	fake_hooks.physical_count += 600u;                      /* reached: ISTATUS, masked or not */
	CHECK_EQ(emulate_cp15(&v, mrc_ctl), EMU_DONE);
	CHECK_EQ(v.r[2], 7u);
	fake_hooks.physical_count += 5u;
	CHECK_EQ(emulate_cp15(&v, mrc_tval), EMU_DONE);
	CHECK_EQ(v.r[4], (uint32_t)-5);                         /* past: negative */
	v.r[1] = 0;                                             /* disabled: no ISTATUS */
	CHECK_EQ(emulate_cp15(&v, mcr_ctl), EMU_DONE);
	CHECK_EQ(emulate_cp15(&v, mrc_ctl), EMU_DONE);
	CHECK_EQ(v.r[2], 0u);
	v.r[3] = (uint32_t)-20;                                 /* a negative TVAL: in the past */
	CHECK_EQ(emulate_cp15(&v, mcr_tval), EMU_DONE);
	CHECK_EQ(v.cp15.cntp_cval, fake_hooks.physical_count - 20u);
	v.r[5] = 0x89abcdefu, v.r[6] = 0x01234567u;
	CHECK_EQ(emulate_cp15(&v, mcrr_cval), EMU_DONE);
	CHECK_EQ(v.cp15.cntp_cval, 0x0123456789abcdefull);
	CHECK_EQ(emulate_cp15(&v, mrrc_cval), EMU_DONE);
	CHECK_EQ(v.r[7], 0x89abcdefu);
	CHECK_EQ(v.r[8], 0x01234567u);
	CHECK_EQ(fake_hooks.ptimer, 5);
	v.cpsr |= CPSR_Z;                                       /* NE fails: nothing written */
	v.r[5] = 0;
	CHECK_EQ(emulate_cp15(&v, mcrrne_cval), EMU_DONE);
	CHECK_EQ(v.cp15.cntp_cval, 0x0123456789abcdefull);
	CHECK_EQ(fake_hooks.ptimer, 5);
	CHECK_EQ(v.r[15], FIXTURE_PC + 4u * 12u);

	/* User mode: only where the guest's CNTKCTL.PL0PTEN allows. */
	setup(&v, MODE_USR);
	v.id = &a15;
	CHECK_EQ(emulate_cp15(&v, mrc_ctl), EMU_UNDEF);
	CHECK_EQ(emulate_cp15(&v, mrrc_cval), EMU_UNDEF);
	v.cp15.cntkctl = CNTKCTL_PL0PTEN;
	CHECK_EQ(emulate_cp15(&v, mrc_ctl), EMU_DONE);
	CHECK_EQ(emulate_cp15(&v, mrrc_cval), EMU_DONE);
	CHECK_EQ(emulate_cp15(&v, 0xee1e4f11u), EMU_UNDEF);    /* CNTKCTL itself: still PL1's */

	/* No generic timer (Cortex-A8): undefined. */
	setup(&v, MODE_SVC);
	CHECK_EQ(emulate_cp15(&v, mcr_ctl), EMU_UNDEF);
	CHECK_EQ(emulate_cp15(&v, mcrr_cval), EMU_UNDEF);
	CHECK_EQ(fake_hooks.ptimer, 0);
}
