/* The CPSR as User mode sees it. Each routine does something to the CPSR,
 * reads it with MRS into r0, then executes UDF (at NAME_at) so that the
 * signal handler records the CPSR the kernel saved (the real one), and
 * returns r0 once the handler has stepped over the UDF. Same set in ARM
 * (_arm) and Thumb (_thumb) state. */
#include "asm.h"

	.syntax unified
	.text

.macro finish name, thumb
	mrs	r0, cpsr
	.global \name\()_at
\name\()_at:
	.if \thumb
	.inst.n	0xde00			@ UDF #0
	.else
	.inst	0xe7f000f0		@ UDF #0
	.endif
	bx	lr
	.size \name, . - \name
.endm

.macro set sfx, thumb
	/* Nothing: the CPSR as it is. */
	func	ut_cpsr_\sfx, \thumb
	finish	ut_cpsr_\sfx, \thumb

	/* Condition flags from comparing the two arguments. */
	func	ut_cmp_\sfx, \thumb
	cmp	r0, r1
	finish	ut_cmp_\sfx, \thumb

	/* Q from a saturating add, after clearing the flags. */
	func	ut_qadd_\sfx, \thumb
	mov	r2, #0
	msr	APSR_nzcvq, r2
	mvn	r1, #0x80000000
	qadd	r2, r1, r1
	finish	ut_qadd_\sfx, \thumb

	/* GE from a byte-wise add of the two arguments. */
	func	ut_uadd8_\sfx, \thumb
	uadd8	r2, r0, r1
	finish	ut_uadd8_\sfx, \thumb

	/* MSR of all fields: in User mode only the flags (NZCVQ, GE) and E
	 * may change; writes to the mode and to A, I, F are ignored. */
	func	ut_msr_\sfx, \thumb
	msr	cpsr_fsxc, r0
	finish	ut_msr_\sfx, \thumb

	/* MSR of the control field only (mode and I, F): ignored. ARM has
	 * an immediate form (the argument is then unused); Thumb has not. */
	func	ut_msr_c_\sfx, \thumb
	.if \thumb
	msr	cpsr_c, r0
	.else
	msr	cpsr_c, #0xd3
	.endif
	finish	ut_msr_c_\sfx, \thumb

	/* CPS in User mode is a no-op: masks and mode stay. */
	func	ut_cpsid_\sfx, \thumb
	cpsid	aif
	finish	ut_cpsid_\sfx, \thumb

	func	ut_cps_mode_\sfx, \thumb
	cps	#0x13
	finish	ut_cps_mode_\sfx, \thumb
.endm

	set	arm, 0
	set	thumb, 1

NOEXEC_STACK
