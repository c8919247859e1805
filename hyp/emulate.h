/* Emulating guest instructions on a struct vcpu (portable). */
#ifndef HYP_EMULATE_H
#define HYP_EMULATE_H

#include <stdint.h>

#include "hyp/cp15_hooks.h"
#include "hyp/insn_class.h"
#include "hyp/vcpu.h"

enum emu_result {
	EMU_DONE,           /* executed (or condition failed); PC updated */
	EMU_UNDEF,          /* natively UNDEFINED here: deliver Undefined */
	EMU_DATA_ABORT,     /* a memory access faulted: v->fault_fsr/far set */
	EMU_UNSUPPORTED,    /* defined natively but not emulated: stop the guest */
};

/* Execute the original sensitive instruction `insn` at v->r[15]. */
enum emu_result emulate_sensitive(struct vcpu *v, uint32_t insn, enum sens_class cls);

/* Execute a trapped coprocessor instruction (MCR/MRC, CP15) at v->r[15]. */
enum emu_result emulate_cp15(struct vcpu *v, uint32_t insn);

/*
 * Execute a trapped MRC/MCR to CP14 (debug registers). The guest sees the
 * real DBGDIDR, and every other debug register reads as zero and ignores
 * writes: no breakpoint or watchpoint ever reaches the real debug logic.
 */
enum emu_result emulate_cp14(struct vcpu *v, uint32_t insn);

/*
 * Execute a trapped VMRS/VMSR of a VFP system register other than FPSCR
 * (FPSID, MVFR0/1, FPEXC, FPINST/2: privileged, so they trap from PL0).
 * EMU_UNSUPPORTED for any other instruction.
 */
enum emu_result emulate_vfp_sysreg(struct vcpu *v, uint32_t insn);

/*
 * The value an MRC `insn` of an identification register (CRn c0; CCSIDR,
 * CLIDR, AIDR) reads; false for any other register.
 */
bool emulate_cp15_read_id(const struct vcpu *v, uint32_t insn, uint32_t *value);

/* Whether MCR `insn` (p15, any condition and Rt) is TLB maintenance; which, in `*op`. */
bool emulate_cp15_tlb_op(uint32_t insn, enum tlb_op *op);

/* Which TLB maintenance MCR `insn` is, once emulate_cp15_tlb_op() said it is one: its opc2. */
static inline enum tlb_op emulate_cp15_tlb_op_of(uint32_t insn)
{
	return (enum tlb_op)((insn >> 5) & 7u);
}

/* Read a register as an operand of the instruction at v->r[15] (PC reads +8). */
uint32_t emu_reg(const struct vcpu *v, unsigned n);

/* The PSR bits an MSR writes: its <c,x,s,f> field mask as bytes, reserved bits left out (B9.3.12). */
uint32_t emu_msr_mask(uint32_t insn);

/* LDM/STM-style block transfer of `n` words from base `base`: its lowest address and written-back base. */
void emu_block_addresses(uint32_t insn, uint32_t base, unsigned n, uint32_t *start, uint32_t *wback);

#endif
