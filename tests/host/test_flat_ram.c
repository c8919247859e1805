/* Which guest-physical ranges are guest RAM (shadow_pt/flat.h), at both ends of the RAM. */
#include <stdint.h>

#include "shadow_pt/flat.h"
#include "test.h"

static struct shadow_flat flat = { .ram = { .gpa_base = 0x80000000u, .hpa_base = 0x90000000u, .size = 0x20000000u } };

TEST(flat_ram_addresses_and_ranges_at_the_edges)
{
	CHECK(shadow_flat_is_ram(&flat, 0x80000000u, 1));
	CHECK(shadow_flat_is_ram(&flat, 0x9fffffffu, 1));
	CHECK(shadow_flat_is_ram(&flat, 0x9ffffffcu, 4));
	CHECK(shadow_flat_is_ram(&flat, 0x80000000u, 0x20000000u));
	CHECK(!shadow_flat_is_ram(&flat, 0x7fffffffu, 1));             /* below: wraps, not RAM */
	CHECK(!shadow_flat_is_ram(&flat, 0x00000000u, 1));
	CHECK(!shadow_flat_is_ram(&flat, 0xa0000000u, 1));
	CHECK(!shadow_flat_is_ram(&flat, 0x9ffffffeu, 4));             /* runs past the end */
	CHECK(!shadow_flat_is_ram(&flat, 0x7ffffffeu, 4));             /* starts below */
	CHECK(!shadow_flat_is_ram(&flat, 0x80000001u, 0x20000000u));
	CHECK(!shadow_flat_is_ram(&flat, 0xfffffffcu, 8));
	CHECK(shadow_flat_in_ram(&flat, 0x80000000u));
	CHECK(shadow_flat_in_ram(&flat, 0x9fffffffu));
	CHECK(!shadow_flat_in_ram(&flat, 0xa0000000u));
	CHECK(!shadow_flat_in_ram(&flat, 0x7fffffffu));
	CHECK(!shadow_flat_in_ram(&flat, 0xffffffffu));
}
