#include <stddef.h>

#include "arch/arm/guest_word.h"
#include "arch/arm/psr.h"
#include "arch/arm/sctlr_bits.h"
#include "hyp/emulate.h"
#include "hyp/fast_trap.h"
#include "hyp/vexc.h"

/* MCR/MRC p15, 0, Rt, CRn, CRm, opc2: the register named by CRn, CRm and opc2; bit 20 is L (MRC). */
#define INSN_CP15_MASK  0x0fe00f10u
#define INSN_CP15       0x0e000f10u
#define INSN_REG(i)     ((((i) >> 16) & 0xfu) << 8 | ((i) & 0xfu) << 4 | (((i) >> 5) & 7u))
#define REG(crn, crm, opc2) ((crn) << 8 | (crm) << 4 | (opc2))
#define COND_NEVER      0xfu    /* the unconditional space: other instructions */
#define COND_ALWAYS     0xeu

/* Whether an instruction with condition `cond` executes under the flags of `cpsr`. */
static bool cond_passed(uint32_t cond, uint32_t cpsr)
{
	return cond == COND_ALWAYS || insn_cond_passed(cond, cpsr);
}

/*
 * The field in `c` of the registers whose reads the guest kernel traps on
 * all the time, and that read as stored: DACR (software PAN), SCTLR
 * (Linux's alignment_trap on every exception entry), TPIDRPRW (its per-CPU
 * offset), TPIDRURO (its current task in the kernel, the user's TLS
 * outside), the fault status and address registers (every page fault);
 * and the translation registers. NULL for the others. Writes are fast only
 * where nothing follows from them but the value (TPIDRPRW, the fault
 * registers), the real TPIDRURO or the DACR mapping: `*written` says which
 * (FAST_TRAP_NONE: the general path).
 */
static uint32_t *fast_register(struct vcpu_cp15 *c, uint32_t insn, enum fast_trap *written)
{
	uint32_t reg = INSN_REG(insn);

	/*
	 * The most frequent first, each tested on its own (a switch over them
	 * all becomes a binary search): DACR, then what every exception entry
	 * and return of Linux touches.
	 */
	*written = FAST_TRAP_DONE;
	if (reg == REG(3, 0, 0)) {
		*written = FAST_TRAP_DACR_WRITTEN;
		return &c->dacr;
	}
	if (reg == REG(13, 0, 4))
		return &c->tpidrprw;
	if (reg == REG(13, 0, 3)) {
		*written = FAST_TRAP_TPIDRURO_WRITTEN;
		return &c->tpidruro;
	}
	*written = FAST_TRAP_NONE;
	if (reg == REG(1, 0, 0))
		return &c->sctlr;
	switch (reg) {          /* the fault registers: writes change the value only */
	case REG(5, 0, 0): *written = FAST_TRAP_DONE; return &c->dfsr;
	case REG(5, 0, 1): *written = FAST_TRAP_DONE; return &c->ifsr;
	case REG(6, 0, 0): *written = FAST_TRAP_DONE; return &c->dfar;
	case REG(6, 0, 2): *written = FAST_TRAP_DONE; return &c->ifar;
	/* Read fast, written by the general path. */
	case REG(13, 0, 1): return &c->contextidr;
	case REG(2, 0, 0): return &c->ttbr0;
	case REG(2, 0, 1): return &c->ttbr1;
	case REG(2, 0, 2): return &c->ttbcr;
	default: return NULL;
	}
}

/*
 * A cache or TLB maintenance or barrier operation (MCR c7, c8) that only
 * takes time: FAST_TRAP_DONE for the data cache ones and the barriers
 * (nothing to do: hyp/emulate_cp15.c says why), FAST_TRAP_ICACHE_INVALIDATED
 * for the instruction cache and branch predictor ones and
 * FAST_TRAP_TLB_MAINTENANCE for the TLB ones (when executed), FAST_TRAP_NONE
 * for any other MCR.
 */
