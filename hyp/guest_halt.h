/*
 * A guest that has halted: it spins on a branch to itself with its
 * interrupts masked, where nothing can bring it out (the hypervisor never
 * raises a virtual FIQ). Linux ends so when it halts on a board it cannot
 * power off, and its zImage decompressor when decompressing fails; natively
 * the board then spins for ever. The hypervisor's tick looks for it.
 * Portable: compiled for the target and for host unit tests.
 */
#ifndef HYP_GUEST_HALT_H
#define HYP_GUEST_HALT_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Is the instruction at a PC a branch to that PC? `insn` is the ARM
 * instruction, or in Thumb state the halfword at the PC in its low half
 * and the next one in its high half.
 */
bool insn_branches_to_itself(uint32_t insn, bool thumb);

#endif
