/*
 * void *memset(void *s, int c, size_t n), for the hypervisor: newlib's
 * generic one takes about 110 instructions to clear a 68-byte structure, as
 * every guest table walk does (shadow_pt/guest_walk.c); this one about 35.
 * Single bytes up to a word boundary, then 16 bytes a round, then words,
 * then bytes.
 */
	.syntax	unified
	.arm
	.text
	.global	memset
	.type	memset, %function
memset:
	mov	ip, r0				@ returns s
	and	r1, r1, #0xff
	orr	r1, r1, r1, lsl #8
	orr	r1, r1, r1, lsl #16
	mov	r3, r1
1:	tst	ip, #3
	beq	2f
	subs	r2, r2, #1
	bxlo	lr				@ n was 0
	strb	r1, [ip], #1
	b	1b
2:	subs	r2, r2, #16			@ carry: at least 16 were left
	stmhs	ip!, {r1, r3}
	stmhs	ip!, {r1, r3}
	bhi	2b
	bxeq	lr				@ exactly used up
	adds	r2, r2, #16			@ 0 to 15 left
3:	subs	r2, r2, #4
	strhs	r1, [ip], #4
	bhi	3b
	bxeq	lr
	adds	r2, r2, #4			@ 0 to 3 left
4:	subs	r2, r2, #1
	strbhs	r1, [ip], #1
	bhi	4b
	bx	lr
	.size	memset, . - memset
