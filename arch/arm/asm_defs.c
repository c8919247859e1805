/*
 * Compiled to assembly only: each DEFINE becomes a "->NAME value" line that
 * the build turns into generated/asm-defs.h, so assembly never counts
 * offsets or re-states bit values by hand.
 */
#include <stddef.h>

#include "arch/arm/pgtable_bits.h"
#include "arch/arm/psr.h"
#include "arch/arm/sctlr_bits.h"
#include "arch/arm/trap_frame.h"
#include "dacr/domains.h"

#define DEFINE(sym, val) __asm__ volatile("\n->" #sym " %0" : : "i"(val))

void asm_defs(void);

void asm_defs(void)
{
	DEFINE(PSR_MODE_MASK, PSR_MODE_MASK);
	DEFINE(PSR_MODE_USR, PSR_MODE_USR);
	DEFINE(PSR_MODE_FIQ, PSR_MODE_FIQ);
	DEFINE(PSR_MODE_IRQ, PSR_MODE_IRQ);
	DEFINE(PSR_MODE_SVC, PSR_MODE_SVC);
	DEFINE(PSR_MODE_ABT, PSR_MODE_ABT);
	DEFINE(PSR_MODE_UND, PSR_MODE_UND);
	DEFINE(TRAP_FRAME_SIZE, sizeof(struct trap_frame));
	DEFINE(TRAP_FRAME_SP, offsetof(struct trap_frame, r[13]));
	DEFINE(TRAP_FRAME_REGS_SIZE, offsetof(struct trap_frame, pc));
	DEFINE(TRAP_UNDEF, TRAP_UNDEF);
	DEFINE(TRAP_SVC, TRAP_SVC);
	DEFINE(TRAP_PABT, TRAP_PABT);
	DEFINE(TRAP_DABT, TRAP_DABT);
	DEFINE(TRAP_IRQ, TRAP_IRQ);
	DEFINE(TRAP_FIQ, TRAP_FIQ);
	DEFINE(TRAP_RESET, TRAP_RESET);
	DEFINE(TRAP_UNUSED, TRAP_UNUSED);
	DEFINE(L1_ENTRIES, L1_ENTRIES);
	DEFINE(SECTION_SHIFT, SECTION_SHIFT);
	DEFINE(BOOT_SECTION_FLAGS, L1_TYPE_SECTION | L1_SECT_NORMAL_WBWA |
	       L1_SECT_AP(AP_PL1_RW) | L1_DOMAIN(DOMAIN_HYP));
	DEFINE(BOOT_TTBR_FLAGS, TTBR_IRGN_WBWA | TTBR_RGN_WBWA);
	DEFINE(BOOT_DACR, DACR_FIELD(DOMAIN_HYP, DACR_CLIENT));
	DEFINE(SCTLR_BOOT_SET, SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_Z);
	DEFINE(SCTLR_BOOT_CLEAR, SCTLR_A | SCTLR_V | SCTLR_TRE | SCTLR_AFE | SCTLR_EE);
}
