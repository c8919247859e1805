/*
 * The express entries (CONFIG_FAST_TRAP_EXPRESS): the traps every system
 * call of a guest's user program takes, in assembly.
 *
 *  - express_svc: an SVC from virtual User mode enters the guest's SVC
 *    vector (hyp/fast_trap.c system_call());
 *  - express_undef: a patched MOVS pc, Rm or SUBS pc, lr, #imm returns
 *    from a virtual privileged mode to virtual User mode
 *    (hyp/fast_trap.c exception_return());
 *  - express_cp15: the guest kernel writes DACR with a value the DACR map
 *    remembers (Linux's software PAN, around every user access;
 *    hyp/guest_mmu.c guest_mmu_dacr_written()), or TPIDRURO (Linux's
 *    current task, set on every kernel entry and exit).
 *
 * The first two then switch the shadow view, the processor DACR and
 * CNTKCTL to the new mode (hyp/guest_mmu.c guest_mmu_sync(), hyp/vtimer.c
 * vtimer_follow_mode()) and write the stubs' data page
 * (hyp/stubs.h stubs_leave_in_bank()). Each reads and writes the same
 * fields as the C functions named, whose work it does: a change to them is
 * a change here. Each entry first checks everything it relies on and
 * changes nothing before the last check (but what stubs_enter() would
 * change first anyway); whatever is unusual (a mode without its usual
 * view, stale views, a conflicting window, an FIQ bank, an interrupt to
 * deliver, Thumb exception entry, a DACR value to derive) goes on to the C
 * fast paths, which handle every case, at trap_svc_fast, trap_undef_fast
 * or trap_coproc_fast. QEMU tests run with and without them (make
 * hyp-no-express); being assembly, they have no host tests.
 *
 * Entered from arch/arm/vectors.S in SVC mode with the guest's registers in
 * the trap frame at sp (r0); any register may be used. For express_undef
 * and express_cp15, r4 is the running vCPU, and its trap_insn and r2 hold
 * the trapping word.
 */
#include "generated/asm-defs.h"
#include "generated/config.h"
#include "generated/express-defs.h"

	.syntax	unified
	.arm
	.text

