@ Thumb-2 code run from User mode, alone in its page: under the hypervisor
@ a page first executed as Thumb in User mode runs unpatched. Its literal
@ pool holds a word that reads as the ARM instruction MRS r0, CPSR: scanned
@ as ARM code, the page would have it replaced.
	.syntax	unified
	.section .text.thumb_page, "ax"
	.balign	4096
	.thumb
	.thumb_func
	.global	thumb_sum
@ uint32_t thumb_sum(uint32_t n): 1 + 2 + ... + n
thumb_sum:
	movs	r1, #0
1:	adds	r1, r1, r0
	subs	r0, r0, #1
	bne	1b
	mov	r0, r1
	bx	lr

	.thumb_func
	.global	thumb_literal
@ uint32_t thumb_literal(void)
thumb_literal:
	ldr	r0, =0xe10f0000
	bx	lr
	.ltorg
	.balign	4096
