/*
 * QEMU virt's virtio-mmio transports, as the guest sees them under the
 * hypervisor: present, with no device behind any of them (device ID 0).
 * Natively they are QEMU's; a device added behind one could DMA anywhere in
 * host memory, so the guest never reaches the real ones.
 */
#ifndef BOARD_VIRT_VIRTIO_ABSENT_H
#define BOARD_VIRT_VIRTIO_ABSENT_H

#include <stdint.h>

#include "board/board.h"

enum mmio_result virtio_absent_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value);
enum mmio_result virtio_absent_write(void *ctx, uint32_t offset, unsigned size, uint32_t value);

#endif
