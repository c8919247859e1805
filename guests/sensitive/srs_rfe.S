/* SRS and RFE in all four addressing modes, with and without writeback. */
#include "case_asm.h"

	.text

/*
 * SRS from SVC onto the ABT stack.  ABT SP starts at the middle of a zeroed
 * five-word window; the case appends the window (SP-8 .. SP+8) and the ABT SP
 * afterwards.
 */
.macro SRS_CASE name, amode, wb
CASE \name
	push	{r4, lr}
	ldr	r4, =srs_window + 8
	mov	r1, #0
	str	r1, [r4, #-8]
	str	r1, [r4, #-4]
	str	r1, [r4]
	str	r1, [r4, #4]
	str	r1, [r4, #8]
	cps	#MODE_ABT
	mov	sp, r4
	cps	#MODE_SVC
	ldr	r1, =0x300f01d3		@ the SPSR to store
	msr	spsr_fsxc, r1
	ldr	lr, =0x1e000013		@ the LR to store
	srs\amode sp\wb, #MODE_ABT
	ldr	r1, [r4, #-8]
	OUT	r1
	ldr	r1, [r4, #-4]
	OUT	r1
	ldr	r1, [r4]
	OUT	r1
	ldr	r1, [r4, #4]
	OUT	r1
	ldr	r1, [r4, #8]
	OUT	r1
	OUT_MODE_SP MODE_ABT
	pop	{r4, pc}
.endm

	SRS_CASE case_srsda, da
	SRS_CASE case_srsda_wb, da, !
	SRS_CASE case_srsia, ia
	SRS_CASE case_srsia_wb, ia, !
	SRS_CASE case_srsdb, db
	SRS_CASE case_srsdb_wb, db, !
	SRS_CASE case_srsib, ib
	SRS_CASE case_srsib_wb, ib, !

/*
 * RFE from SVC to the next label with a chosen CPSR, base register r3.
 * pc_off/psr_off say where this addressing mode loads PC and CPSR relative
 * to the base.  Appends the CPSR after the return and the base register
 * change; then goes back to SVC with the flags and GE bits cleared.
 */
.macro RFE_CASE name, amode, wb, pc_off, psr_off, psr
CASE \name
	push	{r4, lr}
	ldr	r4, =rfe_frame + 8
	adr	r1, 1f
	ldr	r2, =\psr
	str	r1, [r4, #\pc_off]
	str	r2, [r4, #\psr_off]
	mov	r3, r4
	rfe\amode r3\wb
	udf	#0			@ only reached if RFE did not branch
1:	OUT_CPSR
	sub	r1, r3, r4
	OUT	r1
	cpsid	aif, #MODE_SVC
	msr	cpsr_fs, #0
	pop	{r4, pc}
.endm

	RFE_CASE case_rfeda, da, , -4, 0, 0x800001d3
	RFE_CASE case_rfeda_wb, da, !, -4, 0, 0x400001df
	RFE_CASE case_rfeia, ia, , 0, 4, 0x200001d7
	RFE_CASE case_rfeia_wb, ia, !, 0, 4, 0x100001db
	RFE_CASE case_rfedb, db, , -8, -4, 0x080001d2
	RFE_CASE case_rfedb_wb, db, !, -8, -4, 0x000f01d1
	RFE_CASE case_rfeib, ib, , 4, 8, 0xf0000113
	RFE_CASE case_rfeib_wb, ib, !, 4, 8, 0x000000df

	.bss
	.balign 8
srs_window:
	.space 20
	.balign 8
rfe_frame:
	.space 20