static __attribute__((noinline)) enum fast_trap cache_operation(const struct trap_frame *f, uint32_t insn)
{
	enum fast_trap done;
	enum tlb_op tlb;

	if (INSN_CRN(insn) == 8u) {     /* not after the search of c7's: every munmap() and mprotect() */
		if (!emulate_cp15_tlb_op(insn, &tlb))
			return FAST_TRAP_NONE;
		done = FAST_TRAP_TLB_MAINTENANCE;
	} else {
		switch (INSN_REG(insn)) {
		case REG(7, 6, 1): case REG(7, 6, 2): case REG(7, 10, 1): case REG(7, 10, 2):
		case REG(7, 11, 1): case REG(7, 14, 1): case REG(7, 14, 2):
		case REG(7, 5, 4): case REG(7, 10, 4): case REG(7, 10, 5):
			return FAST_TRAP_DONE;
		case REG(7, 1, 0): case REG(7, 1, 6): case REG(7, 5, 0):
		case REG(7, 5, 1): case REG(7, 5, 6): case REG(7, 5, 7):
			done = FAST_TRAP_ICACHE_INVALIDATED;
			break;
		default:
			return FAST_TRAP_NONE;
		}
	}
	return cond_passed(insn_cond(insn), f->cpsr) ? done : FAST_TRAP_DONE;
}

/*
 * An MRC of an identification register (c0), read as the general path reads
 * it. Kept out of line, as cache_operation(), so that the frequent
 * registers' path in fast_trap_undef() saves no more registers than before.
 */
static __attribute__((noinline)) enum fast_trap id_register(const struct vcpu *v, struct trap_frame *f,
								 uint32_t insn)
{
	uint32_t value;

	if (INSN_REG(insn) >> 8 || !emulate_cp15_read_id(v, insn, &value))
		return FAST_TRAP_NONE;
	if (cond_passed(insn_cond(insn), f->cpsr))
		f->r[INSN_RT(insn)] = value;
	return FAST_TRAP_DONE;
}

/* The whole virtual CPSR: the vCPU's, with the live bits the guest ran with. */
static uint32_t current_cpsr(const struct vcpu *v, const struct trap_frame *f)
{
	return (v->cpsr & ~PSR_GUEST_LIVE) | (f->cpsr & PSR_GUEST_LIVE);
}

/* The guest continues with virtual CPSR `cpsr`; the real one is User mode with its live bits. */
static void set_cpsr(struct vcpu *v, struct trap_frame *f, uint32_t cpsr)
{
	v->cpsr = cpsr;
	f->cpsr = vcpu_real_cpsr(v);
}

enum fast_trap fast_trap_undef(struct vcpu *v, struct trap_frame *f, uint32_t insn)
{
	enum fast_trap written;
	unsigned rt = INSN_RT(insn);

	/*
	 * Linux's software PAN writes DACR around every user access, its
	 * exception entries and returns TPIDRURO: those first, by one compare.
	 */
	if (rt != 15 && vcpu_privileged(v)) {
		if ((insn & ~INSN_RT_MASK) == INSN_MCR_DACR_AL) {
			v->cp15.dacr = f->r[rt];
			return FAST_TRAP_DACR_WRITTEN;
		}
		if ((insn & ~INSN_RT_MASK) == INSN_MCR_TPIDRURO_AL) {
			v->cp15.tpidruro = f->r[rt];
			return FAST_TRAP_TPIDRURO_WRITTEN;
		}
	}
	if ((insn & INSN_CP15_MASK) != INSN_CP15 || insn_cond(insn) == COND_NEVER || rt == 15 ||
	    !vcpu_privileged(v))
		return FAST_TRAP_NONE;
	bool read = insn & INSN_MRC;

