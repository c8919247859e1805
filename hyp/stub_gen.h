/*
 * Trap-free stubs (seed: building instructions at insertion time, and
 * recognising them by pattern and fields). A patched instruction that only
 * touches the virtual CPSR or SPSR and stays in a privileged mode - CPS
 * without a mode change, MRS Rd, CPSR, MSR CPSR_c, Rn, MRS Rd, SPSR and
 * MSR SPSR_fsxc, Rn - becomes a branch (with the instruction's condition)
 * to a stub the hypervisor writes for that site. The stub does the
 * instruction's work on the virtual CPSR and SPSR words of a data page
 * that the guest reaches only in its privileged modes, then branches back
 * after the site. So does an MRC of the virtual DACR, TPIDRPRW or SCTLR,
 * which traps in PL0 unpatched: its stub loads the data page's copy; and a
 * data cache maintenance MCR, which has nothing to do (hyp/emulate_cp15.c
 * says why): its stub is the branch back. And
 * so do the LDM and STM of User registers that Linux runs on every entry
 * from and return to user space (STM ^ of SP and LR; LDM ^ of registers
 * up to SP and LR): in IRQ, SVC, Abort and Undefined mode User's r0-r12
 * are the real registers and only User's SP and LR are banked, which the
 * data page keeps a copy of; the stub accesses guest memory with a plain
 * LDM or STM, as the guest's own privileged accesses run.
 *
 * A stub borrows at most two of the guest's registers, saved to the data
 * page first and loaded back last; it never changes the condition flags
 * (its one decision is a computed branch: CLZ, then an ADD to the PC).
 * Where the hypervisor is needed - an unmask that lets a signalled
 * interrupt in, a mode change, an SPSR in System mode (which has none),
 * User registers in FIQ or System mode - the stub gives the registers back
 * and runs the site's trapping word (the patch's UDF), which the
 * hypervisor emulates as if it stood at the site. A stub interrupted
 * before its branch back is rewound to its site (stub_rewind()): running
 * it again from the start gives the same result, as each stub writes the
 * virtual state once, from what it read, and an LDM ^ stub changes the
 * guest's registers only by its last load. Interrupted at its branch back,
 * it is done. An access of an LDM or STM stub that aborts is the site's:
 * the hypervisor emulates the site's instruction instead.
 * Portable: compiled for the target and for host unit tests, which run
 * every stub in an ARM interpreter against the general emulator.
 */
#ifndef HYP_STUB_GEN_H
#define HYP_STUB_GEN_H

#include <stdbool.h>
#include <stdint.h>

#include "hyp/insn_class.h"

/* Words of the data page (offsets in bytes), the one copy of each per vCPU. */
#define STUB_DATA_CPSR  0u      /* virtual A, I, F and mode; the stubs keep A, I and F */
#define STUB_DATA_WAKE  4u      /* mask bits whose clearing needs the hypervisor (PSR_I: an IRQ is signalled) */
#define STUB_DATA_SPILL 8u      /* two words: the registers the running stub borrows */
#define STUB_DATA_SPSR  16u     /* the current mode's SPSR (0 in System mode, which has none) */
#define STUB_DATA_DACR  20u     /* the virtual CP15 registers the stubs read */
#define STUB_DATA_TPIDRPRW 24u
#define STUB_DATA_SCTLR 28u
#define STUB_DATA_USR_SP 32u    /* User mode's banked SP and LR, where the current mode banks them apart */
#define STUB_DATA_USR_LR 36u
#define STUB_DATA_NO_USR_BANK 40u /* nonzero in FIQ and System mode: the two words above mean nothing */
#define STUB_DATA_DFSR  44u     /* the fault registers, read by Linux's abort handlers */
#define STUB_DATA_IFSR  48u
#define STUB_DATA_DFAR  52u
#define STUB_DATA_IFAR  56u
#define STUB_DATA_BYTES 60u
/* The virtual CPSR bits the data page holds. */
#define STUB_CPSR_BITS  (PSR_A | PSR_I | PSR_F | PSR_MODE_MASK)

#define STUB_MAX_WORDS  24u
#define STUB_NO_REG     0xffu

struct stub {
	uint32_t word[STUB_MAX_WORDS];
	uint8_t words;
	uint8_t spill[2];       /* borrowed registers, saved by words 0 and 1; STUB_NO_REG: none */
	uint8_t back_at;        /* the word that branches back after the site: the stub is done there */
};

#define STUB_INSN_SPSR          (1u << 22)      /* MRS/MSR: SPSR, not CPSR */
#define STUB_MSR_MASK_C         1u              /* MSR mask field: the control byte only */
#define STUB_MSR_MASK_FSXC      0xfu            /* every byte */
#define STUB_CPS_MODE_CHANGE    (1u << 17)
#define STUB_CPS_IMOD_ENABLE    2u
#define STUB_CPS_IMOD_DISABLE   3u
#define STUB_REG_SP             13u
#define STUB_REG_LR             14u
#define STUB_USR_BANKED         (1u << STUB_REG_SP | 1u << STUB_REG_LR)

