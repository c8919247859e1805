/*
 * Conventions for the test cases in .S files: each case is
 * uint32_t *case_x(uint32_t *out), called from SVC mode with I, F and A set.
 * It appends its results to out (r0) in the order of its labels in main.c
 * and returns the advanced pointer.  r0 is not banked, so it stays valid in
 * every mode.
 */
#include "cpu.h"

	.syntax unified
	.arm

#define IF_MASKED       (PSR_I | PSR_F)

.macro CASE name
	.global \name
	.type \name, %function
\name:
.endm

/* Append a register to the output. */
.macro OUT reg
	str	\reg, [r0], #4
.endm

/* Append the current CPSR (clobbers r1). */
.macro OUT_CPSR
	mrs	r1, cpsr
	OUT	r1
.endm

/* Append User/System SP and LR (clobbers r1); returns to SVC. */
.macro OUT_USER_SP_LR
	cps	#MODE_SYS
	mov	r1, sp
	OUT	r1
	mov	r1, lr
	OUT	r1
	cps	#MODE_SVC
.endm

/* Append the SP of another mode (clobbers r1); returns to SVC. */
.macro OUT_MODE_SP mode
	cps	#\mode
	mov	r1, sp
	cps	#MODE_SVC
	OUT	r1
.endm
