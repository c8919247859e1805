/* Virtual exceptions: entering the guest's own vector table as the hardware would. */
#ifndef HYP_VEXC_H
#define HYP_VEXC_H

#include "hyp/vcpu.h"

enum vexc_kind { VEXC_UNDEF, VEXC_SVC, VEXC_PABT, VEXC_DABT, VEXC_IRQ, VEXC_FIQ };

/*
 * Take exception `kind` in the guest. `insn_addr` is the address of the
 * instruction that caused it (Undefined, SVC, aborts) or, for IRQ and FIQ,
 * of the next instruction to execute. Fault registers are set by the caller.
 */
void vexc_take(struct vcpu *v, enum vexc_kind kind, uint32_t insn_addr);

/* Where exception `kind` enters the guest: its vector, by VBAR or the high vectors. */
uint32_t vexc_vector(const struct vcpu *v, enum vexc_kind kind);

#endif
