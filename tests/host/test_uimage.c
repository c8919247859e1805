/*
 * U-Boot legacy image headers: the CRC-32 against its check values, and a
 * header written here from the format's description against one made by
 * the real mkimage. Loading and refusals are in test_guest_image.c.
 */
#include <stdbool.h>

#include "hyp/uimage.h"
#include "test.h"

#define WHY_SIZE        128

/*
 * Made by mkimage 2023.01 (u-boot-tools), from a 16-byte file:
 *   SOURCE_DATE_EPOCH=1700000000 mkimage -A arm -O linux -T kernel -C none \
 *       -a 0x80008000 -e 0x80008004 -n "tiny test" -d Image uImage
 */
static const uint8_t mkimage_uimage[] = {
	0x27, 0x05, 0x19, 0x56, 0x47, 0x5c, 0xe7, 0xd0, 0x65, 0x53, 0xf1, 0x00,
	0x00, 0x00, 0x00, 0x10, 0x80, 0x00, 0x80, 0x00, 0x80, 0x00, 0x80, 0x04,
	0xa8, 0xa5, 0x4d, 0xc3, 0x05, 0x02, 0x02, 0x00, 0x74, 0x69, 0x6e, 0x79,
	0x20, 0x74, 0x65, 0x73, 0x74, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x67, 0x75, 0x65, 0x73, 0x74, 0x20, 0x6b, 0x65,
	0x72, 0x6e, 0x65, 0x6c, 0x21, 0x0a, 0x00, 0x00
};
#define MKIMAGE_DATA_SIZE   16u

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

TEST(uimage_crc32_check_values)
{
	CHECK_EQ(uimage_crc32((const uint8_t *)"123456789", 9), 0xcbf43926u);
	CHECK_EQ(uimage_crc32((const uint8_t *)"", 0), 0);
	CHECK_EQ(uimage_crc32((const uint8_t *)"a", 1), 0xe8b7be43u);
}

/* The fields mkimage was given, laid out as U-Boot documents; CRCs ours. */
TEST(uimage_header_matches_mkimage)
{
	static const char name[] = "tiny test";
	uint8_t img[sizeof(mkimage_uimage)] = { 0 };
	const uint8_t *data = mkimage_uimage + UIMAGE_HEADER_SIZE;

	put_be32(img, 0x27051956u);
	put_be32(img + 8, 1700000000u);                 /* timestamp */
	put_be32(img + 12, MKIMAGE_DATA_SIZE);
	put_be32(img + 16, 0x80008000u);
	put_be32(img + 20, 0x80008004u);
	put_be32(img + 24, uimage_crc32(data, MKIMAGE_DATA_SIZE));
	img[28] = 5;                                    /* linux */
	img[29] = 2;                                    /* arm */
	img[30] = 2;                                    /* kernel */
	img[31] = 0;                                    /* none */
	memcpy(img + 32, name, sizeof(name) - 1);
	put_be32(img + 4, uimage_crc32(img, UIMAGE_HEADER_SIZE));
	memcpy(img + UIMAGE_HEADER_SIZE, data, MKIMAGE_DATA_SIZE);
	CHECK(!memcmp(img, mkimage_uimage, sizeof(img)));
}

TEST(uimage_parse_mkimage_output)
{
	struct uimage u;
	char why[WHY_SIZE];

	CHECK(uimage_is(mkimage_uimage, sizeof(mkimage_uimage)));
	CHECK(uimage_parse(mkimage_uimage, sizeof(mkimage_uimage), &u, why, sizeof(why)) == NULL);
	CHECK_EQ(u.load, 0x80008000u);
	CHECK_EQ(u.entry, 0x80008004u);
	CHECK_EQ(u.size, MKIMAGE_DATA_SIZE);
	CHECK(u.data == mkimage_uimage + UIMAGE_HEADER_SIZE);
}

TEST(uimage_parse_refuses_short_or_foreign)
{
	uint8_t img[sizeof(mkimage_uimage)];
	struct uimage u;
	char why[WHY_SIZE];

	CHECK(!uimage_is(mkimage_uimage, 3));
	CHECK_CONTAINS(uimage_parse(mkimage_uimage, UIMAGE_HEADER_SIZE - 1, &u, why, sizeof(why)),
		       "shorter than its 64-byte header");
	memcpy(img, mkimage_uimage, sizeof(img));
	img[0] = 0;
	CHECK(!uimage_is(img, sizeof(img)));
	CHECK_CONTAINS(uimage_parse(img, sizeof(img), &u, why, sizeof(why)), "not a uImage");
}

/* A reason naming a value is cut to the caller's buffer, still terminated. */
TEST(uimage_reason_fits_small_buffer)
{
	uint8_t img[sizeof(mkimage_uimage)];
	struct uimage u;
	char why[12];

	memcpy(img, mkimage_uimage, sizeof(img));
	img[30] = 3;                                    /* ramdisk */
	put_be32(img + 4, 0);
	put_be32(img + 4, uimage_crc32(img, UIMAGE_HEADER_SIZE));
	CHECK_STR(uimage_parse(img, sizeof(img), &u, why, sizeof(why)), "uImage is n");
}
