/*
 * CP14 debug registers (ARM DDI 0406C C6, C11.11): the guest sees the real
 * DBGDIDR and a debug monitor it can enable. DBGDSCR.MDBGen and the
 * breakpoint, watchpoint and vector catch registers hold what the guest
 * writes, so its kernel's debug set-up succeeds and BKPT reaches it as a
 * debug event (Linux: SIGTRAP). The real debug registers are never
 * programmed: the guest's hardware breakpoints and watchpoints do not fire.
 * Every other debug register reads as zero and ignores writes.
 */
#include <stddef.h>

#include "hyp/emulate.h"
#include "hyp/insn_class.h"

#define FIELD(i, lo, w) (((i) >> (lo)) & ((1u << (w)) - 1u))
#define MCR_MRC_MASK    0x0f000f10u
#define MCR_MRC_CP14    0x0e000e10u
/* opc1, CRn, opc2 of the debug registers used here (opc1 is 0 for all). */
#define KEY(crn, opc2)  (((crn) << 3) | (opc2))
#define DBGDIDR_CRM     0u
#define DBGDSCR_INT     KEY(0, 0)       /* CRm 1: read-only view */
#define DBGDSCR_EXT     KEY(0, 2)       /* CRm 2: read/write view */
#define DBGVCR          KEY(0, 0)       /* CRm 7 */
#define DBGBVR          KEY(0, 4)       /* CRm n: breakpoint n */
#define DBGBCR          KEY(0, 5)
#define DBGWVR          KEY(0, 6)       /* CRm n: watchpoint n */
#define DBGWCR          KEY(0, 7)
#define DBGDSCR_MDBGEN  (1u << 15)      /* monitor debug-mode enable */

/* The guest's register for (crn, crm, opc2), or NULL if it is RAZ/WI. */
static uint32_t *debug_reg(struct vcpu *v, unsigned key, unsigned crm)
{
	struct vcpu_debug *d = &v->debug;

	switch (key) {
	case DBGBVR: return &d->bvr[crm];
	case DBGBCR: return &d->bcr[crm];
	case DBGWVR: return &d->wvr[crm];
	case DBGWCR: return &d->wcr[crm];
	case DBGVCR: return crm == 7u ? &d->vcr : NULL;
	default: return NULL;
	}
}

enum emu_result emulate_cp14(struct vcpu *v, uint32_t insn)
{
	unsigned rt = FIELD(insn, 12, 4), crm = FIELD(insn, 0, 4);
	unsigned key = KEY(FIELD(insn, 16, 4), FIELD(insn, 5, 3));
	bool read = insn & INSN_MRC;

	if ((insn & MCR_MRC_MASK) != MCR_MRC_CP14 || insn_cond(insn) == 0xfu || rt == 15)
		return EMU_UNSUPPORTED;
	if (!vcpu_privileged(v))
		return EMU_UNDEF;
	v->r[15] += 4u;
	if (!insn_cond_passed(insn_cond(insn), v->cpsr))
		return EMU_DONE;
	if (FIELD(insn, 21, 3) != 0) {
		if (read)
			v->r[rt] = 0;
		return EMU_DONE;
	}

	bool dscr = (key == DBGDSCR_INT && crm == 1u) || (key == DBGDSCR_EXT && crm == 2u);
	uint32_t *reg = debug_reg(v, key, crm);
	if (read) {
		if (key == KEY(0, 0) && crm == DBGDIDR_CRM)
			v->r[rt] = v->id->dbgdidr;
		else if (dscr)
			v->r[rt] = v->debug.dscr;
		else
			v->r[rt] = reg ? *reg : 0u;
	} else if (dscr && crm == 2u) {
		v->debug.dscr = v->r[rt] & DBGDSCR_MDBGEN;
	} else if (reg) {
		*reg = v->r[rt];
	}
	return EMU_DONE;
}
