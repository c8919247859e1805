@ ptimer's vector table: IRQs run ptimer_irq(); any other exception is unexpected.
	.text
	.balign	32
	.global	ptimer_vectors
ptimer_vectors:
	.rept	6
	b	ptimer_vector_unexpected
	.endr
	b	ptimer_vector_irq
	b	ptimer_vector_unexpected

ptimer_vector_irq:
	sub	lr, lr, #4
	push	{r0-r3, r12, lr}
	bl	ptimer_irq
	pop	{r0-r3, r12, lr}
	movs	pc, lr

ptimer_vector_unexpected:
	mrs	r0, cpsr
	bl	ptimer_unexpected
