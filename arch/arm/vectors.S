/*
 * Hypervisor exception vectors (VBAR). Guests always run in User mode, so
 * nearly every exception comes from a guest: the entry corrects LR to the
 * return address, pushes it and the SPSR onto the SVC stack (SRS), switches
 * to SVC mode and saves the User-mode registers, giving one struct
 * trap_frame for hyp_trap(frame, kind). Undefined Instruction traps first
 * go, with the instruction read here, to hyp_coproc_fast(frame) for a
 * coprocessor instruction and hyp_undef_fast(frame) for any other, SVC
 * traps to hyp_svc_fast(frame), Data Aborts to hyp_dabt_fast(frame) and
 * Prefetch Aborts to hyp_pabt_fast(frame), the fast paths, which are small
 * enough to cost little more than the entry itself; before them, for the
 * traps of every system call, the express entries (hyp/express.S).
 * An exception taken in the hypervisor itself is reported from the
 * exception mode's own small stack instead, so that even a broken SVC stack
 * gives a report rather than a silent hang; the one expected exception
 * there, a data abort on the access of guest_load_word(),
 * guest_store_word() or their block forms, makes it return false.
 */
#include "generated/asm-defs.h"
#include "generated/config.h"
#include "generated/express-defs.h"

	.syntax	unified
	.arm

	.macro	trap_entry kind, mode, lr_adjust, fast=
	.if	\lr_adjust
	sub	lr, lr, #\lr_adjust
	.endif
	str	r0, [sp, #-4]!			@ this mode's stack is always valid
	mrs	r0, spsr
	and	r0, r0, #PSR_MODE_MASK
	cmp	r0, #PSR_MODE_USR
	ldr	r0, [sp], #4
	bne	hyp_fault_entry_\kind
	srsdb	sp!, #PSR_MODE_SVC
	cps	#PSR_MODE_SVC
	sub	sp, sp, #TRAP_FRAME_REGS_SIZE
	stmia	sp, {r0-r14}^			@ User-mode r0-r14
	mov	r0, sp
	mov	r1, #\kind
	.ifnb	\fast
	b	\fast
	.else
	b	trap_common
	.endif

hyp_fault_entry_\kind:
	.if	\kind == TRAP_DABT
	/* A guest word access (arch/arm/guest_word.h) faulted: it returns false instead. */
	str	r0, [sp, #-4]!
	ldr	r0, =guest_load_word_access
	cmp	lr, r0
	ldrne	r0, =guest_store_word_access
	cmpne	lr, r0
	ldrne	r0, =guest_load_words_access
	cmpne	lr, r0
	ldrne	r0, =guest_store_words_access
	cmpne	lr, r0
	ldr	r0, [sp], #4
	ldreq	lr, =guest_word_fault
	movseq	pc, lr				@ back to the interrupted mode
	.endif
	srsdb	sp!, #\mode
	sub	sp, sp, #TRAP_FRAME_REGS_SIZE
	stmia	sp, {r0-r12}
	cps	#PSR_MODE_SVC			@ fetch the interrupted SVC sp and lr
	mov	r0, sp
	mov	r1, lr
	cps	#\mode
	add	r2, sp, #TRAP_FRAME_SP
	stmia	r2, {r0, r1}
	mov	r0, sp
	mov	r1, #\kind
	bl	hyp_fault			@ does not return
	.endm

	.section .text.vectors, "ax"
	.balign	32
	.global	hyp_vectors
hyp_vectors:
	b	vec_reset
	b	vec_undef
	b	vec_svc
	b	vec_pabt
	b	vec_dabt
	b	vec_unused
	b	vec_irq
	b	vec_fiq

/* LR adjustments give the address to resume at (ARM DDI 0406C B1.8.3). */
vec_reset:	trap_entry TRAP_RESET, PSR_MODE_SVC, 0
vec_undef:	trap_entry TRAP_UNDEF, PSR_MODE_UND, 0, trap_undef_first	@ resume after the instruction
vec_svc:	trap_entry TRAP_SVC, PSR_MODE_SVC, 0, trap_svc_first	@ resume after the instruction
#ifdef CONFIG_FAST_TRAP_PREFETCH_ABORT
vec_pabt:	trap_entry TRAP_PABT, PSR_MODE_ABT, 4, trap_pabt_first	@ the faulting instruction
#else
vec_pabt:	trap_entry TRAP_PABT, PSR_MODE_ABT, 4	@ the faulting instruction
#endif
#ifdef CONFIG_FAST_TRAP_DATA_ABORT
vec_dabt:	trap_entry TRAP_DABT, PSR_MODE_ABT, 8, trap_dabt_first	@ the faulting instruction
#else
vec_dabt:	trap_entry TRAP_DABT, PSR_MODE_ABT, 8	@ the faulting instruction
#endif
vec_unused:	trap_entry TRAP_UNUSED, PSR_MODE_SVC, 0
vec_irq:	trap_entry TRAP_IRQ, PSR_MODE_IRQ, 4	@ the interrupted instruction
vec_fiq:	trap_entry TRAP_FIQ, PSR_MODE_FIQ, 4

/*
 * A fast path \fn(frame, kind) first, then hyp_trap() unless it returns
 * true. The guest's registers are in the frame: r4 is free to keep the kind.
 */
	.macro	fast_first fn
	mov	r4, r1
	bl	\fn
	cmp	r0, #0
	bne	trap_return
	mov	r0, sp
	mov	r1, r4
	.endm
#ifdef CONFIG_FAST_TRAP_DATA_ABORT
trap_dabt_first:
	fast_first hyp_dabt_fast
	b	trap_common
#endif
#ifdef CONFIG_FAST_TRAP_PREFETCH_ABORT
trap_pabt_first:
	fast_first hyp_pabt_fast
	b	trap_common
#endif

/*
 * An Undefined Instruction trap: the instruction is read here, once, into
 * the vCPU's trap_insn for what follows, and a coprocessor instruction
 * (CP15 most often) goes to its own fast path. In Thumb state, or if it
 * cannot be read, the general path (which tells why).
 */
trap_undef_first:
	ldr	r2, [r0, #TRAP_FRAME_CPSR]
	tst	r2, #PSR_T
	bne	trap_common
	mrc	p15, 0, r4, c13, c0, 4		@ the running vCPU (hyp/trap.c running_vcpu())
	ldr	r0, [r0, #TRAP_FRAME_PC]
	sub	r0, r0, #4
	add	r1, r4, #VCPU_TRAP_INSN
	bl	guest_load_word
	cmp	r0, #0
	mov	r0, sp
	mov	r1, #TRAP_UNDEF
	beq	trap_common
	ldr	r2, [r4, #VCPU_TRAP_INSN]
	and	r3, r2, #INSN_COPROC_LS_MASK
	cmp	r3, #INSN_COPROC_LS
	andne	r3, r2, #INSN_COPROC_REG_MASK
	cmpne	r3, #INSN_COPROC_REG
#ifdef CONFIG_FAST_TRAP_EXPRESS
	beq	express_cp15			@ back at trap_coproc_fast unless a DACR or TPIDRURO write
	b	express_undef			@ back at trap_undef_fast unless it returns to User mode
#else
	beq	trap_coproc_fast
#endif
	.global	trap_undef_fast
trap_undef_fast:
	fast_first hyp_undef_fast
	b	trap_common
	.global	trap_coproc_fast
trap_coproc_fast:
	fast_first hyp_coproc_fast
	b	trap_common

trap_svc_first:
#ifdef CONFIG_FAST_TRAP_EXPRESS
	b	express_svc			@ back at trap_svc_fast unless from User mode
#endif
	.global	trap_svc_fast
trap_svc_fast:
	fast_first hyp_svc_fast
trap_common:
	bl	hyp_trap
	/* fall through: return to the guest described by the frame */

	.global	trap_return
trap_return:
	ldmia	sp, {r0-r14}^
	nop					@ no banked-register access right after LDM ^
	add	sp, sp, #TRAP_FRAME_REGS_SIZE
	rfeia	sp!

/*
 * void trap_enter_guest(const struct trap_frame *frame): first entry into a
 * guest. Copies the frame to the top of the SVC stack, where every later
 * trap puts it, and returns to the guest through it. `frame` must not lie
 * in the stack.
 */
	.global	trap_enter_guest
trap_enter_guest:
	ldr	sp, =svc_stack_top
	sub	sp, sp, #TRAP_FRAME_SIZE
	mov	r1, sp
	mov	r2, #TRAP_FRAME_SIZE
1:	ldr	r3, [r0], #4
	str	r3, [r1], #4
	subs	r2, r2, #4
	bne	1b
	b	trap_return

/*
 * bool guest_load_word(uint32_t va, uint32_t *word) and
 * bool guest_store_word(uint32_t va, uint32_t word): a word of guest memory
 * accessed as the guest would (LDRT/STRT: PL0 permissions, through the
 * translation the guest runs with). False, with nothing changed, if the
 * access faults.
 */
	.text
	.global	guest_load_word
guest_load_word:
guest_load_word_access:
	ldrt	r2, [r0]
	str	r2, [r1]
	mov	r0, #1
	bx	lr

	.global	guest_store_word
guest_store_word:
guest_store_word_access:
	strt	r1, [r0]
	mov	r0, #1
	bx	lr

/*
 * bool guest_load_words(uint32_t va, uint32_t *words, unsigned n) and
 * bool guest_store_words(uint32_t va, const uint32_t *words, unsigned n):
 * n (at least 1) consecutive words, the same way.
 */
	.global	guest_load_words
guest_load_words:
guest_load_words_access:
	ldrt	r3, [r0], #4
	str	r3, [r1], #4
	subs	r2, r2, #1
	bne	guest_load_words_access
	mov	r0, #1
	bx	lr

	.global	guest_store_words
guest_store_words:
	ldr	r3, [r1], #4
guest_store_words_access:
	strt	r3, [r0], #4
	subs	r2, r2, #1
	bne	guest_store_words
	mov	r0, #1
	bx	lr

guest_word_fault:
	mov	r0, #0
	bx	lr
