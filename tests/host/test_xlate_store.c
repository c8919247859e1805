/* The per-instruction translation store. */
#include "hyp/xlate_store.h"
#include "test.h"

TEST(xlate_store_hits_misses_and_not_mapped)
{
	struct xlate_store s = { 0 };
	uint32_t gpa = 0, fsr = 1;

	xlate_store_clear(&s);
	CHECK(!xlate_store_find(&s, 0x40001234u, 0, &gpa, &fsr));
	xlate_store_add(&s, 0x40001234u, 0, 0x80201234u, 0);
	xlate_store_add(&s, 0x50000000u, 1, 0, 0x807u);        /* not mapped: translation fault */
	CHECK(xlate_store_find(&s, 0x40001ffcu, 0, &gpa, &fsr));
	CHECK_EQ(gpa, 0x80201ffcu);
	CHECK_EQ(fsr, 0);
	CHECK(!xlate_store_find(&s, 0x40001ffcu, 1, &gpa, &fsr));     /* other access type */
	CHECK(xlate_store_find(&s, 0x50000010u, 1, &gpa, &fsr));
	CHECK_EQ(fsr, 0x807u);
	CHECK_EQ(s.hits, 2);
	CHECK_EQ(s.misses, 2);
	xlate_store_clear(&s);
	CHECK(!xlate_store_find(&s, 0x40001234u, 0, &gpa, &fsr));
}

TEST(xlate_store_keeps_the_newest)
{
	struct xlate_store s = { 0 };
	uint32_t gpa, fsr;

	for (uint32_t i = 0; i < XLATE_STORE_ENTRIES + 2; i++)
		xlate_store_add(&s, i << 12, 0, 0x80000000u + (i << 12), 0);
	CHECK(!xlate_store_find(&s, 0, 0, &gpa, &fsr));
	CHECK(!xlate_store_find(&s, 1u << 12, 0, &gpa, &fsr));
	CHECK(xlate_store_find(&s, (XLATE_STORE_ENTRIES + 1) << 12, 0, &gpa, &fsr));
	CHECK_EQ(gpa, 0x80000000u + ((XLATE_STORE_ENTRIES + 1) << 12));
}
