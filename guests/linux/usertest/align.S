/* Unaligned accesses, the same set in ARM and in Thumb state (suffix _arm,
 * _thumb). Each access has a label NAME_at. Loads of 8 bytes store them to
 * the second argument; stores of 8 bytes take them from it (aligned). */
#include "asm.h"

	.syntax unified
	.text

/* Loads returning the value in r0. */
.macro load1 name, thumb, insn:vararg
	func \name, \thumb
	at \name
	\insn
	bx	lr
	endf \name
.endm

/* Stores of r1 returning 0. */
.macro store1 name, thumb, insn:vararg
	func \name, \thumb
	at \name
	\insn
	mov	r0, #0
	bx	lr
	endf \name
.endm

/* Loads of r2, r3, stored to [r1]; returns 1. */
.macro load2 name, thumb, insn:vararg
	func \name, \thumb
	at \name
	\insn
	str	r2, [r1]
	str	r3, [r1, #4]
	mov	r0, #1
	bx	lr
	endf \name
.endm

/* Stores of r2, r3 read from [r1]; returns 1. */
.macro store2 name, thumb, insn:vararg
	func \name, \thumb
	ldr	r2, [r1]
	ldr	r3, [r1, #4]
	at \name
	\insn
	mov	r0, #1
	bx	lr
	endf \name
.endm

.macro set sfx, thumb
	/* Allowed unaligned on ARMv7 with SCTLR.A == 0: no trap. */
	load1	ut_ldr_\sfx, \thumb, ldr r0, [r0]
	load1	ut_ldrh_\sfx, \thumb, ldrh r0, [r0]
	store1	ut_str_\sfx, \thumb, str r1, [r0]
	store1	ut_strh_\sfx, \thumb, strh r1, [r0]
	/* Always an alignment fault; Linux's fix-up emulates these. */
	load2	ut_ldrd_\sfx, \thumb, ldrd r2, r3, [r0]
	store2	ut_strd_\sfx, \thumb, strd r2, r3, [r0]
	load2	ut_ldm_\sfx, \thumb, ldm r0, {r2, r3}
	store2	ut_stm_\sfx, \thumb, stm r0, {r2, r3}
	/* Always an alignment fault; no fix-up: SIGBUS. */
	load1	ut_ldrex_\sfx, \thumb, ldrex r0, [r0]
	load2	ut_ldrexd_\sfx, \thumb, ldrexd r2, r3, [r0]
	load1	ut_vldr_\sfx, \thumb, vldr d0, [r0]
.endm

	set	arm, 0
	set	thumb, 1

NOEXEC_STACK
