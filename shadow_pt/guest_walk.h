/*
 * The guest's own translation table walk: what the hardware would find for
 * a guest virtual address in the guest's short-descriptor tables (ARM DDI
 * 0406C B3.5), which live in guest physical memory. The walk stops at the
 * faults the hardware raises during the walk itself - external abort on a
 * table read, translation fault, access flag fault (B3.12; the ARM ARM's
 * TranslationTableWalkSD() raises these before CheckDomain() and
 * CheckPermission() run) - and reports the descriptor fields; domain, AP and
 * XN/PXN checks are the caller's (B3.7).
 * The walk ignores SCTLR.M: with the guest's MMU off there is nothing to walk.
 * Portable: compiled for the target and for host unit tests.
 */
#ifndef SHADOW_PT_GUEST_WALK_H
#define SHADOW_PT_GUEST_WALK_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/arm/pgtable_bits.h"

/*
 * Reads the aligned 32-bit word at guest physical address `gpa` as a
 * little-endian load would; false if there is no RAM there.
 */
typedef bool (*guest_phys_read_fn)(void *ctx, uint32_t gpa, uint32_t *value);

/* The guest's virtual CP15 state that the walk depends on. */
struct guest_walk_regs {
	uint32_t ttbr0, ttbr1, ttbcr;
	uint32_t sctlr;         /* AFE: access flag; EE: big-endian tables */
	uint32_t id_mmfr0;      /* VMSA support: PXN exists from 4 up (0: no PXN) */
};

enum walk_level { WALK_L1 = 1, WALK_L2 = 2 };
enum walk_kind { WALK_SECTION, WALK_SUPERSECTION, WALK_LARGE_PAGE, WALK_SMALL_PAGE };

struct guest_walk_result {
	/*
	 * true: the translation below. false and `unsupported` NULL: the
	 * guest takes an abort with fault_status (FS_* in fsr_bits.h) at
	 * `level`. false and `unsupported` set: the guest's tables use
	 * something the hypervisor does not emulate (TTBCR.EAE = 1, a
	 * supersection above 4 GiB); the caller stops the guest with that
	 * reason and fault_status is 0.
	 */
	bool ok;
	uint32_t fault_status;
	const char *unsupported;
	enum walk_level level;  /* of the last descriptor read, or of the fault */
	/*
	 * Filled for a translation, and for an access flag fault (which comes
	 * after the whole descriptor has been read).
	 */
	enum walk_kind kind;
	uint32_t pa;
	uint32_t ap;            /* AP[2:0] */
	bool xn, pxn, ng, s, ns;
	uint32_t tex, c, b;
	/*
	 * From an L1 table or section descriptor (supersections: 0), so also
	 * set for second-level faults.
	 */
	uint32_t domain;
	/*
	 * Where the walk read (or failed to read) each descriptor, and what
	 * it held; 0 for a level the walk did not reach.
	 */
	uint32_t l1_desc_gpa, l2_desc_gpa;
	uint32_t l1_desc, l2_desc;
};

void guest_walk(const struct guest_walk_regs *regs, uint32_t va, guest_phys_read_fn read,
		void *ctx, struct guest_walk_result *out);

/*
 * Where the L1 descriptor that translates `va` is; false when TTBCR.PD0
 * or PD1 disables walks through the TTBR that would translate it. TTBR0
 * translates the VAs whose top TTBCR.N bits are all zero, from a table of
 * 16 KiB >> N at TTBR0[31:14-N] indexed by VA[31-N:20]; TTBR1 the others,
 * from a 16 KiB table at TTBR1[31:14] indexed by VA[31:20] (B3.5.4,
 * B3.5.5). Inline: every walk and every resynchronisation by address
 * starts here.
 */
static inline bool guest_walk_l1_address(const struct guest_walk_regs *regs, uint32_t va, uint32_t *gpa)
{
	uint32_t n = regs->ttbcr & TTBCR_N_MASK;
	bool ttbr1 = n && (va >> (32u - n));
	uint32_t size = ttbr1 ? L1_TABLE_SIZE : L1_TABLE_SIZE >> n;

	if (regs->ttbcr & (ttbr1 ? TTBCR_PD1 : TTBCR_PD0))
		return false;
	*gpa = ((ttbr1 ? regs->ttbr1 : regs->ttbr0) & ~(size - 1u)) |
	       (((va >> SECTION_SHIFT) * 4u) & (size - 1u));
	return true;
}

#endif
