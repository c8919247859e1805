/*
 * Conditional sensitive instructions, each once with a failing condition
 * (must have no effect) and once with a passing one.  Z is set throughout,
 * so NE fails and EQ passes.  (CPS, SRS and RFE have no condition field.)
 */
#include "case_asm.h"

#define SENTINEL        0x5a5a5a5a
#define FLAGS_Z         0x40000000

	.text

/* Append User/System SP (clobbers r1). */
.macro OUT_USER_SP
	cps	#MODE_SYS
	mov	r1, sp
	cps	#MODE_SVC
	OUT	r1
.endm

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

	/* STM ^ and LDM ^ of the User SP */
	cps	#MODE_SYS
	ldr	sp, =0x5d001f00
	cps	#MODE_SVC
	ldr	r4, =cond_word
	ldr	r1, =SENTINEL
	str	r1, [r4]
	stmne	r4, {sp}^
	ldr	r1, [r4]
	OUT	r1
	stmeq	r4, {sp}^
	ldr	r1, [r4]
	OUT	r1
	ldr	r1, =0x5e001f00
	str	r1, [r4]
	ldmne	r4, {sp}^
	OUT_USER_SP
	ldmeq	r4, {sp}^
	OUT_USER_SP

	/* Exception returns; a failing one falls through in SVC mode. */
	ldr	r1, =0x800001df
	msr	spsr_fsxc, r1
	adr	lr, 1f
	movsne	pc, lr
	OUT_CPSR
	movseq	pc, lr
	udf	#0			@ only reached if MOVSEQ did not branch
1:	OUT_CPSR
	cps	#MODE_SVC
	msr	cpsr_f, #FLAGS_Z

	ldr	r1, =0x200001d7
	msr	spsr_fsxc, r1
	adr	lr, 2f + 4
	subsne	pc, lr, #4
	OUT_CPSR
	subseq	pc, lr, #4
	udf	#0
2:	OUT_CPSR
	cps	#MODE_SVC
	msr	cpsr_f, #FLAGS_Z

	ldr	r1, =0x100001db
	msr	spsr_fsxc, r1
	adr	r1, 3f
	str	r1, [r4]
	ldmne	r4, {pc}^
	OUT_CPSR
	ldmeq	r4, {pc}^
	udf	#0
3:	OUT_CPSR
	cps	#MODE_SVC
	msr	cpsr_f, #0
	pop	{r4, pc}

	.bss
	.balign 4
cond_word:
	.space 4
