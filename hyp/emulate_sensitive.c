/* Emulation of the sensitive instruction classes of hyp/insn_class.h (ARM DDI 0406C B9.3). */
#include "arch/arm/fsr_bits.h"
#include "arch/arm/psr.h"
#include "hyp/emulate.h"
#include "hyp/vmem.h"

#define BIT(n)          (1u << (n))
#define FIELD(i, lo, w) (((i) >> (lo)) & ((1u << (w)) - 1u))

uint32_t emu_reg(const struct vcpu *v, unsigned n)
{
	return n == 15 ? v->r[15] + 8u : v->r[n];
}

uint32_t emu_msr_mask(uint32_t insn)
{
	uint32_t fields = FIELD(insn, 16, 4), mask = 0;

	for (unsigned i = 0; i < 4; i++)
		if (fields & BIT(i))
			mask |= 0xffu << (8 * i);
	return mask & ~PSR_RESERVED_MASK;
}

static enum emu_result do_mrs(struct vcpu *v, uint32_t insn)
{
	uint32_t value;

	if (insn & BIT(22)) {
		if (!vcpu_has_spsr(v))
			return EMU_UNDEF;
		value = *vcpu_spsr(v);
	} else {
		value = v->cpsr & ~PSR_EXEC_MASK;
	}
	v->r[FIELD(insn, 12, 4)] = value;
	return EMU_DONE;
}

static enum emu_result do_msr(struct vcpu *v, uint32_t insn, uint32_t value)
{
	uint32_t mask = emu_msr_mask(insn);

	if (insn & BIT(22)) {
		if (!vcpu_has_spsr(v))
			return EMU_UNDEF;
		uint32_t *spsr = vcpu_spsr(v);
		*spsr = (*spsr & ~mask) | (value & mask);
	} else {
		vcpu_write_cpsr(v, value, mask);
	}
	return EMU_DONE;
}

static enum emu_result do_cps(struct vcpu *v, uint32_t insn)
{
	uint32_t imod = FIELD(insn, 18, 2), aif = 0;

	if (!vcpu_privileged(v))
		return EMU_DONE;                /* CPS is a NOP in User mode */
	if (insn & BIT(8))
		aif |= PSR_A;
	if (insn & BIT(7))
		aif |= PSR_I;
	if (insn & BIT(6))
		aif |= PSR_F;
	aif &= ~v->cpsr_fixed;
	if (imod == 2)
		v->cpsr &= ~aif;
	else if (imod == 3)
		v->cpsr |= aif;
	if ((insn & BIT(17)) && vcpu_mode_valid(FIELD(insn, 0, 5)))
		vcpu_switch_mode(v, FIELD(insn, 0, 5));
	return EMU_DONE;
}

void emu_block_addresses(uint32_t insn, uint32_t base, unsigned n, uint32_t *start, uint32_t *wback)
{
	int p = !!(insn & BIT(24)), u = !!(insn & BIT(23));

	if (u) {
		*start = p ? base + 4u : base;
		*wback = base + 4u * n;
	} else {
		*start = p ? base - 4u * n : base - 4u * n + 4u;
		*wback = base - 4u * n;
	}
}

static enum emu_result access_fault(struct vcpu *v, uint32_t fsr, uint32_t addr, int write)
{
	v->fault_fsr = fsr | (write ? FSR_WNR : 0u);
	v->fault_far = addr;
	return EMU_DATA_ABORT;
}

static uint32_t aligned_access(struct vcpu *v, uint32_t addr, int write, uint32_t *value)
{
	if (addr & 3u)
		return fsr_make(FS_ALIGNMENT);
	return write ? vmem_write(v, addr, 4, *value) : vmem_read(v, addr, 4, value);
}

static enum emu_result do_srs(struct vcpu *v, uint32_t insn)
{
	uint32_t mode = FIELD(insn, 0, 5), start, wback, fsr;
	uint32_t words[2] = { v->r[14], 0 };

	if (!vcpu_has_spsr(v) || !vcpu_mode_valid(mode))
		return EMU_UNDEF;
	words[1] = *vcpu_spsr(v);
	uint32_t *sp = vcpu_banked_sp(v, mode);
	emu_block_addresses(insn, *sp, 2, &start, &wback);
	for (unsigned i = 0; i < 2; i++)
		if ((fsr = aligned_access(v, start + 4u * i, 1, &words[i])))
			return access_fault(v, fsr, start + 4u * i, 1);
	if (insn & BIT(21))
		*sp = wback;
	return EMU_DONE;
}

static enum emu_result do_rfe(struct vcpu *v, uint32_t insn)
{
	unsigned rn = FIELD(insn, 16, 4);
	uint32_t start, wback, fsr, words[2];

