/* A guest's virtual GIC as emulated devices (struct guest_mmio_device; the context: its struct vgic). */
#ifndef HYP_VGIC_MMIO_H
#define HYP_VGIC_MMIO_H

#include "board/board.h"

#define VGIC_DIST_SIZE  0x1000u
#define VGIC_CPU_SIZE   0x2000u

enum mmio_result vgic_mmio_dist_read(void *vgic, uint32_t offset, unsigned size, uint32_t *value);
enum mmio_result vgic_mmio_dist_write(void *vgic, uint32_t offset, unsigned size, uint32_t value);
enum mmio_result vgic_mmio_cpu_read(void *vgic, uint32_t offset, unsigned size, uint32_t *value);
enum mmio_result vgic_mmio_cpu_write(void *vgic, uint32_t offset, unsigned size, uint32_t value);

#endif
