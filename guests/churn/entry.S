@ Vectors and a round trip to User mode and back (by SVC) for the benchmark.
#include "churn.h"
#include "cpu.h"

	.syntax	unified
	.arm
	.text

	.balign	32		@ VBAR ignores bits [4:0]
	.global	churn_vectors
churn_vectors:
	b	.
	b	.
	b	svc_entry
	b	.
	b	.
	b	.
	b	.
	b	.

@ The only SVC comes from user_stub: return from user_round_trip.
svc_entry:
	pop	{r4-r12, pc}

@ void user_round_trip(void): enter User mode with MOVS pc, lr; come back by SVC.
	.global	user_round_trip
	.type	user_round_trip, %function
user_round_trip:
	push	{r4-r12, lr}
	mov	r0, #(PSR_A | PSR_I | PSR_F | MODE_USR)
	msr	spsr_fsxc, r0
	ldr	lr, =user_stub
	movs	pc, lr
	.size	user_round_trip, . - user_round_trip

user_stub:
	svc	#0

@ Vectors for the system call loop: its SVC is a system call.
	.balign	32
	.global	churn_syscall_vectors
churn_syscall_vectors:
	b	.
	b	.
	b	syscall_entry
	b	.
	b	.
	b	.
	b	.
	b	.

@ Debian's 6.1 armmp kernel's system call entry and fast return (vector_swi,
@ ret_fast_syscall), instruction for instruction where it touches what a
@ hypervisor must virtualize: the User-mode registers (STM/LDM ^), SPSR,
@ TPIDRPRW, TPIDRURO, SCTLR, CPSIE/CPSID and the software-PAN DACR writes.
syscall_entry:
	sub	sp, sp, #SYSCALL_FRAME
	stmia	sp, {r0-r12}
	add	r8, sp, #SYSCALL_FRAME_PC
	stmdb	r8, {sp, lr}^			@ User-mode sp, lr
	mrs	r8, spsr
	str	lr, [sp, #SYSCALL_FRAME_PC]
	str	r8, [sp, #SYSCALL_FRAME_PSR]
	str	r0, [sp, #SYSCALL_FRAME_OLD_R0]
	mrc	p15, 0, r10, c13, c0, 4		@ TPIDRPRW: the per-CPU offset
	mcr	p15, 0, r10, c13, c0, 3		@ TPIDRURO: the kernel's current task
	mrc	p15, 0, ip, c1, c0, 0		@ alignment_trap: SCTLR as expected?
	ldr	r10, =syscall_sctlr
	ldr	r10, [r10]
	teq	r10, ip
	mcrne	p15, 0, r10, c1, c0, 0
	cpsie	i
	mov	r8, #DACR_KERNEL		@ uaccess_disable
	mcr	p15, 0, r8, c3, c0, 0
	isb
	cmp	r7, #SYSCALL_LOOP_END
	beq	syscall_loop_end
	cpsid	i				@ ret_fast_syscall
	mrc	p15, 0, r1, c13, c0, 3
	ldr	r1, =USER_TLS
	mcr	p15, 0, r1, c13, c0, 3		@ the user's TLS again
	mov	r1, #DACR_USER			@ uaccess_enable
	mcr	p15, 0, r1, c3, c0, 0
	mov	r2, sp
	ldr	r1, [r2, #SYSCALL_FRAME_PSR]
	ldr	lr, [r2, #SYSCALL_FRAME_PC]!
	msr	spsr_fsxc, r1
	ldmdb	r2, {r0-lr}^			@ User-mode r0-lr
	nop
	add	sp, sp, #SYSCALL_FRAME
	movs	pc, lr

syscall_loop_end:
	add	sp, sp, #SYSCALL_FRAME
	mov	r1, #DACR_USER
	mcr	p15, 0, r1, c3, c0, 0
	isb
	pop	{r4-r12, pc}

@ void syscall_loop(uint32_t n): n system calls from User mode, then back.
	.global	syscall_loop
	.type	syscall_loop, %function
syscall_loop:
	push	{r4-r12, lr}
	mov	r4, r0
	mov	r7, #0
	mov	r0, #MODE_USR			@ IRQs unmasked, as for Linux's user space
	msr	spsr_fsxc, r0
	ldr	lr, =user_syscalls
	movs	pc, lr
	.size	syscall_loop, . - syscall_loop

user_syscalls:
	svc	#0
	subs	r4, r4, #1
	bne	user_syscalls
	mov	r7, #SYSCALL_LOOP_END
	svc	#0
