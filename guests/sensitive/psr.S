/* MRS/MSR on CPSR and SPSR, register banking, and CPS. */
#include "case_asm.h"

	.text

/* Write a distinct SPSR in every exception mode, then read them all back. */
.macro SPSR_SET mode, value
	cps	#\mode
	ldr	r1, =\value
	msr	spsr_fsxc, r1
.endm

.macro SPSR_GET mode
	cps	#\mode
	mrs	r1, spsr
	OUT	r1
.endm

CASE case_spsr
	SPSR_SET MODE_SVC, 0x80000010
	SPSR_SET MODE_ABT, 0x40000110
	SPSR_SET MODE_UND, 0x20000190
	SPSR_SET MODE_IRQ, 0x100f01d0
	SPSR_SET MODE_FIQ, 0xf80001df
	SPSR_GET MODE_SVC
	SPSR_GET MODE_ABT
	SPSR_GET MODE_UND
	SPSR_GET MODE_IRQ
	SPSR_GET MODE_FIQ
	cps	#MODE_SVC
	bx	lr

/*
 * Switch modes with MSR CPSR_c and give each mode its own SP and LR
 * (0x5a00MM00 / 0x1a00MM00 for mode MM) and FIQ its own r8-r12; then visit
 * every mode again and read them back.
 */
.macro BANK_SET mode
	msr	cpsr_c, #(IF_MASKED | \mode)
	ldr	sp, =(0x5a000000 | (\mode << 8))
	ldr	lr, =(0x1a000000 | (\mode << 8))
.endm

.macro BANK_GET mode
	msr	cpsr_c, #(IF_MASKED | \mode)
	OUT	sp
	OUT	lr
.endm

.macro OUT_R8_R12
	OUT	r8
	OUT	r9
	OUT	r10
	OUT	r11
	OUT	r12
.endm

CASE case_bank
	push	{r4-r11}
	mov	r4, sp			@ the real SVC SP and LR
	mov	r5, lr
	ldr	r8, =0x5c000008		@ User/SVC r8-r12
	ldr	r9, =0x5c000009
	ldr	r10, =0x5c00000a
	ldr	r11, =0x5c00000b
	ldr	r12, =0x5c00000c
	BANK_SET MODE_SYS
	BANK_SET MODE_IRQ
	BANK_SET MODE_ABT
	BANK_SET MODE_UND
	BANK_SET MODE_FIQ
	ldr	r8, =0xf1000008		@ FIQ r8-r12
	ldr	r9, =0xf1000009
	ldr	r10, =0xf100000a
	ldr	r11, =0xf100000b
	ldr	r12, =0xf100000c
	BANK_SET MODE_SVC
	BANK_GET MODE_SYS
	BANK_GET MODE_IRQ
	BANK_GET MODE_ABT
	BANK_GET MODE_UND
	BANK_GET MODE_FIQ
	OUT_R8_R12
	BANK_GET MODE_SVC
	OUT_R8_R12
	mov	sp, r4
	mov	lr, r5
	pop	{r4-r11}
	bx	lr

/* MSR CPSR with immediate and register, flags only and all fields. */
CASE case_msr_cpsr
	msr	cpsr_f, #0xf0000000	@ N Z C V
	OUT_CPSR
	mov	r2, #0x08000000		@ Q only
	msr	cpsr_f, r2
	OUT_CPSR
	ldr	r2, =0x600f00d3		@ Z C, GE = 0xf, A clear, SVC
	msr	cpsr_fsxc, r2
	OUT_CPSR
	ldr	r2, =0x000001df		@ to SYS mode
	msr	cpsr_fsxc, r2
	OUT_CPSR
	ldr	r2, =0x000001d3		@ back to SVC
	msr	cpsr_fsxc, r2
	OUT_CPSR
	bx	lr

/* MSR SPSR: all fields, control field only (imm and reg), flags, immediate. */
CASE case_msr_spsr
	ldr	r2, =0xf80f01df
	msr	spsr_fsxc, r2
	mrs	r1, spsr
	OUT	r1
	msr	spsr_c, #(PSR_I | MODE_USR)
	mrs	r1, spsr
	OUT	r1
	ldr	r2, =0xa5a5a5d7		@ only the low byte may be written
	msr	spsr_c, r2
	mrs	r1, spsr
	OUT	r1
	msr	spsr_f, #0x50000000
	mrs	r1, spsr
	OUT	r1
	msr	spsr_fsxc, #(IF_MASKED | MODE_SVC)
	mrs	r1, spsr
	OUT	r1
	bx	lr

/* CPS: mask changes, mode changes and both at once. */
CASE case_cps
	msr	cpsr_fxc, #MODE_SVC	@ flags, A, I and F all clear
	OUT_CPSR
	cpsid	i
	OUT_CPSR
	cpsid	if
	OUT_CPSR
	cpsid	a
	OUT_CPSR
	cpsie	a
	OUT_CPSR
	cps	#MODE_SYS
	OUT_CPSR
	cpsid	i, #MODE_ABT
	OUT_CPSR
	cpsie	if, #MODE_UND
	OUT_CPSR
	cpsid	aif, #MODE_SVC
	OUT_CPSR
	bx	lr
