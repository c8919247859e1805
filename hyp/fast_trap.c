#include <stddef.h>

#include "arch/arm/psr.h"
#include "hyp/emulate.h"
#include "hyp/fast_trap.h"

/* MCR/MRC p15, 0, Rt, CRn, CRm, opc2: the register named by CRn, CRm and opc2; bit 20 is L (MRC). */
#define INSN_CP15_MASK  0x0fe00f10u
#define INSN_CP15       0x0e000f10u
#define INSN_MRC        (1u << 20)
#define INSN_RT(i)      (((i) >> 12) & 0xfu)
#define INSN_REG(i)     ((((i) >> 16) & 0xfu) << 8 | ((i) & 0xfu) << 4 | (((i) >> 5) & 7u))
#define REG(crn, crm, opc2) ((crn) << 8 | (crm) << 4 | (opc2))
#define COND_NEVER      0xfu    /* the unconditional space: other instructions */

/*
 * Registers whose reads the guest kernel traps on all the time, and that
 * read as stored: DACR (software PAN), SCTLR (Linux's alignment_trap on
 * every exception entry), TPIDRPRW (its per-CPU offset); and the
 * translation registers. Writes are fast only where nothing follows from
 * them but the value (TPIDRPRW) or the DACR mapping.
 */
static const struct fast_cp15_reg {
	uint16_t reg;
	uint16_t offset;        /* in struct vcpu_cp15 */
	enum fast_trap written; /* FAST_TRAP_NONE: writes take the general path */
} fast_regs[] = {
	{ REG(3, 0, 0), offsetof(struct vcpu_cp15, dacr), FAST_TRAP_DACR_WRITTEN },
	{ REG(13, 0, 4), offsetof(struct vcpu_cp15, tpidrprw), FAST_TRAP_DONE },
	{ REG(1, 0, 0), offsetof(struct vcpu_cp15, sctlr), FAST_TRAP_NONE },
	{ REG(13, 0, 1), offsetof(struct vcpu_cp15, contextidr), FAST_TRAP_NONE },
	{ REG(2, 0, 0), offsetof(struct vcpu_cp15, ttbr0), FAST_TRAP_NONE },
	{ REG(2, 0, 1), offsetof(struct vcpu_cp15, ttbr1), FAST_TRAP_NONE },
	{ REG(2, 0, 2), offsetof(struct vcpu_cp15, ttbcr), FAST_TRAP_NONE },
};

enum fast_trap fast_trap_undef(struct vcpu *v, uint32_t r[15], uint32_t frame_cpsr, uint32_t insn)
{
	const struct fast_cp15_reg *fr = NULL;
	unsigned rt = INSN_RT(insn);

	if ((insn & INSN_CP15_MASK) != INSN_CP15 || insn_cond(insn) == COND_NEVER || rt == 15 ||
	    !vcpu_privileged(v))
		return FAST_TRAP_NONE;
	for (size_t i = 0; i < sizeof(fast_regs) / sizeof(fast_regs[0]) && !fr; i++)
		if (fast_regs[i].reg == INSN_REG(insn))
			fr = &fast_regs[i];
	if (!fr || (!(insn & INSN_MRC) && fr->written == FAST_TRAP_NONE))
		return FAST_TRAP_NONE;
	if (!insn_cond_passed(insn_cond(insn), frame_cpsr))
		return FAST_TRAP_DONE;
	uint32_t *field = (uint32_t *)((char *)&v->cp15 + fr->offset);
	if (insn & INSN_MRC) {
		r[rt] = *field;
		return FAST_TRAP_DONE;
	}
	*field = r[rt];
	return fr->written;
}

#define BIT(n)          (1u << (n))
#define FIELD(i, lo, w) (((i) >> (lo)) & ((1u << (w)) - 1u))
#define INSN_SPSR       BIT(22)         /* MRS/MSR: SPSR, not CPSR */
#define CPS_MODE_CHANGE BIT(17)
#define CPS_IMOD_ENABLE 2u
#define CPS_IMOD_DISABLE 3u

