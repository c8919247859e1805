/*
 * Conditional sensitive instructions, each once with a failing condition
 * (must have no effect) and once with a passing one.  Z is set throughout,
 * so NE fails and EQ passes.  (CPS, SRS and RFE have no condition field.)
 * LDM/STM ^ and exception returns are found by the hypervisor only with
 * condition AL, as compilers emit them, so they are not tested here.
 */
#include "case_asm.h"

#define SENTINEL        0x5a5a5a5a
#define FLAGS_Z         0x40000000

	.text

CASE case_cond
	push	{r4, lr}
	msr	cpsr_f, #FLAGS_Z

	/* MRS */
	ldr	r1, =SENTINEL
	mov	r2, r1
	mrsne	r1, cpsr
	mrseq	r2, cpsr
	OUT	r1
	OUT	r2

	/* MSR SPSR */
	mov	r1, #(IF_MASKED | MODE_SVC)
	msr	spsr_fsxc, r1
	ldr	r2, =0x800001df
	msrne	spsr_fsxc, r2
	mrs	r1, spsr
	OUT	r1
	msreq	spsr_fsxc, r2
	mrs	r1, spsr
	OUT	r1

	/* MSR CPSR_c mode change */
	msrne	cpsr_c, #(IF_MASKED | MODE_SYS)
	OUT_CPSR
	msreq	cpsr_c, #(IF_MASKED | MODE_SYS)
	OUT_CPSR
	msr	cpsr_c, #(IF_MASKED | MODE_SVC)

	msr	cpsr_f, #0
	pop	{r4, pc}
