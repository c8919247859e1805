/*
 * What CP15 and VFP emulation ask of the rest of the hypervisor when a
 * guest register access has an effect beyond the virtual register file.
 * Target: hyp/cp15_hooks.c. Host tests: a recording fake.
 */
#ifndef HYP_CP15_HOOKS_H
#define HYP_CP15_HOOKS_H

#include <stdint.h>

#include "hyp/vcpu.h"

enum tlb_op { TLB_ALL, TLB_MVA, TLB_ASID, TLB_MVA_ALL_ASID };

/* TPIDRURO changed: the real register PL0 reads must follow. */
void cp15_hook_tpidruro_changed(struct vcpu *v);
/* The guest invalidated its instruction cache or branch predictor. */
void cp15_hook_icache_invalidate(struct vcpu *v);
/* The guest did TLB maintenance (the shadow tables must stay coherent). */
void cp15_hook_tlb(struct vcpu *v, enum tlb_op op, uint32_t value);
/* Translation-relevant registers changed (SCTLR, TTBRx, TTBCR, DACR, CONTEXTIDR). */
void cp15_hook_translation_changed(struct vcpu *v);
/* CPACR changed: the real coprocessor access must follow for VFP/NEON. */
void cp15_hook_cpacr_changed(struct vcpu *v);
/* The real physical count (CNTPCT), which the guest's physical timer compares with. */
uint64_t cp15_hook_physical_count(const struct vcpu *v);
/* The guest wrote its physical timer: its interrupt line and deadline follow. */
void cp15_hook_ptimer_changed(struct vcpu *v);
/* The real VFP system registers (reg: the VMRS/VMSR register number). */
uint32_t vfp_hook_read(unsigned reg);
void vfp_hook_write(unsigned reg, uint32_t value);

#endif
