/* Reading the real core's identification registers, for the guest's virtual CP15. */
#ifndef ARCH_ARM_ID_REGS_H
#define ARCH_ARM_ID_REGS_H

#include "hyp/vcpu.h"

void id_regs_read(struct vcpu_id_regs *id);

#endif
