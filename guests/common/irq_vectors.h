/*
 * For a guest's vectors.S: a vector table `name` (VBAR-aligned) whose IRQ
 * runs the C function `irq` (no arguments) and returns to the interrupted
 * code, and whose every other exception calls `unexpected` with the CPSR.
 */
#ifndef IRQ_VECTORS_H
#define IRQ_VECTORS_H

	.macro	irq_only_vectors name, irq, unexpected
	.text
	.balign	32
	.global	\name
\name:
	.rept	6
	b	\name\()_unexpected
	.endr
	b	\name\()_irq
	b	\name\()_unexpected

\name\()_irq:
	sub	lr, lr, #4
	push	{r0-r3, r12, lr}
	bl	\irq
	pop	{r0-r3, r12, lr}
	movs	pc, lr

\name\()_unexpected:
	mrs	r0, cpsr
	bl	\unexpected
	.endm

#endif
