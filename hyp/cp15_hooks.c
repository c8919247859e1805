#include "arch/arm/cp15.h"
#include "arch/arm/pgtable_bits.h"
#include "hyp/cp15_hooks.h"
#include "hyp/guest.h"
#include "hyp/guest_mmu.h"

void cp15_hook_tls_changed(struct vcpu *v)
{
	cp15_write_tpidrurw(v->cp15.tpidrurw);
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
	(void)v;
	guest_mmu_tlb_maintenance(guest_current(), op == TLB_ALL || op == TLB_ASID, value & PAGE_MASK);
}

void cp15_hook_translation_changed(struct vcpu *v)
{
	(void)v;
	guest_mmu_translation_changed(guest_current());
}
