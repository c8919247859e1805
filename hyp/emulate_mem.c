/* ARM DDI 0406C A5.3 (load/store word and unsigned byte), A5.2.8 (extra load/store). */
#include "arch/arm/fsr_bits.h"
#include "arch/arm/psr.h"
#include "hyp/emulate_mem.h"

#define BIT(n)          (1u << (n))
#define FIELD(i, lo, w) (((i) >> (lo)) & ((1u << (w)) - 1u))

/* Register offset with immediate shift (DecodeImmShift + Shift). */
static uint32_t shifted_reg(const struct vcpu *v, uint32_t insn)
{
	uint32_t value = emu_reg(v, FIELD(insn, 0, 4)), amount = FIELD(insn, 7, 5);

	switch (FIELD(insn, 5, 2)) {
	case 0:
		return value << amount;
	case 1:
		return amount ? value >> amount : 0;
	case 2:
		return amount ? (uint32_t)((int32_t)value >> amount) : (uint32_t)((int32_t)value >> 31);
	default:
		if (amount)
			return (value >> amount) | (value << (32 - amount));
		return (value >> 1) | ((v->cpsr & PSR_C) ? BIT(31) : 0);   /* RRX */
	}
}

bool insn_decode_mem(const struct vcpu *v, uint32_t insn, struct mem_access *m)
{
	uint32_t offset;

	if (insn_cond(insn) == 0xfu)
		return false;
	if (FIELD(insn, 26, 2) == 1) {
		if ((insn & BIT(25)) && (insn & BIT(4)))
			return false;                   /* media instructions */
		offset = (insn & BIT(25)) ? shifted_reg(v, insn) : FIELD(insn, 0, 12);
		m->size = (insn & BIT(22)) ? 1u : 4u;
		m->load = !!(insn & BIT(20));
		m->sign_extend = false;
	} else if (FIELD(insn, 25, 3) == 0 && (insn & BIT(7)) && (insn & BIT(4)) &&
		   FIELD(insn, 5, 2) != 0) {
		uint32_t op2 = FIELD(insn, 5, 2);
		int l = !!(insn & BIT(20));
		if (!(insn & BIT(24)) && (insn & BIT(21)) && !l && op2 != 1)
			return false;                   /* no unprivileged LDRD/STRD */
		offset = (insn & BIT(22)) ? (FIELD(insn, 8, 4) << 4) | FIELD(insn, 0, 4)
					  : emu_reg(v, FIELD(insn, 0, 4));
		if (l) {
			m->load = true;
			m->size = op2 == 2 ? 1u : 2u;
			m->sign_extend = op2 != 1;
		} else {
			m->load = op2 == 2;             /* LDRD */
			m->size = op2 == 1 ? 2u : 8u;
			m->sign_extend = false;
		}
	} else {
		return false;
	}
	m->rn = FIELD(insn, 16, 4);
	m->rt = FIELD(insn, 12, 4);
	if (m->size == 8 && ((m->rt & 1u) || m->rt == 14))
		return false;                           /* UNPREDICTABLE: odd Rt, or Rt2 = PC */

	uint32_t base = emu_reg(v, m->rn);
	uint32_t moved = (insn & BIT(23)) ? base + offset : base - offset;
	bool pre = !!(insn & BIT(24));
	m->addr = pre ? moved : base;
	m->writeback = !pre || (insn & BIT(21));
	m->wback_value = moved;
	return true;
}

/* LDM/STM without ^ (A8.8.58-A8.8.61, A8.8.199-A8.8.202): cond 100 P U 0 W L Rn list. */
static bool is_block_transfer(uint32_t insn)
{
	return insn_cond(insn) != 0xfu && FIELD(insn, 25, 3) == 4 && !(insn & BIT(22));
}

static enum emu_result emulate_block(struct vcpu *v, uint32_t insn, mem_access_fn access, void *ctx)
{
	unsigned rn = FIELD(insn, 16, 4), n = 0;
	uint32_t list = FIELD(insn, 0, 16), base = v->r[rn], values[16], fsr;
	bool load = insn & BIT(20), wback = insn & BIT(21), up = insn & BIT(23), pre = insn & BIT(24);

	if (rn == 15 || list == 0)
		return EMU_UNSUPPORTED;                 /* UNPREDICTABLE */
	for (unsigned r = 0; r < 16; r++)
		n += (list >> r) & 1u;
	uint32_t addr = up ? (pre ? base + 4u : base) : (pre ? base - 4u * n : base - 4u * n + 4u);

	/* Every access first, so that a fault leaves the registers as they were. */
	for (unsigned r = 0; r < 16; r++) {
		if (!((list >> r) & 1u))
			continue;
		if (!load)
			values[r] = emu_reg(v, r);
		if ((fsr = access(ctx, addr, 4, !load, &values[r]))) {
			v->fault_fsr = fsr | (load ? 0u : FSR_WNR);
			v->fault_far = addr;
			return EMU_DATA_ABORT;
		}
		addr += 4u;
	}
	if (wback && !(load && (list & BIT(rn))))
		v->r[rn] = up ? base + 4u * n : base - 4u * n;
	if (load)
		for (unsigned r = 0; r < 15; r++)
			if ((list >> r) & 1u)
				v->r[r] = values[r];
	if (load && (list & BIT(15))) {
		/* LoadWritePC: bit 0 selects Thumb (A2.3.2). */
		if (values[15] & 1u)
			v->cpsr |= PSR_T;
		v->r[15] = values[15] & ((values[15] & 1u) ? ~1u : ~3u);
	} else {
		v->r[15] += 4u;
	}
	return EMU_DONE;
}

enum emu_result emulate_mem(struct vcpu *v, uint32_t insn, mem_access_fn access, void *ctx)
{
	struct mem_access m;
	uint32_t fsr = 0, lo, hi = 0;

	if (!insn_cond_passed(insn_cond(insn), v->cpsr)) {
		v->r[15] += 4u;
		return EMU_DONE;
	}
	if (is_block_transfer(insn))
		return emulate_block(v, insn, access, ctx);
	if (!insn_decode_mem(v, insn, &m) || (m.load && m.rt == 15) || (m.writeback && m.rn == 15))
		return EMU_UNSUPPORTED;
	unsigned unit = m.size == 8 ? 4u : m.size;
	uint32_t fault_addr = m.addr;
	if (m.load) {
		fsr = access(ctx, m.addr, unit, false, &lo);
		if (!fsr && m.size == 8)
			fsr = access(ctx, fault_addr = m.addr + 4u, 4, false, &hi);
	} else {
		lo = emu_reg(v, m.rt);
		if (unit < 4)
			lo &= (1u << (8 * unit)) - 1u;
		fsr = access(ctx, m.addr, unit, true, &lo);
		if (!fsr && m.size == 8) {
			hi = emu_reg(v, m.rt + 1);
			fsr = access(ctx, fault_addr = m.addr + 4u, 4, true, &hi);
		}
	}
	if (fsr) {      /* DFAR: the address of the access that faulted */
		v->fault_fsr = fsr | (m.load ? 0u : FSR_WNR);
		v->fault_far = fault_addr;
		return EMU_DATA_ABORT;
	}
	if (m.writeback)
		v->r[m.rn] = m.wback_value;
	if (m.load) {
		if (m.sign_extend && unit < 4 && (lo & (1u << (8 * unit - 1))))
			lo |= ~((1u << (8 * unit)) - 1u);
		v->r[m.rt] = lo;
		if (m.size == 8)
			v->r[m.rt + 1] = hi;
	}
	v->r[15] += 4u;
	return EMU_DONE;
}
