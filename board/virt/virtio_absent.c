/* The virtio-mmio register layout (virtio 1.1, 4.2.2), legacy interface as QEMU virt has it by default. */
#include "board/virt/virtio_absent.h"

#define VIRTIO_MMIO_TRANSPORT   0x200u          /* each transport's register window */
#define VIRTIO_MMIO_MAGIC       0x000u
#define VIRTIO_MMIO_VERSION     0x004u
#define VIRTIO_MMIO_DEVICE_ID   0x008u
#define VIRTIO_MMIO_VENDOR_ID   0x00cu
#define VIRTIO_MAGIC_VALUE      0x74726976u     /* "virt" */
#define VIRTIO_LEGACY_VERSION   1u
#define VIRTIO_VENDOR_QEMU      0x554d4551u     /* "QEMU" */

enum mmio_result virtio_absent_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value)
{
	uint32_t word;

	(void)ctx;
	switch (offset % VIRTIO_MMIO_TRANSPORT & ~3u) {
	case VIRTIO_MMIO_MAGIC:
		word = VIRTIO_MAGIC_VALUE;
		break;
	case VIRTIO_MMIO_VERSION:
		word = VIRTIO_LEGACY_VERSION;
		break;
	case VIRTIO_MMIO_VENDOR_ID:
		word = VIRTIO_VENDOR_QEMU;
		break;
	default:
		word = 0;       /* device ID 0: nothing here */
		break;
	}
	*value = size == 4 ? word : (word >> (8 * (offset & 3u))) & ((1u << (8 * size)) - 1u);
	return MMIO_DONE;
}

enum mmio_result virtio_absent_write(void *ctx, uint32_t offset, unsigned size, uint32_t value)
{
	(void)ctx, (void)offset, (void)size, (void)value;
	return MMIO_DONE;
}
