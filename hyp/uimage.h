/*
 * U-Boot legacy images ("uImage", as made by mkimage -T kernel -C none):
 * a 64-byte big-endian header, then the data. Only an uncompressed ARM
 * Linux kernel is accepted. Portable: also built for host tests.
 */
#ifndef HYP_UIMAGE_H
#define HYP_UIMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UIMAGE_HEADER_SIZE 64u

struct uimage {
	uint32_t load, entry, size;     /* guest-physical load and entry addresses */
	const uint8_t *data;            /* `size` bytes, just after the header */
};

/* Whether the image starts with the uImage magic. */
bool uimage_is(const uint8_t *image, uint32_t image_size);

/*
 * Check the header and the data (sizes, both CRCs, type, architecture, OS,
 * compression, entry inside the data) and fill `out`. Returns NULL, else
 * the reason the image was refused: a constant string, or `why` (of
 * `why_size` bytes) when the reason names a header field's value.
 */
const char *uimage_parse(const uint8_t *image, uint32_t image_size, struct uimage *out,
			 char *why, size_t why_size);

/* Fill `out` from a header uimage_parse() has accepted, without checking it again. */
void uimage_header(const uint8_t *image, struct uimage *out);

/* The CRC-32 of IEEE 802.3 and zlib's crc32() (reflected, polynomial 0xedb88320). */
uint32_t uimage_crc32(const uint8_t *p, uint32_t len);

#endif
