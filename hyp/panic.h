/* Reporting a fault taken by the hypervisor itself. */
#ifndef HYP_PANIC_H
#define HYP_PANIC_H

#include <stdint.h>

#include "arch/arm/trap_frame.h"

/*
 * An exception taken in the hypervisor itself: print mode, registers, fault
 * status and addresses, then power off. Called from arch/arm/vectors.S on
 * the exception mode's own stack; f->r[13] and f->r[14] hold SVC sp and lr.
 */
void hyp_fault(const struct trap_frame *f, unsigned kind) __attribute__((noreturn));

#endif
