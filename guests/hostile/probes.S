/*
 * The probes, all uint64_t fn(uint32_t addr, uint32_t value): exactly one
 * instruction touches addr.  A data abort there is recorded by the handler
 * (vectors.S), which resumes at the next instruction.
 */
	.syntax unified
	.arm
	.text

.macro PROBE name
	.global \name
	.type \name, %function
\name:
.endm

PROBE probe_read
	ldr	r0, [r0]
	mov	r1, #0
	bx	lr

PROBE probe_write
	str	r1, [r0]
	bx	lr

PROBE probe_read_byte
	ldrb	r0, [r0]
	mov	r1, #0
	bx	lr

PROBE probe_write_half
	strh	r1, [r0]
	bx	lr

PROBE probe_read_dual
	ldrd	r2, r3, [r0]
	mov	r0, r2
	mov	r1, r3
	bx	lr

PROBE probe_write_dual
	mov	r2, r1
	mov	r3, r1
	strd	r2, r3, [r0]
	bx	lr

/* Maintenance by VA (B4.2.1, B4.2.3), then by set/way with addr as the operand. */
PROBE probe_dcimvac
	mcr	p15, 0, r0, c7, c6, 1
	bx	lr

PROBE probe_dccimvac
	mcr	p15, 0, r0, c7, c14, 1
	bx	lr

PROBE probe_dccmvau
	mcr	p15, 0, r0, c7, c11, 1
	bx	lr

PROBE probe_icimvau
	mcr	p15, 0, r0, c7, c5, 1
	bx	lr

PROBE probe_tlbimva
	mcr	p15, 0, r0, c8, c7, 1
	bx	lr

PROBE probe_tlbimvaa
	mcr	p15, 0, r0, c8, c7, 3
	bx	lr

PROBE probe_dcisw
	mcr	p15, 0, r0, c7, c6, 2
	bx	lr

PROBE probe_dccisw
	mcr	p15, 0, r0, c7, c14, 2
	bx	lr
