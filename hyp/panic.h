/* Reporting a fault taken by the hypervisor itself. */
#ifndef HYP_PANIC_H
#define HYP_PANIC_H

#include <stdint.h>

#include "arch/arm/trap_frame.h"

/* Print mode, registers, fault status and addresses, then power off. */
void hyp_fault(const struct trap_frame *f, unsigned kind, uint32_t svc_lr) __attribute__((noreturn));

#endif
