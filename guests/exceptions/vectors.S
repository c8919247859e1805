/* Vector table and entry stubs; every handled exception gets a struct exc_frame. */
#include "exceptions.h"

	.syntax unified
	.arm
	.text

	.balign 32		@ VBAR ignores bits [4:0]
	.global exc_vectors
exc_vectors:
	b	.		@ reset: not taken through VBAR
	b	exc_und
	b	exc_svc
	b	exc_pabt
	b	exc_dabt
	b	.		@ unused, IRQ, FIQ: never expected, hang
	b	.
	b	.

/*
 * Frame on the exception mode's stack: spsr, kind, r0-r12, lr.  The C handler
 * may change r0-r12, spsr and lr (the resume address).
 */
.macro EXC_ENTRY name, kind
\name:
	push	{r0-r12, lr}
	mrs	r0, spsr
	mov	r1, #\kind
	push	{r0, r1}
	mov	r0, sp
	bl	exc_handler
	pop	{r0, r1}
	msr	spsr_fsxc, r0
	ldm	sp!, {r0-r12, pc}^
.endm

	EXC_ENTRY exc_und, EXC_UND
	EXC_ENTRY exc_svc, EXC_SVC
	EXC_ENTRY exc_pabt, EXC_PABT
	EXC_ENTRY exc_dabt, EXC_DABT
