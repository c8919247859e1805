@ Vector table: IRQs go to irq_handler(); anything else is unexpected.
#include "cpu.h"

	.text
	.balign	32
	.global	irq_vectors
irq_vectors:
	b	unexpected
	b	unexpected
	b	unexpected
	b	unexpected
	b	unexpected
	b	unexpected
	b	irq_entry
	b	unexpected

irq_entry:
	sub	lr, lr, #4
	push	{r0-r3, r12, lr}
	mov	r0, lr				@ where the interrupt hit
	mrs	r1, spsr
	bl	irq_handler
	pop	{r0-r3, r12, lr}
	movs	pc, lr

unexpected:
	mrs	r0, cpsr
	bl	unexpected_exception
