/* VFP register pattern routines (see vfp.h). All in ARM state, assembled for
 * VFPv3 with 32 registers; d16-d31 are used only when the job says so. */
#include <asm/unistd.h>
#include "asm.h"

	.syntax unified
	.fpu	vfpv3
	.text

#define J_IN 0
#define J_OUT 4
#define J_NREGS 8
#define J_ROUNDS 12
#define J_RFD 16
#define J_WFD 20
#define J_FPSCR_IN 24
#define J_FPSCR_OUT 28
#define J_MISMATCHES 32

/* All three routines: r4 = job, r8 = mismatches, r9 = caller's FPSCR. */
.macro enter
	push	{r4-r9, lr}
	vpush	{d8-d15}
	sub	sp, sp, #8		@ token buffer
	mov	r4, r0
	mov	r8, #0
	vmrs	r9, fpscr
	ldr	r0, [r4, #J_FPSCR_IN]
	vmsr	fpscr, r0
	ldr	r0, [r4, #J_IN]
	vldmia	r0!, {d0-d15}
	ldr	r1, [r4, #J_NREGS]
	cmp	r1, #32
	vldmiaeq r0, {d16-d31}
.endm

.macro leave
	str	r8, [r4, #J_MISMATCHES]
	vmrs	r1, fpscr
	str	r1, [r4, #J_FPSCR_OUT]
	vmsr	fpscr, r9
	add	sp, sp, #8
	vpop	{d8-d15}
	pop	{r4-r9, pc}
.endm

/* Stores the registers to job->out and adds to r8 the number of words that
 * differ from job->in, plus one if FPSCR changed. Keeps r0. */
.macro compare
	ldr	r1, [r4, #J_OUT]
	vstmia	r1!, {d0-d15}
	ldr	r2, [r4, #J_NREGS]
	cmp	r2, #32
	vstmiaeq r1, {d16-d31}
	ldr	r1, [r4, #J_IN]
	ldr	r2, [r4, #J_OUT]
	ldr	r3, [r4, #J_NREGS]
	lsl	r3, r3, #1
1:	ldr	r5, [r1], #4
	ldr	r6, [r2], #4
	cmp	r5, r6
	addne	r8, r8, #1
	subs	r3, r3, #1
	bne	1b
	vmrs	r5, fpscr
	ldr	r6, [r4, #J_FPSCR_IN]
	cmp	r5, r6
	addne	r8, r8, #1
.endm

/* One system call: r7 = number, fd at [r4, #fdoff], one byte at sp.
 * Branches to fail unless it transferred that byte. */
.macro token nr, fdoff, fail
	ldr	r0, [r4, #\fdoff]
	mov	r1, sp
	mov	r2, #1
	mov	r7, #\nr
	svc	#0
	cmp	r0, #1
	bne	\fail
.endm

ARM_FUNC(ut_vfp_pingpong)
	enter
	ldr	r7, [r4, #J_ROUNDS]
	str	r7, [sp, #4]		@ rounds left
2:	ldr	r0, [sp, #4]
	subs	r0, r0, #1
	bmi	4f
	str	r0, [sp, #4]
	token	__NR_write, J_WFD, 3f
	token	__NR_read, J_RFD, 3f
	compare
	b	2b
3:	add	r8, r8, #1000		@ the turn-taking itself failed
4:	mov	r0, #0
	leave
END(ut_vfp_pingpong)

ARM_FUNC(ut_vfp_fork)
	enter
	mov	r7, #__NR_fork
	svc	#0
	str	r0, [sp]
	compare
	ldr	r0, [sp]
	leave
END(ut_vfp_fork)

ARM_FUNC(ut_vfp_trap)
	enter
LABEL(ut_vfp_trap_at)
	.inst	0xe7f000f0		@ UDF #0
	compare
	mov	r0, #1
	leave
END(ut_vfp_trap)

ARM_FUNC(ut_vfp_seen_clobber)
	ldr	r0, =ut_vfp_seen
	ldr	r1, =ut_vfp_nregs
	ldr	r1, [r1]
	vstmia	r0!, {d0-d15}
	cmp	r1, #32
	vstmiaeq r0, {d16-d31}
	vmrs	r0, fpscr
	ldr	r2, =ut_vfp_seen_fpscr
	str	r0, [r2]
	ldr	r0, =0xdeadbeef
	.irp	d, 0, 1, 2, 3, 4, 5, 6, 7
	vmov	d\d, r0, r0
	.endr
	cmp	r1, #32
	bne	1f
	.irp	d, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	vmov	d\d, r0, r0
	.endr
1:	mov	r0, #0
	vmsr	fpscr, r0
	bx	lr
END(ut_vfp_seen_clobber)

NOEXEC_STACK
