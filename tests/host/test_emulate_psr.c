/*
 * Emulated MRS, MSR and CPS (ARM DDI 0406C B9.3 and the CPSRWriteByInstr /
 * SPSRWriteByInstr pseudocode in B1.3.3). Expected values follow from the
 * pseudocode; each instruction was assembled with arm-none-eabi-as.
 */
#include "arm_arch.h"
#include "fixture.h"
#include "test.h"

#define NEXT_PC (FIXTURE_PC + 4u)

/* MRS CPSR returns CPSR AND 0xf8ff03df: the execution state bits read as zero. */
TEST(emu_mrs_cpsr)
{
	struct vcpu v;
	uint32_t visible = CPSR_N | CPSR_C | CPSR_Q | 0x000a0000u | CPSR_E | CPSR_A | CPSR_I | MODE_SVC;

	fixture_vcpu(&v, visible | CPSR_T | CPSR_J | CPSR_IT);
	CHECK_EQ(run_sensitive(&v, 0xe10f0000), EMU_DONE);     /* mrs r0, cpsr */
	CHECK_EQ(v.r[0], visible);
	CHECK_EQ(v.r[15], NEXT_PC);
	CHECK_EQ(v.cpsr, visible | CPSR_T | CPSR_J | CPSR_IT);
	CHECK_EQ(run_sensitive(&v, 0xe10fc000), EMU_DONE);     /* mrs r12, apsr */
	CHECK_EQ(v.r[12], visible);
	CHECK_EQ(v.r[15], NEXT_PC + 4u);
}

TEST(emu_mrs_spsr)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_ABT | CPSR_A | CPSR_I);
	v.bank[VBANK_ABT].spsr = 0x600001d3u | CPSR_T;
	CHECK_EQ(run_sensitive(&v, 0xe14f3000), EMU_DONE);     /* mrs r3, spsr */
	CHECK_EQ(v.r[3], 0x600001d3u | CPSR_T);
	CHECK_EQ(v.r[15], NEXT_PC);
}

/* No SPSR in User and System mode: UNPREDICTABLE, emulated as UNDEFINED. */
TEST(emu_mrs_spsr_undef_without_spsr)
{
	static const uint32_t modes[] = { MODE_USR, MODE_SYS };
	struct vcpu v;

	for (unsigned i = 0; i < 2; i++) {
		fixture_vcpu(&v, modes[i]);
		v.r[3] = 0x3333;
		CHECK_EQ(run_sensitive(&v, 0xe14f3000), EMU_UNDEF);
		CHECK_EQ(v.r[3], 0x3333);
		CHECK_EQ(v.r[15], FIXTURE_PC);
	}
}

TEST(emu_msr_cpsr_c_changes_mode)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC | CPSR_Z);
	v.r[13] = 0x80007000u;
	v.r[14] = 0x80000444u;
	v.bank[VBANK_IRQ].sp = 0x80006000u;
	v.bank[VBANK_IRQ].lr = 0x80000555u;
	v.r[0] = 0xffffff00u | CPSR_I | CPSR_F | MODE_IRQ;
	CHECK_EQ(run_sensitive(&v, 0xe121f000), EMU_DONE);     /* msr cpsr_c, r0 */
	CHECK_EQ(v.cpsr, MODE_IRQ | CPSR_I | CPSR_F | CPSR_Z);
	CHECK_EQ(v.r[13], 0x80006000u);
	CHECK_EQ(v.r[14], 0x80000555u);
	CHECK_EQ(v.bank[VBANK_SVC].sp, 0x80007000u);
	CHECK_EQ(v.bank[VBANK_SVC].lr, 0x80000444u);
	CHECK_EQ(v.r[15], NEXT_PC);
}

/*
 * All fields, not an exception return: bits 31:27, 19:16, 9:6 and 4:0 are
 * written; IT/J (26:24, 15:10), reserved (23:20) and T (5) are not.
 */
TEST(emu_msr_cpsr_all_fields_reg)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC | 0x00000400u);
	v.r[1] = 0xffffffffu;
	CHECK_EQ(run_sensitive(&v, 0xe12ff001), EMU_DONE);     /* msr cpsr_fsxc, r1 */
	CHECK_EQ(v.cpsr, 0xf80f03dfu | 0x00000400u);
	CHECK_EQ(v.r[15], NEXT_PC);
}

