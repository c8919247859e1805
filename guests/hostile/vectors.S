/*
 * Vectors.  A data abort while a probe is armed is recorded in fault_rec and
 * the probe resumes after the faulting instruction; any other exception is
 * reported by unexpected(), which powers off.
 */
#include "hostile.h"

	.syntax unified
	.arm
	.text

	.balign 32		@ VBAR ignores bits [4:0]
	.global hostile_vectors
hostile_vectors:
	b	.		@ reset: not taken through VBAR
	b	und_entry
	b	svc_entry
	b	pabt_entry
	b	dabt_entry
	b	.		@ unused, IRQ, FIQ: masked throughout
	b	.
	b	.

dabt_entry:
	push	{r0-r3}
	ldr	r0, =fault_rec
	ldr	r1, [r0, #FAULT_ARMED]
	cmp	r1, #0
	moveq	r0, #VEC_DABT
	beq	unexpected_entry
	mov	r1, #1
	mrc	p15, 0, r2, c5, c0, 0	@ DFSR
	mrc	p15, 0, r3, c6, c0, 0	@ DFAR
	add	r0, r0, #FAULT_TAKEN
	stm	r0, {r1-r3}
	pop	{r0-r3}
	subs	pc, lr, #4		@ LR is the faulting instruction + 8

und_entry:
	mov	r0, #VEC_UND
	b	unexpected_entry

svc_entry:
	mov	r0, #VEC_SVC
	b	unexpected_entry

pabt_entry:
	mov	r0, #VEC_PABT

/* r0 = vector number; unexpected(vector, lr, spsr) does not return. */
unexpected_entry:
	mov	r1, lr
	mrs	r2, spsr
	bl	unexpected
