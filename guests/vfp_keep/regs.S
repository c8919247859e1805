/* The floating-point registers, for vfp_keep (ARM DDI 0406C B1.11, A8.8.332-A8.8.349). */
	.syntax	unified
	.arm
	.fpu	vfpv3

#define CPACR_CP10_CP11_FULL	(0xf << 20)
#define FPEXC_EN		(1 << 30)
#define MVFR0_SIMD_REGS_MASK	0xf
#define MVFR0_32_REGS		2

	.text
/* void vfp_enable(void): full CP10/CP11 access, then FPEXC.EN. */
	.global	vfp_enable
vfp_enable:
	mrc	p15, 0, r0, c1, c0, 2
	orr	r0, r0, #CPACR_CP10_CP11_FULL
	mcr	p15, 0, r0, c1, c0, 2
	isb
	mov	r0, #FPEXC_EN
	vmsr	fpexc, r0
	bx	lr

/* unsigned vfp_d_regs(void): 16 or 32 double registers, as MVFR0 says. */
	.global	vfp_d_regs
vfp_d_regs:
	vmrs	r0, mvfr0
	and	r0, r0, #MVFR0_SIMD_REGS_MASK
	cmp	r0, #MVFR0_32_REGS
	moveq	r0, #32
	movne	r0, #16
	bx	lr

/* void vfp_load(const uint64_t *d, unsigned n, uint32_t fpscr) */
	.global	vfp_load
vfp_load:
	vmsr	fpscr, r2
	vldmia	r0!, {d0-d15}
	cmp	r1, #32
	vldmiaeq r0, {d16-d31}
	bx	lr

/* uint32_t vfp_store(uint64_t *d, unsigned n): stores D0-D(n-1), returns FPSCR. */
	.global	vfp_store
vfp_store:
	vstmia	r0!, {d0-d15}
	cmp	r1, #32
	vstmiaeq r0, {d16-d31}
	vmrs	r0, fpscr
	bx	lr
