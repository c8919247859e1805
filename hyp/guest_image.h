/*
 * Loading the staged guest image into guest RAM. The run script (or the
 * boot loader) places a struct stage_header at GUEST_STAGE_ADDR, the image
 * 4 KiB after it, and an optional device tree at the next 4 KiB boundary
 * after the image. Bad images are refused with a reason before anything runs.
 */
#ifndef HYP_GUEST_IMAGE_H
#define HYP_GUEST_IMAGE_H

#include <stdint.h>

#define STAGE_MAGIC         0x47505948u     /* "HYPG" */
#define STAGE_IMAGE_OFFSET  0x1000u

struct stage_header {
	uint32_t magic;
	uint32_t image_size;
	uint32_t dtb_size;
};

struct guest_boot {
	const char *kind;       /* "ELF" or "zImage" */
	uint32_t entry;
	uint32_t dtb;           /* guest-physical address, 0 if none */
};

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
