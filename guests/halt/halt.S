/* The halt loop, entered by an exception return to User mode, Thumb, IRQs and FIQs masked. */
	.syntax unified

#define PSR_USR 0x10
#define PSR_T   0x20
#define PSR_F   0x40
#define PSR_I   0x80

	.arm
	.global halt_in_user_thumb
	.type halt_in_user_thumb, %function
halt_in_user_thumb:
	mov	r0, #(PSR_USR | PSR_T | PSR_I | PSR_F)
	msr	spsr_fsxc, r0
	ldr	lr, =halt_loop          @ a Thumb function: bit 0 set, cleared by the return
	movs	pc, lr

	.thumb
	.global halt_loop
	.type halt_loop, %function
halt_loop:
	b.n	halt_loop
