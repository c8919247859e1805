/*
 * One function per exception source.  Each sets the flags to a distinct
 * value first so the handler's SPSR is fully defined, and (except
 * trigger_svc) returns the CPSR read right after resuming.
 */
#include "cpu.h"
#include "exceptions.h"

	.syntax unified
	.arm
	.text

.macro FUNC name
	.global \name
	.type \name, %function
\name:
.endm

/* uint32_t trigger_svc(uint32_t arg): returns the handler's r0. */
FUNC trigger_svc
	push	{r7, lr}		@ the SVC overwrites LR_svc
	mov	r7, #SVC_NR_ADD
	msr	cpsr_f, #0x80000000
	svc	#SVC_NR_ADD
	pop	{r7, pc}

FUNC trigger_udf
	msr	cpsr_f, #0x40000000
	udf	#0xabc
	mrs	r0, cpsr
	bx	lr

FUNC trigger_bkpt
	msr	cpsr_f, #0x20000000
	bkpt	#0x12
	mrs	r0, cpsr
	bx	lr

/* Unaligned LDM/STM/LDREX fault whatever SCTLR.A says; r0 = the address. */
FUNC trigger_ldm
	msr	cpsr_f, #0xc0000000
	ldm	r0, {r1, r2}
	mrs	r0, cpsr
	bx	lr

FUNC trigger_stm
	msr	cpsr_f, #0xa0000000
	stm	r0, {r1, r2}
	mrs	r0, cpsr
	bx	lr

FUNC trigger_ldrex
	msr	cpsr_f, #0x60000000
	ldrex	r1, [r0]
	mrs	r0, cpsr
	bx	lr

/* Drop to User mode, make two SVCs; the second one returns in SVC mode. */
FUNC trigger_user_svc
	push	{r7, lr}
	cps	#MODE_USR
	msr	cpsr_f, #0x50000000
	mov	r7, #SVC_NR_HELLO
	svc	#SVC_NR_HELLO
	mov	r7, #SVC_NR_TO_SVC
	svc	#SVC_NR_TO_SVC
	mrs	r0, cpsr
	pop	{r7, pc}
