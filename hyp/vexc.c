/* ARM DDI 0406C B1.8: exception entry (mode, LR offset, masks, vector). */
#include "arch/arm/psr.h"
#include "arch/arm/sctlr_bits.h"
#include "hyp/vexc.h"

static const struct {
	uint32_t mode, vector, lr_arm, lr_thumb, mask;
} vexc_table[] = {
	[VEXC_UNDEF] = { PSR_MODE_UND, 0x04, 4, 2, PSR_I },
	[VEXC_SVC]   = { PSR_MODE_SVC, VEXC_SVC_VECTOR, 4, 2, PSR_I },
	[VEXC_PABT]  = { PSR_MODE_ABT, 0x0c, 4, 4, PSR_I | PSR_A },
	[VEXC_DABT]  = { PSR_MODE_ABT, 0x10, 8, 8, PSR_I | PSR_A },
	[VEXC_IRQ]   = { PSR_MODE_IRQ, 0x18, 4, 4, PSR_I | PSR_A },
	[VEXC_FIQ]   = { PSR_MODE_FIQ, 0x1c, 4, 4, PSR_I | PSR_A | PSR_F },
};

/* Inlined where it is called (link-time optimization): the fast paths' kind is a constant there. */
__attribute__((always_inline)) inline uint32_t vexc_enter(struct vcpu *v, uint32_t r[15], enum vexc_kind kind, uint32_t insn_addr)
{
	uint32_t spsr = v->cpsr;
	uint32_t lr = insn_addr + ((spsr & PSR_T) ? vexc_table[kind].lr_thumb : vexc_table[kind].lr_arm);

	vcpu_switch_mode_in(v, r, vexc_table[kind].mode);
	v->bank[vcpu_bank_of(vexc_table[kind].mode)].spsr = spsr;
	r[14] = lr;
	v->cpsr = vexc_entry_cpsr(v, kind);
	v->stats.virtual_exceptions++;
	return vexc_vector(v, kind);
}

uint32_t vexc_entry_cpsr(const struct vcpu *v, enum vexc_kind kind)
{
	uint32_t sctlr = v->cp15.sctlr;
	/* The virtual CPU is in Secure state, so A (and F for FIQ) are set too. */
	uint32_t cpsr = (v->cpsr & ~(PSR_MODE_MASK | PSR_EXEC_MASK | PSR_E)) | vexc_table[kind].mode |
			vexc_table[kind].mask;

	if (sctlr & SCTLR_TE)
		cpsr |= PSR_T;
	if (sctlr & SCTLR_EE)
		cpsr |= PSR_E;
	return cpsr;
}

uint32_t vexc_vector(const struct vcpu *v, enum vexc_kind kind)
{
	return ((v->cp15.sctlr & SCTLR_V) ? VEXC_HIGH_VECTORS : v->cp15.vbar) + vexc_table[kind].vector;
}
