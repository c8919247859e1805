/* Timer and debug coprocessor accesses from User mode, ARM (_arm) and Thumb
 * (_thumb), each access at NAME_at. 64-bit counters are stored to [r0];
 * 32-bit registers are returned in r0. */
#include "asm.h"

	.syntax unified
	.text

.macro counter name, thumb, opc1
	func	\name, \thumb
	isb				@ no read ahead of earlier ones
	at	\name
	mrrc	p15, \opc1, r2, r3, c14
	str	r2, [r0]
	str	r3, [r0, #4]
	bx	lr
	.size \name, . - \name
.endm

.macro reg name, thumb, cp, opc1, crn, crm, opc2
	func	\name, \thumb
	at	\name
	mrc	\cp, \opc1, r0, \crn, \crm, \opc2
	bx	lr
	.size \name, . - \name
.endm

.macro set sfx, thumb
	/* Allowed by Linux (CNTKCTL.PL0VCTEN): the virtual counter and the
	 * frequency. */
	counter	ut_cntvct_\sfx, \thumb, 1
	reg	ut_cntfrq_\sfx, \thumb, p15, 0, c14, c0, 0
	/* Not enabled for User mode: the physical counter, both timers'
	 * control registers, CNTKCTL itself (PL1 only). */
	counter	ut_cntpct_\sfx, \thumb, 0
	reg	ut_cntv_ctl_\sfx, \thumb, p15, 0, c14, c3, 1
	reg	ut_cntp_ctl_\sfx, \thumb, p15, 0, c14, c2, 1
	reg	ut_cntkctl_\sfx, \thumb, p15, 0, c14, c1, 0
	/* Debug registers User mode may read unless DBGDSCR.UDCCdis. */
	reg	ut_dbgdidr_\sfx, \thumb, p14, 0, c0, c0, 0
	reg	ut_dbgdscr_\sfx, \thumb, p14, 0, c0, c1, 0
	reg	ut_dbgdrar_\sfx, \thumb, p14, 0, c1, c0, 0
.endm

	set	arm, 0
	set	thumb, 1

NOEXEC_STACK
