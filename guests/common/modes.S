#include "cpu.h"

	.syntax unified
	.arm
	.text

/* void cpu_set_mode_sp(uint32_t mode, uint32_t sp): called in a privileged mode. */
	.global cpu_set_mode_sp
	.type cpu_set_mode_sp, %function
cpu_set_mode_sp:
	mrs	r2, cpsr
	bic	r3, r2, #PSR_MODE_MASK
	orr	r3, r3, r0
	msr	cpsr_c, r3
	mov	sp, r1
	msr	cpsr_c, r2
	bx	lr
	.size cpu_set_mode_sp, . - cpu_set_mode_sp
