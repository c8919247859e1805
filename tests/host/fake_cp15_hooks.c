/* hyp/cp15_hooks.h recording its calls, for the CP15 emulation tests. */
#include "fixture.h"

struct fake_hooks fake_hooks;

void fake_hooks_reset(void)
{
	memset(&fake_hooks, 0, sizeof(fake_hooks));
}

void cp15_hook_tpidruro_changed(struct vcpu *v)
{
	(void)v;
	fake_hooks.tpidruro++;
}

void cp15_hook_icache_invalidate(struct vcpu *v)
{
	(void)v;
	fake_hooks.icache++;
}

void cp15_hook_tlb(struct vcpu *v, enum tlb_op op, uint32_t value)
{
	(void)v;
	fake_hooks.tlb++;
	fake_hooks.tlb_op = op;
	fake_hooks.tlb_value = value;
}

uint64_t cp15_hook_physical_count(const struct vcpu *v)
{
	(void)v;
	return fake_hooks.physical_count;
}

void cp15_hook_ptimer_changed(struct vcpu *v)
{
	(void)v;
	fake_hooks.ptimer++;
}

void cp15_hook_translation_changed(struct vcpu *v)
{
	(void)v;
	fake_hooks.translation++;
}

void cp15_hook_cpacr_changed(struct vcpu *v)
{
	(void)v;
	fake_hooks.cpacr++;
}

uint32_t vfp_hook_read(unsigned reg)
{
	return fake_hooks.vfp_regs[reg];
}

void vfp_hook_write(unsigned reg, uint32_t value)
{
	fake_hooks.vfp_regs[reg] = value;
}
