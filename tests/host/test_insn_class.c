/*
 * The sensitive-instruction classifier and its helpers. Encodings were
 * produced by arm-none-eabi-as (-march=armv7-a) and read back with objdump;
 * hand-built ones say so.
 */
#include <stddef.h>

#include "hyp/insn_class.h"
#include "test.h"

struct sample {
	uint32_t insn;
	enum sens_class cls;
	const char *text;
};

static void check_samples(const struct sample *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		enum sens_class got = insn_classify_arm(s[i].insn);
		if (got != s[i].cls)
			FAIL("%s (0x%08x): classified %s, expected %s", s[i].text, s[i].insn,
			     sens_class_name(got), sens_class_name(s[i].cls));
		if (got != SENS_NONE && !insn_maybe_sensitive_arm(s[i].insn))
			FAIL("%s (0x%08x): the scan's quick test passes it by", s[i].text, s[i].insn);
	}
}

#define CHECK_SAMPLES(table) check_samples(table, sizeof(table) / sizeof(table[0]))

TEST(class_mrs)
{
	static const struct sample s[] = {
		{ 0xe10f0000, SENS_MRS, "mrs r0, cpsr" },
		{ 0xe14f3000, SENS_MRS, "mrs r3, spsr" },
		{ 0xe10fc000, SENS_MRS, "mrs r12, apsr" },
		{ 0x010f1000, SENS_MRS, "mrseq r1, cpsr" },
		{ 0x114f2000, SENS_MRS, "mrsne r2, spsr" },
	};
	CHECK_SAMPLES(s);
}

TEST(class_msr_reg)
{
	static const struct sample s[] = {
		{ 0xe121f000, SENS_MSR_REG, "msr cpsr_c, r0" },
		{ 0xe16ff001, SENS_MSR_REG, "msr spsr_fsxc, r1" },
		{ 0xe122f002, SENS_MSR_REG, "msr cpsr_x, r2" },
		{ 0xe129f003, SENS_MSR_REG, "msr cpsr_fc, r3" },
		{ 0xe168f004, SENS_MSR_REG, "msr spsr_f, r4 (any SPSR write)" },
		{ 0xc121f005, SENS_MSR_REG, "msrgt cpsr_c, r5" },
		{ 0x116ff006, SENS_MSR_REG, "msrne spsr_fsxc, r6" },
	};
	CHECK_SAMPLES(s);
}

TEST(class_msr_imm)
{
	static const struct sample s[] = {
		{ 0xe32ff0d3, SENS_MSR_IMM, "msr cpsr_fsxc, #0xd3" },
		{ 0xe32ffe1d, SENS_MSR_IMM, "msr cpsr_fsxc, #0x1d0" },
		{ 0xe321f0d3, SENS_MSR_IMM, "msr cpsr_c, #0xd3" },
		{ 0xe361f010, SENS_MSR_IMM, "msr spsr_c, #0x10" },
		{ 0xe36ff20f, SENS_MSR_IMM, "msr spsr_fsxc, #0xf0000000" },
		{ 0x4321f01f, SENS_MSR_IMM, "msrmi cpsr_c, #0x1f" },
	};
	CHECK_SAMPLES(s);
}

TEST(class_cps)
{
	static const struct sample s[] = {
		{ 0xf10c0080, SENS_CPS, "cpsid i" },
		{ 0xf10a01d3, SENS_CPS, "cpsie aif, #0x13" },
		{ 0xf102001f, SENS_CPS, "cps #0x1f" },
		{ 0xf10c00c0, SENS_CPS, "cpsid if" },
		{ 0xf1080100, SENS_CPS, "cpsie a" },
	};
	CHECK_SAMPLES(s);
}

TEST(class_srs)
{
	static const struct sample s[] = {
		{ 0xf96d0513, SENS_SRS, "srsdb sp!, #0x13" },
		{ 0xf8cd0517, SENS_SRS, "srsia sp, #0x17" },
		{ 0xf84d0512, SENS_SRS, "srsda sp, #0x12" },
		{ 0xf9ed051b, SENS_SRS, "srsib sp!, #0x1b" },
		{ 0xf96d051f, SENS_SRS, "srsdb sp!, #0x1f" },
	};
	CHECK_SAMPLES(s);
}

