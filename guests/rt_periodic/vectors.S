@ rt_periodic's vector table: IRQs run rt_irq(); any other exception is unexpected.
	.text
	.balign	32
	.global	rt_vectors
rt_vectors:
	.rept	6
	b	rt_vector_unexpected
	.endr
	b	rt_vector_irq
	b	rt_vector_unexpected

rt_vector_irq:
	sub	lr, lr, #4
	push	{r0-r3, r12, lr}
	bl	rt_irq
	pop	{r0-r3, r12, lr}
	movs	pc, lr

rt_vector_unexpected:
	mrs	r0, cpsr
	bl	rt_unexpected
