/* STM/LDM of User registers, and exception returns (LDM ^ with PC, MOVS, SUBS). */
#include "case_asm.h"

	.text

/* Append n words from [r4], advancing r4 (clobbers r1). */
.macro OUT_WORDS n
	.rept \n
	ldr	r1, [r4], #4
	OUT	r1
	.endr
.endm

/* Give User/System SP and LR known values. */
.macro SET_USER_SP_LR sp_value, lr_value
	cps	#MODE_SYS
	ldr	sp, =\sp_value
	ldr	lr, =\lr_value
	cps	#MODE_SVC
.endm

.macro SET_R8_R12 base
	ldr	r8, =(\base + 8)
	ldr	r9, =(\base + 9)
	ldr	r10, =(\base + 10)
	ldr	r11, =(\base + 11)
	ldr	r12, =(\base + 12)
.endm

/*
 * STM ^ stores the User registers: from SVC the User SP/LR, from FIQ also
 * User r8-r12 rather than FIQ's.
 */
CASE case_stm_user
	push	{r4-r11}
	SET_USER_SP_LR 0x5b001f00, 0x1b001f00
	SET_R8_R12 0x5c000000
	ldr	r4, =user_words
	stm	r4, {sp, lr}^
	OUT_WORDS 2
	cps	#MODE_FIQ
	SET_R8_R12 0xf1000000
	ldr	r4, =user_words
	stm	r4, {r8-r12, sp, lr}^
	cps	#MODE_SVC
	OUT_WORDS 7
	pop	{r4-r11}
	bx	lr

/*
 * LDM ^ loads the User registers: from SVC the User SP/LR; from FIQ also
 * User r8-r12, which SVC shares, while FIQ's r8-r12 stay untouched.
 */
CASE case_ldm_user
	push	{r4-r11}
	ldr	r4, =ldm_words + 28
	ldm	r4, {sp, lr}^
	OUT_USER_SP_LR
	cps	#MODE_FIQ
	SET_R8_R12 0xf1000000
	ldr	r4, =ldm_words
	ldm	r4, {r8-r12, sp, lr}^
	mov	r4, r8			@ FIQ r8, still FIQ's value
	cps	#MODE_SVC
	OUT	r4
	OUT	r8
	OUT	r9
	OUT	r10
	OUT	r11
	OUT	r12
	OUT_USER_SP_LR
	pop	{r4-r11}
	bx	lr

/* Append CPSR, a register and the base change r3 - r4; back to SVC. */
.macro OUT_CPSR_AND reg
	mrs	r2, cpsr
	OUT	r2
	OUT	\reg
	sub	r2, r3, r4
	OUT	r2
	cps	#MODE_SVC
.endm

/*
 * LDM ^ with PC returns to the label with CPSR = SPSR: once with writeback
 * into SYS, once without into UND.  Appends CPSR, the loaded r1 and the base
 * register change for each.
 */
CASE case_ldm_pc
	push	{r4, lr}
	ldr	r4, =ret_frame
	ldr	r1, =0x12345678
	adr	r2, 1f
	stm	r4, {r1, r2}
	ldr	r1, =0x800001df
	msr	spsr_fsxc, r1
	mov	r3, r4
	ldm	r3!, {r1, pc}^
	udf	#0			@ only reached if the LDM did not branch
1:	OUT_CPSR_AND r1
	add	r4, r4, #8
	ldr	r1, =0x9abcdef0
	adr	r2, 2f
	stmdb	r4, {r1, r2}
	ldr	r1, =0x200001db
	msr	spsr_fsxc, r1
	mov	r3, r4
	ldmdb	r3, {r1, pc}^
	udf	#0
2:	OUT_CPSR_AND r1
	msr	cpsr_f, #0
	pop	{r4, pc}

/* MOVS PC, LR into SYS and SUBS PC, LR, #4 into ABT; appends CPSR after each. */
CASE case_movs_pc
	push	{r4, lr}
	ldr	r1, =0x400001df
	msr	spsr_fsxc, r1
	adr	lr, 1f
	movs	pc, lr
	udf	#0			@ only reached if MOVS did not branch
1:	OUT_CPSR
	cps	#MODE_SVC
	ldr	r1, =0x200001d7
	msr	spsr_fsxc, r1
	adr	lr, 2f + 4
	subs	pc, lr, #4
	udf	#0
2:	OUT_CPSR
	cps	#MODE_SVC
	msr	cpsr_f, #0
	pop	{r4, pc}

	.data
	.balign 4
/* User r8-r12, then SP and LR for the FIQ load, then SP and LR for the SVC load. */
ldm_words:
	.word	0x0a000008, 0x0a000009, 0x0a00000a, 0x0a00000b, 0x0a00000c
	.word	0x0a001f0d, 0x0a001f0e
	.word	0x0b001f0d, 0x0b001f0e

	.bss
	.balign 4
user_words:
	.space 28
ret_frame:
	.space 8
