/* The virtual CPU's register banks and CPSR writes (ARM DDI 0406C B1.3). */
#include "arm_arch.h"
#include "fixture.h"
#include "test.h"

TEST(vcpu_mode_valid)
{
	static const uint32_t valid[] = { MODE_USR, MODE_FIQ, MODE_IRQ, MODE_SVC, MODE_ABT, MODE_UND, MODE_SYS };
	static const uint32_t invalid[] = { 0x00, 0x15, MODE_MON, MODE_HYP, 0x1e };

	for (unsigned i = 0; i < sizeof(valid) / sizeof(valid[0]); i++)
		if (!vcpu_mode_valid(valid[i]))
			FAIL("mode 0x%x refused", valid[i]);
	for (unsigned i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++)
		if (vcpu_mode_valid(invalid[i]))
			FAIL("mode 0x%x accepted", invalid[i]);
}

TEST(vcpu_reset_state)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_USR);
	for (unsigned i = 0; i < 16; i++)
		v.r[i] = 0xdead0000u + i;
	v.bank[VBANK_IRQ].sp = 1;
	v.r8_12_other[4] = 1;
	vcpu_reset(&v, 0x80008000u, 0xffffffffu, 0x80000100u, MODE_SVC | CPSR_A | CPSR_I | CPSR_F);
	CHECK_EQ(v.r[0], 0);
	CHECK_EQ(v.r[1], 0xffffffffu);
	CHECK_EQ(v.r[2], 0x80000100u);
	CHECK_EQ(v.r[13], 0);
	CHECK_EQ(v.r[15], 0x80008000u);
	CHECK_EQ(v.cpsr, MODE_SVC | CPSR_A | CPSR_I | CPSR_F);
	CHECK_EQ(v.bank[VBANK_IRQ].sp, 0);
	CHECK_EQ(v.r8_12_other[4], 0);
}

TEST(vcpu_switch_preserves_banked_sp_lr)
{
	static const uint32_t modes[] = { MODE_SVC, MODE_IRQ, MODE_ABT, MODE_UND, MODE_FIQ, MODE_USR };
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC | CPSR_Z);
	for (unsigned i = 0; i < 6; i++) {
		vcpu_switch_mode(&v, modes[i]);
		v.r[13] = 0x1300u + modes[i];
		v.r[14] = 0x1400u + modes[i];
	}
	for (unsigned round = 0; round < 2; round++) {
		for (unsigned i = 0; i < 6; i++) {
			vcpu_switch_mode(&v, modes[i]);
			CHECK_EQ(v.cpsr, modes[i] | CPSR_Z);
			CHECK_EQ(v.r[13], 0x1300u + modes[i]);
			CHECK_EQ(v.r[14], 0x1400u + modes[i]);
		}
	}
}

TEST(vcpu_fiq_swaps_r8_r12)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC);
	for (unsigned i = 0; i < 15; i++)
		v.r[i] = 0x100u + i;
	vcpu_switch_mode(&v, MODE_FIQ);
	for (unsigned i = 8; i <= 12; i++) {
		CHECK_EQ(v.r[i], 0);
		v.r[i] = 0xf00u + i;
	}
	CHECK_EQ(v.r[7], 0x107);
	vcpu_switch_mode(&v, MODE_SVC);
	for (unsigned i = 0; i <= 12; i++)
		CHECK_EQ(v.r[i], 0x100u + i);
	vcpu_switch_mode(&v, MODE_FIQ);
	for (unsigned i = 8; i <= 12; i++)
		CHECK_EQ(v.r[i], 0xf00u + i);
	/* From FIQ straight to another non-FIQ mode: the User r8-r12 come back. */
	vcpu_switch_mode(&v, MODE_IRQ);
	for (unsigned i = 8; i <= 12; i++)
		CHECK_EQ(v.r[i], 0x100u + i);
	vcpu_switch_mode(&v, MODE_USR);
	for (unsigned i = 8; i <= 12; i++)
		CHECK_EQ(v.r[i], 0x100u + i);
}

TEST(vcpu_user_and_system_share_bank)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SYS);
	v.r[13] = 0x8000f000u;
	v.r[14] = 0x80001234u;
	vcpu_switch_mode(&v, MODE_USR);
	CHECK_EQ(v.r[13], 0x8000f000u);
	CHECK_EQ(v.r[14], 0x80001234u);
	v.r[13] = 0x8000e000u;
	vcpu_switch_mode(&v, MODE_SYS);
	CHECK_EQ(v.r[13], 0x8000e000u);
	vcpu_switch_mode(&v, MODE_SVC);
	v.r[13] = 0x80007000u;
	vcpu_switch_mode(&v, MODE_USR);
	CHECK_EQ(v.r[13], 0x8000e000u);
	CHECK_EQ(v.r[14], 0x80001234u);
}

/* CPSRWriteByInstr (B1.3.3): unprivileged writes reach only N Z C V Q, GE[3:0] and E. */
TEST(vcpu_write_cpsr_user_mode)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_USR);
	v.r[13] = 0x1111;
	vcpu_write_cpsr(&v, 0xffffffffu, 0xffffffffu);
	CHECK_EQ(v.cpsr, 0xf80f0200u | MODE_USR);
	CHECK_EQ(v.r[13], 0x1111);
	vcpu_write_cpsr(&v, MODE_SVC, 0xffffffffu);
	CHECK_EQ(v.cpsr, MODE_USR);
}

/*
 * Privileged: masks and mode too, but never the execution state bits (not
 * an exception return) nor the reserved bits 23:20.
 */