/* The CPSR an MSR CPSR or CPS leaves, or false if it changes the mode (the general path). */
static bool new_cpsr(const struct vcpu *v, uint32_t cpsr, uint32_t insn, enum sens_class cls,
		     const uint32_t r[15], uint32_t *out)
{
	if (cls == SENS_CPS) {
		uint32_t aif = (FIELD(insn, 8, 1) ? PSR_A : 0u) | (FIELD(insn, 7, 1) ? PSR_I : 0u) |
			       (FIELD(insn, 6, 1) ? PSR_F : 0u), mode = FIELD(insn, 0, 5);
		if ((insn & CPS_MODE_CHANGE) && vcpu_mode_valid(mode) && mode != vcpu_mode(v))
			return false;
		if (FIELD(insn, 18, 2) == CPS_IMOD_ENABLE)
			cpsr &= ~aif;
		else if (FIELD(insn, 18, 2) == CPS_IMOD_DISABLE)
			cpsr |= aif;
		*out = cpsr;
		return true;
	}
	uint32_t value = cls == SENS_MSR_IMM ? insn_expand_imm(FIELD(insn, 0, 12)) : r[FIELD(insn, 0, 4)];
	uint32_t mask = emu_msr_mask(insn) & ~PSR_EXEC_MASK, mode = value & PSR_MODE_MASK;
	if ((mask & PSR_MODE_MASK) && vcpu_mode_valid(mode) && mode != vcpu_mode(v))
		return false;
	mask &= ~PSR_MODE_MASK;
	*out = (cpsr & ~mask) | (value & mask);
	return true;
}

enum fast_trap fast_trap_sensitive(struct vcpu *v, uint32_t r[15], uint32_t *frame_cpsr, uint32_t orig,
				   enum sens_class cls, const struct vgic *vg)
{
	uint32_t cpsr = (v->cpsr & ~PSR_GUEST_LIVE) | (*frame_cpsr & PSR_GUEST_LIVE), updated = cpsr;
	bool to_spsr = cls != SENS_CPS && (orig & INSN_SPSR);
	unsigned rd = FIELD(orig, 12, 4), rm = FIELD(orig, 0, 4);

	if (!vcpu_privileged(v) || (cls != SENS_MRS && cls != SENS_MSR_REG && cls != SENS_MSR_IMM &&
				    cls != SENS_CPS))
		return FAST_TRAP_NONE;
	bool executed = insn_cond(orig) == COND_NEVER || insn_cond_passed(insn_cond(orig), cpsr);
	if (executed) {
		if ((to_spsr && !vcpu_has_spsr(v)) || (cls == SENS_MRS && rd == 15) ||
		    (cls == SENS_MSR_REG && rm == 15))
			return FAST_TRAP_NONE;
		if (cls != SENS_MRS && !to_spsr && !new_cpsr(v, cpsr, orig, cls, r, &updated))
			return FAST_TRAP_NONE;  /* a mode change */
	}
	/* With IRQs unmasked and one signalled, the general path delivers it. */
	if (!(updated & PSR_I) && vgic_irq_signalled(vg))
		return FAST_TRAP_NONE;
	if (!executed)
		return FAST_TRAP_DONE;
	if (cls == SENS_MRS) {
		r[rd] = to_spsr ? *vcpu_spsr(v) : cpsr & ~PSR_EXEC_MASK;
	} else if (to_spsr) {
		uint32_t value = cls == SENS_MSR_IMM ? insn_expand_imm(FIELD(orig, 0, 12)) : r[rm];
		uint32_t *spsr = vcpu_spsr(v), mask = emu_msr_mask(orig);
		*spsr = (*spsr & ~mask) | (value & mask);
	} else {
		v->cpsr = updated;
		*frame_cpsr = (*frame_cpsr & ~PSR_GUEST_LIVE) | (updated & PSR_GUEST_LIVE);
	}
	return FAST_TRAP_DONE;
}