TEST(class_rfe)
{
	static const struct sample s[] = {
		{ 0xf8b00a00, SENS_RFE, "rfeia r0!" },
		{ 0xf91d0a00, SENS_RFE, "rfedb sp" },
		{ 0xf8130a00, SENS_RFE, "rfeda r3" },
		{ 0xf9b40a00, SENS_RFE, "rfeib r4!" },
	};
	CHECK_SAMPLES(s);
}

TEST(class_ldm_stm_user)
{
	static const struct sample s[] = {
		{ 0xe8d02002, SENS_LDM_USER, "ldm r0, {r1, sp}^" },
		{ 0xe9d11f00, SENS_LDM_USER, "ldmib r1, {r8-r12}^" },
		{ 0xe951000f, SENS_LDM_USER, "ldmdb r1, {r0-r3}^" },
		{ 0xe94d7fff, SENS_STM_USER, "stmdb sp, {r0-r14}^" },
		{ 0xe8c26000, SENS_STM_USER, "stmia r2, {sp, lr}^" },
		{ 0xe9c08002, SENS_STM_USER, "stmib r0, {r1, pc}^" },
	};
	CHECK_SAMPLES(s);
}

TEST(class_exception_returns)
{
	static const struct sample s[] = {
		{ 0xe8fd9fff, SENS_LDM_ERET, "ldmia sp!, {r0-r12, pc}^" },
		{ 0xe8dd8001, SENS_LDM_ERET, "ldm sp, {r0, pc}^" },
		{ 0xe8708006, SENS_LDM_ERET, "ldmda r0!, {r1, r2, pc}^" },
		{ 0xe1b0f00e, SENS_DP_ERET, "movs pc, lr" },
		{ 0xe1b0f003, SENS_DP_ERET, "movs pc, r3" },
		{ 0xe25ef004, SENS_DP_ERET, "subs pc, lr, #4" },
		{ 0xe25ef008, SENS_DP_ERET, "subs pc, lr, #8" },
		{ 0xe25ef000, SENS_DP_ERET, "subs pc, lr, #0" },
		{ 0xe25efc01, SENS_DP_ERET, "subs pc, lr, #0x100" },
	};
	CHECK_SAMPLES(s);
}

/* MSR that only writes the flags (f) or GE (s) bytes of the CPSR behaves the same in User mode. */
TEST(class_msr_flags_only_is_harmless)
{
	static const struct sample s[] = {
		{ 0xe128f000, SENS_NONE, "msr cpsr_f, r0" },
		{ 0xe328f000, SENS_NONE, "msr apsr_nzcvq, #0" },
		{ 0xe124f000, SENS_NONE, "msr apsr_g, r0" },
		{ 0xe12cf000, SENS_NONE, "msr cpsr_fs, r0" },
	};
	CHECK_SAMPLES(s);
}

/* MSR (immediate) with mask 0 is the hint space (A5.2.11). */
TEST(class_hints_and_setend)
{
	static const struct sample s[] = {
		{ 0xe320f000, SENS_NONE, "nop" },
		{ 0xe320f003, SENS_WFI, "wfi" },
		{ 0xe320f001, SENS_NONE, "yield" },
		{ 0xe320f002, SENS_NONE, "wfe" },
		{ 0xe320f004, SENS_NONE, "sev" },
		{ 0x1320f003, SENS_WFI, "wfine" },
		{ 0xe320f007, SENS_NONE, "hint 7 (not wfi)" },
		{ 0xe360f000, SENS_NONE, "MSR SPSR with mask 0 (hand-built, UNPREDICTABLE)" },
		{ 0xf1010200, SENS_NONE, "setend be" },
		{ 0xf1010000, SENS_NONE, "setend le" },
	};
	CHECK_SAMPLES(s);
}

/* Only the AL forms compilers emit are matched for LDM/STM ^ and the data-processing returns. */
TEST(class_conditional_block_and_returns_ignored)
{
	static const struct sample s[] = {
		{ 0x18d02002, SENS_NONE, "ldmne r0, {r1, sp}^" },
		{ 0x08c00002, SENS_NONE, "stmeq r0, {r1}^" },
		{ 0x08fd8001, SENS_NONE, "ldmeq sp!, {r0, pc}^" },
		{ 0x11b0f00e, SENS_NONE, "movsne pc, lr" },
		{ 0x125ef004, SENS_NONE, "subsne pc, lr, #4" },
	};
	CHECK_SAMPLES(s);
}