	if (!vcpu_privileged(v))
		return EMU_UNDEF;
	emu_block_addresses(insn, v->r[rn], 2, &start, &wback);
	for (unsigned i = 0; i < 2; i++)
		if ((fsr = aligned_access(v, start + 4u * i, 0, &words[i])))
			return access_fault(v, fsr, start + 4u * i, 0);
	if (insn & BIT(21))
		v->r[rn] = wback;
	vcpu_exception_return(v, words[1], words[0]);
	return EMU_DONE;
}

/* LDM/STM with ^: User-mode registers, or (LDM with PC) an exception return. */
static enum emu_result do_block_user(struct vcpu *v, uint32_t insn, enum sens_class cls)
{
	unsigned rn = FIELD(insn, 16, 4), n = 0;
	uint32_t list = FIELD(insn, 0, 16), start, wback, fsr, addr, pc = 0;
	int load = cls != SENS_STM_USER;

	if (cls == SENS_LDM_ERET ? !vcpu_has_spsr(v) : !vcpu_privileged(v))
		return EMU_UNDEF;
	for (unsigned r = 0; r < 16; r++)
		n += !!(list & BIT(r));
	emu_block_addresses(insn, v->r[rn], n, &start, &wback);

	/* Fault before changing any register, as a native abort leaves them. */
	addr = start;
	uint32_t values[16];
	for (unsigned r = 0; r < 16; r++) {
		if (!(list & BIT(r)))
			continue;
		if (!load)
			values[r] = r == 15 ? emu_reg(v, 15) : *vcpu_user_reg(v, r);
		if ((fsr = aligned_access(v, addr, !load, &values[r])))
			return access_fault(v, fsr, addr, !load);
		addr += 4u;
	}
	if (!load)
		return EMU_DONE;
	for (unsigned r = 0; r < 15; r++) {
		if (!(list & BIT(r)))
			continue;
		if (cls == SENS_LDM_USER)
			*vcpu_user_reg(v, r) = values[r];
		else
			v->r[r] = values[r];
	}
	if (cls == SENS_LDM_USER)
		return EMU_DONE;
	pc = values[15];
	if ((insn & BIT(21)) && !(list & BIT(rn)))
		v->r[rn] = wback;
	vcpu_exception_return(v, *vcpu_spsr(v), pc);
	return EMU_DONE;
}

static enum emu_result do_dp_eret(struct vcpu *v, uint32_t insn)
{
	uint32_t target;

	if (!vcpu_has_spsr(v))
		return EMU_UNDEF;
	if ((insn & 0xfffffff0u) == 0xe1b0f000u)
		target = emu_reg(v, FIELD(insn, 0, 4));                 /* MOVS pc, Rm */
	else
		target = v->r[14] - insn_expand_imm(FIELD(insn, 0, 12)); /* SUBS pc, lr, #imm */
	vcpu_exception_return(v, *vcpu_spsr(v), target);
	return EMU_DONE;
}

enum emu_result emulate_sensitive(struct vcpu *v, uint32_t insn, enum sens_class cls)
{
	uint32_t pc = v->r[15];
	enum emu_result r;

	if (insn_cond(insn) != 0xfu && !insn_cond_passed(insn_cond(insn), v->cpsr)) {
		v->r[15] = pc + 4u;
		return EMU_DONE;
	}
	switch (cls) {
	case SENS_MRS:
		r = do_mrs(v, insn);
		break;
	case SENS_MSR_REG:
		r = do_msr(v, insn, emu_reg(v, FIELD(insn, 0, 4)));
		break;
	case SENS_MSR_IMM:
		r = do_msr(v, insn, insn_expand_imm(FIELD(insn, 0, 12)));
		break;
	case SENS_CPS:
		r = do_cps(v, insn);
		break;
	case SENS_SRS:
		r = do_srs(v, insn);
		break;
	case SENS_RFE:
		r = do_rfe(v, insn);
		break;
	case SENS_LDM_USER:
	case SENS_STM_USER:
	case SENS_LDM_ERET:
		r = do_block_user(v, insn, cls);
		break;
	case SENS_DP_ERET:
		r = do_dp_eret(v, insn);
		break;
	case SENS_WFI:
		v->wfi = true;  /* whoever runs the vCPU decides whether and how long it waits */
		r = EMU_DONE;
		break;
	default:
		return EMU_UNSUPPORTED;
	}
	if (r != EMU_DONE)
		return r;
	/* Exception returns have written the PC; everything else falls through. */
	if (cls != SENS_RFE && cls != SENS_LDM_ERET && cls != SENS_DP_ERET)
		v->r[15] = pc + 4u;
	v->stats.emulated_sensitive[cls]++;
	return EMU_DONE;
}