/*
 * Can `orig` (of class `cls`) become a stub? CPS that changes no mode, MRS
 * of the CPSR or SPSR, MSR of the CPSR's control byte alone and of the
 * whole SPSR, without the PC; STM ^ of SP and LR alone; LDM ^ of SP, LR
 * and at least two other registers besides the base (the stub's scratch
 * before its last load). Inline: asked on every trap of a patched
 * instruction.
 */
static inline bool stub_supported(uint32_t orig, enum sens_class cls)
{
	uint32_t imod = (orig >> 18) & 3u, mask = (orig >> 16) & 0xfu, others;

	switch (cls) {
	case SENS_CPS:
		return !(orig & STUB_CPS_MODE_CHANGE) && (imod == STUB_CPS_IMOD_ENABLE || imod == STUB_CPS_IMOD_DISABLE);
	case SENS_MRS:
		return ((orig >> 12) & 0xfu) != 15u;
	case SENS_MSR_REG:
		return (orig & 0xfu) != 15u &&
		       mask == ((orig & STUB_INSN_SPSR) ? STUB_MSR_MASK_FSXC : STUB_MSR_MASK_C);
	case SENS_STM_USER:
		return (orig & 0xffffu) == STUB_USR_BANKED;
	case SENS_LDM_USER:
		others = orig & 0x1fffu & ~(1u << ((orig >> 16) & 0xfu));
		return (orig & STUB_USR_BANKED) == STUB_USR_BANKED && (others & (others - 1u));    /* two or more */
	default:
		return false;
	}
}

/*
 * If `insn` is an MRC of a virtual CP15 register the data page holds (an
 * Rt other than the PC), that word's offset; else 0. Inline: asked on
 * every CP15 trap the fast path takes.
 */
static inline uint32_t stub_cp15_read_word(uint32_t insn)
{
	if (insn >> 28 == 0xfu || ((insn >> 12) & 0xfu) == 15u)
		return 0;
	switch (insn & 0x0fff0fffu) {   /* MRC p15, 0, Rt, CRn, CRm, opc2; cond and Rt left out */
	case 0x0e130f10u:
		return STUB_DATA_DACR;
	case 0x0e1d0f90u:
		return STUB_DATA_TPIDRPRW;
	case 0x0e110f10u:
		return STUB_DATA_SCTLR;
	case 0x0e150f10u:
		return STUB_DATA_DFSR;
	case 0x0e150f30u:
		return STUB_DATA_IFSR;
	case 0x0e160f10u:
		return STUB_DATA_DFAR;
	case 0x0e160f50u:
		return STUB_DATA_IFAR;
	default:
		return 0;
	}
}

#define STUB_DC_MCR_MASK 0x0fff0f10u   /* MCR p15, 0, Rt, c7, CRm, opc2; cond, Rt, CRm and opc2 left out */
#define STUB_DC_MCR      0x0e070f10u

/*
 * Whether `insn` is a data cache maintenance MCR (by address or by set
 * and way, to the PoC or PoU; not the instruction cache or barrier ones),
 * which the hypervisor has nothing to do for. Inline: asked on every CP15
 * trap the fast path takes.
 */
static inline bool stub_cp15_nothing_to_do(uint32_t insn)
{
	if (insn >> 28 == 0xfu || (insn & STUB_DC_MCR_MASK) != STUB_DC_MCR)
		return false;
	switch ((insn & 0xfu) << 4 | (insn >> 5 & 7u)) {        /* CRm, opc2 */
	case 0x61: case 0x62: case 0xa1: case 0xa2: case 0xb1: case 0xe1: case 0xe2:
		return true;
	default:
		return false;
	}
}

/*
 * Build the stub for `orig` at `stub_va`, with the data page at `data_va`
 * (every word of the stub must reach it with a 12-bit offset) and the site
 * at `site_va`; `fixed`: CPSR bits no write changes (struct vcpu
 * cpsr_fixed); `trap_word`: what the stub runs when it needs the
 * hypervisor. False when unsupported or out of reach.
 */
bool stub_build(struct stub *s, uint32_t orig, enum sens_class cls, uint32_t fixed, uint32_t site_va,
		uint32_t stub_va, uint32_t data_va, uint32_t trap_word);

/*
 * The stub for an MRC that stub_cp15_read_word() names, a load of the data
 * page's word, or for an MCR that stub_cp15_nothing_to_do() names, the
 * branch back alone (neither ever needs the hypervisor). False if out of
 * reach or neither.
 */
bool stub_build_cp15(struct stub *s, uint32_t orig, uint32_t site_va, uint32_t stub_va, uint32_t data_va);

/* The word that replaces the site: B<orig's condition> to the stub, or 0 when out of range. */
uint32_t stub_site_branch(uint32_t orig, uint32_t site_va, uint32_t stub_va);

/*
 * The guest was interrupted before word `at` of a stub that borrows
 * `spill` (struct stub's): give it back the registers the stub had saved
 * (`saved`, the data page's spill words). It then resumes at the site.
 */
void stub_rewind(const uint8_t spill[2], unsigned at, uint32_t r[15], const uint32_t saved[2]);

#endif
