#include "arch/arm/psr.h"
#include "hyp/vcpu_frame.h"

void vcpu_from_frame(struct vcpu *v, const struct trap_frame *f, uint32_t pc)
{
	/* The builtin, though the hypervisor is built -fno-builtin: a block copy, not a call. */
	__builtin_memcpy(v->r, f->r, sizeof(f->r));
	v->r[15] = pc;
	v->cpsr = (v->cpsr & ~PSR_GUEST_LIVE) | (f->cpsr & PSR_GUEST_LIVE);
}

/* The real CPSR is always User mode with interrupts unmasked: A/I/F are virtual. */
void vcpu_to_frame(const struct vcpu *v, struct trap_frame *f)
{
	__builtin_memcpy(f->r, v->r, sizeof(f->r));
	f->pc = v->r[15];
	f->cpsr = (v->cpsr & PSR_GUEST_LIVE) | PSR_MODE_USR;
}
