/*
 * Entry from the boot loader: SVC mode, MMU and caches off (QEMU -kernel,
 * U-Boot bootm). Builds the first translation table (the hypervisor window
 * plus a temporary identity map of the image), enables the MMU, moves to the
 * linked virtual addresses and calls hyp_main(boot_sctlr, phys_offset).
 */
#include "generated/config.h"
#include "generated/asm-defs.h"

#define FAULT_STACK_SIZE 1024

	.syntax	unified
	.arm
	.section .text.boot, "ax"
	.global	_start
_start:
	cpsid	aif
	mrc	p15, 0, r6, c1, c0, 0		@ r6 = SCTLR as the boot loader left it

	adr	r4, _start
	ldr	r5, =_start
	sub	r4, r4, r5			@ r4 = physical - virtual

	/* Zero the L1 table (physical address in r0). */
	ldr	r0, =hyp_l1
	add	r0, r0, r4
	mov	r1, #0
	mov	r2, #L1_ENTRIES
	mov	r3, r0
1:	str	r1, [r3], #4
	subs	r2, r2, #1
	bne	1b

	/* Map every MiB of hypervisor memory twice: at the window and at itself. */
	ldr	r7, =CONFIG_HYP_VA_BASE
	add	r8, r7, r4			@ r8 = physical base of the image
	ldr	r9, =(CONFIG_HYP_RAM_SIZE >> SECTION_SHIFT)
	ldr	r10, =BOOT_SECTION_FLAGS
2:	orr	r11, r8, r10			@ section descriptor
	str	r11, [r0, r7, lsr #(SECTION_SHIFT - 2)]
	str	r11, [r0, r8, lsr #(SECTION_SHIFT - 2)]
	add	r7, r7, #(1 << SECTION_SHIFT)
	add	r8, r8, #(1 << SECTION_SHIFT)
	subs	r9, r9, #1
	bne	2b

	ldr	r1, =BOOT_TTBR_FLAGS
	orr	r1, r0, r1
	mcr	p15, 0, r1, c2, c0, 0		@ TTBR0
	mov	r1, #0
	mcr	p15, 0, r1, c2, c0, 2		@ TTBCR: TTBR0 only, 16 KiB L1
	ldr	r1, =BOOT_DACR
	mcr	p15, 0, r1, c3, c0, 0		@ DACR
	mov	r1, #0
	mcr	p15, 0, r1, c8, c7, 0		@ TLBIALL
	mcr	p15, 0, r1, c7, c5, 0		@ ICIALLU
	mcr	p15, 0, r1, c7, c5, 6		@ BPIALL
	dsb
	isb

	ldr	r1, =SCTLR_BOOT_CLEAR
	bic	r7, r6, r1
	ldr	r1, =SCTLR_BOOT_SET
	orr	r7, r7, r1
	mcr	p15, 0, r7, c1, c0, 0		@ MMU and caches on
	isb
	ldr	pc, =virtual_entry		@ leave the identity map

virtual_entry:
	/* Each exception mode gets a small stack for reporting hypervisor faults. */
	cps	#PSR_MODE_ABT
	ldr	sp, =abt_stack_top
	cps	#PSR_MODE_UND
	ldr	sp, =und_stack_top
	cps	#PSR_MODE_IRQ
	ldr	sp, =irq_stack_top
	cps	#PSR_MODE_FIQ
	ldr	sp, =fiq_stack_top
	cps	#PSR_MODE_SVC
	ldr	sp, =svc_stack_top
	ldr	r0, =bss_start
	ldr	r1, =bss_end
	mov	r2, #0
3:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	3b

	mov	r0, r6
	mov	r1, r4
	bl	hyp_main
4:	b	4b				@ hyp_main does not return

	.bss
	.balign	8
	.macro	fault_stack name
	.space	FAULT_STACK_SIZE
\name\()_stack_top:
	.endm
	fault_stack abt
	fault_stack und
	fault_stack irq
	fault_stack fiq
