/*
 * The forms a hypervisor may replace by a branch to a stub of its own
 * (CPS without a mode change, MRS Rd, CPSR, MSR CPSR_c, Rn, MRS Rd, SPSR,
 * MSR SPSR_fsxc, Rn, MRC of DACR, TPIDRPRW and SCTLR, data cache
 * maintenance, STM and LDM of User registers), with passing and
 * failing conditions, in the
 * registers around them and with the flags set: run again and again, each must leave exactly what the architecture
 * says, and no other register or flag may change. Also an MSR CPSR_c that
 * changes the mode, which such a stub must leave to the hypervisor.
 */
#include "case_asm.h"

#define FLAGS_NZCV      0xf0000000
#define FLAGS_ZC        0x60000000
#define SCTLR_Z         (1 << 11)
#define SCTLR_I         (1 << 12)

	.text

/* r1-r12 and lr (SVC's) each a distinct value. */
.macro FILL_REGS
	ldr	r1, =0x11111111
	ldr	r2, =0x22222222
	ldr	r3, =0x33333333
	ldr	r4, =0x44444444
	ldr	r5, =0x55555555
	ldr	r6, =0x66666666
	ldr	r7, =0x77777777
	ldr	r8, =0x88888888
	ldr	r9, =0x99999999
	ldr	r10, =0xaaaaaaaa
	ldr	r11, =0xbbbbbbbb
	ldr	r12, =0xcccccccc
	ldr	lr, =0xdddddddd
.endm

/* r1-r11 into the output. */
.macro OUT_R1_R11
	OUT	r1
	OUT	r2
	OUT	r3
	OUT	r4
	OUT	r5
	OUT	r6
	OUT	r7
	OUT	r8
	OUT	r9
	OUT	r10
	OUT	r11
.endm

/* Every register but r0 into the output, r1-r12 and lr, then the CPSR (via r1). */
.macro OUT_REGS
	OUT_R1_R11
	OUT	r12
	OUT	lr
	OUT_CPSR
.endm

CASE case_stubs
	push	{r4-r11, lr}
	ldr	r1, =saved_sp
	str	sp, [r1]

	/* CPS: each mask bit set and cleared, with all the flags set. */
	msr	cpsr_f, #FLAGS_NZCV
	cpsie	if
	OUT_CPSR
	cpsid	i
	OUT_CPSR
	cpsid	f
	OUT_CPSR
	cpsie	i
	OUT_CPSR
	cpsid	a
	OUT_CPSR
	cpsie	f
	OUT_CPSR
	cpsie	a
	OUT_CPSR
	cpsid	aif
	OUT_CPSR

	/* MRS into every register but r0 and sp, Z and C set: NE fails, EQ and CS pass. */
	msr	cpsr_f, #FLAGS_ZC
	FILL_REGS
	mrs	r1, cpsr
	mrsne	r2, cpsr
	mrseq	r3, cpsr
	mrscs	r4, cpsr
	mrscc	r5, cpsr
	mrs	r6, cpsr
	mrs	r7, cpsr
	mrs	r8, cpsr
	mrs	r9, cpsr
	mrs	r10, cpsr
	mrs	r11, cpsr
	mrs	r12, cpsr
	mrs	lr, cpsr
	OUT_REGS

	/* MSR CPSR_c from several registers: I and F changed, the mode kept. */
	FILL_REGS
	mov	r2, #(MODE_SVC)
	mov	r3, #(PSR_I | MODE_SVC)
	mov	r4, #(PSR_F | MODE_SVC)
	mov	r5, #(PSR_I | PSR_F | MODE_SVC)
	msr	cpsr_f, #FLAGS_ZC
	msr	cpsr_c, r2
	mrs	r6, cpsr
	msrne	cpsr_c, r5
	mrs	r7, cpsr
	msreq	cpsr_c, r3
	mrs	r8, cpsr
	msr	cpsr_c, r4
	mrs	r9, cpsr
	msrcs	cpsr_c, r2
	mrs	r10, cpsr
	msr	cpsr_c, r5
	mrs	r11, cpsr
	OUT_REGS

	/* SVC's SPSR written and read, Z and C set. */
	FILL_REGS
	ldr	r2, =0x800001d3
	ldr	r3, =0x200f0110
	msr	cpsr_f, #FLAGS_ZC
	msr	spsr_fsxc, r2
	mrs	r4, spsr
	msrne	spsr_fsxc, r3
	mrs	r5, spsr
	msreq	spsr_fsxc, r3
	mrsne	r6, spsr
	mrseq	r7, spsr
	msrcs	spsr_fsxc, r2
	mrs	r8, spsr
	OUT_REGS

	/*
	 * DACR, TPIDRPRW and SCTLR read, written, read again; Z and C set.
	 * SCTLR's Z and I bits are as the boot loader left them (QEMU's
	 * -kernel and U-Boot differ): cleared first.
	 */
	mrc	p15, 0, r3, c1, c0, 0
	bic	r3, r3, #(SCTLR_Z | SCTLR_I)
	mcr	p15, 0, r3, c1, c0, 0
	isb
	FILL_REGS
	msr	cpsr_f, #FLAGS_ZC
	mrc	p15, 0, r1, c3, c0, 0
	mrc	p15, 0, r2, c13, c0, 4
	mrc	p15, 0, r3, c1, c0, 0
	orr	r4, r1, #(1 << 2)		@ domain 1, which nothing uses: client
	mcr	p15, 0, r4, c3, c0, 0
	isb
	mrc	p15, 0, r5, c3, c0, 0
	mcr	p15, 0, r1, c3, c0, 0
	isb
	mrcne	p15, 0, r6, c3, c0, 0
	mrceq	p15, 0, r7, c3, c0, 0
	ldr	r8, =0x12345678
	mcr	p15, 0, r8, c13, c0, 4
	mrc	p15, 0, r9, c13, c0, 4
	mcr	p15, 0, r2, c13, c0, 4
	mcr	p15, 0, r3, c1, c0, 0		@ SCTLR as it is
	isb
	mrccs	p15, 0, r10, c1, c0, 0
	mrc	p15, 0, r11, c13, c0, 4
	OUT_REGS

	/*
	 * Data cache maintenance, by address and by set and way, with
	 * passing and failing conditions: no register or flag changes.
	 */
	FILL_REGS
	ldr	r1, =saved_sp			@ an address in RAM
	mov	r2, #0				@ set 0, way 0
	msr	cpsr_f, #FLAGS_ZC
	mcr	p15, 0, r1, c7, c14, 1		@ clean and invalidate by address to PoC
	mcrne	p15, 0, r1, c7, c10, 1		@ clean by address to PoC
	mcreq	p15, 0, r1, c7, c11, 1		@ clean by address to PoU
	mcrcs	p15, 0, r2, c7, c10, 2		@ clean by set/way
	mcr	p15, 0, r2, c7, c14, 2		@ clean and invalidate by set/way
	OUT_REGS

	/*
	 * STM and LDM of User registers, each at one site (with the AL
	 * condition: the only one the hypervisor finds them with, cond.S):
	 * from SVC mode (User SP and LR banked), then from FIQ mode (User
	 * r8-r12 banked too). The words are read first, as Linux's kernel
	 * stack is written before it is loaded from.
	 */
	cps	#MODE_SYS
	ldr	sp, =0x5b5b0013
	ldr	lr, =0x5b5b0014
	cps	#MODE_SVC
	msr	cpsr_f, #FLAGS_ZC
	ldr	r12, =user_regs_words + 8
	bl	user_regs_stm
	ldr	r12, =ldm_user_words + 52
	ldr	r1, [r12, #-4]
	bl	user_regs_ldm
	OUT_REGS
	OUT_USER_SP_LR
	ldr	r12, =user_regs_words + 16
	bl	user_regs_stm
	ldr	r1, =user_regs_words
	ldm	r1, {r1-r4}
	OUT	r1
	OUT	r2
	OUT	r3
	OUT	r4
	cps	#MODE_FIQ
	FILL_REGS
	ldr	r12, =ldm_user_words + 52
	bl	user_regs_ldm
	OUT	r8				@ FIQ's r8-r12 stay
	OUT	r12
	cps	#MODE_SVC
	OUT	r8				@ User's, shared with SVC
	OUT	r11
	OUT_USER_SP_LR
	msr	cpsr_f, #0

	/* MSR CPSR_c to another mode and back. */
	mov	r2, #(PSR_I | PSR_F | MODE_SYS)
	mov	r3, #(PSR_I | PSR_F | MODE_SVC)
	msr	cpsr_c, r2
	mrs	r4, cpsr
	mov	r5, sp
	msr	cpsr_c, r3
	ldr	sp, =saved_sp
	ldr	sp, [sp]
	OUT	r4
	OUT	r5
	OUT_CPSR

	msr	cpsr_f, #0
	pop	{r4-r11, pc}

	.bss
	.balign	4
saved_sp:
	.space	4
user_regs_words:
	.space	16

	.data
	.balign	4
ldm_user_words:					@ r1-r11, SP, LR
	.word	0x1d000001, 0x1d000002, 0x1d000003, 0x1d000004, 0x1d000005, 0x1d000006
	.word	0x1d000007, 0x1d000008, 0x1d000009, 0x1d00000a, 0x1d00000b, 0x1d00000d, 0x1d00000e

/* The sites: r12 the end of the block. */
	.text
user_regs_stm:
	stmdb	r12, {sp, lr}^
	bx	lr
user_regs_ldm:
	ldmdb	r12, {r1-r11, sp, lr}^
	bx	lr

/*
 * uint32_t *user_regs_load(uint32_t *out, const uint32_t *end): the LDM ^
 * site above on the 13 words before `end`; r1-r11 and User's SP and LR out.
 */
CASE user_regs_load
	push	{r4-r11, lr}
	mov	r12, r1
	bl	user_regs_ldm
	OUT_R1_R11
	OUT_USER_SP_LR
	pop	{r4-r11, pc}

/*
 * MRS CPSR, MRC DACR, CPSID, MSR CPSR_c and CPSIE, each read back: run
 * first in SVC mode, then by run_user() in User mode, where CPS does
 * nothing, MRS reads the User-mode CPSR, MSR writes no control bit and the
 * MRC is undefined (the handler skips it).
 */
	.text
CASE case_psr_probe
	mrs	r1, cpsr
	OUT	r1
	mov	r1, #0x5a			@ what stays if the MRC is undefined
	mrc	p15, 0, r1, c3, c0, 0
	OUT	r1
	cpsid	f
	mrs	r1, cpsr
	OUT	r1
	mrs	r2, cpsr
	msr	cpsr_c, r2
	mrs	r1, cpsr
	OUT	r1
	cpsie	a
	mrs	r1, cpsr
	OUT	r1
	cpsid	a
	bx	lr

/*
 * uint32_t *run_user(case_fn *fn, uint32_t *out): fn(out) in User mode,
 * A, I and F masked, on a stack of its own; an SVC brings it back.
 */
CASE run_user
	push	{r4-r11, lr}
	ldr	r2, =user_saved_sp
	str	sp, [r2]
	mrc	p15, 0, r4, c12, c0, 0		@ VBAR, restored on the way back
	ldr	r2, =user_vectors
	mcr	p15, 0, r2, c12, c0, 0
	isb
	mov	r5, r0
	mov	r0, r1
	cps	#MODE_SYS
	ldr	sp, =user_stack_top
	cps	#MODE_SVC
	mov	r2, #(PSR_A | PSR_I | PSR_F | MODE_USR)
	msr	spsr_fsxc, r2
	ldr	lr, =user_trampoline
	movs	pc, lr

user_trampoline:
	blx	r5
	svc	#0

	.balign	32
user_vectors:
	b	.
	movs	pc, lr				@ undefined: on after it
	b	user_back
	b	.
	b	.
	b	.
	b	.
	b	.

user_back:					@ SVC mode, r0: fn's result
	mcr	p15, 0, r4, c12, c0, 0
	isb
	ldr	sp, =user_saved_sp
	ldr	sp, [sp]
	pop	{r4-r11, pc}

	.ltorg
	.global	stubs_code_end
stubs_code_end:					@ the code and literals above end here (main.c copies them)

	.bss
	.balign	8
user_saved_sp:
	.space	8
	.space	1024
user_stack_top:
