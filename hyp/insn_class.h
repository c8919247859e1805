/*
 * Sensitive ARM (A32) instructions: those that behave differently in User
 * mode without trapping, so guest kernel code must not run them unpatched.
 * Patterns are exact encodings as compilers and assemblers emit them, so
 * that data words in code pages rarely match (ARM DDI 0406C A8, B9).
 */
#ifndef HYP_INSN_CLASS_H
#define HYP_INSN_CLASS_H

#include <stdbool.h>
#include <stdint.h>

enum sens_class {
	SENS_NONE,
	SENS_MRS,          /* MRS Rd, CPSR | SPSR */
	SENS_MSR_REG,      /* MSR CPSR_<c|x...>, Rn / MSR SPSR_<any>, Rn */
	SENS_MSR_IMM,      /* MSR CPSR_<c|x...>, #imm / MSR SPSR_<any>, #imm */
	SENS_CPS,          /* CPS, CPSIE, CPSID */
	SENS_SRS,          /* SRS{DA,IA,DB,IB} sp{!}, #mode */
	SENS_RFE,          /* RFE{DA,IA,DB,IB} Rn{!} */
	SENS_LDM_USER,     /* LDM Rn, {..}^ without PC: User-mode registers */
	SENS_LDM_ERET,     /* LDM Rn{!}, {..,pc}^: exception return */
	SENS_STM_USER,     /* STM Rn, {..}^: User-mode registers */
	SENS_DP_ERET,      /* MOVS pc, Rm / SUBS pc, lr, #imm: exception return */
	SENS_WFI,          /* WFI: the same in User mode, but the hypervisor gives the core to others */
	SENS_CLASS_COUNT
};

/* The exception returns SENS_DP_ERET covers, condition AL: MOVS pc, Rm and SUBS pc, lr, #imm12. */
#define INSN_MOVS_PC_MASK       0xfffffff0u
#define INSN_MOVS_PC            0xe1b0f000u
#define INSN_SUBS_PC_LR_MASK    0xfffff000u
#define INSN_SUBS_PC_LR         0xe25ef000u

enum sens_class insn_classify_arm(uint32_t insn);
const char *sens_class_name(enum sens_class cls);

/* A coprocessor instruction (LDC/STC, MCRR/MRRC, CDP, MCR/MRC; A5.6), and of MCR/MRC the read. */
#define INSN_MRC        (1u << 20)
#define INSN_RT(i)      (((i) >> 12) & 0xfu)    /* MCR/MRC: the core register */
#define INSN_RT_MASK    (0xfu << 12)
#define INSN_MCR_DACR_AL     0xee030f10u        /* MCR p15, 0, Rt, c3, c0, 0, always executed */
#define INSN_MCR_TPIDRURO_AL 0xee0d0f70u        /* MCR p15, 0, Rt, c13, c0, 3, always executed */
#define INSN_CRN(i)     (((i) >> 16) & 0xfu)    /* MCR/MRC: the coprocessor's primary register */

/* Coprocessor instructions: LDC, STC, MCRR, MRRC (bits 27:25 110); CDP, MCR, MRC (bits 27:24 1110). */
#define INSN_COPROC_LS_MASK     0x0e000000u
#define INSN_COPROC_LS          0x0c000000u
#define INSN_COPROC_REG_MASK    0x0f000000u
#define INSN_COPROC_REG         0x0e000000u

static inline int insn_is_coproc(uint32_t insn)
{
	return (insn & INSN_COPROC_LS_MASK) == INSN_COPROC_LS || (insn & INSN_COPROC_REG_MASK) == INSN_COPROC_REG;
}

/* The condition field. */
static inline uint32_t insn_cond(uint32_t insn)
{
	return insn >> 28;
}

/* Per condition, the NZCV values (CPSR[31:28]) it passes for, as bits (ARM DDI 0406C A8.3). */
extern const uint16_t insn_cond_passes[16];

/* Whether condition `cond` passes for the NZCV flags of `cpsr` (AL and 1111 always do). */
static inline int insn_cond_passed(uint32_t cond, uint32_t cpsr)
{
	return (insn_cond_passes[cond & 0xfu] >> (cpsr >> 28)) & 1u;
}

/*
 * Whether an ARM instruction uses the floating-point registers: a CP10/CP11
 * coprocessor instruction (VFP, VMOV to/from core registers, VLDR/VSTR/VLDM/
 * VSTM, VMRS/VMSR) or an Advanced SIMD data-processing or element load/store
 * one (ARM DDI 0406C A5.7, A7.4, A7.5).
 */
int insn_uses_vfp_arm(uint32_t insn);

/* ARMExpandImm: the 12-bit modified immediate of data-processing encodings. */
uint32_t insn_expand_imm(uint32_t imm12);

/*
 * If `insn` at `addr` loads a PC-relative literal (LDR, LDRB, LDRH, LDRSB,
 * LDRSH, LDRD, VLDR), give the address and byte length of the literal.
 */
int insn_literal_target(uint32_t insn, uint32_t addr, uint32_t *target, uint32_t *len);

/*
 * Could `insn` be sensitive at all? A necessary condition of every pattern
 * insn_classify_arm() matches, tested on each word of a page scan before
 * it (a scan took 47 instructions a word without it): in the unconditional
 * space bits 27:25 are 000 (CPS) or 100 (SRS, RFE); otherwise MRS, MSR and
 * WFI have bits 27:26 00, 24:23 10 and 20 clear, MOVS/SUBS pc have bits
 * 27:26 00, S set and the PC as Rd, and LDM/STM of User registers or with
 * the SPSR have bits 27:25 100 and S (bit 22) set (ARM DDI 0406C A5.1).
 */
static inline bool insn_maybe_sensitive_arm(uint32_t insn)
{
	if (insn_cond(insn) == 0xfu)
		return (insn & 0x0e000000u) == 0 || (insn & 0x0e000000u) == 0x08000000u;
	if ((insn & 0x0c000000u) == 0)
		return (insn & 0x01900000u) == 0x01000000u || (insn & 0x0010f000u) == 0x0010f000u;
	return (insn & 0x0e400000u) == 0x08400000u;
}

/*
 * Could `insn` load a literal at all? Every such load has the PC as its base
 * (Rn, bits 19:16): a quick test before insn_literal_target() for a scan.
 */
static inline int insn_may_load_literal(uint32_t insn)
{
	return ((insn >> 16) & 0xfu) == 0xfu;
}

#endif
