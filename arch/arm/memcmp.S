/*
 * int memcmp(const void *a, const void *b, size_t n), for the hypervisor:
 * a guest TLBIALL compares every page of guest tables it keeps a snapshot
 * of (shadow_pt/modified_tables.c), and newlib's generic memcmp takes about
 * five instructions a word there. With both addresses word-aligned, this
 * one compares 16 bytes a round with two LDMs and a chain of conditional
 * compares (nine instructions a round); from the first round that differs,
 * and for what is left, byte by byte, which gives the sign.
 */
	.syntax	unified
	.arm
	.text
	.global	memcmp
	.type	memcmp, %function
memcmp:
	orr	ip, r0, r1
	tst	ip, #3
	bne	3f				@ not both word-aligned: bytes
	push	{r4-r9}
1:	subs	r2, r2, #16
	blo	2f
	ldmia	r0!, {r3-r6}
	ldmia	r1!, {r7-r9, ip}
	cmp	r3, r7
	cmpeq	r4, r8
	cmpeq	r5, r9
	cmpeq	r6, ip
	beq	1b
	sub	r0, r0, #16			@ that round again, byte by byte
	sub	r1, r1, #16
2:	add	r2, r2, #16
	pop	{r4-r9}
3:	subs	r2, r2, #1
	movlo	r0, #0				@ all equal
	bxlo	lr
	ldrb	r3, [r0], #1
	ldrb	ip, [r1], #1
	subs	r3, r3, ip
	beq	3b
	mov	r0, r3
	bx	lr
	.size	memcmp, . - memcmp
