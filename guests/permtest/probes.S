/*
 * The accesses under test, all uint32_t fn(uint32_t addr, uint32_t value),
 * called directly at PL1 or through user_call at PL0.  A faulting data access
 * is skipped by the abort handler; a faulting fetch returns to exec_resume.
 */
#include "permtest.h"

	.syntax unified
	.arm
	.text

.macro FUNC name
	.global \name
	.type \name, %function
\name:
.endm

FUNC probe_read
	ldr	r0, [r0]
	bx	lr

FUNC probe_write
	str	r1, [r0]
	bx	lr

/* Returns the routine's r0, or EXEC_FAULTED from the prefetch abort handler. */
FUNC probe_exec
	push	{r4, lr}		@ r4 keeps the stack 8-byte aligned
	blx	r0
	.global exec_resume
exec_resume:
	pop	{r4, pc}

/*
 * Copied to offset 0 of each test frame.  It must stay below page offset
 * 0x400: QEMU 7.2 can keep code above that executable after a TLBIMVA.
 */
	.section .rodata
	.balign 4
	.global exec_routine, exec_routine_end
exec_routine:
	mov	r0, #EXEC_MAGIC
	bx	lr
exec_routine_end:
