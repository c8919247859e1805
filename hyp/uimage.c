/*
 * U-Boot legacy image header, as U-Boot documents it (include/image.h,
 * "legacy image header", and mkimage(1)): 64 bytes, every word big-endian.
 *   0 magic   4 header CRC (computed with this field zero)   8 timestamp
 *  12 data size   16 load address   20 entry point   24 data CRC
 *  28 OS   29 architecture   30 image type   31 compression   32 name[32]
 */
#include "hyp/uimage.h"

#define UIMAGE_MAGIC    0x27051956u

#define OFF_MAGIC       0
#define OFF_HCRC        4
#define OFF_SIZE        12
#define OFF_LOAD        16
#define OFF_ENTRY       20
#define OFF_DCRC        24
#define OFF_OS          28
#define OFF_ARCH        29
#define OFF_TYPE        30
#define OFF_COMP        31

#define IH_OS_LINUX     5
#define IH_ARCH_ARM     2
#define IH_TYPE_KERNEL  2
#define IH_TYPE_MULTI   4
#define IH_COMP_NONE    0

#define CRC32_POLY      0xedb88320u     /* 0x04c11db7 bit-reversed */

/* mkimage -C names, by number. */
static const char *const comp_names[] = { "none", "gzip", "bzip2", "lzma", "lzo", "lz4", "zstd" };
#define COMP_NAMES      (sizeof(comp_names) / sizeof(comp_names[0]))

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Bitwise: no table to build, and the image is checked only once. */
static uint32_t crc_update(uint32_t crc, const uint8_t *p, uint32_t len)
{
	while (len--) {
		crc ^= *p++;
		for (int bit = 0; bit < 8; bit++)
			crc = (crc >> 1) ^ (CRC32_POLY & -(crc & 1u));
	}
	return crc;
}

uint32_t uimage_crc32(const uint8_t *p, uint32_t len)
{
	return ~crc_update(~0u, p, len);
}

/* The header's CRC covers the header with the CRC field itself zero. */
static uint32_t header_crc(const uint8_t *image)
{
	static const uint8_t zero[4];
	uint32_t crc = crc_update(~0u, image, OFF_HCRC);

	crc = crc_update(crc, zero, sizeof(zero));
	return ~crc_update(crc, image + OFF_HCRC + 4, UIMAGE_HEADER_SIZE - OFF_HCRC - 4);
}

struct text {
	char *at, *end;         /* end: the place kept for the terminating 0 */
};

static void put_str(struct text *t, const char *s)
{
	while (*s && t->at < t->end)
		*t->at++ = *s++;
}

static void put_dec(struct text *t, unsigned n)
{
	char digits[10];
	int i = 0;

	do
		digits[i++] = (char)('0' + n % 10);
	while (n /= 10);
	while (i && t->at < t->end)
		*t->at++ = digits[--i];
}

/* "<what> (<name>)" in why[], or "<what> (<label> <n>)" when name is NULL. */
static const char *refuse(char *why, size_t why_size, const char *what, const char *name,
			  const char *label, unsigned n)
{
	struct text t = { why, why + why_size - 1 };

	put_str(&t, what);
	put_str(&t, " (");
	if (name) {
		put_str(&t, name);
	} else {
		put_str(&t, label);
		put_str(&t, " ");
		put_dec(&t, n);
	}
	put_str(&t, ")");
	*t.at = 0;
	return why;
}

bool uimage_is(const uint8_t *image, uint32_t image_size)
{
	return image_size >= 4 && be32(image + OFF_MAGIC) == UIMAGE_MAGIC;
}

void uimage_header(const uint8_t *image, struct uimage *out)
{
	out->load = be32(image + OFF_LOAD);
	out->entry = be32(image + OFF_ENTRY);
	out->size = be32(image + OFF_SIZE);
	out->data = image + UIMAGE_HEADER_SIZE;
}

const char *uimage_parse(const uint8_t *image, uint32_t image_size, struct uimage *out,
			 char *why, size_t why_size)
{
	if (image_size < UIMAGE_HEADER_SIZE)
		return "uImage shorter than its 64-byte header";
	if (!uimage_is(image, image_size))
		return "not a uImage (no magic 0x27051956)";
	if (header_crc(image) != be32(image + OFF_HCRC))
		return "uImage header checksum mismatch";
	if (image[OFF_TYPE] == IH_TYPE_MULTI)
		return "uImage is a multi-file image; only a single kernel is supported";
	if (image[OFF_TYPE] != IH_TYPE_KERNEL)
		return refuse(why, why_size, "uImage is not a kernel image", NULL, "type",
			      image[OFF_TYPE]);
	if (image[OFF_ARCH] != IH_ARCH_ARM)
		return refuse(why, why_size, "uImage is not for 32-bit ARM", NULL, "architecture",
			      image[OFF_ARCH]);
	if (image[OFF_OS] != IH_OS_LINUX)
		return refuse(why, why_size, "uImage is not a Linux kernel", NULL, "OS",
			      image[OFF_OS]);
	if (image[OFF_COMP] != IH_COMP_NONE)
		return refuse(why, why_size, "uImage data is compressed",
			      image[OFF_COMP] < COMP_NAMES ? comp_names[image[OFF_COMP]] : NULL,
			      "method", image[OFF_COMP]);

	uimage_header(image, out);
	if (out->entry < out->load || out->entry - out->load >= out->size)
		return "uImage entry point lies outside its data";
	if (out->size > image_size - UIMAGE_HEADER_SIZE)
		return "uImage shorter than its header's data size";
	if (uimage_crc32(out->data, out->size) != be32(image + OFF_DCRC))
		return "uImage data checksum mismatch";
	return NULL;
}
