/*
 * MCR/MRC and MCRR/MRRC to CP15 trapped from the guest (ARM DDI 0406C B4.2
 * summary of the VMSA CP15 registers). Everything PL0 may touch natively
 * never traps, but for the physical timer, so a trap in virtual User mode
 * is an Undefined exception, as natively, unless it is a physical timer
 * access the guest's CNTKCTL allows.
 */
#include <stddef.h>

#include "arch/arm/id_pfr1_bits.h"
#include "arch/arm/midr_bits.h"
#include "arch/arm/psr.h"
#include "arch/arm/sctlr_bits.h"
#include "hyp/cp15_hooks.h"
#include "hyp/emulate.h"
#include "hyp/vptimer.h"

#define BIT(n)          (1u << (n))
#define FIELD(i, lo, w) (((i) >> (lo)) & ((1u << (w)) - 1u))
#define KEY(opc1, crn, crm, opc2) (((opc1) << 12) | ((crn) << 8) | ((crm) << 4) | (opc2))
#define VBAR_MASK       0xffffffe0u

/* MCR/MRC (A8.8.99, A8.8.108) and MCRR/MRRC (A8.8.100, A8.8.109) to CP15, any condition but 0b1111. */
#define INSN_MCR_P15_MASK   0x0f000f10u
#define INSN_MCR_P15        0x0e000f10u
#define INSN_MCRR_P15_MASK  0x0fe00f00u     /* cond 1100 010L Rt2 Rt 1111 opc1 CRm */
#define INSN_MCRR_P15       0x0c400f00u
#define CRN_TIMERS          14u

/* The physical timer (B4.1.27-29): CNTP_TVAL and CNTP_CTL by MCR/MRC, CNTP_CVAL by MCRR/MRRC p15, 2, c14. */
#define KEY_CNTP_TVAL   KEY(0, CRN_TIMERS, 2, 0)
#define KEY_CNTP_CTL    KEY(0, CRN_TIMERS, 2, 1)
#define CNTP_CVAL_OPC1  2u

struct cp15_reg {
	uint32_t key;
	size_t offset;          /* into struct vcpu_cp15 */
};

#define CP15_REG(o1, n, m, o2, field) { KEY(o1, n, m, o2), offsetof(struct vcpu_cp15, field) }

/* The Cortex-A8's L2 Cache Auxiliary Control Register: implementation defined, so on that core only. */
#define KEY_A8_L2AUXCR KEY(1, 9, 0, 2)

_Static_assert(TLB_ALL == 0 && TLB_MVA == 1 && TLB_ASID == 2 && TLB_MVA_ALL_ASID == 3,
	       "enum tlb_op is opc2 of the TLB maintenance operations");

/* CRm of the TLB maintenance operations (c8): Inner Shareable, instruction, data, unified. */
#define TLB_CRM_IS      3u
#define TLB_CRM_INSN    5u
#define TLB_CRM_DATA    6u
#define TLB_CRM_UNIFIED 7u
#define TLB_CRMS        (BIT(TLB_CRM_IS) | BIT(TLB_CRM_INSN) | BIT(TLB_CRM_DATA) | BIT(TLB_CRM_UNIFIED))

bool emulate_cp15_tlb_op(uint32_t insn, enum tlb_op *op)
{
	/* B4.2.3: MCR p15, 0, Rt, c8, CRm, opc2; by MVA for all ASIDs has no instruction or data form. */
	uint32_t crm = FIELD(insn, 0, 4), opc2 = FIELD(insn, 5, 3);

	if ((insn & BIT(20)) || FIELD(insn, 21, 3) || FIELD(insn, 16, 4) != 8u || !(TLB_CRMS & BIT(crm)) ||
	    opc2 > TLB_MVA_ALL_ASID || (opc2 == TLB_MVA_ALL_ASID && crm != TLB_CRM_IS && crm != TLB_CRM_UNIFIED))
		return false;
	*op = emulate_cp15_tlb_op_of(insn);
	return true;
}

/* Plain registers: the guest's value is kept and read back. */
static const struct cp15_reg plain_regs[] = {
	CP15_REG(0, 1, 0, 1, actlr),
	CP15_REG(0, 1, 1, 0, scr),
	CP15_REG(0, 1, 1, 1, sder),
	CP15_REG(0, 1, 1, 2, nsacr),
	CP15_REG(0, 5, 0, 0, dfsr),
	CP15_REG(0, 5, 0, 1, ifsr),
	CP15_REG(0, 5, 1, 0, adfsr),
	CP15_REG(0, 5, 1, 1, aifsr),
	CP15_REG(0, 6, 0, 0, dfar),
	CP15_REG(0, 6, 0, 2, ifar),
	CP15_REG(0, 10, 2, 0, prrr),
	CP15_REG(0, 10, 2, 1, nmrr),
	CP15_REG(0, 13, 0, 4, tpidrprw),
	CP15_REG(2, 0, 0, 0, csselr),
	CP15_REG(0, 14, 1, 0, cntkctl),
};

