#include "arch/arm/cp15.h"
#include "arch/arm/cpacr_bits.h"
#include "arch/arm/pgtable_bits.h"
#include "hyp/cp15_hooks.h"
#include "hyp/guest.h"
#include "hyp/guest_mmu.h"
#include "hyp/vfp_owner.h"
#include "hyp/vtimer.h"

void cp15_hook_tpidruro_changed(struct vcpu *v)
{
	cp15_write_tpidruro(v->cp15.tpidruro);
}

void cp15_hook_icache_invalidate(struct vcpu *v)
{
	(void)v;
	__asm__ volatile("mcr p15, 0, %0, c7, c5, 0\n\t"    /* ICIALLU */
			 "mcr p15, 0, %0, c7, c5, 6\n\t"    /* BPIALL */
			 "dsb\n\tisb" : : "r"(0) : "memory");
}

void cp15_hook_tlb(struct vcpu *v, enum tlb_op op, uint32_t value)
{
	guest_mmu_tlb_maintenance(v->guest, op, value);
}

uint64_t cp15_hook_physical_count(const struct vcpu *v)
{
	(void)v;
	return vtimer_physical_count();
}

void cp15_hook_ptimer_changed(struct vcpu *v)
{
	vtimer_ptimer_written(v->guest);
}

void cp15_hook_translation_changed(struct vcpu *v)
{
	guest_mmu_translation_changed(v->guest);
}

/*
 * The guest kernel runs in PL0, so whenever the guest grants itself CP10/CP11
 * at all, PL0 needs full access to them for real; but only while the guest
 * holds the floating-point registers (hyp/vfp_owner.h).
 */
void cp15_hook_cpacr_changed(struct vcpu *v)
{
	bool open = (v->cp15.cpacr & CPACR_CP10_CP11_FULL) && vfp_owned_by(v->guest);

	cp15_write_cpacr(open ? CPACR_CP10_CP11_FULL : 0u);
	__asm__ volatile("isb" ::: "memory");
}

uint32_t vfp_hook_read(unsigned reg)
{
	uint32_t value;

	/* VMRS Rt, <reg> is MRC p10, 7, Rt, c<reg>, c0, 0 (the hypervisor is built soft-float). */
	switch (reg) {
	case 0: __asm__ volatile("mrc p10, 7, %0, c0, c0, 0" : "=r"(value)); break;   /* FPSID */
	case 6: __asm__ volatile("mrc p10, 7, %0, c6, c0, 0" : "=r"(value)); break;   /* MVFR1 */
	case 7: __asm__ volatile("mrc p10, 7, %0, c7, c0, 0" : "=r"(value)); break;   /* MVFR0 */
	case 8: __asm__ volatile("mrc p10, 7, %0, c8, c0, 0" : "=r"(value)); break;   /* FPEXC */
	default: value = 0; break;      /* FPINST/2: not implemented on these cores */
	}
	return value;
}

void vfp_hook_write(unsigned reg, uint32_t value)
{
	if (reg == 8)           /* VMSR FPEXC, Rt */
		__asm__ volatile("mcr p10, 7, %0, c8, c0, 0" : : "r"(value) : "memory");
}
