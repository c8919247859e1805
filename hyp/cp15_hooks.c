#include "arch/arm/cp15.h"
#include "arch/arm/sctlr_bits.h"
#include "hyp/cp15_hooks.h"

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

/* With the guest's MMU off there is nothing cached from guest tables to keep coherent. */
void cp15_hook_tlb(struct vcpu *v, enum tlb_op op, uint32_t value)
{
	(void)v;
	(void)op;
	(void)value;
}

void cp15_hook_translation_changed(struct vcpu *v)
{
	if (v->cp15.sctlr & SCTLR_M)
		v->stop_reason = "guest enabled its MMU (SCTLR.M): guest translation is not virtualized yet";
}
