/* CP14 debug registers (ARM DDI 0406C C6, C10.2): identification only. */
#include "hyp/emulate.h"

#define FIELD(i, lo, w) (((i) >> (lo)) & ((1u << (w)) - 1u))
#define MCR_MRC_MASK    0x0f000f10u
#define MCR_MRC_CP14    0x0e000e10u
#define MRC_BIT         (1u << 20)

enum emu_result emulate_cp14(struct vcpu *v, uint32_t insn)
{
	unsigned rt = FIELD(insn, 12, 4);
	bool dbgdidr = FIELD(insn, 21, 3) == 0 && FIELD(insn, 16, 4) == 0 && FIELD(insn, 0, 4) == 0 &&
		       FIELD(insn, 5, 3) == 0;

	if ((insn & MCR_MRC_MASK) != MCR_MRC_CP14 || insn_cond(insn) == 0xfu || rt == 15)
		return EMU_UNSUPPORTED;
	if (!vcpu_privileged(v))
		return EMU_UNDEF;
	if (insn_cond_passed(insn_cond(insn), v->cpsr) && (insn & MRC_BIT))
		v->r[rt] = dbgdidr ? v->id->dbgdidr : 0u;
	v->r[15] += 4u;
	return EMU_DONE;
}
