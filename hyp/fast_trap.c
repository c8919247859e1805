#include "hyp/fast_trap.h"
#include "hyp/insn_class.h"

/* MCR/MRC p15, 0, Rt, c3, c0, 0 (DACR), any condition and Rt; bit 20 is L (MRC). */
#define INSN_DACR_MASK  0x0fef0fffu
#define INSN_DACR       0x0e030f10u
#define INSN_MRC        (1u << 20)
#define INSN_RT(i)      (((i) >> 12) & 0xfu)
#define COND_NEVER      0xfu    /* the unconditional space: other instructions */

enum fast_trap fast_trap_undef(struct vcpu *v, uint32_t r[15], uint32_t frame_cpsr, uint32_t insn)
{
	unsigned rt = INSN_RT(insn);

	if ((insn & INSN_DACR_MASK) != INSN_DACR || insn_cond(insn) == COND_NEVER || rt == 15 ||
	    !vcpu_privileged(v))
		return FAST_TRAP_NONE;
	if (!insn_cond_passed(insn_cond(insn), frame_cpsr))
		return FAST_TRAP_DONE;
	if (insn & INSN_MRC) {
		r[rt] = v->cp15.dacr;
		return FAST_TRAP_DONE;
	}
	v->cp15.dacr = r[rt];
	return FAST_TRAP_DACR_WRITTEN;
}
