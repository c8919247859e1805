/*
 * Compiled to assembly only, as arch/arm/asm_defs.c: the offsets and
 * values hyp/express.S reads, as generated/express-defs.h. The assembly
 * reads the same fields the C paths do; the asserts below check that its
 * loads and stores (word, byte) and their immediate offsets fit them.
 */
#include <stddef.h>

#include "arch/arm/mmu.h"
#include "arch/arm/pgtable_bits.h"
#include "arch/arm/psr.h"
#include "arch/arm/sctlr_bits.h"
#include "arch/arm/trap_frame.h"
#include "hyp/guest.h"
#include "hyp/insn_class.h"
#include "hyp/patch.h"
#include "hyp/stub_gen.h"
#include "hyp/vexc.h"
#include "hyp/vtimer.h"

#define DEFINE(sym, val) __asm__ volatile("\n->" #sym " %0" : : "i"(val))

#define FIELD_SIZE(type, field) sizeof(((type *)0)->field)
#define MMU_HOT(field) (offsetof(struct guest_mmu_state, field) - offsetof(struct guest_mmu_state, cur))

/* Loaded by LDR/STR or LDRB/STRB with a 12-bit immediate. */
#define IMM12(off) ((off) < 4096u)
_Static_assert(IMM12(offsetof(struct vcpu, stats.virtual_exceptions) + 4u) &&
	       IMM12(offsetof(struct vcpu, cp15.cntkctl)) && IMM12(offsetof(struct vcpu, bank[VBANK_COUNT])),
	       "the vCPU's fields the express entries use are not within an immediate's reach");
_Static_assert(IMM12(offsetof(struct shadow_root, view_asid[SHADOW_VIEWS])),
	       "a root's fields are not within an immediate's reach");
_Static_assert(offsetof(struct guest_mmu_state, view) > offsetof(struct guest_mmu_state, cur) &&
	       IMM12(MMU_HOT(view_switches) + 4u) && IMM12(MMU_HOT(processor_dacr) + 4u) &&
	       offsetof(struct guest_mmu_state, processor_dacr) > offsetof(struct guest_mmu_state, cur),
	       "the MMU's fields are read relative to mmu.cur");
_Static_assert(sizeof(enum shadow_view) == 1 && FIELD_SIZE(struct guest_mmu_state, on) == 1 &&
	       FIELD_SIZE(struct shadow_root, map.privileged) == 1 &&
	       FIELD_SIZE(struct shadow_root, map.previous.valid) == 1 &&
	       FIELD_SIZE(struct shadow_root, s.stale_views) == 1 &&
	       FIELD_SIZE(struct vcpu, trap_insn_from_stub) == 1 && FIELD_SIZE(struct patch_entry, cls) == 1 &&
	       sizeof(vcpu_bank_of_mode[0]) == 1,
	       "byte fields the express entries load as bytes");
_Static_assert(FIELD_SIZE(struct patch_table, used) == 4 &&
	       sizeof(struct vcpu_bank) == 12 && sizeof(struct patch_entry) == 12,
	       "word fields, and the sizes the express entries multiply by 12");

#ifdef CONFIG_TRAP_FREE_STUBS
_Static_assert(IMM12(offsetof(struct stub_area, data) + 4u) && IMM12(STUB_DATA_BYTES) &&
	       FIELD_SIZE(struct stub_area, conflict) == 1 && FIELD_SIZE(struct stub_area, windows) == 4,
	       "the stubs' fields are not within an immediate's reach, or not of the size loaded");
#endif

void express_defs(void);