/* B9.3: writeback with User registers is UNPREDICTABLE, and so are Rn = PC and an empty list. */
TEST(class_unpredictable_block_forms_ignored)
{
	static const struct sample s[] = {
		{ 0xe96d0003, SENS_NONE, "stmdb sp!, {r0, r1}^" },
		{ 0xe8fd0003, SENS_NONE, "ldmia sp!, {r0, r1}^" },
		{ 0xe8df0002, SENS_NONE, "ldm pc, {r1}^ (hand-built)" },
		{ 0xe8d00000, SENS_NONE, "ldm r0, {}^ (hand-built)" },
		{ 0xf81f0a00, SENS_NONE, "rfeda pc (hand-built)" },
	};
	CHECK_SAMPLES(s);
}

TEST(class_near_misses)
{
	static const struct sample s[] = {
		{ 0xe29ef004, SENS_NONE, "adds pc, lr, #4" },
		{ 0xe1b0f08e, SENS_NONE, "movs pc, lr, lsl #1" },
		{ 0xe1050200, SENS_NONE, "mrs r0, sp_usr (banked)" },
		{ 0xe10e1300, SENS_NONE, "mrs r1, elr_hyp (banked)" },
		{ 0xe1422300, SENS_NONE, "mrs r2, spsr_svc (banked)" },
		{ 0xe123f300, SENS_NONE, "msr sp_svc, r0 (banked)" },
		{ 0xe1a0f00e, SENS_NONE, "mov pc, lr" },
		{ 0xe8900006, SENS_NONE, "ldm r0, {r1, r2}" },
		{ 0xe8800006, SENS_NONE, "stm r0, {r1, r2}" },
		{ 0xe8bd8010, SENS_NONE, "pop {r4, pc}" },
		{ 0xe24ef004, SENS_NONE, "sub pc, lr, #4" },
		{ 0xe1b0000e, SENS_NONE, "movs r0, lr" },
		{ 0xe3a00000, SENS_NONE, "mov r0, #0" },
		{ 0xe7f000f0, SENS_NONE, "udf #0" },
		{ 0xe7ffffff, SENS_NONE, "udf #0xffff" },
		{ 0x00000000, SENS_NONE, "data word 0x00000000" },
		{ 0xffffffff, SENS_NONE, "data word 0xffffffff" },
		{ 0xe10ff000, SENS_NONE, "mrs pc, cpsr (hand-built, UNPREDICTABLE)" },
		{ 0xe121f00f, SENS_NONE, "msr cpsr_c, pc (UNPREDICTABLE)" },
	};
	CHECK_SAMPLES(s);
}

/* CPS encodings the ARM ARM (B9.3 CPS) makes UNPREDICTABLE; all hand-built. */
TEST(class_cps_unpredictable_ignored)
{
	static const struct sample s[] = {
		{ 0xf1040080, SENS_NONE, "CPS imod=01" },
		{ 0xf1000000, SENS_NONE, "CPS imod=00 M=0" },
		{ 0xf1080000, SENS_NONE, "CPSIE with no A/I/F" },
		{ 0xf1000080, SENS_NONE, "imod=00 with A/I/F set" },
		{ 0xf10c0093, SENS_NONE, "CPSID i with mode but M=0" },
	};
	CHECK_SAMPLES(s);
}

TEST(class_names)
{
	CHECK_STR(sens_class_name(SENS_NONE), "none");
	CHECK_STR(sens_class_name(SENS_DP_ERET), "dp_eret");
	CHECK_STR(sens_class_name(SENS_WFI), "wfi");
	CHECK_STR(sens_class_name(SENS_CLASS_COUNT), "?");
}

/* ARM DDI 0406C A8.3, Table A8-1, written as the table states each condition. */
static int cond_reference(unsigned cond, int n, int z, int c, int v)
{
	switch (cond) {
	case 0x0: return z;                     /* EQ */
	case 0x1: return !z;                    /* NE */
	case 0x2: return c;                     /* CS */
	case 0x3: return !c;                    /* CC */
	case 0x4: return n;                     /* MI */
	case 0x5: return !n;                    /* PL */
	case 0x6: return v;                     /* VS */
	case 0x7: return !v;                    /* VC */
	case 0x8: return c && !z;               /* HI */
	case 0x9: return !c || z;               /* LS */
	case 0xa: return n == v;                /* GE */
	case 0xb: return n != v;                /* LT */
	case 0xc: return !z && n == v;          /* GT */
	case 0xd: return z || n != v;           /* LE */
	default: return 1;                      /* AL */
	}
}

