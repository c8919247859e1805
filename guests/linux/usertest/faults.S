/* Instructions that must trap from User mode, one per function, each first
 * in its function and followed by "return 1": the signal handler steps over
 * the instruction and returns (sigreturn), so 1 means the code resumed.
 * Encodings the assembler would refuse for ARMv7-A User code are .inst. */
#include "asm.h"

	.syntax unified
	.text

#define ARM_CASE(name, insn...)	\
ARM_FUNC(name);			\
	insn;			\
	mov	r0, #1;		\
	bx	lr;		\
END(name)

#define THUMB_CASE(name, insn...) \
THUMB_FUNC(name);		\
	insn;			\
	movs	r0, #1;		\
	bx	lr;		\
END(name)

/* Permanently undefined (UDF #0): SIGILL ILL_ILLOPC. */
ARM_CASE(ut_udf_arm, .inst 0xe7f000f0)
THUMB_CASE(ut_udf_thumb, .inst.n 0xde00)
THUMB_CASE(ut_udfw_thumb, .inst.w 0xf7f0a001)	/* UDF.W #1 */

/* BKPT: a debug exception (Prefetch Abort), SIGTRAP. */
ARM_CASE(ut_bkpt_arm, bkpt #0)
THUMB_CASE(ut_bkpt_thumb, bkpt #0)

/* The UDF encodings Linux reserves as breakpoints (arch/arm ptrace break
 * hooks): SIGTRAP TRAP_BRKPT even without a debugger. */
ARM_CASE(ut_brk_arm, .inst 0xe7f001f0)
THUMB_CASE(ut_brk_thumb, .inst.n 0xde01)
THUMB_CASE(ut_brkw_thumb, .inst.w 0xf7f0a000)

/* Privileged CP15 accesses: UNDEFINED in User mode. */
ARM_CASE(ut_mrc_sctlr_arm, mrc p15, 0, r0, c1, c0, 0)
ARM_CASE(ut_mcr_sctlr_arm, mcr p15, 0, r0, c1, c0, 0)
ARM_CASE(ut_mrc_midr_arm, mrc p15, 0, r0, c0, c0, 0)
ARM_CASE(ut_mrc_ttbr0_arm, mrc p15, 0, r0, c2, c0, 0)
ARM_CASE(ut_mrc_dacr_arm, mrc p15, 0, r0, c3, c0, 0)
ARM_CASE(ut_mcr_iciallu_arm, mcr p15, 0, r0, c7, c5, 0)
ARM_CASE(ut_mcr_tlbiall_arm, mcr p15, 0, r0, c8, c7, 0)
ARM_CASE(ut_mcr_tpidruro_arm, mcr p15, 0, r0, c13, c0, 3)
THUMB_CASE(ut_mrc_sctlr_thumb, mrc p15, 0, r0, c1, c0, 0)
THUMB_CASE(ut_mcr_dacr_thumb, mcr p15, 0, r0, c3, c0, 0)

/* HVC and SMC: UNDEFINED in User mode. */
ARM_CASE(ut_hvc_arm, .inst 0xe1400070)
ARM_CASE(ut_smc_arm, .inst 0xe1600070)
THUMB_CASE(ut_hvc_thumb, .inst.w 0xf7e08000)
THUMB_CASE(ut_smc_thumb, .inst.w 0xf7f08000)

/* The CP15 barrier operations: allowed in User mode because Linux sets
 * SCTLR.CP15BEN (proc-v7.S); they must not trap. */
ARM_CASE(ut_cp15_dmb_arm, mcr p15, 0, r0, c7, c10, 5)
ARM_CASE(ut_cp15_dsb_arm, mcr p15, 0, r0, c7, c10, 4)
ARM_CASE(ut_cp15_isb_arm, mcr p15, 0, r0, c7, c5, 4)
THUMB_CASE(ut_cp15_dmb_thumb, mcr p15, 0, r0, c7, c10, 5)

NOEXEC_STACK