TEST(emu_msr_cpsr_immediate)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SYS | CPSR_N | CPSR_Z | CPSR_A | CPSR_E);
	v.r[13] = 0x8000f000u;
	v.bank[VBANK_SVC].sp = 0x80007000u;
	CHECK_EQ(run_sensitive(&v, 0xe32ff0d3), EMU_DONE);     /* msr cpsr_fsxc, #0xd3 */
	CHECK_EQ(v.cpsr, MODE_SVC | CPSR_I | CPSR_F);
	CHECK_EQ(v.r[13], 0x80007000u);
	CHECK_EQ(v.bank[VBANK_USR].sp, 0x8000f000u);

	fixture_vcpu(&v, MODE_SYS | CPSR_N);
	CHECK_EQ(run_sensitive(&v, 0xe321f0d3), EMU_DONE);     /* msr cpsr_c, #0xd3 */
	CHECK_EQ(v.cpsr, MODE_SVC | CPSR_I | CPSR_F | CPSR_N);
	CHECK_EQ(v.r[15], NEXT_PC);
}

/* The x byte holds E and A (written) and IT[7:2] (not written). */
TEST(emu_msr_cpsr_x)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC);
	v.r[2] = 0xffff00ffu | CPSR_E | CPSR_A | 0xfc00u;
	CHECK_EQ(run_sensitive(&v, 0xe122f002), EMU_DONE);     /* msr cpsr_x, r2 */
	CHECK_EQ(v.cpsr, MODE_SVC | CPSR_E | CPSR_A);
}

/* Virtual User mode: only the User-writable N Z C V Q, GE and E change. */
TEST(emu_msr_cpsr_user_mode)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_USR);
	v.r[1] = 0xffffffffu;
	CHECK_EQ(run_sensitive(&v, 0xe12ff001), EMU_DONE);     /* msr cpsr_fsxc, r1 */
	CHECK_EQ(v.cpsr, 0xf80f0200u | MODE_USR);
	CHECK_EQ(v.r[15], NEXT_PC);
}

/* SPSRWriteByInstr writes each selected byte, execution state bits included. */
TEST(emu_msr_spsr_fields)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC);
	v.r[1] = 0xf80f01d3u;
	CHECK_EQ(run_sensitive(&v, 0xe16ff001), EMU_DONE);     /* msr spsr_fsxc, r1 */
	CHECK_EQ(v.bank[VBANK_SVC].spsr, 0xf80f01d3u);
	v.r[4] = 0x07ffffffu;
	CHECK_EQ(run_sensitive(&v, 0xe168f004), EMU_DONE);     /* msr spsr_f, r4 */
	CHECK_EQ(v.bank[VBANK_SVC].spsr, 0x070f01d3u);
	CHECK_EQ(run_sensitive(&v, 0xe361f010), EMU_DONE);     /* msr spsr_c, #0x10 */
	CHECK_EQ(v.bank[VBANK_SVC].spsr, 0x070f0110u);
	v.r[5] = 0x0000ff00u;
	CHECK_EQ(run_sensitive(&v, 0xe162f005), EMU_DONE);     /* msr spsr_x, r5 */
	CHECK_EQ(v.bank[VBANK_SVC].spsr, 0x070fff10u);
	v.r[6] = 0x00050000u;
	CHECK_EQ(run_sensitive(&v, 0xe164f006), EMU_DONE);     /* msr spsr_s, r6 */
	CHECK_EQ(v.bank[VBANK_SVC].spsr, 0x0705ff10u);
	CHECK_EQ(run_sensitive(&v, 0xe36ff20f), EMU_DONE);     /* msr spsr_fsxc, #0xf0000000 */
	CHECK_EQ(v.bank[VBANK_SVC].spsr, 0xf0000000u);
	CHECK_EQ(v.cpsr, MODE_SVC);
	CHECK_EQ(v.r[15], FIXTURE_PC + 6u * 4u);
}

/* SPSRWriteByInstr: with bytemask<2> only SPSR[19:16] is written; 23:20 are reserved. */
TEST(emu_msr_spsr_reserved_bits_not_written)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC);
	v.bank[VBANK_SVC].spsr = MODE_USR;
	v.r[1] = 0x00ff0000u | MODE_USR;
	CHECK_EQ(run_sensitive(&v, 0xe16ff001), EMU_DONE);     /* msr spsr_fsxc, r1 */
	CHECK_EQ(v.bank[VBANK_SVC].spsr, 0x000f0000u | MODE_USR);
}

TEST(emu_msr_spsr_undef_without_spsr)
{
	static const uint32_t modes[] = { MODE_USR, MODE_SYS };
	struct vcpu v;

	for (unsigned i = 0; i < 2; i++) {
		fixture_vcpu(&v, modes[i]);
		v.r[1] = 0xffffffffu;
		CHECK_EQ(run_sensitive(&v, 0xe16ff001), EMU_UNDEF);
		CHECK_EQ(run_sensitive(&v, 0xe361f010), EMU_UNDEF);
		CHECK_EQ(v.bank[VBANK_USR].spsr, 0);
		CHECK_EQ(v.r[15], FIXTURE_PC);
	}
}

/* A failed condition makes any of them a NOP: only the PC moves. */
TEST(emu_mrs_msr_condition_failed)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC);
	v.r[1] = 0x1111;
	CHECK_EQ(run_sensitive(&v, 0x010f1000), EMU_DONE);     /* mrseq r1, cpsr */
	CHECK_EQ(v.r[1], 0x1111);
	CHECK_EQ(v.r[15], NEXT_PC);

	fixture_vcpu(&v, MODE_SVC | CPSR_Z);
	v.r[6] = 0xffffffffu;
	CHECK_EQ(run_sensitive(&v, 0x116ff006), EMU_DONE);     /* msrne spsr_fsxc, r6 */
	CHECK_EQ(v.bank[VBANK_SVC].spsr, 0);

	fixture_vcpu(&v, MODE_SVC | CPSR_N);                    /* GT fails: N != V */
	v.r[5] = CPSR_I | MODE_IRQ;
	CHECK_EQ(run_sensitive(&v, 0xc121f005), EMU_DONE);     /* msrgt cpsr_c, r5 */
	CHECK_EQ(v.cpsr, MODE_SVC | CPSR_N);
	CHECK_EQ(run_sensitive(&v, 0x4321f01f), EMU_DONE);     /* msrmi: passes */
	CHECK_EQ(v.cpsr, MODE_SYS | CPSR_N);
	CHECK_EQ(v.r[15], NEXT_PC + 4u);

	/* Not UNPREDICTABLE when it does not execute. */
	fixture_vcpu(&v, MODE_USR | CPSR_Z);
	CHECK_EQ(run_sensitive(&v, 0x114f2000), EMU_DONE);     /* mrsne r2, spsr */
	CHECK_EQ(v.r[15], NEXT_PC);
}

TEST(emu_mrs_msr_condition_passed)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC | CPSR_Z);
	CHECK_EQ(run_sensitive(&v, 0x010f1000), EMU_DONE);     /* mrseq r1, cpsr */
	CHECK_EQ(v.r[1], MODE_SVC | CPSR_Z);

	fixture_vcpu(&v, MODE_SVC | CPSR_N | CPSR_V);          /* GT passes: Z = 0, N == V */
	v.r[5] = CPSR_I | MODE_IRQ;
	CHECK_EQ(run_sensitive(&v, 0xc121f005), EMU_DONE);     /* msrgt cpsr_c, r5 */
	CHECK_EQ(v.cpsr, MODE_IRQ | CPSR_I | CPSR_N | CPSR_V);
	CHECK_EQ(v.r[15], NEXT_PC);
}

TEST(emu_cps_masks)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC | CPSR_C);
	CHECK_EQ(run_sensitive(&v, 0xf10c0080), EMU_DONE);     /* cpsid i */
	CHECK_EQ(v.cpsr, MODE_SVC | CPSR_C | CPSR_I);
	CHECK_EQ(v.r[15], NEXT_PC);
	CHECK_EQ(run_sensitive(&v, 0xf10c00c0), EMU_DONE);     /* cpsid if */
	CHECK_EQ(v.cpsr, MODE_SVC | CPSR_C | CPSR_I | CPSR_F);
	v.cpsr |= CPSR_A;
	CHECK_EQ(run_sensitive(&v, 0xf1080100), EMU_DONE);     /* cpsie a */
	CHECK_EQ(v.cpsr, MODE_SVC | CPSR_C | CPSR_I | CPSR_F);
	CHECK_EQ(v.r[15], NEXT_PC + 8u);
}