void express_defs(void)
{
	DEFINE(TRAP_FRAME_LR, offsetof(struct trap_frame, r[14]));
	DEFINE(TRAP_FRAME_PC, offsetof(struct trap_frame, pc));
	DEFINE(TRAP_FRAME_CPSR, offsetof(struct trap_frame, cpsr));

	DEFINE(VCPU_GUEST, offsetof(struct vcpu, guest));
	DEFINE(VCPU_CPSR, offsetof(struct vcpu, cpsr));
	DEFINE(VCPU_CPSR_FIXED, offsetof(struct vcpu, cpsr_fixed));
	DEFINE(VCPU_BANK, offsetof(struct vcpu, bank));
	DEFINE(VCPU_USR_SP, offsetof(struct vcpu, bank[VBANK_USR].sp));
	DEFINE(VCPU_USR_LR, offsetof(struct vcpu, bank[VBANK_USR].lr));
	DEFINE(VCPU_SVC_SP, offsetof(struct vcpu, bank[VBANK_SVC].sp));
	DEFINE(VCPU_SVC_SPSR, offsetof(struct vcpu, bank[VBANK_SVC].spsr));
	DEFINE(BANK_SP, offsetof(struct vcpu_bank, sp));
	DEFINE(BANK_LR, offsetof(struct vcpu_bank, lr));
	DEFINE(BANK_SPSR, offsetof(struct vcpu_bank, spsr));
	DEFINE(VBANK_USR, VBANK_USR);
	DEFINE(VBANK_FIQ, VBANK_FIQ);
	DEFINE(VCPU_SCTLR, offsetof(struct vcpu, cp15.sctlr));
	DEFINE(VCPU_VBAR, offsetof(struct vcpu, cp15.vbar));
	DEFINE(VCPU_CNTKCTL, offsetof(struct vcpu, cp15.cntkctl));
	DEFINE(VCPU_DACR, offsetof(struct vcpu, cp15.dacr));
	DEFINE(VCPU_TPIDRURO, offsetof(struct vcpu, cp15.tpidruro));
	DEFINE(VCPU_TRAP_INSN, offsetof(struct vcpu, trap_insn));
	DEFINE(VCPU_TRAP_INSN_FROM_STUB, offsetof(struct vcpu, trap_insn_from_stub));
	DEFINE(VCPU_TRAPS_UNDEF, offsetof(struct vcpu, stats.traps_undef));
	DEFINE(VCPU_TRAPS_SVC, offsetof(struct vcpu, stats.traps_svc));
	DEFINE(VCPU_EMULATED_DP_ERET, offsetof(struct vcpu, stats.emulated_sensitive[SENS_DP_ERET]));
	DEFINE(VCPU_EMULATED_CP15, offsetof(struct vcpu, stats.emulated_cp15));
	DEFINE(VCPU_VIRTUAL_EXCEPTIONS, offsetof(struct vcpu, stats.virtual_exceptions));

	DEFINE(GUEST_MMU_ON, offsetof(struct guest, mmu.on));
	DEFINE(GUEST_MMU_CUR, offsetof(struct guest, mmu.cur));
	DEFINE(MMU_VIEW, MMU_HOT(view));
	DEFINE(MMU_VIEW_SWITCHES, MMU_HOT(view_switches));
	DEFINE(MMU_PROCESSOR_DACR, MMU_HOT(processor_dacr));
	DEFINE(ROOT_STALE_VIEWS, offsetof(struct shadow_root, s.stale_views));
	DEFINE(ROOT_PRIVILEGED, offsetof(struct shadow_root, map.privileged));
	DEFINE(ROOT_GUEST_DACR, offsetof(struct shadow_root, map.guest_dacr));
	DEFINE(ROOT_USER_DACR, offsetof(struct shadow_root, map.mode_dacr[0]));
	DEFINE(ROOT_KERNEL_DACR, offsetof(struct shadow_root, map.mode_dacr[1]));
	DEFINE(ROOT_PREVIOUS_VALID, offsetof(struct shadow_root, map.previous.valid));
	DEFINE(ROOT_PREVIOUS_GUEST_DACR, offsetof(struct shadow_root, map.previous.guest_dacr));
	DEFINE(ROOT_PREVIOUS_WRITTEN, offsetof(struct shadow_root, map.previous.written));
	DEFINE(ROOT_PREVIOUS_USER_DACR, offsetof(struct shadow_root, map.previous.mode_dacr[0]));
	DEFINE(ROOT_PREVIOUS_KERNEL_DACR, offsetof(struct shadow_root, map.previous.mode_dacr[1]));
	DEFINE(ROOT_KERNEL_TTBR0, offsetof(struct shadow_root, view_ttbr0[SHADOW_VIEW_KERNEL]));
	DEFINE(ROOT_KERNEL_ASID, offsetof(struct shadow_root, view_asid[SHADOW_VIEW_KERNEL]));
	DEFINE(ROOT_USER_TTBR0, offsetof(struct shadow_root, view_ttbr0[SHADOW_VIEW_USER]));
	DEFINE(ROOT_USER_ASID, offsetof(struct shadow_root, view_asid[SHADOW_VIEW_USER]));
	DEFINE(SHADOW_VIEW_KERNEL, SHADOW_VIEW_KERNEL);
	DEFINE(SHADOW_VIEW_USER, SHADOW_VIEW_USER);
	DEFINE(MMU_RESERVED_ASID, MMU_RESERVED_ASID);

#ifdef CONFIG_TRAP_FREE_STUBS
	DEFINE(GUEST_STUBS, offsetof(struct guest, stubs));
	DEFINE(STUBS_CONFLICT, offsetof(struct stub_area, conflict));
	DEFINE(STUBS_WINDOWS, offsetof(struct stub_area, windows));
	DEFINE(STUBS_WINDOW_VA, offsetof(struct stub_area, window_va));
	DEFINE(STUBS_SPSR, offsetof(struct stub_area, spsr));
	DEFINE(STUBS_USR_BANK, offsetof(struct stub_area, usr_bank));
	DEFINE(STUBS_DATA, offsetof(struct stub_area, data));
	DEFINE(STUB_DATA_CPSR, STUB_DATA_CPSR);
	DEFINE(STUB_DATA_DACR, STUB_DATA_DACR);
	DEFINE(STUB_DATA_SPSR, STUB_DATA_SPSR);
	DEFINE(STUB_DATA_USR_SP, STUB_DATA_USR_SP);
	DEFINE(STUB_DATA_USR_LR, STUB_DATA_USR_LR);
	DEFINE(STUB_DATA_NO_USR_BANK, STUB_DATA_NO_USR_BANK);
	DEFINE(STUB_CPSR_BITS, STUB_CPSR_BITS);
	DEFINE(SECTION_SIZE, SECTION_SIZE);
#endif

	DEFINE(GUEST_PATCH_ENTRY, offsetof(struct guest, patches.entry));
	DEFINE(GUEST_PATCHES_USED, offsetof(struct guest, patches.used));
	DEFINE(PATCH_ORIG, offsetof(struct patch_entry, orig));
	DEFINE(PATCH_CLS, offsetof(struct patch_entry, cls));
	DEFINE(PATCH_UDF_BASE, PATCH_UDF_BASE);
	DEFINE(PATCH_UDF_OPCODE, PATCH_UDF_OPCODE);
	DEFINE(PATCH_UDF_MASK, PATCH_UDF_MASK);
	DEFINE(SENS_DP_ERET, SENS_DP_ERET);
	DEFINE(INSN_MOVS_PC, INSN_MOVS_PC);
	DEFINE(INSN_RT_MASK, INSN_RT_MASK);
	DEFINE(INSN_MCR_DACR_AL, INSN_MCR_DACR_AL);
	DEFINE(INSN_MCR_TPIDRURO_AL, INSN_MCR_TPIDRURO_AL);
	DEFINE(INSN_COPROC_LS_MASK, INSN_COPROC_LS_MASK);
	DEFINE(INSN_COPROC_LS, INSN_COPROC_LS);
	DEFINE(INSN_COPROC_REG_MASK, INSN_COPROC_REG_MASK);
	DEFINE(INSN_COPROC_REG, INSN_COPROC_REG);

	DEFINE(GUEST_VINTC_OPS, offsetof(struct guest, vintc.ops));
	DEFINE(GUEST_VINTC_STATE, offsetof(struct guest, vintc.state));
	DEFINE(VINTC_OPS_SIGNALLED, offsetof(struct vintc_ops, signalled));

#ifdef CONFIG_GUEST_GENERIC_TIMER
	DEFINE(GUEST_REAL_CNTKCTL, offsetof(struct guest, real_cntkctl));
	DEFINE(CNTKCTL_GUEST_KERNEL, CNTKCTL_GUEST_KERNEL);
	DEFINE(CNTKCTL_GUEST_USER_MASK, CNTKCTL_GUEST_USER_MASK);
#endif

	DEFINE(PSR_T, PSR_T);
	DEFINE(PSR_I, PSR_I);
	DEFINE(PSR_E, PSR_E);
	DEFINE(PSR_RESERVED_MASK, PSR_RESERVED_MASK);
	DEFINE(PSR_GUEST_LIVE, PSR_GUEST_LIVE);
	DEFINE(PSR_ENTRY_CLEARED, PSR_MODE_MASK | PSR_EXEC_MASK | PSR_E);
	DEFINE(SCTLR_TE, SCTLR_TE);
	DEFINE(SCTLR_EE, SCTLR_EE);
	DEFINE(SCTLR_V, SCTLR_V);
	DEFINE(VEXC_HIGH_VECTORS, VEXC_HIGH_VECTORS);
	DEFINE(VEXC_SVC_VECTOR, VEXC_SVC_VECTOR);
}
