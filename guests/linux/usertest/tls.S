/* The ARM-private set_tls system call changes TPIDRURO. Done in assembly,
 * with the C library's thread pointer restored before returning, since no
 * C code may run while it is changed. */
#include <asm/unistd.h>
#include "asm.h"

	.syntax unified
	.text

/* void ut_set_tls_probe(uint32_t value, uint32_t seen[4]): sets TPIDRURO to
 * value and records what reads it afterwards: seen[0] MRC, seen[1] the
 * __kuser_get_tls helper, seen[2] the get_tls system call, seen[3] MRC after
 * sched_yield. */
ARM_FUNC(ut_set_tls_probe)
	push	{r4-r7, lr}
	mov	r4, r0
	mov	r5, r1
	mrc	p15, 0, r6, c13, c0, 3
	ldr	r7, =__ARM_NR_set_tls
	svc	#0
	mrc	p15, 0, r0, c13, c0, 3
	str	r0, [r5]
	ldr	r0, =0xffff0fe0
	blx	r0
	str	r0, [r5, #4]
	ldr	r7, =__ARM_NR_get_tls
	svc	#0
	str	r0, [r5, #8]
	mov	r7, #__NR_sched_yield
	svc	#0
	mrc	p15, 0, r0, c13, c0, 3
	str	r0, [r5, #12]
	mov	r0, r6
	ldr	r7, =__ARM_NR_set_tls
	svc	#0
	pop	{r4-r7, pc}
END(ut_set_tls_probe)

NOEXEC_STACK