TEST(vcpu_write_cpsr_privileged)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC);
	v.r[13] = 0x5555;
	vcpu_write_cpsr(&v, 0xffffffffu, 0xffffffffu);
	CHECK_EQ(v.cpsr, 0xf80f03dfu);
	CHECK_EQ(v.r[13], 0);                   /* System mode uses the User bank */
	CHECK_EQ(v.bank[VBANK_SVC].sp, 0x5555);

	/* One byte at a time: c holds mode, I and F; f the flags; x holds E and A. */
	fixture_vcpu(&v, MODE_SVC | CPSR_N | CPSR_A);
	vcpu_write_cpsr(&v, 0xffff0000u | CPSR_I | CPSR_F | MODE_IRQ, 0x000000ffu);
	CHECK_EQ(v.cpsr, MODE_IRQ | CPSR_I | CPSR_F | CPSR_N | CPSR_A);
	vcpu_write_cpsr(&v, 0, 0xff000000u);
	CHECK_EQ(v.cpsr, MODE_IRQ | CPSR_I | CPSR_F | CPSR_A);
	vcpu_write_cpsr(&v, CPSR_E, 0x0000ff00u);
	CHECK_EQ(v.cpsr, MODE_IRQ | CPSR_I | CPSR_F | CPSR_E);
}

/* An invalid mode in a CPSR write is UNPREDICTABLE; the vCPU keeps its mode and banks. */
TEST(vcpu_write_cpsr_invalid_mode_ignored)
{
	static const uint32_t bad[] = { 0x00, 0x15, MODE_MON, MODE_HYP };
	struct vcpu v;

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		fixture_vcpu(&v, MODE_SVC | CPSR_I);
		v.r[13] = 0x5555;
		vcpu_write_cpsr(&v, bad[i] | CPSR_I, 0x000000ffu);
		CHECK_EQ(v.cpsr & 0x1fu, MODE_SVC);
		CHECK_EQ(v.r[13], 0x5555);
	}
}

/*
 * Exception return writes the whole CPSR but its reserved bits 23:20
 * (CPSRWriteByInstr with is_excpt_return); BranchWritePC aligns the PC.
 */
TEST(vcpu_exception_return)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC);
	v.r[13] = 0x5555;
	v.bank[VBANK_USR].sp = 0x1111;
	vcpu_exception_return(&v, MODE_USR | CPSR_T | CPSR_Z | 0x0400u | CPSR_RESERVED, 0x80000003u);
	CHECK_EQ(v.cpsr, MODE_USR | CPSR_T | CPSR_Z | 0x0400u);
	CHECK_EQ(v.r[15], 0x80000002u);
	CHECK_EQ(v.r[13], 0x1111);
	CHECK_EQ(v.bank[VBANK_SVC].sp, 0x5555);

	fixture_vcpu(&v, MODE_SVC);
	vcpu_exception_return(&v, MODE_SYS | CPSR_A, 0x80000003u);
	CHECK_EQ(v.cpsr, MODE_SYS | CPSR_A);
	CHECK_EQ(v.r[15], 0x80000000u);
}

/* Returning to an invalid mode is UNPREDICTABLE: the vCPU keeps its mode, takes the rest. */
TEST(vcpu_exception_return_invalid_mode)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC);
	vcpu_exception_return(&v, MODE_HYP | CPSR_N, 0x80000010u);
	CHECK_EQ(v.cpsr, MODE_SVC | CPSR_N);
	CHECK_EQ(v.r[15], 0x80000010u);
}

TEST(vcpu_register_accessors)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_FIQ);
	CHECK(vcpu_user_reg(&v, 8) == &v.r8_12_other[0]);
	CHECK(vcpu_user_reg(&v, 12) == &v.r8_12_other[4]);
	CHECK(vcpu_user_reg(&v, 13) == &v.bank[VBANK_USR].sp);
	CHECK(vcpu_user_reg(&v, 14) == &v.bank[VBANK_USR].lr);
	CHECK(vcpu_user_reg(&v, 7) == &v.r[7]);
	CHECK(vcpu_banked_sp(&v, MODE_FIQ) == &v.r[13]);
	CHECK(vcpu_banked_sp(&v, MODE_IRQ) == &v.bank[VBANK_IRQ].sp);
	CHECK(vcpu_spsr(&v) == &v.bank[VBANK_FIQ].spsr);

	fixture_vcpu(&v, MODE_SVC);
	CHECK(vcpu_user_reg(&v, 8) == &v.r[8]);
	CHECK(vcpu_user_reg(&v, 13) == &v.bank[VBANK_USR].sp);

	fixture_vcpu(&v, MODE_SYS);
	CHECK(vcpu_user_reg(&v, 13) == &v.r[13]);
	CHECK(vcpu_user_reg(&v, 14) == &v.r[14]);
	CHECK(vcpu_banked_sp(&v, MODE_USR) == &v.r[13]);
}

TEST(vcpu_privilege_and_spsr_presence)
{
	static const struct {
		uint32_t mode;
		bool privileged, spsr;
	} m[] = {
		{ MODE_USR, false, false }, { MODE_SYS, true, false }, { MODE_FIQ, true, true },
		{ MODE_IRQ, true, true }, { MODE_SVC, true, true }, { MODE_ABT, true, true },
		{ MODE_UND, true, true },
	};
	struct vcpu v;

	for (unsigned i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
		fixture_vcpu(&v, m[i].mode);
		CHECK_EQ(vcpu_mode(&v), m[i].mode);
		if (vcpu_privileged(&v) != m[i].privileged || vcpu_has_spsr(&v) != m[i].spsr)
			FAIL("mode 0x%x: privileged %d spsr %d", m[i].mode, vcpu_privileged(&v),
			     vcpu_has_spsr(&v));
	}
}
