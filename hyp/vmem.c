/*
 * Guest memory for the emulator: guest virtual addresses go through the
 * guest's own MMU when it is on (hyp/guest_mmu.c), with the guest's current
 * privilege; guest RAM is reached through the hypervisor's physical slots.
 * Outside RAM the board reads zero and ignores writes (QEMU's vexpress
 * raises no abort there), so the emulator's accesses do the same.
 * An aligned word is first tried straight through the translation the
 * guest runs with, when that is the one for its current mode: the access
 * the guest itself would make, permissions included, with no walk.
 */
#include <string.h>

#include "arch/arm/guest_word.h"
#include "arch/arm/pgtable_bits.h"
#include "hyp/guest_mmu.h"
#include "hyp/guest_tables.h"
#include "hyp/vmem.h"
#include "shadow_pt/flat.h"

uint32_t vmem_translate(struct vcpu *v, uint32_t va, enum guest_access access, uint32_t *gpa)
{
	uint32_t fsr;

	if (!xlate_store_find(&v->xlate, va, access, gpa, &fsr)) {
		fsr = guest_mmu_translate(v, va, access, gpa);
		xlate_store_add(&v->xlate, va, access, *gpa, fsr);
	}
	return fsr;
}

static uint32_t access_bytes(struct vcpu *v, uint32_t va, unsigned size, bool write, uint8_t *bytes)
{
	uint32_t gpa, fsr;

	if ((va & ~PAGE_MASK) + size > PAGE_SIZE) {     /* split at the page boundary */
		unsigned first = PAGE_SIZE - (va & ~PAGE_MASK);
		if ((fsr = access_bytes(v, va, first, write, bytes)))
			return fsr;
		return access_bytes(v, va + first, size - first, write, bytes + first);
	}
	if ((fsr = vmem_translate(v, va, write ? GUEST_WRITE : GUEST_READ, &gpa)))
		return fsr;
	if (!shadow_flat_is_ram(&v->guest->flat, gpa, size)) {
		if (!write)
			memset(bytes, 0, size);
		return 0;
	}
	uint8_t *ram = guest_ram_page_ptr(&v->guest->flat, gpa);
	if (write) {
		memcpy(ram, bytes, size);
		guest_tables_written(v->guest, gpa, size);
	} else {
		memcpy(bytes, ram, size);
	}
	return 0;
}

/*
 * False when the word cannot be reached that way (not mapped in the shadow
 * yet, a restriction of the hypervisor's, a fault of the guest's own): the
 * general path then decides.
 */
static bool direct_word(struct vcpu *v, uint32_t va, bool write, uint32_t *value)
{
	if ((va & 3u) || !guest_mmu_runs_mode(v->guest, vcpu_privileged(v)))
		return false;
	return write ? guest_store_word(va, *value) : guest_load_word(va, value);
}

uint32_t vmem_read(struct vcpu *v, uint32_t va, unsigned size, uint32_t *value)
{
	*value = 0;
	if (size == 4 && direct_word(v, va, false, value))
		return 0;
	return access_bytes(v, va, size, false, (uint8_t *)value);
}

uint32_t vmem_write(struct vcpu *v, uint32_t va, unsigned size, uint32_t value)
{
	if (size == 4 && direct_word(v, va, true, &value))
		return 0;
	return access_bytes(v, va, size, true, (uint8_t *)&value);
}