TEST(cond_passed_all_conditions)
{
	for (unsigned cond = 0; cond < 15; cond++) {
		for (unsigned nzcv = 0; nzcv < 16; nzcv++) {
			/* Mode, masks, Q and GE bits must not matter. */
			uint32_t cpsr = (nzcv << 28) | 0x080f01d3u;
			int want = cond_reference(cond, nzcv >> 3 & 1, nzcv >> 2 & 1, nzcv >> 1 & 1, nzcv & 1);
			if (!!insn_cond_passed(cond, cpsr) != want)
				FAIL("cond 0x%x with NZCV=0x%x: got %d, expected %d", cond, nzcv,
				     !want, want);
		}
	}
}

TEST(cond_field)
{
	CHECK_EQ(insn_cond(0x010f1000), 0x0);
	CHECK_EQ(insn_cond(0xc121f005), 0xc);
	CHECK_EQ(insn_cond(0xf10c0080), 0xf);
}

/* Immediates from assembler output: the imm12 field and the constant it was written as. */
TEST(expand_imm_rotations)
{
	CHECK_EQ(insn_expand_imm(0x0d3), 0xd3u);
	CHECK_EQ(insn_expand_imm(0xe1d), 0x1d0u);       /* msr cpsr_fsxc, #0x1d0 */
	CHECK_EQ(insn_expand_imm(0x20f), 0xf0000000u);  /* msr spsr_fsxc, #0xf0000000 */
	CHECK_EQ(insn_expand_imm(0xc01), 0x100u);       /* subs pc, lr, #0x100 */
	CHECK_EQ(insn_expand_imm(0x4ff), 0xff000000u);
	CHECK_EQ(insn_expand_imm(0x102), 0x80000000u);
	CHECK_EQ(insn_expand_imm(0xf0f), 0x3cu);
	CHECK_EQ(insn_expand_imm(0x000), 0u);
}

struct literal_sample {
	uint32_t insn, addr, target, size;
	const char *text;
};

/*
 * Targets as objdump printed them for the instruction at each address. The length given
 * back must cover at least the bytes the instruction loads.
 */
TEST(literal_targets)
{
	static const struct literal_sample s[] = {
		{ 0xe59f0008, 0x0, 0x10, 4, "ldr r0, [pc, #8]" },
		{ 0xe51f1008, 0x4, 0x04, 4, "ldr r1, [pc, #-8]" },
		{ 0xe5df2005, 0x8, 0x15, 1, "ldrb r2, [pc, #5]" },
		{ 0xe55f3003, 0xc, 0x11, 1, "ldrb r3, [pc, #-3]" },
		{ 0xe1cf41d0, 0x10, 0x28, 8, "ldrd r4, r5, [pc, #16]" },
		{ 0xe14f41d0, 0x14, 0x0c, 8, "ldrd r4, r5, [pc, #-16]" },
		{ 0xe1df60b6, 0x18, 0x26, 2, "ldrh r6, [pc, #6]" },
		{ 0xe15f60b6, 0x1c, 0x1e, 2, "ldrh r6, [pc, #-6]" },
		{ 0xe1df70d1, 0x20, 0x29, 1, "ldrsb r7, [pc, #1]" },
		{ 0xe15f70f2, 0x24, 0x2a, 2, "ldrsh r7, [pc, #-2]" },
		{ 0xed9f0b02, 0x28, 0x38, 8, "vldr d0, [pc, #8]" },
		{ 0xed1f0a03, 0x2c, 0x28, 4, "vldr s0, [pc, #-12]" },
		{ 0xe59f0fff, 0x30, 0x1037, 4, "ldr r0, [pc, #4095]" },
		{ 0x159f0000, 0x38, 0x40, 4, "ldrne r0, [pc]" },
	};
	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		uint32_t target = 0, len = 0;
		if (!insn_literal_target(s[i].insn, s[i].addr, &target, &len))
			FAIL("%s: not seen as a literal load", s[i].text);
		if (target != s[i].target || len < s[i].size || len > 8)
			FAIL("%s: target 0x%x length %u, expected 0x%x length %u", s[i].text,
			     target, len, s[i].target, s[i].size);
	}
}

/* Negative offsets may reach below the instruction's page; addresses wrap modulo 2^32. */
TEST(literal_target_negative_wraps)
{
	uint32_t target, len;

	CHECK(insn_literal_target(0xe51f0fff, 0x34, &target, &len));    /* ldr r0, [pc, #-4095] */
	CHECK_EQ(target, 0xfffff03du);
	CHECK(insn_literal_target(0xe51f1068, 0x80002000, &target, &len));
	CHECK_EQ(target, 0x80002000u + 8u - 0x68u);
}

