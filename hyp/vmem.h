/*
 * Guest memory as the instruction emulator sees it: accesses by guest
 * virtual address with the guest's current privilege. Each returns 0, or
 * the fault status (DFSR value without WnR) the access raises natively.
 * Implemented by hyp/vmem.c on the target and by a fake in host tests.
 */
#ifndef HYP_VMEM_H
#define HYP_VMEM_H

#include <stdint.h>

#include "hyp/vcpu.h"
#include "shadow_pt/guest_access.h"

/*
 * Guest virtual to guest physical for the instruction being emulated,
 * through its translation store (hyp/xlate_store.h); 0 or the guest's
 * fault status. Target only.
 */
uint32_t vmem_translate(struct vcpu *v, uint32_t va, enum guest_access access, uint32_t *gpa);

uint32_t vmem_read(struct vcpu *v, uint32_t va, unsigned size, uint32_t *value);
uint32_t vmem_write(struct vcpu *v, uint32_t va, unsigned size, uint32_t value);

#endif
