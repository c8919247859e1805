/*
 * Fast paths: the most frequent traps decided on the trap frame alone,
 * without the general path (the frame copied into the vCPU and back, the
 * emulator's dispatch, the after-trap work), because they change nothing
 * that work depends on but the virtual mode, which the caller follows:
 *   - MCR/MRC of the CP15 registers a guest kernel touches all the time,
 *     from a virtual privileged mode: DACR (Linux with
 *     CONFIG_CPU_SW_DOMAIN_PAN writes it around every access to user
 *     memory), reads of SCTLR, TPIDRPRW and the translation registers, and
 *     TPIDRPRW and TPIDRURO writes (Linux's system call entry and exit),
 *     the fault status and address registers, the identification
 *     registers (c0), and cache maintenance and barrier operations;
 *   - patched MRS, MSR and CPS in a virtual privileged mode that leave the
 *     mode as it is and leave no interrupt to deliver (Linux's
 *     local_irq_save/restore, its exception entry and return);
 *   - patched LDM and STM of the User-mode registers (Linux saves and
 *     restores them on every exception from user space);
 *   - patched exception returns MOVS pc, Rm and SUBS pc, lr, #imm (Linux's
 *     return to user space), unless they unmask an interrupt the virtual
 *     interrupt controller signals;
 *   - SVC: the virtual SVC exception (a system call).
 * Anything else, and the first two in virtual User mode (UNDEF or a
 * different meaning), takes the general path.
 * Portable: compiled for the target and for host unit tests, which check
 * it against the general emulators (hyp/emulate_cp15.c,
 * hyp/emulate_sensitive.c, hyp/vexc.c).
 */
#ifndef HYP_FAST_TRAP_H
#define HYP_FAST_TRAP_H

#include <stdint.h>

#include "arch/arm/trap_frame.h"
#include "hyp/insn_class.h"
#include "hyp/vcpu.h"
#include "hyp/vintc.h"

enum fast_trap {
	FAST_TRAP_NONE,                 /* not handled: take the general path */
	FAST_TRAP_DONE,                 /* done; the frame names the guest's next instruction and mode */
	FAST_TRAP_DACR_WRITTEN,         /* done, and the guest wrote its DACR: map it */
	FAST_TRAP_TPIDRURO_WRITTEN,     /* done, and the guest wrote TPIDRURO: the real one follows */
	FAST_TRAP_ICACHE_INVALIDATED,   /* done, and the guest invalidated its instruction cache */
	FAST_TRAP_TLB_MAINTENANCE,      /* done but for the TLB maintenance the MCR names (emulate_cp15_tlb_op()) */
};

/*
 * Each works on the frame `f` of the trap: the guest's r0-r14, the PC to
 * resume at (the instruction after the trapping one) and the live CPSR
 * bits; and on the vCPU's other state (virtual CPSR, banked registers,
 * CP15) in `v`, whose r[] is not used. With FAST_TRAP_NONE neither changed.
 */

/* The Undefined Instruction trap of ARM instruction `insn`: CP15 accesses (MCR/MRC with opc1 0). */
enum fast_trap fast_trap_undef(struct vcpu *v, struct trap_frame *f, uint32_t insn);

/*
 * The patched sensitive instruction `orig` of class `cls` (its trap: the
 * UDF that replaced it). `vi`: the guest's virtual interrupt controller,
 * asked only if IRQs end up unmasked (an interrupt it signals is for the
 * general path to deliver).
 */
enum fast_trap fast_trap_sensitive(struct vcpu *v, struct trap_frame *f, uint32_t orig, enum sens_class cls,
				   const struct vintc *vi);

/*
 * A patched LDM or STM of User-mode registers (`cls` SENS_LDM_USER or
 * SENS_STM_USER, without the PC) from a virtual privileged mode, its
 * words accessed with guest_load_words() and guest_store_words(): the
 * caller makes sure the translation the guest runs with is its current
 * mode's. Where a word cannot be reached that way, FAST_TRAP_NONE; the
 * words a store wrote before are written again by the general path.
 */
enum fast_trap fast_trap_user_regs(struct vcpu *v, struct trap_frame *f, uint32_t orig, enum sens_class cls);

/* An SVC instruction: the guest takes its SVC exception. */
enum fast_trap fast_trap_svc(struct vcpu *v, struct trap_frame *f);

/*
 * A data abort for the guest (its own tables fault the access of the
 * instruction the frame's PC names): DFSR and DFAR take `fsr` and `far`,
 * and the guest takes its Data Abort exception.
 */
enum fast_trap fast_trap_data_abort(struct vcpu *v, struct trap_frame *f, uint32_t fsr, uint32_t far);

#endif