TEST(literal_target_not_literal)
{
	static const uint32_t s[] = {
		0xe5910008,     /* ldr r0, [r1, #8] */
		0xe58f0008,     /* str r0, [pc, #8] */
		0xe79f0001,     /* ldr r0, [pc, r1]: no static target */
		0xe19f00b1,     /* ldrh r0, [pc, r1] */
		0xf5dff008,     /* pld [pc, #8]: no data read */
		0xe1a0f00e,     /* mov pc, lr */
	};
	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		uint32_t target, len;
		if (insn_literal_target(s[i], 0x1000, &target, &len))
			FAIL("0x%08x taken as a literal load of 0x%x", s[i], target);
	}
}

TEST(uses_vfp)
{
	static const struct { uint32_t insn; int vfp; const char *text; } s[] = {
		{ 0xee310b02, 1, "vadd.f64 d0, d1, d2" },
		{ 0xed903b02, 1, "vldr d3, [r0, #8]" },
		{ 0xece10b20, 1, "vstmia r1!, {d16-d31}" },
		{ 0xeef12a10, 1, "vmrs r2, fpscr" },
		{ 0xeee83a10, 1, "vmsr fpexc, r3" },
		{ 0xec465b14, 1, "vmov d4, r5, r6" },
		{ 0xee387b10, 1, "vmov.32 r7, d8[1]" },
		{ 0x0e300a81, 1, "vaddeq.f32 s0, s1, s2" },
		{ 0xf2220844, 1, "vadd.i32 q0, q1, q2" },
		{ 0xf4200a8f, 1, "vld1.32 {d0-d1}, [r0]" },
		{ 0xee110f10, 0, "mrc p15, 0, r0, c1, c0, 0" },
		{ 0xed905e00, 0, "ldc p14, c5, [r0]" },
		{ 0xf5d0f000, 0, "pld [r0]" },
		{ 0xf4d0f000, 0, "pli [r0]" },
		{ 0xfe000a10, 0, "mcr2 p10, 0, r0, c0, c0, 0 (not VFP)" },
		{ 0xe7f400f1, 0, "udf #0x4001 (a patched sensitive instruction)" },
		{ 0xe0810002, 0, "add r0, r1, r2" },
		{ 0xfa000000, 0, "blx <label>" },
	};
	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		if (insn_uses_vfp_arm(s[i].insn) != s[i].vfp)
			FAIL("%s (0x%08x): uses VFP %d, expected %d", s[i].text, s[i].insn,
			     insn_uses_vfp_arm(s[i].insn), s[i].vfp);
}

/*
 * The page scan's quick test is a necessary condition of the classifier:
 * every word classified sensitive passes it. Random words and words a few
 * bits away from every sensitive pattern (the conditions, registers, lists
 * and fields around them).
 */
TEST(quick_test_lets_every_sensitive_word_through)
{
	static const uint32_t near[] = {
		0xe10f0000, 0xe14f3000, 0xe121f000, 0xe16ff001, 0xe32ff0d3, 0xe361f010, 0xe320f003,
		0xf10c0080, 0xf102001f, 0xf96d0513, 0xf8b00a00, 0xe8d02002, 0xe94d7fff, 0xe8fd9fff,
		0xe1b0f00e, 0xe25ef004,
	};
	uint32_t state = 20261201, sensitive = 0, passed = 0;

	for (unsigned i = 0; i < 4000000; i++) {
		uint32_t r = test_xorshift32(&state), w;
		if (i % 2)
			w = r;
		else    /* a pattern with up to three random bits flipped */
			w = near[r % (sizeof(near) / sizeof(near[0]))] ^ (1u << (r >> 8) % 32u) ^
			    ((r & 1u) << (r >> 16) % 32u) ^ ((r & 2u) << (r >> 24) % 31u);
		if (insn_maybe_sensitive_arm(w))
			passed++;
		if (insn_classify_arm(w) == SENS_NONE)
			continue;
		sensitive++;
		if (!insn_maybe_sensitive_arm(w))
			FAIL("0x%08x: classified %s, but the quick test passes it by", w,
			     sens_class_name(insn_classify_arm(w)));
	}
	CHECK(sensitive > 100000);
	CHECK(passed < 4000000u / 2u);          /* it does let most words go */
}
