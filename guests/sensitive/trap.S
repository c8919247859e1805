/*
 * Catch-all vectors: no exception is expected in this guest, so report any
 * that happens (vector index, LR, SPSR) and power off instead of hanging.
 */
	.syntax unified
	.arm
	.text

	.balign 32		@ VBAR ignores bits [4:0]
	.global trap_vectors
trap_vectors:
	.irp n, 0, 1, 2, 3, 4, 5, 6, 7
	b	trap_\n
	.endr

	.irp n, 0, 1, 2, 3, 4, 5, 6, 7
trap_\n:
	mov	r0, #\n
	b	trap_common
	.endr

trap_common:
	mov	r1, lr
	mrs	r2, spsr
	ldr	sp, =trap_stack_top
	b	sensitive_trap		@ does not return

	.bss
	.balign 8
	.space 2048
trap_stack_top:
