/* Moving guest state between the trap frame (real User mode) and the vCPU. */
#ifndef HYP_VCPU_FRAME_H
#define HYP_VCPU_FRAME_H

#include "arch/arm/trap_frame.h"
#include "hyp/vcpu.h"

/* `pc` is the address of the instruction the trap is about (see hyp_trap). */
void vcpu_from_frame(struct vcpu *v, const struct trap_frame *f, uint32_t pc);
void vcpu_to_frame(const struct vcpu *v, struct trap_frame *f);

#endif
