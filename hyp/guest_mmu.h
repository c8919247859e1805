/*
 * A guest's own MMU, on the target: while the guest's SCTLR.M is set the
 * real MMU walks shadow tables (shadow_pt/shadow.c) filled on demand from
 * the guest's tables, with permissions from the DACR/AP mapping
 * (dacr/dacr_map.c). Pages holding the guest's tables are write-tracked
 * (hyp/guest_tables.c). SHADOW_ROOTS shadow address spaces are cached by
 * TTBRs, TTBCR and ASID, so a guest context switch finds its shadow again;
 * each has a view per guest mode, under an ASID of its own, so a kernel/user
 * switch changes TTBR0 and CONTEXTIDR only. Guest TLB maintenance forgets
 * what it names; SCTLR changes drop every shadow table; a code page changing
 * state forgets that page's entries. DACR writes change only the processor
 * DACR where the mapping allows (Kconfig SHADOW_STRATEGY_L1_ITERATE), and
 * drop every table of the guest domain concerned otherwise; or every DACR
 * write and mode switch drops everything (SHADOW_STRATEGY_FLUSH_ALL, the
 * baseline).
 */
#ifndef HYP_GUEST_MMU_H
#define HYP_GUEST_MMU_H

#include <stdbool.h>
#include <stdint.h>

#include "hyp/cp15_hooks.h"
#include "hyp/guest.h"
#include "shadow_pt/guest_access.h"
#include "shadow_pt/guest_walk.h"

bool guest_mmu_on(const struct vcpu *v);
/* A guest being created: its MMU off (on its flat map), its processor ASIDs by its index. */
void guest_mmu_init(struct guest *g);

/*
 * Walk the guest's tables for `va` and check an access in the guest's
 * current mode: 0, or the fault status (FSR without WnR) its MMU raises.
 * Sets v->stop_reason for tables the hypervisor does not support.
 */
uint32_t guest_mmu_check(struct vcpu *v, uint32_t va, enum guest_access access,
			 struct guest_walk_result *w);

/* Guest virtual to guest physical (the identity with the MMU off); 0 or a fault status. */
uint32_t guest_mmu_translate(struct vcpu *v, uint32_t va, enum guest_access access, uint32_t *gpa);

/*
 * Where the instruction at `va` that just trapped was fetched from in
 * guest RAM, read from the active shadow (no walk of the guest's tables):
 * the fetch went through that entry, and the TLB holds nothing the shadow
 * does not. False with the guest's MMU off, or if the entry is gone since.
 */
bool guest_mmu_fetched_from(const struct guest *g, uint32_t va, uint32_t *gpa);

/*
 * Does the processor run the translation the guest has in mode
 * `privileged` (the flat map, or the view and DACR of that mode for the
 * guest's current registers)? Then an unprivileged access there is the
 * guest's own.
 */
bool guest_mmu_runs_mode(const struct guest *g, bool privileged);

/*
 * Install the shadow page for a checked access to RAM or a passed-through
 * device. False when `va` lies in the hypervisor's window: emulate instead.
 */
bool guest_mmu_fill(struct guest *g, uint32_t va, const struct guest_walk_result *w, bool device);

/*
 * The guest's descriptor at `desc_gpa` changed: forget what every root
 * derived from it (as L2 descriptor, and as L1 descriptor where a root's
 * tables hold it). Then guest_mmu_flush_stale().
 */
void guest_mmu_descriptor_changed(struct guest *g, uint32_t desc_gpa);
void guest_mmu_flush_stale(struct guest *g);

/*
 * Does a root derive anything from the SHADOW_MB_BLOCK L1 descriptors from
 * `desc_gpa`, in a page of L1 table (guest_tables_holds_l1())? A shadow
 * table or a stub window in their MiBs; always, where several roots hold
 * the page.
 */
bool guest_mmu_l1_block_used(const struct guest *g, uint32_t desc_gpa);

/*
 * Is guest RAM page `gpa` mapped executable, in any shadow, at no other
 * virtual page than that of `va`? (As far as the records of where it was
 * mapped tell; mappings the guest makes executable later are reported to
 * the stubs by stubs_code_mapped().)
 */
bool guest_mmu_frame_runs_only_at(struct guest *g, uint32_t gpa, uint32_t va);

/* Every shadow entry's restrictions may be stale: drop them all. */
void guest_mmu_drop_all(struct guest *g);

/*
 * The hypervisor's restrictions on guest RAM page `gpa` changed (a code
 * page changed state): forget the shadow entries that map it.
 */
void guest_mmu_forget_frame(struct guest *g, uint32_t gpa);

/* SCTLR, TTBRx, TTBCR, DACR or CONTEXTIDR written; guest TLB maintenance. */
void guest_mmu_translation_changed(struct guest *g);
/* Only the DACR written: the processor DACR follows (the trap fast path). */
void guest_mmu_dacr_written(struct guest *g);
void guest_mmu_tlb_maintenance(struct guest *g, enum tlb_op op, uint32_t value);

/* Before returning to the guest: the processor DACR for its mode and DACR. */
void guest_mmu_sync(struct guest *g);
/*
 * The guest gets the core back after another guest ran: its translation
 * (flat map or running shadow root) and processor DACR in the registers.
 * The TLB may keep every guest's entries: their ASIDs differ.
 */
void guest_mmu_resume(struct guest *g);

#endif
