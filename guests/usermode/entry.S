/* Vectors, the SVC entry, and the two ways into User mode. */
#include "cpu.h"
#include "syscall.h"

	.syntax unified
	.arm
	.text

	.balign 32		@ VBAR ignores bits [4:0]
	.global user_vectors
user_vectors:
	b	.		@ only SVC is expected; anything else hangs
	b	.
	b	svc_entry
	b	.
	b	.
	b	.
	b	.
	b	.

svc_entry:
	cmp	r7, #SYS_EXIT
	beq	svc_exit
	push	{r1-r4, r12, lr}	@ r4 only keeps the stack 8-byte aligned
	mov	r3, r7
	bl	svc_dispatch		@ (a0, a1, a2, nr) -> r0
	pop	{r1-r4, r12, lr}
	movs	pc, lr

/* Abandon the User context and return from enter_user_* with r0 = code. */
svc_exit:
	ldr	r1, =kernel_sp
	ldr	sp, [r1]
	pop	{r4-r12, pc}

/* uint32_t enter_user_movs(void (*entry)(uint32_t), uint32_t arg) */
	.global enter_user_movs
	.type enter_user_movs, %function
enter_user_movs:
	push	{r4-r12, lr}
	ldr	r2, =kernel_sp
	str	sp, [r2]
	mov	r2, #(PSR_A | PSR_I | PSR_F | MODE_USR)
	msr	spsr_fsxc, r2
	mov	lr, r0
	mov	r0, r1
	movs	pc, lr

/* uint32_t enter_user_rfe(void (*entry)(uint32_t), uint32_t arg) */
	.global enter_user_rfe
	.type enter_user_rfe, %function
enter_user_rfe:
	push	{r4-r12, lr}
	ldr	r2, =kernel_sp
	str	sp, [r2]
	mov	r2, #MODE_USR		@ User mode with A, I and F clear
	push	{r0, r2}		@ RFE frame: PC, then CPSR
	mov	r0, r1
	rfeia	sp!

	.bss
	.balign 4
kernel_sp:
	.space 4
