/*
 * Vectors, the probes and the trip to User mode.  A data abort taken while
 * a probe is armed is recorded in fault_rec and execution resumes after the
 * access; the SVC from user_trampoline ends user_call; anything else goes to
 * unexpected(), which powers off.
 */
#include "asids.h"
#include "cpu.h"

	.syntax unified
	.arm
	.text

	.balign 32		@ VBAR ignores bits [4:0]
	.global asids_vectors
asids_vectors:
	b	.		@ reset: not taken through VBAR
	b	und_entry
	b	svc_entry
	b	pabt_entry
	b	dabt_entry
	b	.		@ unused, IRQ, FIQ: masked throughout
	b	.
	b	.

dabt_entry:
	push	{r0-r2}
	ldr	r0, =fault_rec
	ldr	r1, [r0, #FAULT_ARMED]
	cmp	r1, #0
	beq	1f
	mrc	p15, 0, r1, c5, c0, 0	@ DFSR
	mrc	p15, 0, r2, c6, c0, 0	@ DFAR
	str	r1, [r0, #FAULT_DFSR]
	str	r2, [r0, #FAULT_DFAR]
	pop	{r0-r2}
	subs	pc, lr, #4		@ LR is the access + 8: skip it
1:	pop	{r0-r2}
	mov	r0, #VEC_DABT
	b	unexpected_entry

und_entry:
	mov	r0, #VEC_UND
	b	unexpected_entry

pabt_entry:
	mov	r0, #VEC_PABT
	b	unexpected_entry

/* Only user_trampoline's SVC is expected: SP_svc is user_call's frame. */
svc_entry:
	mrs	r1, spsr
	and	r1, r1, #PSR_MODE_MASK
	cmp	r1, #MODE_USR
	movne	r0, #VEC_SVC
	bne	unexpected_entry
	pop	{r4-r12, pc}		@ r0: the probe's result

/* r0 = vector number; unexpected(vector, lr, spsr) does not return. */
unexpected_entry:
	mov	r1, lr
	mrs	r2, spsr
	bl	unexpected

/*
 * uint32_t user_call(probe_fn *fn, uint32_t addr, uint32_t value): fn run
 * in User mode with interrupts masked.  The probes use no stack.
 */
	.global user_call
	.type user_call, %function
user_call:
	push	{r4-r12, lr}
	mov	r12, r0
	mov	r0, r1
	mov	r1, r2
	mov	r3, #(PSR_A | PSR_I | PSR_F | MODE_USR)
	msr	spsr_fsxc, r3
	ldr	lr, =user_trampoline
	movs	pc, lr
	.size user_call, . - user_call

user_trampoline:
	blx	r12
	svc	#0

/* uint32_t probe_fn(uint32_t addr, uint32_t value): one access to addr. */
	.global probe_read
	.type probe_read, %function
probe_read:
	ldr	r0, [r0]
	bx	lr
	.size probe_read, . - probe_read

	.global probe_write
	.type probe_write, %function
probe_write:
	str	r1, [r0]
	bx	lr
	.size probe_write, . - probe_write
