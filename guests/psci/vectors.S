@ An HVC that is not a PSCI call is undefined: the handler returns past it with a marker in r0.
#include "cpu.h"

	.syntax	unified
	.arm
	.text

	.balign	32		@ VBAR ignores bits [4:0]
	.global	psci_vectors
psci_vectors:
	b	.
	b	undef_entry
	b	.
	b	.
	b	.
	b	.
	b	.
	b	.

undef_entry:
	ldr	r0, =HVC_UNDEFINED
	movs	pc, lr