/*
 * r4 = the running vCPU, r5 = its guest, r7 = &guest->mmu.cur (the MMU's
 * hot fields are read relative to it), r6 = the running shadow root,
 * r8 = the guest's stub area (with CONFIG_TRAP_FREE_STUBS).
 */
	.macro	load_guest
	ldr	r5, [r4, #VCPU_GUEST]
	ldr	r7, =GUEST_MMU_CUR
	add	r7, r5, r7
	ldr	r6, [r7]
#ifdef CONFIG_TRAP_FREE_STUBS
	ldr	r8, =GUEST_STUBS
	add	r8, r5, r8
#endif
	.endm

/*
 * To \slow unless the guest's MMU is on and its running root is in the
 * mode and view of virtual mode \privileged (0 or 1), with no view stale
 * (guest_mmu_sync() would flush it first), and no stub window conflicts
 * (stubs_leave() would remove them all first).
 */
	.macro	check_mmu_and_stubs privileged, view, slow
	ldr	r2, =GUEST_MMU_ON
	ldrb	r2, [r5, r2]
	cmp	r2, #0
	beq	\slow
	ldrb	r2, [r6, #ROOT_PRIVILEGED]
	cmp	r2, #\privileged
	bne	\slow
	ldrb	r2, [r7, #MMU_VIEW]
	cmp	r2, #\view
	bne	\slow
	ldrb	r2, [r6, #ROOT_STALE_VIEWS]
	cmp	r2, #0
	bne	\slow
#ifdef CONFIG_TRAP_FREE_STUBS
	ldrb	r2, [r8, #STUBS_CONFLICT]
	cmp	r2, #0
	bne	\slow
#endif
	.endm

/*
 * The running root switches to view \view for virtual mode \privileged:
 * TTBR0 and CONTEXTIDR through the reserved ASID (mmu_switch_shadow()),
 * the processor DACR of the mode where it differs (write_processor_dacr()),
 * and CNTKCTL to the value in r3 where it differs (vtimer_follow_mode()).
 */
	.macro	switch_mode privileged, view, ttbr0, asid, dacr
	mov	r2, #\privileged
	strb	r2, [r6, #ROOT_PRIVILEGED]
	mov	r2, #\view
	strb	r2, [r7, #MMU_VIEW]
	ldr	r2, [r7, #MMU_VIEW_SWITCHES]
	add	r2, r2, #1
	str	r2, [r7, #MMU_VIEW_SWITCHES]
	dsb
	mov	r2, #MMU_RESERVED_ASID
	mcr	p15, 0, r2, c13, c0, 1		@ CONTEXTIDR
	isb
	ldr	r2, [r6, #\ttbr0]
	mcr	p15, 0, r2, c2, c0, 0		@ TTBR0
	isb
	ldr	r2, [r6, #\asid]
	mcr	p15, 0, r2, c13, c0, 1
	isb
	ldr	r2, [r6, #\dacr]
	ldr	r1, [r7, #MMU_PROCESSOR_DACR]
	cmp	r2, r1
	beq	1f
	mcr	p15, 0, r2, c3, c0, 0		@ DACR
	isb
	str	r2, [r7, #MMU_PROCESSOR_DACR]
1:
#ifdef CONFIG_GUEST_GENERIC_TIMER
	ldr	r1, [r5, #GUEST_REAL_CNTKCTL]
	cmp	r3, r1
	beq	2f
	mcr	p15, 0, r3, c14, c1, 0		@ CNTKCTL
	isb
	str	r3, [r5, #GUEST_REAL_CNTKCTL]
2:
#endif
	.endm

/* \out = the real CPSR for virtual CPSR \cpsr (vcpu_real_cpsr()): User mode with its live and fixed bits. */
	.macro	real_cpsr out, cpsr, scratch
	ldr	\out, =PSR_GUEST_LIVE
	ldr	\scratch, [r4, #VCPU_CPSR_FIXED]
	orr	\out, \out, \scratch
	and	\out, \out, \cpsr
	orr	\out, \out, #PSR_MODE_USR
	.endm

/*
 * The stubs' data page (hyp/stubs.h), when a window is open: what
 * stubs_enter() takes from it on a trap from virtual mode bank r9 (to
 * \slow for a trap from inside a window, a stub's), and what
 * stubs_leave_in_bank() writes to it for SVC mode (\svc 1: SPSR r9, CPSR
 * r11) or User mode (\svc 0: CPSR r11); the DACR copy
 * (stubs_cp15_written()), value r11.
 * Without CONFIG_TRAP_FREE_STUBS there is none.
 */
#ifdef CONFIG_TRAP_FREE_STUBS
	.macro	stubs_enter_bank slow
	ldr	r1, [r8, #STUBS_WINDOWS]
	cmp	r1, #0
	beq	2f
	ldr	r0, [sp, #TRAP_FRAME_PC]
	add	r2, r8, #STUBS_WINDOW_VA
1:	ldr	r3, [r2], #4
	sub	r3, r0, r3
	cmp	r3, #SECTION_SIZE
	bls	\slow
	subs	r1, r1, #1
	bne	1b
	ldr	r1, [r8, #STUBS_DATA]
	ldr	r2, [r8, #STUBS_SPSR]
	cmp	r2, #0
	ldrne	r3, [r1, #STUB_DATA_SPSR]
	strne	r3, [r2]
	ldr	r2, [r8, #STUBS_USR_BANK]
	cmp	r2, #0
	ldrne	r3, [r1, #STUB_DATA_USR_SP]
	strne	r3, [r2, #BANK_SP]
	ldrne	r3, [r1, #STUB_DATA_USR_LR]
	strne	r3, [r2, #BANK_LR]
2:
	.endm

	.macro	stubs_leave_bank svc
	ldr	r1, [r8, #STUBS_WINDOWS]
	cmp	r1, #0
	beq	1f
	ldr	r1, [r8, #STUBS_DATA]
	ldr	r2, =STUB_CPSR_BITS
	and	r2, r2, r11
	str	r2, [r1, #STUB_DATA_CPSR]
	.if	\svc
	add	r2, r4, #VCPU_SVC_SPSR
	str	r2, [r8, #STUBS_SPSR]
	str	r9, [r1, #STUB_DATA_SPSR]
	add	r2, r4, #VCPU_USR_SP		@ User's bank
	str	r2, [r8, #STUBS_USR_BANK]
	mov	r2, #0
	str	r2, [r1, #STUB_DATA_NO_USR_BANK]
	ldr	r2, [r4, #VCPU_USR_SP]
	ldr	r3, [r4, #VCPU_USR_LR]
	str	r2, [r1, #STUB_DATA_USR_SP]
	str	r3, [r1, #STUB_DATA_USR_LR]
	.else
	mov	r2, #0
	str	r2, [r8, #STUBS_SPSR]
	str	r2, [r1, #STUB_DATA_SPSR]
	str	r2, [r8, #STUBS_USR_BANK]
	mov	r2, #1
	str	r2, [r1, #STUB_DATA_NO_USR_BANK]
	.endif
1:
	.endm

	.macro	stubs_dacr_written
	ldr	r1, [r8, #STUBS_WINDOWS]
	cmp	r1, #0
	ldrne	r1, [r8, #STUBS_DATA]
	strne	r11, [r1, #STUB_DATA_DACR]
	.endm
#else
	.macro	stubs_enter_bank slow
	.endm
	.macro	stubs_leave_bank svc
	.endm
	.macro	stubs_dacr_written
	.endm
#endif

	.macro	count field
	ldr	r2, [r4, #\field]
	add	r2, r2, #1
	str	r2, [r4, #\field]
	.endm

/* An SVC from virtual User mode: the guest's SVC exception (ARM DDI 0406C B1.8.4). */
	.global	express_svc
express_svc:
	mrc	p15, 0, r4, c13, c0, 4		@ the running vCPU (hyp/trap.c running_vcpu())
	ldr	r9, [r4, #VCPU_CPSR]
	and	r2, r9, #PSR_MODE_MASK
	cmp	r2, #PSR_MODE_USR
	bne	svc_slow			@ an SVC in a virtual privileged mode
	ldr	r10, [r4, #VCPU_SCTLR]
	tst	r10, #SCTLR_TE
	bne	svc_slow			@ exceptions taken to Thumb state
	load_guest
	check_mmu_and_stubs 0, SHADOW_VIEW_USER, svc_slow

	/* r9 = the whole virtual CPSR (current_cpsr()), SVC mode's SPSR from now on. */
	ldr	r1, [r0, #TRAP_FRAME_CPSR]
	eor	r1, r1, r9
	ldr	r2, =PSR_GUEST_LIVE
	and	r1, r1, r2
	eor	r9, r9, r1
	/* User's SP and LR to its bank, SVC's SP and the return address live. */
	ldr	r2, [r0, #TRAP_FRAME_SP]
	ldr	r3, [r0, #TRAP_FRAME_LR]
	str	r2, [r4, #VCPU_USR_SP]
	str	r3, [r4, #VCPU_USR_LR]
	str	r9, [r4, #VCPU_SVC_SPSR]
	ldr	r2, [r4, #VCPU_SVC_SP]
	ldr	r3, [r0, #TRAP_FRAME_PC]	@ the SVC's address plus its length
	str	r2, [r0, #TRAP_FRAME_SP]
	str	r3, [r0, #TRAP_FRAME_LR]
	/* r11 = the entry CPSR (vexc_entry_cpsr()): SVC mode, I set, ARM state, E from SCTLR.EE. */
	ldr	r2, =PSR_ENTRY_CLEARED
	bic	r11, r9, r2
	orr	r11, r11, #(PSR_MODE_SVC | PSR_I)
	tst	r10, #SCTLR_EE
	orrne	r11, r11, #PSR_E
	str	r11, [r4, #VCPU_CPSR]
	/* The SVC vector (vexc_vector()). */
	tst	r10, #SCTLR_V
	ldreq	r2, [r4, #VCPU_VBAR]
	ldrne	r2, =VEXC_HIGH_VECTORS
	add	r2, r2, #VEXC_SVC_VECTOR
	str	r2, [r0, #TRAP_FRAME_PC]
	real_cpsr r2, r11, r3
	str	r2, [r0, #TRAP_FRAME_CPSR]
	count	VCPU_VIRTUAL_EXCEPTIONS
	count	VCPU_TRAPS_SVC
	mov	r2, #0
	strb	r2, [r4, #VCPU_TRAP_INSN_FROM_STUB]

#ifdef CONFIG_GUEST_GENERIC_TIMER
	ldr	r3, =CNTKCTL_GUEST_KERNEL
#endif
	switch_mode 1, SHADOW_VIEW_KERNEL, ROOT_KERNEL_TTBR0, ROOT_KERNEL_ASID, ROOT_KERNEL_DACR

	stubs_leave_bank 1
	b	trap_return

svc_slow:
	mov	r0, sp
	mov	r1, #TRAP_SVC
	b	trap_svc_fast

/* A patched exception return to virtual User mode (ARM DDI 0406C B1.8.10). */
	.global	express_undef
express_undef:
	/* A patch's UDF (patch_lookup()) of class SENS_DP_ERET: r10 = the instruction it stands for. */
	mov	r10, r2
	ldr	r3, =PATCH_UDF_MASK
	and	r2, r2, r3
	ldr	r3, =PATCH_UDF_OPCODE
	cmp	r2, r3
	bne	undef_slow
	load_guest
	and	r2, r10, #0xf
	ubfx	r3, r10, #8, #12
	orr	r2, r2, r3, lsl #4		@ the UDF's imm16
	sub	r2, r2, #PATCH_UDF_BASE		@ its entry's index, if below the number used
	ldr	r3, =GUEST_PATCHES_USED
	ldr	r3, [r5, r3]
	cmp	r2, r3
	bhs	undef_slow
	add	r2, r2, r2, lsl #1		@ 12-byte entries
	ldr	r3, =GUEST_PATCH_ENTRY
	add	r3, r3, r2, lsl #2
	add	r3, r5, r3
	ldrb	r2, [r3, #PATCH_CLS]
	cmp	r2, #SENS_DP_ERET
	bne	undef_slow
	ldr	r10, [r3, #PATCH_ORIG]

	/* r9 = the current mode's register bank: one with an SPSR, and not FIQ's (r8-r12 banked). */
	ldr	r2, [r4, #VCPU_CPSR]
	and	r2, r2, #PSR_MODE_MASK
	ldr	r3, =vcpu_bank_of_mode
	ldrb	r9, [r3, r2]
	cmp	r9, #VBANK_USR
	cmpne	r9, #VBANK_FIQ
	beq	undef_slow
	check_mmu_and_stubs 1, SHADOW_VIEW_KERNEL, undef_slow

	/*
	 * The SPSR and User's SP and LR the data page has: stubs_enter()'s
	 * work, the same again should the C path follow.
	 */
	stubs_enter_bank undef_slow
	add	r9, r9, r9, lsl #1
	add	r9, r4, r9, lsl #2
	add	r9, r9, #VCPU_BANK		@ r9 = the current mode's bank
	ldr	r11, [r9, #BANK_SPSR]		@ the SPSR
	/* r0 = where it returns to: Rm (not the PC) for MOVS, LR minus the immediate for SUBS. */
	ldr	r2, =INSN_MOVS_PC
	bic	r3, r10, #0xf
	cmp	r3, r2
	bne	3f
	and	r2, r10, #0xf
	cmp	r2, #15
	beq	undef_slow
	ldr	r0, [sp, r2, lsl #2]
	b	4f
3:	and	r2, r10, #0xff			@ ARMExpandImm(imm12)
	ubfx	r3, r10, #8, #4
	lsl	r3, r3, #1
	ror	r2, r2, r3
	ldr	r0, [sp, #TRAP_FRAME_LR]
	sub	r0, r0, r2
4:
	/* r11 = the CPSR it returns with (vcpu_return_cpsr()): User mode only. */
	ldr	r2, [r4, #VCPU_CPSR_FIXED]
	orr	r3, r2, #PSR_RESERVED_MASK
	bic	r11, r11, r3
	ldr	r3, [r4, #VCPU_CPSR]
	and	r3, r3, r2
	orr	r11, r11, r3
	and	r2, r11, #PSR_MODE_MASK
	cmp	r2, #PSR_MODE_USR
	bne	undef_slow
	/* Interrupts unmasked with one signalled: the C path delivers it. */
	tst	r11, #PSR_I
	bne	5f
	mov	r10, r0
	ldr	r0, [r5, #GUEST_VINTC_STATE]
	ldr	r3, [r5, #GUEST_VINTC_OPS]
	ldr	r3, [r3, #VINTC_OPS_SIGNALLED]
	blx	r3
	cmp	r0, #0
	bne	undef_slow
	mov	r0, r10
5:
	/* Checked: the return happens. The current mode's SP and LR to its bank, User's live. */
	ldr	r1, [sp, #TRAP_FRAME_SP]
	ldr	r3, [sp, #TRAP_FRAME_LR]
	str	r1, [r9, #BANK_SP]
	str	r3, [r9, #BANK_LR]
	ldr	r1, [r4, #VCPU_USR_SP]
	ldr	r3, [r4, #VCPU_USR_LR]
	str	r1, [sp, #TRAP_FRAME_SP]
	str	r3, [sp, #TRAP_FRAME_LR]
	str	r11, [r4, #VCPU_CPSR]
	tst	r11, #PSR_T
	bicne	r0, r0, #1
	biceq	r0, r0, #3
	str	r0, [sp, #TRAP_FRAME_PC]
	real_cpsr r2, r11, r3
	str	r2, [sp, #TRAP_FRAME_CPSR]
	count	VCPU_EMULATED_DP_ERET
	count	VCPU_TRAPS_UNDEF
	mov	r2, #0
	strb	r2, [r4, #VCPU_TRAP_INSN_FROM_STUB]

#ifdef CONFIG_GUEST_GENERIC_TIMER
	ldr	r2, =CNTKCTL_GUEST_USER_MASK
	ldr	r3, [r4, #VCPU_CNTKCTL]
	and	r3, r3, r2
#endif
	switch_mode 0, SHADOW_VIEW_USER, ROOT_USER_TTBR0, ROOT_USER_ASID, ROOT_USER_DACR

	stubs_leave_bank 0
	b	trap_return

undef_slow:
	mov	r0, sp
	mov	r1, #TRAP_UNDEF
	b	trap_undef_fast

/*
 * MCR p15, 0, Rt, c3, c0, 0 (DACR) or c13, c0, 3 (TPIDRURO), condition
 * AL, Rt not the PC, from a virtual privileged mode (hyp/fast_trap.c
 * fast_trap_undef(), hyp/trap.c fast_cp15()).
 */
	.global	express_cp15
express_cp15:
	ldr	r3, [r4, #VCPU_CPSR]
	and	r3, r3, #PSR_MODE_MASK
	cmp	r3, #PSR_MODE_USR
	beq	cp15_slow
	ubfx	r10, r2, #12, #4		@ Rt
	cmp	r10, #15
	beq	cp15_slow
	ldr	r11, [sp, r10, lsl #2]		@ the value written
	bic	r3, r2, #INSN_RT_MASK
	ldr	r1, =INSN_MCR_TPIDRURO_AL
	cmp	r3, r1
	beq	tpidruro_written
	ldr	r1, =INSN_MCR_DACR_AL
	cmp	r3, r1
	bne	cp15_slow

	/* DACR: the value the map has, or the one before it (dacr_map_set_guest_dacr()'s memory). */
	load_guest
	ldr	r2, =GUEST_MMU_ON
	ldrb	r2, [r5, r2]
	cmp	r2, #0
	beq	cp15_slow
	ldr	r3, [r6, #ROOT_GUEST_DACR]
	cmp	r11, r3
	beq	dacr_kept
	ldrb	r2, [r6, #ROOT_PREVIOUS_VALID]
	cmp	r2, #0
	beq	cp15_slow
	ldr	r2, [r6, #ROOT_PREVIOUS_GUEST_DACR]
	cmp	r2, r11
	ldreq	r2, [r6, #ROOT_PREVIOUS_WRITTEN]
	cmpeq	r2, r3
	bne	cp15_slow			@ a value to derive the processor DACR for
	str	r3, [r6, #ROOT_PREVIOUS_GUEST_DACR]
	str	r11, [r6, #ROOT_PREVIOUS_WRITTEN]
	str	r11, [r6, #ROOT_GUEST_DACR]
	ldr	r0, [r6, #ROOT_USER_DACR]
	ldr	r1, [r6, #ROOT_KERNEL_DACR]
	ldr	r2, [r6, #ROOT_PREVIOUS_USER_DACR]
	ldr	r3, [r6, #ROOT_PREVIOUS_KERNEL_DACR]
	str	r2, [r6, #ROOT_USER_DACR]
	str	r3, [r6, #ROOT_KERNEL_DACR]
	str	r0, [r6, #ROOT_PREVIOUS_USER_DACR]
	str	r1, [r6, #ROOT_PREVIOUS_KERNEL_DACR]
	/* The processor DACR of the map's mode, where it differs (write_processor_dacr()). */
	ldrb	r0, [r6, #ROOT_PRIVILEGED]
	cmp	r0, #0
	movne	r2, r3
	ldr	r1, [r7, #MMU_PROCESSOR_DACR]
	cmp	r2, r1
	beq	dacr_kept
	mcr	p15, 0, r2, c3, c0, 0		@ DACR
	isb
	str	r2, [r7, #MMU_PROCESSOR_DACR]
dacr_kept:
	str	r11, [r4, #VCPU_DACR]
	stubs_dacr_written
	b	cp15_done

	/* TPIDRURO: PL0 reads the real one, so it follows at once (cp15_hook_tpidruro_changed()). */
tpidruro_written:
	str	r11, [r4, #VCPU_TPIDRURO]
	mcr	p15, 0, r11, c13, c0, 3		@ TPIDRURO
cp15_done:
	count	VCPU_EMULATED_CP15
	count	VCPU_TRAPS_UNDEF
	mov	r2, #0
	strb	r2, [r4, #VCPU_TRAP_INSN_FROM_STUB]
	b	trap_return

cp15_slow:
	mov	r0, sp
	mov	r1, #TRAP_UNDEF
	b	trap_coproc_fast

	.ltorg
