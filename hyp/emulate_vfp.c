/* VFP system register moves (ARM DDI 0406C B6.1, A8.8.348 VMRS, A8.8.349 VMSR). */
#include "arch/arm/cpacr_bits.h"
#include "hyp/cp15_hooks.h"
#include "hyp/emulate.h"

#define FIELD(i, lo, w)     (((i) >> (lo)) & ((1u << (w)) - 1u))
#define VMRS_MASK           0x0ff00fffu
#define VMRS_BITS           0x0ef00a10u
#define VMSR_BITS           0x0ee00a10u
#define VFP_REG_FPSCR       1u
#define VFP_REG_FPEXC       8u

enum emu_result emulate_vfp_sysreg(struct vcpu *v, uint32_t insn)
{
	bool read = (insn & VMRS_MASK) == VMRS_BITS, write = (insn & VMRS_MASK) == VMSR_BITS;
	unsigned reg = FIELD(insn, 16, 4), rt = FIELD(insn, 12, 4);

	if ((!read && !write) || reg == VFP_REG_FPSCR || insn_cond(insn) == 0xfu)
		return EMU_UNSUPPORTED;
	/* User mode, or CP10 disabled in the guest's CPACR: UNDEFINED as natively. */
	if (!vcpu_privileged(v) || !(v->cp15.cpacr & CPACR_CP10))
		return EMU_UNDEF;
	if (!insn_cond_passed(insn_cond(insn), v->cpsr)) {
		v->r[15] += 4u;
		return EMU_DONE;
	}
	if (rt == 15 || (write && reg != VFP_REG_FPEXC && reg != 9u && reg != 10u))
		return EMU_UNSUPPORTED;         /* only FPEXC and FPINST/2 are writable */
	if (read)
		v->r[rt] = vfp_hook_read(reg);
	else
		vfp_hook_write(reg, v->r[rt]);
	v->r[15] += 4u;
	return EMU_DONE;
}