	/* Cache and TLB maintenance (c7, c8) before the registers' search: Linux's are frequent too. */
	if (!read && (INSN_CRN(insn) == 7u || INSN_CRN(insn) == 8u))
		return cache_operation(f, insn);
	uint32_t *field = fast_register(&v->cp15, insn, &written);
	if (!field)
		return read ? id_register(v, f, insn) : FAST_TRAP_NONE;
	if (!read && written == FAST_TRAP_NONE)
		return FAST_TRAP_NONE;
	if (!cond_passed(insn_cond(insn), f->cpsr))
		return FAST_TRAP_DONE;
	if (read) {
		f->r[rt] = *field;
		return FAST_TRAP_DONE;
	}
	*field = f->r[rt];
	return written;
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
		aif &= ~v->cpsr_fixed;
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
	uint32_t mask = emu_msr_mask(insn) & ~(PSR_EXEC_MASK | v->cpsr_fixed), mode = value & PSR_MODE_MASK;
	if ((mask & PSR_MODE_MASK) && vcpu_mode_valid(mode) && mode != vcpu_mode(v))
		return false;
	mask &= ~PSR_MODE_MASK;
	*out = (cpsr & ~mask) | (value & mask);
	return true;
}

/* MOVS pc, Rm or SUBS pc, lr, #imm (always executed: their condition is AL). */
static enum fast_trap exception_return(struct vcpu *v, struct trap_frame *f, uint32_t orig,
				       const struct vintc *vi)
{
	bool movs = (orig & INSN_MOVS_PC_MASK) == INSN_MOVS_PC;
	unsigned rm = FIELD(orig, 0, 4);

	if (!vcpu_has_spsr(v) || (movs && rm == 15))
		return FAST_TRAP_NONE;
	uint32_t spsr = *vcpu_spsr(v), cpsr = vcpu_return_cpsr(v, spsr);
	if ((cpsr & PSR_T) && (cpsr & PSR_MODE_MASK) != PSR_MODE_USR)
		return FAST_TRAP_NONE;  /* Thumb in a privileged mode: the general path stops the guest */
	if (!(cpsr & PSR_I) && vintc_signalled(vi))
		return FAST_TRAP_NONE;
	uint32_t target = movs ? f->r[rm] : f->r[14] - insn_expand_imm(FIELD(orig, 0, 12));
	/* To User mode, a return to user space, with the mode known: no bank lookup for it. */
	if ((cpsr & PSR_MODE_MASK) == PSR_MODE_USR)
		f->pc = vcpu_return_to_user_in(v, f->r, cpsr, target);
	else
		f->pc = vcpu_exception_return_in(v, f->r, spsr, target);
	set_cpsr(v, f, v->cpsr);
	return FAST_TRAP_DONE;
}

enum fast_trap fast_trap_sensitive(struct vcpu *v, struct trap_frame *f, uint32_t orig, enum sens_class cls,
				   const struct vintc *vi)
{
	uint32_t cpsr = current_cpsr(v, f), updated = cpsr, *r = f->r;
	bool to_spsr = cls != SENS_CPS && (orig & INSN_SPSR);
	unsigned rd = FIELD(orig, 12, 4), rm = FIELD(orig, 0, 4);

	if (cls == SENS_DP_ERET)
		return exception_return(v, f, orig, vi);
	if (!vcpu_privileged(v) || (cls != SENS_MRS && cls != SENS_MSR_REG && cls != SENS_MSR_IMM &&
				    cls != SENS_CPS))
		return FAST_TRAP_NONE;
	bool executed = insn_cond(orig) == COND_NEVER || cond_passed(insn_cond(orig), cpsr);
	if (executed) {
		if ((to_spsr && !vcpu_has_spsr(v)) || (cls == SENS_MRS && rd == 15) ||
		    (cls == SENS_MSR_REG && rm == 15))
			return FAST_TRAP_NONE;
		if (cls != SENS_MRS && !to_spsr && !new_cpsr(v, cpsr, orig, cls, r, &updated))
			return FAST_TRAP_NONE;  /* a mode change */
	}
	/* With IRQs unmasked and one signalled, the general path delivers it. */
	if (!(updated & PSR_I) && vintc_signalled(vi))
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
		set_cpsr(v, f, updated);
	}
	return FAST_TRAP_DONE;
}

enum fast_trap fast_trap_user_regs(struct vcpu *v, struct trap_frame *f, uint32_t orig, enum sens_class cls)
{
	uint32_t list = FIELD(orig, 0, 16), user[15], words[15], addr, wback;
	unsigned rn = FIELD(orig, 16, 4), n = 0;

