/* VMRS/VMSR of the VFP system registers (ARM DDI 0406C A8.8.348-349, B6.1). */
#include "arm_arch.h"
#include "fixture.h"
#include "hyp/emulate.h"
#include "test.h"

#define CPACR_CP10_CP11 (0xfu << 20)
#define FPEXC_EN        (1u << 30)

/* Encodings from the assembler. */
#define VMRS_R5_FPEXC   0xeef85a10u
#define VMSR_FPEXC_R2   0xeee82a10u
#define VMRS_R0_FPSID   0xeef00a10u
#define VMRS_R1_MVFR0   0xeef71a10u
#define VMRS_R3_FPSCR   0xeef13a10u
#define VADD_F32        0xee300a01u     /* vadd.f32 s0, s0, s2 */

static void enabled_vcpu(struct vcpu *v, uint32_t mode)
{
	fixture_vcpu(v, mode);
	v->cp15.cpacr = CPACR_CP10_CP11;
	fake_hooks_reset();
}

TEST(vfp_sysreg_reads_and_fpexc_write)
{
	struct vcpu v;

	enabled_vcpu(&v, MODE_SVC);
	fake_hooks.vfp_regs[0] = 0x410430f0u;
	fake_hooks.vfp_regs[7] = 0x10110222u;
	CHECK_EQ(emulate_vfp_sysreg(&v, VMRS_R0_FPSID), EMU_DONE);
	CHECK_EQ(v.r[0], 0x410430f0u);
	CHECK_EQ(emulate_vfp_sysreg(&v, VMRS_R1_MVFR0), EMU_DONE);
	CHECK_EQ(v.r[1], 0x10110222u);
	v.r[2] = FPEXC_EN;
	CHECK_EQ(emulate_vfp_sysreg(&v, VMSR_FPEXC_R2), EMU_DONE);
	CHECK_EQ(fake_hooks.vfp_regs[8], FPEXC_EN);
	CHECK_EQ(emulate_vfp_sysreg(&v, VMRS_R5_FPEXC), EMU_DONE);
	CHECK_EQ(v.r[5], FPEXC_EN);
	CHECK_EQ(v.r[15], FIXTURE_PC + 16u);
}

TEST(vfp_sysreg_undefined_in_user_mode_or_when_disabled)
{
	struct vcpu v;

	enabled_vcpu(&v, MODE_USR);
	CHECK_EQ(emulate_vfp_sysreg(&v, VMRS_R5_FPEXC), EMU_UNDEF);
	enabled_vcpu(&v, MODE_SVC);
	v.cp15.cpacr = 0;
	CHECK_EQ(emulate_vfp_sysreg(&v, VMRS_R5_FPEXC), EMU_UNDEF);
	CHECK_EQ(v.r[15], FIXTURE_PC);
}

/* FPSCR and data-processing instructions are not system register moves. */
TEST(vfp_sysreg_leaves_others)
{
	struct vcpu v;

	enabled_vcpu(&v, MODE_SVC);
	CHECK_EQ(emulate_vfp_sysreg(&v, VMRS_R3_FPSCR), EMU_UNSUPPORTED);
	CHECK_EQ(emulate_vfp_sysreg(&v, VADD_F32), EMU_UNSUPPORTED);
}

TEST(cp15_cpacr_write_calls_hook)
{
	struct vcpu v;

	enabled_vcpu(&v, MODE_SVC);
	v.r[0] = CPACR_CP10_CP11;
	CHECK_EQ(emulate_cp15(&v, 0xee010f50u), EMU_DONE);     /* mcr p15, 0, r0, c1, c0, 2 */
	CHECK_EQ(fake_hooks.cpacr, 1);
	CHECK_EQ(v.cp15.cpacr, CPACR_CP10_CP11);
}
