/* Entry from QEMU (or the hypervisor) in SVC mode: stack, .bss, main, power off. */
	.syntax unified
	.arm

	.section .text.start, "ax"
	.global _start
	.type _start, %function
_start:
	ldr	sp, =svc_stack_top
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b
	bl	main
	bl	power_off
	.size _start, . - _start

	.section .bss.stack, "aw", %nobits
	.balign 8
	.space 8192
svc_stack_top:
