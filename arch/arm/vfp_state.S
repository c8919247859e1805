/*
 * Moving the floating-point registers between the core and a guest's
 * struct vfp_state (arch/arm/vfp_state.h). PL1 needs CPACR's CP10/CP11
 * access and FPEXC.EN to touch FPSCR and the D registers, so both are set
 * for the copy and put back after it.
 */
	.syntax	unified
	.arm
	.fpu	vfpv3

#define CPACR_CP10_CP11_FULL	(0xf << 20)
#define FPEXC_EN		(1 << 30)
#define MVFR0_SIMD_REGS_MASK	0xf
#define MVFR0_32_REGS		2

	.macro	open_vfp saved_cpacr, tmp
	mrc	p15, 0, \saved_cpacr, c1, c0, 2
	orr	\tmp, \saved_cpacr, #CPACR_CP10_CP11_FULL
	mcr	p15, 0, \tmp, c1, c0, 2
	isb
	.endm

	.macro	close_vfp saved_cpacr
	mcr	p15, 0, \saved_cpacr, c1, c0, 2
	isb
	.endm

	/* Flags EQ when the core has D16-D31 (MVFR0's register-bank field). */
	.macro	check_d32 tmp
	vmrs	\tmp, mvfr0
	and	\tmp, \tmp, #MVFR0_SIMD_REGS_MASK
	cmp	\tmp, #MVFR0_32_REGS
	.endm

	.text
/* int vfp_present(void) */
	.global	vfp_present
vfp_present:
	open_vfp r1, r2
	mrc	p15, 0, r0, c1, c0, 2
	and	r0, r0, #CPACR_CP10_CP11_FULL
	close_vfp r1
	bx	lr

/* void vfp_state_save(struct vfp_state *s) */
	.global	vfp_state_save
vfp_state_save:
	open_vfp r3, r2
	vmrs	r1, fpexc
	orr	r2, r1, #FPEXC_EN
	vmsr	fpexc, r2
	isb
	vmrs	r2, fpscr
	stmia	r0!, {r1, r2}
	vstmia	r0!, {d0-d15}
	check_d32 r2
	vstmiaeq r0!, {d16-d31}
	vmsr	fpexc, r1
	close_vfp r3
	bx	lr

/* void vfp_state_restore(const struct vfp_state *s) */
	.global	vfp_state_restore
vfp_state_restore:
	open_vfp r3, r2
	vmrs	r2, fpexc
	orr	r2, r2, #FPEXC_EN
	vmsr	fpexc, r2
	isb
	ldmia	r0!, {r1, r2}
	vmsr	fpscr, r2
	vldmia	r0!, {d0-d15}
	check_d32 r2
	vldmiaeq r0!, {d16-d31}
	vmsr	fpexc, r1
	close_vfp r3
	bx	lr