	if ((cls != SENS_LDM_USER && cls != SENS_STM_USER) || !vcpu_privileged(v) || !list ||
	    (list & BIT(15)) || rn == 15 || insn_cond(orig) == COND_NEVER)
		return FAST_TRAP_NONE;
	if (!cond_passed(insn_cond(orig), f->cpsr))
		return FAST_TRAP_DONE;
	unsigned lowest = (unsigned)__builtin_ctz(list);
	/* A list of consecutive registers (Linux's) is transferred in place; others through `words`. */
	bool consecutive = !((list >> lowest) & ((list >> lowest) + 1u));
	uint32_t *transfer = consecutive ? &user[lowest] : words;

	vcpu_user_regs_read(v, f->r, user);
	if (consecutive)
		n = 32u - (unsigned)__builtin_clz(list) - lowest;
	for (uint32_t left = list; left && !consecutive; left &= left - 1u)
		words[n++] = user[__builtin_ctz(left)];
	emu_block_addresses(orig, f->r[rn], n, &addr, &wback);
	if (addr & 3u)
		return FAST_TRAP_NONE;          /* an alignment fault: the general path delivers it */
	if (cls == SENS_STM_USER)
		return guest_store_words(addr, transfer, n) ? FAST_TRAP_DONE : FAST_TRAP_NONE;
	if (!guest_load_words(addr, transfer, n))
		return FAST_TRAP_NONE;
	/* Registers change only once every load succeeded, as an abort leaves them natively. */
	n = 0;
	for (uint32_t left = list; left && !consecutive; left &= left - 1u)
		user[__builtin_ctz(left)] = words[n++];
	vcpu_user_regs_write(v, f->r, user);
	return FAST_TRAP_DONE;
}

/* The guest takes exception `kind` for the instruction at `insn_addr`, on the frame's registers. */
static enum fast_trap take_exception(struct vcpu *v, struct trap_frame *f, enum vexc_kind kind,
				     uint32_t insn_addr)
{
	if (v->cp15.sctlr & SCTLR_TE)
		return FAST_TRAP_NONE;  /* Thumb in a privileged mode: the general path stops the guest */
	v->cpsr = current_cpsr(v, f);
	f->pc = vexc_enter(v, f->r, kind, insn_addr);
	set_cpsr(v, f, v->cpsr);
	return FAST_TRAP_DONE;
}

/*
 * An SVC from virtual User mode, a system call: take_exception() with what
 * User mode fixes folded in. User mode has no SPSR and no FIQ registers to
 * bank, and the return address, the SVC's address plus its length, is the
 * frame's PC.
 */
static enum fast_trap system_call(struct vcpu *v, struct trap_frame *f)
{
	if (v->cp15.sctlr & SCTLR_TE)
		return FAST_TRAP_NONE;  /* Thumb in a privileged mode: the general path stops the guest */
	v->cpsr = current_cpsr(v, f);
	v->bank[VBANK_USR].sp = f->r[13];
	v->bank[VBANK_USR].lr = f->r[14];
	v->bank[VBANK_SVC].spsr = v->cpsr;
	f->r[13] = v->bank[VBANK_SVC].sp;
	f->r[14] = f->pc;
	v->cpsr = vexc_entry_cpsr(v, VEXC_SVC);
	v->stats.virtual_exceptions++;
	f->pc = vexc_vector(v, VEXC_SVC);
	f->cpsr = vcpu_real_cpsr(v);
	return FAST_TRAP_DONE;
}

enum fast_trap fast_trap_svc(struct vcpu *v, struct trap_frame *f)
{
	if (!vcpu_privileged(v))
		return system_call(v, f);
	return take_exception(v, f, VEXC_SVC, f->pc - ((f->cpsr & PSR_T) ? 2u : 4u));
}

enum fast_trap fast_trap_data_abort(struct vcpu *v, struct trap_frame *f, uint32_t fsr, uint32_t far)
{
	if (take_exception(v, f, VEXC_DABT, f->pc) == FAST_TRAP_NONE)
		return FAST_TRAP_NONE;
	v->cp15.dfsr = fsr;
	v->cp15.dfar = far;
	return FAST_TRAP_DONE;
}
