#include "hyp/guest.h"
#include "hyp/vgic_mmio.h"

enum mmio_result vgic_mmio_dist_read(uint32_t offset, unsigned size, uint32_t *value)
{
	vgic_dist_read(&guest_current()->vgic, offset, size, value);
	return MMIO_DONE;
}

enum mmio_result vgic_mmio_dist_write(uint32_t offset, unsigned size, uint32_t value)
{
	vgic_dist_write(&guest_current()->vgic, offset, size, value);
	return MMIO_DONE;
}

enum mmio_result vgic_mmio_cpu_read(uint32_t offset, unsigned size, uint32_t *value)
{
	vgic_cpu_read(&guest_current()->vgic, offset, size, value);
	return MMIO_DONE;
}

enum mmio_result vgic_mmio_cpu_write(uint32_t offset, unsigned size, uint32_t value)
{
	vgic_cpu_write(&guest_current()->vgic, offset, size, value);
	return MMIO_DONE;
}
