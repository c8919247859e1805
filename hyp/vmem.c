/* Guest memory for the emulator while the guest's MMU is off (VA = PA). */
#include <string.h>

#include "arch/arm/fsr_bits.h"
#include "arch/arm/sctlr_bits.h"
#include "hyp/vmem.h"
#include "shadow_pt/flat.h"

/* Natively, an access outside RAM and devices is a synchronous external abort. */
static uint32_t check(const struct vcpu *v, uint32_t va, unsigned size)
{
	if (v->cp15.sctlr & SCTLR_M)
		return fsr_make(FS_SYNC_EXTERNAL);      /* guest MMU: stopped before we get here */
	if (!shadow_flat_is_ram(va, size))
		return fsr_make(FS_SYNC_EXTERNAL);
	return 0;
}

uint32_t vmem_read(struct vcpu *v, uint32_t va, unsigned size, uint32_t *value)
{
	uint32_t fsr = check(v, va, size);

	if (!fsr) {
		*value = 0;
		memcpy(value, shadow_flat_hyp_ptr(va), size);
	}
	return fsr;
}

uint32_t vmem_write(struct vcpu *v, uint32_t va, unsigned size, uint32_t value)
{
	uint32_t fsr = check(v, va, size);

	if (!fsr)
		memcpy(shadow_flat_hyp_ptr(va), &value, size);
	return fsr;
}
