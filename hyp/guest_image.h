/*
 * Loading the staged guest image into guest RAM. The run script (or the
 * boot loader) places a struct stage_header at GUEST_STAGE_ADDR, the image
 * 4 KiB after it, then an optional device tree and an optional initial RAM
 * disk, each at the next 4 KiB boundary. Bad images are refused with a
 * reason before anything is written to guest RAM.
 */
#ifndef HYP_GUEST_IMAGE_H
#define HYP_GUEST_IMAGE_H

#include <stdbool.h>
#include <stdint.h>

#define STAGE_MAGIC         0x47505948u     /* "HYPG" */
#define STAGE_IMAGE_OFFSET  0x1000u

struct stage_header {
	uint32_t magic;
	uint32_t image_size;
	uint32_t dtb_size;
	uint32_t initrd_size;
	uint32_t initrd_gpa;    /* where the device tree's /chosen says the initrd is */
	uint32_t ram_size;      /* the guest's RAM; 0: the configured GUEST_RAM_SIZE */
};

struct guest_boot {
	const char *kind;       /* "ELF", "uImage" or "zImage" */
	bool linux_kernel;      /* booted by Linux's protocol (zImage, uImage), not ELF */
	uint32_t entry;
	uint32_t image_start, image_end;        /* guest-physical, end exclusive */
	uint32_t dtb;           /* guest-physical address, 0 if none */
};

/*
 * Where QEMU places the initrd of a kernel it boots natively (and, without
 * an initrd, the device tree): RAM base + min(RAM size / 2, 128 MiB). The
 * run script puts the initrd there and names it in the device tree, so the
 * guest sees the memory layout it has natively.
 */
#define GUEST_INITRD_MAX_OFFSET 0x08000000u

/* The guest RAM window and the memory it must never cover. */
struct guest_image_limits {
	uint32_t ram_base, ram_size;
	uint32_t hyp_base, hyp_size;    /* physical */
};

/*
 * Validate and copy the image at `image` into guest RAM (through
 * `ram_ptr`, which maps a guest-physical address to a writable pointer).
 * Returns NULL on success, else the reason the image was refused.
 */
const char *guest_image_load(const struct stage_header *hdr, const uint8_t *image,
			     const struct guest_image_limits *lim,
			     void *(*ram_ptr)(uint32_t gpa), struct guest_boot *boot);

#endif
