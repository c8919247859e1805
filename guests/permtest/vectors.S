/*
 * Vectors.  An abort while a probe is armed is recorded in fault_rec and the
 * probe resumes; an SVC from User mode ends user_call.  Anything else is
 * reported by unexpected(), which powers off.
 */
#include "cpu.h"
#include "permtest.h"

	.syntax unified
	.arm
	.text

	.balign 32		@ VBAR ignores bits [4:0]
	.global pt_vectors
pt_vectors:
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
	mov	r1, #FAULT_DATA
	mrc	p15, 0, r2, c5, c0, 0	@ DFSR
	mrc	p15, 0, r3, c6, c0, 0	@ DFAR
	add	r0, r0, #FAULT_KIND
	stm	r0, {r1-r3}
	pop	{r0-r3}
	subs	pc, lr, #4	@ LR is the faulting access + 8: resume after it

/* Only probe_exec's branch to a test frame can fault on a fetch. */
pabt_entry:
	push	{r0-r3}
	ldr	r0, =fault_rec
	ldr	r1, [r0, #FAULT_ARMED]
	cmp	r1, #0
	moveq	r0, #VEC_PABT
	beq	unexpected_entry
	mov	r1, #FAULT_PREFETCH
	mrc	p15, 0, r2, c5, c0, 1	@ IFSR
	mrc	p15, 0, r3, c6, c0, 2	@ IFAR
	add	r0, r0, #FAULT_KIND
	stm	r0, {r1-r3}
	pop	{r0-r3}
	ldr	r0, =EXEC_FAULTED
	ldr	lr, =exec_resume	@ back into probe_exec, in the mode that faulted
	movs	pc, lr

und_entry:
	mov	r0, #VEC_UND
	b	unexpected_entry

/* User mode is left only by user_trampoline's SVC; SP_svc is user_call's frame. */
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
 * uint32_t user_call(uint32_t (*fn)(uint32_t, uint32_t), uint32_t a0, uint32_t a1):
 * fn(a0, a1) run in User mode, interrupts masked as they are here.
 */
	.global user_call
	.type user_call, %function
user_call:
	push	{r4-r12, lr}
	mov	r12, r0
	mov	r0, r1
	mov	r1, r2
	mov	r2, #(PSR_A | PSR_I | PSR_F | MODE_USR)
	msr	spsr_fsxc, r2
	ldr	lr, =user_trampoline
	movs	pc, lr
	.size user_call, . - user_call

user_trampoline:
	blx	r12
	svc	#0
