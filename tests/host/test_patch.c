/* The patch table and its UDF #imm16 trapping words (ARM DDI 0406C A8.8.247). */
#include "generated/config.h"
#include "hyp/patch.h"
#include "test.h"

#define PAGE_A 0x80003000u
#define PAGE_B 0x80004000u

TEST(patch_udf_round_trip)
{
	CHECK_EQ(patch_udf_encode(0), 0xe7f000f0u);             /* udf #0, from the assembler */
	CHECK_EQ(patch_udf_encode(0xffff), 0xe7ffffffu);        /* udf #0xffff */
	for (uint32_t i = 0; i <= 0xffff; i++) {
		uint32_t insn = patch_udf_encode(i), back = 0x12345678;
		/* cond 1110, 0111 1111 imm12 1111 imm4 */
		if ((insn & 0xfff000f0u) != 0xe7f000f0u)
			FAIL("index 0x%x encoded as 0x%08x, not UDF", i, insn);
		if (!patch_udf_decode(insn, &back) || back != i)
			FAIL("index 0x%x decoded back as 0x%x", i, back);
	}
}

TEST(patch_udf_decode_rejects_others)
{
	uint32_t index;

	CHECK(!patch_udf_decode(0x17f000f0u, &index));          /* not AL */
	CHECK(!patch_udf_decode(0xe7f000e0u, &index));
	CHECK(!patch_udf_decode(0xe1a00000u, &index));
	CHECK(!patch_udf_decode(0xe10f0000u, &index));
}

TEST(patch_insert_and_lookup)
{
	patch_table_reset();
	uint32_t a = patch_insert(PAGE_A + 0x10, 0xe10f0000, SENS_MRS);
	uint32_t b = patch_insert(PAGE_A + 0x20, 0xf10c0080, SENS_CPS);
	CHECK(a && b && a != b);
	CHECK_EQ(patch_count(), 2);

	const struct patch_entry *e = patch_lookup(a, PAGE_A + 0x10);
	CHECK(e != NULL);
	CHECK_EQ(e->orig, 0xe10f0000u);
	CHECK_EQ(e->cls, SENS_MRS);
	CHECK_EQ(e->gpa, PAGE_A + 0x10);
	e = patch_lookup(b, PAGE_A + 0x20);
	CHECK(e != NULL);
	CHECK_EQ(e->orig, 0xf10c0080u);
	CHECK_EQ(e->cls, SENS_CPS);
}

/* The guest's own UDF, or our word copied elsewhere, is not ours. */
TEST(patch_lookup_validates_address)
{
	patch_table_reset();
	uint32_t a = patch_insert(PAGE_A + 0x10, 0xe10f0000, SENS_MRS);
	CHECK(patch_lookup(a, PAGE_A + 0x14) == NULL);
	CHECK(patch_lookup(a, PAGE_B + 0x10) == NULL);
	CHECK(patch_lookup(0xe1a00000u, PAGE_A + 0x10) == NULL);
	CHECK(patch_lookup(patch_udf_encode(1), PAGE_A + 0x10) == NULL);   /* unused entry */
	CHECK(patch_lookup(patch_udf_encode(0xffff), PAGE_A + 0x10) == NULL);
}

TEST(patch_table_full)
{
	patch_table_reset();
	for (uint32_t i = 0; i < CONFIG_PATCH_TABLE_ENTRIES; i++)
		if (!patch_insert(PAGE_A + 4u * i, 0xe10f0000, SENS_MRS))
			FAIL("insert %u of %u failed", i, CONFIG_PATCH_TABLE_ENTRIES);
	CHECK_EQ(patch_count(), CONFIG_PATCH_TABLE_ENTRIES);
	CHECK_EQ(patch_insert(PAGE_B, 0xe10f0000, SENS_MRS), 0);
	CHECK_EQ(patch_count(), CONFIG_PATCH_TABLE_ENTRIES);
}

TEST(patch_forget_stale)
{
	static uint32_t words[1024];

	patch_table_reset();
	uint32_t a = patch_insert(PAGE_A + 0x0, 0xe10f0000, SENS_MRS);
	uint32_t b = patch_insert(PAGE_A + 0x40, 0xe14f3000, SENS_MRS);
	uint32_t c = patch_insert(PAGE_A + 0xffc, 0xe1b0f00e, SENS_DP_ERET);
	uint32_t d = patch_insert(PAGE_B + 0x40, 0xe121f000, SENS_MSR_REG);
	words[0] = a;
	words[0x40 / 4] = 0xe1a00000;   /* the guest overwrote b */
	words[0xffc / 4] = c;

	patch_forget_stale(PAGE_A, words);
	CHECK_EQ(patch_count(), 3);
	CHECK(patch_lookup(a, PAGE_A + 0x0) != NULL);
	CHECK(patch_lookup(b, PAGE_A + 0x40) == NULL);
	CHECK(patch_lookup(c, PAGE_A + 0xffc) != NULL);
	/* Entries of other pages are left alone whatever the words say. */
	CHECK(patch_lookup(d, PAGE_B + 0x40) != NULL);
}

TEST(patch_freed_entry_reused_when_full)
{
	static uint32_t words[1024];

	patch_table_reset();
	for (uint32_t i = 0; i < CONFIG_PATCH_TABLE_ENTRIES; i++)
		patch_insert(PAGE_A + 0x10000u * (i / 1024u) + 4u * (i % 1024u), 0xe10f0000, SENS_MRS);
	CHECK_EQ(patch_insert(PAGE_B + 4, 0xe10f0000, SENS_MRS), 0);

	/* Page PAGE_A holds the first entries (up to 1024): keep all but entry 7. */
	for (uint32_t i = 0; i < 1024; i++)
		words[i] = i == 7 ? 0 : patch_udf_encode(i);
	patch_forget_stale(PAGE_A, words);
	CHECK_EQ(patch_count(), CONFIG_PATCH_TABLE_ENTRIES - 1);

	uint32_t again = patch_insert(PAGE_B + 4, 0xe14f3000, SENS_MRS);
	CHECK_EQ(again, patch_udf_encode(7));
	const struct patch_entry *e = patch_lookup(again, PAGE_B + 4);
	CHECK(e != NULL);
	CHECK_EQ(e->orig, 0xe14f3000u);
}