TEST(emu_cps_mode_change)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SYS | CPSR_A | CPSR_I | CPSR_F);
	v.r[13] = 0x8000f000u;
	v.bank[VBANK_SVC].sp = 0x80007000u;
	CHECK_EQ(run_sensitive(&v, 0xf10a01d3), EMU_DONE);     /* cpsie aif, #0x13 */
	CHECK_EQ(v.cpsr, MODE_SVC);
	CHECK_EQ(v.r[13], 0x80007000u);
	CHECK_EQ(v.bank[VBANK_USR].sp, 0x8000f000u);
	CHECK_EQ(run_sensitive(&v, 0xf102001f), EMU_DONE);     /* cps #0x1f */
	CHECK_EQ(v.cpsr, MODE_SYS);
	CHECK_EQ(v.r[13], 0x8000f000u);
	CHECK_EQ(v.r[15], NEXT_PC + 4u);
}

/*
 * A Non-secure guest on a CPU without Virtualization Extensions: SCR.AW and
 * SCR.FW are 0, so no CPS, MSR or exception return changes CPSR.A or
 * CPSR.F (B1.8.6); I and the rest change as usual.
 */
TEST(emu_cpsr_a_f_fixed)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC | CPSR_A | CPSR_I | CPSR_F);
	v.cpsr_fixed = CPSR_A | CPSR_F;
	CHECK_EQ(run_sensitive(&v, 0xf10801c0), EMU_DONE);     /* cpsie aif */
	CHECK_EQ(v.cpsr, MODE_SVC | CPSR_A | CPSR_F);
	v.r[0] = MODE_SYS | CPSR_N;
	CHECK_EQ(run_sensitive(&v, 0xe12ff000), EMU_DONE);     /* msr cpsr_fsxc, r0 */
	CHECK_EQ(v.cpsr, MODE_SYS | CPSR_N | CPSR_A | CPSR_F);
	CHECK_EQ(run_sensitive(&v, 0xf10c0080), EMU_DONE);     /* cpsid i */
	CHECK_EQ(v.cpsr, MODE_SYS | CPSR_N | CPSR_A | CPSR_I | CPSR_F);
	vcpu_exception_return(&v, MODE_USR, 0x80000000u);
	CHECK_EQ(v.cpsr, MODE_USR | CPSR_A | CPSR_F);

	fixture_vcpu(&v, MODE_SVC);                     /* clear, they stay clear */
	v.cpsr_fixed = CPSR_A | CPSR_F;
	CHECK_EQ(run_sensitive(&v, 0xf10c01c0), EMU_DONE);     /* cpsid aif */
	CHECK_EQ(v.cpsr, MODE_SVC | CPSR_I);
}

/* CPS executed in User mode is a NOP (B9.3 CPS: "if CurrentModeIsNotUser()"). */
TEST(emu_cps_nop_in_user_mode)
{
	static const uint32_t insns[] = { 0xf10c0080, 0xf10a01d3, 0xf102001f, 0xf1080100 };
	struct vcpu v;

	for (unsigned i = 0; i < 4; i++) {
		fixture_vcpu(&v, MODE_USR | CPSR_A);
		CHECK_EQ(run_sensitive(&v, insns[i]), EMU_DONE);
		CHECK_EQ(v.cpsr, MODE_USR | CPSR_A);
		CHECK_EQ(v.r[15], NEXT_PC);
	}
}

/* WFI changes nothing but the PC; it marks the vCPU as waiting, when its condition passes. */
TEST(emu_wfi_marks_the_vcpu_waiting)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC | CPSR_I | CPSR_Z);
	CHECK_EQ(run_sensitive(&v, 0xe320f003), EMU_DONE);     /* wfi */
	CHECK(v.wfi);
	CHECK_EQ(v.r[15], NEXT_PC);
	CHECK_EQ(v.cpsr, MODE_SVC | CPSR_I | CPSR_Z);
	v.wfi = false;
	CHECK_EQ(run_sensitive(&v, 0x1320f003), EMU_DONE);     /* wfine, Z set: not executed */
	CHECK(!v.wfi);
	CHECK_EQ(v.r[15], NEXT_PC + 4u);
	CHECK_EQ(run_sensitive(&v, 0x0320f003), EMU_DONE);     /* wfieq */
	CHECK(v.wfi);
}