static enum emu_result read_id(const struct vcpu *v, uint32_t key, uint32_t *value);

bool emulate_cp15_read_id(const struct vcpu *v, uint32_t insn, uint32_t *value)
{
	uint32_t key = KEY(FIELD(insn, 21, 3), FIELD(insn, 16, 4), FIELD(insn, 0, 4), FIELD(insn, 5, 3));

	return read_id(v, key, value) == EMU_DONE;
}

static enum emu_result read_id(const struct vcpu *v, uint32_t key, uint32_t *value)
{
	const struct vcpu_id_regs *id = v->id;

	switch (key) {
	case KEY(0, 0, 0, 0): case KEY(0, 0, 0, 4): case KEY(0, 0, 0, 7):
		*value = id->midr; return EMU_DONE;
	case KEY(0, 0, 0, 1): *value = id->ctr; return EMU_DONE;
	case KEY(0, 0, 0, 2): *value = id->tcmtr; return EMU_DONE;
	case KEY(0, 0, 0, 3): *value = id->tlbtr; return EMU_DONE;
	case KEY(0, 0, 0, 5): *value = id->mpidr; return EMU_DONE;
	case KEY(0, 0, 0, 6): *value = id->revidr; return EMU_DONE;
	case KEY(0, 0, 1, 0): case KEY(0, 0, 1, 1):
		*value = id->id_pfr[key & 1u]; return EMU_DONE;
	case KEY(0, 0, 1, 2): *value = id->id_dfr0; return EMU_DONE;
	case KEY(0, 0, 1, 3): *value = id->id_afr0; return EMU_DONE;
	case KEY(0, 0, 1, 4): case KEY(0, 0, 1, 5): case KEY(0, 0, 1, 6): case KEY(0, 0, 1, 7):
		*value = id->id_mmfr[(key & 7u) - 4u]; return EMU_DONE;
	case KEY(0, 0, 2, 0): case KEY(0, 0, 2, 1): case KEY(0, 0, 2, 2):
	case KEY(0, 0, 2, 3): case KEY(0, 0, 2, 4): case KEY(0, 0, 2, 5):
		*value = id->id_isar[key & 7u]; return EMU_DONE;
	case KEY(1, 0, 0, 0): *value = id->ccsidr[v->cp15.csselr & 0xfu]; return EMU_DONE;
	case KEY(1, 0, 0, 1): *value = id->clidr; return EMU_DONE;
	case KEY(1, 0, 0, 7): *value = id->aidr; return EMU_DONE;
	default: return EMU_UNSUPPORTED;
	}
}

/* Registers whose write has effects beyond the virtual register file. */
static enum emu_result write_special(struct vcpu *v, uint32_t key, uint32_t value)
{
	struct vcpu_cp15 *c = &v->cp15;

	switch (key) {
	case KEY(0, 1, 0, 0):
		c->sctlr = value;
		cp15_hook_translation_changed(v);
		return EMU_DONE;
	case KEY(0, 1, 0, 2):
		c->cpacr = value;
		cp15_hook_cpacr_changed(v);
		return EMU_DONE;
	case KEY(0, 2, 0, 0): c->ttbr0 = value; cp15_hook_translation_changed(v); return EMU_DONE;
	case KEY(0, 2, 0, 1): c->ttbr1 = value; cp15_hook_translation_changed(v); return EMU_DONE;
	case KEY(0, 2, 0, 2): c->ttbcr = value; cp15_hook_translation_changed(v); return EMU_DONE;
	case KEY(0, 3, 0, 0): c->dacr = value; cp15_hook_translation_changed(v); return EMU_DONE;
	case KEY(0, 12, 0, 0): c->vbar = value & VBAR_MASK; return EMU_DONE;
	case KEY(0, 12, 0, 1): c->mvbar = value & VBAR_MASK; return EMU_DONE;
	case KEY(0, 13, 0, 0): return EMU_DONE;         /* FCSEIDR: RAZ/WI without FCSE */
	case KEY(0, 13, 0, 1): c->contextidr = value; cp15_hook_translation_changed(v); return EMU_DONE;
	case KEY(0, 13, 0, 3): c->tpidruro = value; cp15_hook_tpidruro_changed(v); return EMU_DONE;
	case KEY_CNTP_TVAL:     /* a signed 32-bit count from now */
		c->cntp_cval = cp15_hook_physical_count(v) + (uint64_t)(int64_t)(int32_t)value;
		cp15_hook_ptimer_changed(v);
		return EMU_DONE;
	case KEY_CNTP_CTL:
		c->cntp_ctl = value & (CNT_CTL_ENABLE | CNT_CTL_IMASK);
		cp15_hook_ptimer_changed(v);
		return EMU_DONE;
	/* Instruction cache and branch predictor maintenance. */
	case KEY(0, 7, 1, 0): case KEY(0, 7, 1, 6): case KEY(0, 7, 5, 0):
	case KEY(0, 7, 5, 1): case KEY(0, 7, 5, 6): case KEY(0, 7, 5, 7):
		cp15_hook_icache_invalidate(v);
		return EMU_DONE;
	/* CP15ISB/DSB/DMB are allowed in PL0 and do not trap; if they do, the trap is the barrier. */
	case KEY(0, 7, 5, 4): case KEY(0, 7, 10, 4): case KEY(0, 7, 10, 5):
		return EMU_DONE;
	/*
	 * Data cache maintenance: guest memory is always cacheable in the
	 * hypervisor's tables and no DMA device is passed through, so the
	 * guest's view is already coherent. Set/way invalidation must never
	 * reach the real cache (it would discard the hypervisor's data).
	 */
	case KEY(0, 7, 6, 1): case KEY(0, 7, 6, 2): case KEY(0, 7, 10, 1): case KEY(0, 7, 10, 2):
	case KEY(0, 7, 11, 1): case KEY(0, 7, 14, 1): case KEY(0, 7, 14, 2):
		return EMU_DONE;
	case KEY_A8_L2AUXCR:
		return midr_is_cortex_a8(v->id->midr) ? EMU_DONE : EMU_UNSUPPORTED;
	default:
		return EMU_UNSUPPORTED;
	}
}

static enum emu_result read_special(const struct vcpu *v, uint32_t key, uint32_t *value)
{
	const struct vcpu_cp15 *c = &v->cp15;

	switch (key) {
	case KEY(0, 1, 0, 0): *value = c->sctlr; return EMU_DONE;
	case KEY(0, 1, 0, 2): *value = c->cpacr; return EMU_DONE;
	case KEY(0, 2, 0, 0): *value = c->ttbr0; return EMU_DONE;
	case KEY(0, 2, 0, 1): *value = c->ttbr1; return EMU_DONE;
	case KEY(0, 2, 0, 2): *value = c->ttbcr; return EMU_DONE;
	case KEY(0, 3, 0, 0): *value = c->dacr; return EMU_DONE;
	case KEY(0, 12, 0, 0): *value = c->vbar; return EMU_DONE;
	case KEY(0, 12, 0, 1): *value = c->mvbar; return EMU_DONE;
	case KEY(0, 13, 0, 0): *value = 0; return EMU_DONE;
	case KEY(0, 13, 0, 1): *value = c->contextidr; return EMU_DONE;
	case KEY(0, 13, 0, 3): *value = c->tpidruro; return EMU_DONE;
	case KEY_CNTP_TVAL: *value = (uint32_t)(c->cntp_cval - cp15_hook_physical_count(v)); return EMU_DONE;
	case KEY_CNTP_CTL:
		*value = c->cntp_ctl | (vptimer_condition(c, cp15_hook_physical_count(v)) ? CNT_CTL_ISTATUS : 0u);
		return EMU_DONE;
	case KEY_A8_L2AUXCR:
		if (!midr_is_cortex_a8(v->id->midr))
			return EMU_UNSUPPORTED;
		*value = v->id->a8_l2auxcr;
		return EMU_DONE;
	default: return read_id(v, key, value);
	}
}

/*
 * The performance monitors (c9, c12-c14; ARM DDI 0406C C12): the guest sees
 * none. Every register reads as zero (PMCR.N = 0 counters) and ignores
 * writes, so no guest programs the real counters.
 */
static bool is_pmu(uint32_t key)
{
	uint32_t opc1 = key >> 12, crn = (key >> 8) & 0xfu, crm = (key >> 4) & 0xfu;

	return opc1 == 0 && crn == 9 && crm >= 12 && crm <= 14;
}

/* The guest's value of a plain register, or NULL if `key` names none. */
static uint32_t *plain_field(struct vcpu *v, uint32_t key)
{
	for (size_t i = 0; i < sizeof(plain_regs) / sizeof(plain_regs[0]); i++)
		if (plain_regs[i].key == key)
			return (uint32_t *)((char *)&v->cp15 + plain_regs[i].offset);
	return NULL;
}

static bool has_generic_timer(const struct vcpu *v)
{
	return v->id->id_pfr[1] & ID_PFR1_GENERIC_TIMER;
}

/* A physical timer register access, by MCR/MRC or MCRR/MRRC: PL0's too if CNTKCTL.PL0PTEN allows. */
static bool is_ptimer_access(uint32_t insn)
{
	if ((insn & INSN_MCRR_P15_MASK) == INSN_MCRR_P15)
		return FIELD(insn, 4, 4) == CNTP_CVAL_OPC1 && FIELD(insn, 0, 4) == CRN_TIMERS;
	uint32_t key = KEY(FIELD(insn, 21, 3), FIELD(insn, 16, 4), FIELD(insn, 0, 4), FIELD(insn, 5, 3));

	return (insn & INSN_MCR_P15_MASK) == INSN_MCR_P15 && (key == KEY_CNTP_TVAL || key == KEY_CNTP_CTL);
}

/* MCRR/MRRC to CP15: CNTP_CVAL's 64 bits; any other register is not emulated. */
static enum emu_result emulate_cp15_64(struct vcpu *v, uint32_t insn)
{
	unsigned rt = FIELD(insn, 12, 4), rt2 = FIELD(insn, 16, 4);
	bool read = insn & BIT(20);

	if (!insn_cond_passed(insn_cond(insn), v->cpsr)) {
		v->r[15] += 4u;
		return EMU_DONE;
	}
	if (FIELD(insn, 0, 4) == CRN_TIMERS && !has_generic_timer(v))
		return EMU_UNDEF;
	if (!is_ptimer_access(insn) || rt == 15 || rt2 == 15 || (read && rt == rt2))
		return EMU_UNSUPPORTED;
	if (read) {
		v->r[rt] = (uint32_t)v->cp15.cntp_cval;
		v->r[rt2] = (uint32_t)(v->cp15.cntp_cval >> 32);
	} else {
		v->cp15.cntp_cval = (uint64_t)v->r[rt2] << 32 | v->r[rt];
		cp15_hook_ptimer_changed(v);
	}
	v->r[15] += 4u;
	v->stats.emulated_cp15++;
	return EMU_DONE;
}

enum emu_result emulate_cp15(struct vcpu *v, uint32_t insn)
{
	unsigned rt = FIELD(insn, 12, 4);
	uint32_t key = KEY(FIELD(insn, 21, 3), FIELD(insn, 16, 4), FIELD(insn, 0, 4), FIELD(insn, 5, 3));
	int read = !!(insn & BIT(20));
	enum emu_result r;
	enum tlb_op tlb;

	/* Any form, MCRR/MRRC too (e.g. CNTPCT where CNTKCTL forbids it). */
	if (!vcpu_privileged(v) && !(is_ptimer_access(insn) && (v->cp15.cntkctl & CNTKCTL_PL0PTEN)))
		return EMU_UNDEF;
	if ((insn & INSN_MCRR_P15_MASK) == INSN_MCRR_P15 && insn_cond(insn) != 0xfu)
		return emulate_cp15_64(v, insn);
	if ((insn & INSN_MCR_P15_MASK) != INSN_MCR_P15 || insn_cond(insn) == 0xfu)
		return EMU_UNSUPPORTED;                 /* not MCR/MRC to CP15 */
	if (!insn_cond_passed(insn_cond(insn), v->cpsr)) {
		v->r[15] += 4u;
		return EMU_DONE;
	}
	if (rt == 15)
		return EMU_UNSUPPORTED;                 /* APSR_nzcv form: not used by CP15 */
	if (FIELD(insn, 16, 4) == CRN_TIMERS && !has_generic_timer(v))
		return EMU_UNDEF;                       /* c14 is the generic timer's, which this core lacks */

	/* Special registers first: the frequent traps (DACR, TLB, cache) are there. */
	uint32_t *field;
	if (is_pmu(key)) {
		if (read)
			v->r[rt] = 0;
		r = EMU_DONE;
	} else if (read) {
		uint32_t value = 0;
		r = read_special(v, key, &value);
		if (r == EMU_UNSUPPORTED && (field = plain_field(v, key))) {
			value = *field;
			r = EMU_DONE;
		}
		if (r == EMU_DONE)
			v->r[rt] = value;
	} else if (emulate_cp15_tlb_op(insn, &tlb)) {
		cp15_hook_tlb(v, tlb, v->r[rt]);
		r = EMU_DONE;
	} else {
		r = write_special(v, key, v->r[rt]);
		if (r == EMU_UNSUPPORTED && (field = plain_field(v, key))) {
			*field = v->r[rt];
			r = EMU_DONE;
		}
	}
	if (r == EMU_DONE) {
		v->r[15] += 4u;
		v->stats.emulated_cp15++;
	}
	return r;
}
