#include "arch/arm/psr.h"
#include "hyp/vcpu_frame.h"

void vcpu_from_frame(struct vcpu *v, const struct trap_frame *f, uint32_t pc)
{
	for (unsigned i = 0; i < 15; i++)
		v->r[i] = f->r[i];
	v->r[15] = pc;
	v->cpsr = (v->cpsr & ~PSR_GUEST_LIVE) | (f->cpsr & PSR_GUEST_LIVE);
}

/* The real CPSR is always User mode with interrupts unmasked: A/I/F are virtual. */
void vcpu_to_frame(const struct vcpu *v, struct trap_frame *f)
{
	for (unsigned i = 0; i < 15; i++)
		f->r[i] = v->r[i];
	f->pc = v->r[15];
	f->cpsr = (v->cpsr & PSR_GUEST_LIVE) | PSR_MODE_USR;
}
