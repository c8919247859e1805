/* Guest memory for the emulator while the guest's MMU is off (VA = PA). */
#include <string.h>

#include "hyp/vmem.h"
#include "shadow_pt/flat.h"

/*
 * Outside RAM the board reads zero and ignores writes (QEMU's vexpress raises
 * no abort there), so the emulator's accesses do the same.
 */
uint32_t vmem_read(struct vcpu *v, uint32_t va, unsigned size, uint32_t *value)
{
	(void)v;
	*value = 0;
	if (shadow_flat_is_ram(va, size))
		memcpy(value, shadow_flat_hyp_ptr(va), size);
	return 0;
}

uint32_t vmem_write(struct vcpu *v, uint32_t va, unsigned size, uint32_t value)
{
	(void)v;
	if (shadow_flat_is_ram(va, size))
		memcpy(shadow_flat_hyp_ptr(va), &value, size);
	return 0;
}
