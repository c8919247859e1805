/* Raw system calls, ARM (_arm) and Thumb (_thumb), for what the C library
 * would hide: the SVC immediate, -ENOSYS, and numbers that raise signals. */
#include <asm/unistd.h>
#include "asm.h"

	.syntax unified
	.text

.macro set sfx, thumb, imm
	/* uint32_t ut_svc_imm_SFX(void): 1 when getppid gives the same with
	 * SVC #0 and with a non-zero immediate (EABI ignores it). */
	func	ut_svc_imm_\sfx, \thumb
	push	{r4, r7}
	mov	r7, #__NR_getppid
	svc	#0
	mov	r4, r0
	mov	r7, #__NR_getppid
	svc	#\imm
	cmp	r0, r4
	ite	eq
	moveq	r0, #1
	movne	r0, #0
	pop	{r4, r7}
	bx	lr
	.size ut_svc_imm_\sfx, . - ut_svc_imm_\sfx

	/* uint32_t ut_svc_SFX(uint32_t nr): system call nr without
	 * arguments; returns r0. The SVC is at ut_svc_SFX_at. */
	func	ut_svc_\sfx, \thumb
	push	{r7, lr}
	mov	r7, r0
	.global ut_svc_\sfx\()_at
ut_svc_\sfx\()_at:
	svc	#0
	pop	{r7, pc}
	.size ut_svc_\sfx, . - ut_svc_\sfx
.endm

	set	arm, 0, 0x123456
	set	thumb, 1, 0x42

NOEXEC_STACK
