@ Vectors and a round trip to User mode and back (by SVC) for the benchmark.
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
