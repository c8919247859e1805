/* The cases of faults.S: CASE(function, thumb, signal, si_code, si_addr is
 * the instruction). Included twice by faults.c. */

/* UDF: SIGILL ILL_ILLOPC at the instruction (do_undefinstr). */
CASE(ut_udf_arm, false, SIGILL, ILL_ILLOPC, true)
CASE(ut_udf_thumb, true, SIGILL, ILL_ILLOPC, true)
CASE(ut_udfw_thumb, true, SIGILL, ILL_ILLOPC, true)

/* BKPT: a debug event, which Linux does not use, so the si_code is whatever
 * its Prefetch Abort path gives, and si_addr comes from the IFAR, which the
 * architecture leaves UNKNOWN for a BKPT. The signal is SIGTRAP where the
 * kernel handles the CPU's debug events, SIGBUS where it does not support
 * the CPU's debug architecture (a Cortex-A8: "hw-breakpoint: debug
 * architecture 0x4 unsupported"). */
CASE(ut_bkpt_arm, false, SIG_DEBUG_EVENT, ANY_CODE, false)
CASE(ut_bkpt_thumb, true, SIG_DEBUG_EVENT, ANY_CODE, false)

/* Linux's breakpoint encodings: SIGTRAP TRAP_BRKPT at the instruction. */
CASE(ut_brk_arm, false, SIGTRAP, TRAP_BRKPT, true)
CASE(ut_brk_thumb, true, SIGTRAP, TRAP_BRKPT, true)
CASE(ut_brkw_thumb, true, SIGTRAP, TRAP_BRKPT, true)

/* Privileged CP15 accesses, HVC and SMC: UNDEFINED in User mode. */
CASE(ut_mrc_sctlr_arm, false, SIGILL, ILL_ILLOPC, true)
CASE(ut_mcr_sctlr_arm, false, SIGILL, ILL_ILLOPC, true)
CASE(ut_mrc_midr_arm, false, SIGILL, ILL_ILLOPC, true)
CASE(ut_mrc_ttbr0_arm, false, SIGILL, ILL_ILLOPC, true)
CASE(ut_mrc_dacr_arm, false, SIGILL, ILL_ILLOPC, true)
CASE(ut_mcr_iciallu_arm, false, SIGILL, ILL_ILLOPC, true)
CASE(ut_mcr_tlbiall_arm, false, SIGILL, ILL_ILLOPC, true)
CASE(ut_mcr_tpidruro_arm, false, SIGILL, ILL_ILLOPC, true)
CASE(ut_mrc_sctlr_thumb, true, SIGILL, ILL_ILLOPC, true)
CASE(ut_mcr_dacr_thumb, true, SIGILL, ILL_ILLOPC, true)
CASE(ut_hvc_arm, false, SIGILL, ILL_ILLOPC, true)
CASE(ut_smc_arm, false, SIGILL, ILL_ILLOPC, true)
CASE(ut_hvc_thumb, true, SIGILL, ILL_ILLOPC, true)
CASE(ut_smc_thumb, true, SIGILL, ILL_ILLOPC, true)

/* CP15 barriers (SCTLR.CP15BEN set by Linux): no signal. */
CASE(ut_cp15_dmb_arm, false, 0, 0, false)
CASE(ut_cp15_dsb_arm, false, 0, 0, false)
CASE(ut_cp15_isb_arm, false, 0, 0, false)
CASE(ut_cp15_dmb_thumb, true, 0, 0, false)
