#include "hyp/vgic.h"
#include "hyp/vgic_mmio.h"

enum mmio_result vgic_mmio_dist_read(void *vgic, uint32_t offset, unsigned size, uint32_t *value)
{
	vgic_dist_read(vgic, offset, size, value);
	return MMIO_DONE;
}

enum mmio_result vgic_mmio_dist_write(void *vgic, uint32_t offset, unsigned size, uint32_t value)
{
	vgic_dist_write(vgic, offset, size, value);
	return MMIO_DONE;
}

enum mmio_result vgic_mmio_cpu_read(void *vgic, uint32_t offset, unsigned size, uint32_t *value)
{
	vgic_cpu_read(vgic, offset, size, value);
	return MMIO_DONE;
}

enum mmio_result vgic_mmio_cpu_write(void *vgic, uint32_t offset, unsigned size, uint32_t value)
{
	vgic_cpu_write(vgic, offset, size, value);
	return MMIO_DONE;
}
