/*
 * What the exception entry path saves on the hypervisor stack when the
 * guest (always running in PL0) traps. Layout is fixed by arch/arm/vectors.S;
 * the assembly reads sizes and offsets from the generated asm-defs.h.
 */
#ifndef ARCH_ARM_TRAP_FRAME_H
#define ARCH_ARM_TRAP_FRAME_H

#include <stdint.h>

struct trap_frame {
	uint32_t r[15];     /* r0-r12, then User-mode sp and lr */
	uint32_t pad;       /* keeps the frame 8-byte aligned for AAPCS */
	uint32_t pc;        /* return address, adjusted per exception kind */
	uint32_t cpsr;      /* SPSR of the exception = CPSR the guest ran with */
};

/* Exception kinds as the vectors number them. */
enum trap_kind {
	TRAP_RESET,
	TRAP_UNDEF,
	TRAP_SVC,
	TRAP_PABT,
	TRAP_DABT,
	TRAP_UNUSED,
	TRAP_IRQ,
	TRAP_FIQ,
};

#endif
