/*
 * Fast paths: the most frequent traps decided on the trap frame alone,
 * without the general path (the frame copied into the vCPU and back, the
 * emulator's dispatch, the after-trap work), because they change nothing
 * that work depends on: MCR/MRC of the guest's DACR from a virtual
 * privileged mode. Linux with CONFIG_CPU_SW_DOMAIN_PAN writes its DACR
 * around every access to user memory. Anything else, and a DACR access in
 * virtual User mode (UNDEF), takes the general path.
 * Portable: compiled for the target and for host unit tests, which check
 * it against the general emulator (hyp/emulate_cp15.c).
 */
#ifndef HYP_FAST_TRAP_H
#define HYP_FAST_TRAP_H

#include <stdint.h>

#include "hyp/vcpu.h"

enum fast_trap {
	FAST_TRAP_NONE,                 /* not handled: take the general path */
	FAST_TRAP_DONE,                 /* done; the frame's PC already names the next instruction */
	FAST_TRAP_DACR_WRITTEN,         /* done, and the guest's DACR changed: map it */
};

/*
 * The Undefined Instruction trap of ARM instruction `insn`, with the
 * guest's r0-r14 in `r` and its live flags in `frame_cpsr`; the vCPU's
 * other state (virtual mode, CP15) in `v`, whose r[] is not used.
 */
enum fast_trap fast_trap_undef(struct vcpu *v, uint32_t r[15], uint32_t frame_cpsr, uint32_t insn);

#endif
