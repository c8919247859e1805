/* Virtual exceptions: entering the guest's own vector table as the hardware would. */
#ifndef HYP_VEXC_H
#define HYP_VEXC_H

#include "hyp/vcpu.h"

enum vexc_kind { VEXC_UNDEF, VEXC_SVC, VEXC_PABT, VEXC_DABT, VEXC_IRQ, VEXC_FIQ };

#define VEXC_HIGH_VECTORS 0xffff0000u    /* SCTLR.V */
#define VEXC_SVC_VECTOR   0x08u          /* the SVC vector's offset */

/*
 * Take exception `kind` in the guest, with its live r0-r14 in `r` (v->r or
 * a trap frame's); returns the PC it continues at, its vector.
 * `insn_addr` is the address of the instruction that caused it (Undefined,
 * SVC, aborts) or, for IRQ and FIQ, of the next instruction to execute.
 * Fault registers are set by the caller.
 */
uint32_t vexc_enter(struct vcpu *v, uint32_t r[15], enum vexc_kind kind, uint32_t insn_addr);

/* vexc_enter() with the live registers in the vCPU: the PC too. */
static inline void vexc_take(struct vcpu *v, enum vexc_kind kind, uint32_t insn_addr)
{
	v->r[15] = vexc_enter(v, v->r, kind, insn_addr);
}

/* The CPSR exception `kind` enters the guest with, from the current one. */
uint32_t vexc_entry_cpsr(const struct vcpu *v, enum vexc_kind kind);

/* Where exception `kind` enters the guest: its vector, by VBAR or the high vectors. */
uint32_t vexc_vector(const struct vcpu *v, enum vexc_kind kind);

#endif
