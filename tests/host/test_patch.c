/* The patch table and its UDF #imm16 trapping words (ARM DDI 0406C A8.8.247). */
#include "generated/config.h"
#include "hyp/patch.h"
#include "test.h"

#define PAGE_A 0x80003000u
#define PAGE_B 0x80004000u

TEST(patch_udf_round_trip)
{
	CHECK_EQ(patch_udf_encode(0), 0xe7f400f0u);             /* udf #0x4000, from the assembler */
	for (uint32_t i = 0; i < CONFIG_PATCH_TABLE_ENTRIES; i++) {
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

	CHECK(!patch_udf_decode(0x17f400f0u, &index));          /* not AL */
	CHECK(!patch_udf_decode(0xe7f400e0u, &index));
	CHECK(!patch_udf_decode(0xe1a00000u, &index));
	CHECK(!patch_udf_decode(0xe10f0000u, &index));
	/* Linux's own: BUG (udf #0x12), kgdb (udf #0xfdef), and just outside the range. */
	CHECK(!patch_udf_decode(0xe7f001f2u, &index));
	CHECK(!patch_udf_decode(0xe7ffdeffu, &index));
	CHECK(!patch_udf_decode(0xe7f3fffFu, &index));          /* udf #0x3fff */
}

/* The table under test (one guest's). */
static struct patch_table t;

TEST(patch_insert_and_lookup)
{
	patch_table_reset(&t);
	uint32_t a = patch_insert(&t, PAGE_A + 0x10, 0xe10f0000, SENS_MRS);
	uint32_t b = patch_insert(&t, PAGE_A + 0x20, 0xf10c0080, SENS_CPS);
	CHECK(a && b && a != b);
	CHECK_EQ(patch_count(&t), 2);

	const struct patch_entry *e = patch_lookup(&t, a);
	CHECK(e != NULL);
	CHECK_EQ(e->orig, 0xe10f0000u);
	CHECK_EQ(e->cls, SENS_MRS);
	CHECK_EQ(e->gpa, PAGE_A + 0x10);
	e = patch_lookup(&t, b);
	CHECK(e != NULL);
	CHECK_EQ(e->orig, 0xf10c0080u);
	CHECK_EQ(e->cls, SENS_CPS);
	CHECK_EQ(e->gpa, PAGE_A + 0x20);
}

/* Words that are not ours, or not yet handed out, find nothing. */
TEST(patch_lookup_unknown)
{
	patch_table_reset(&t);
	uint32_t a = patch_insert(&t, PAGE_A + 0x10, 0xe10f0000, SENS_MRS);
	CHECK(patch_lookup(&t, a) != NULL);
	CHECK(patch_lookup(&t, 0xe1a00000u) == NULL);
	CHECK(patch_lookup(&t, patch_udf_encode(1)) == NULL);       /* not handed out */
	CHECK(patch_lookup(&t, 0xe7f001f2u) == NULL);               /* Linux BUG() */
}

TEST(patch_table_full)
{
	patch_table_reset(&t);
	for (uint32_t i = 0; i < CONFIG_PATCH_TABLE_ENTRIES; i++)
		if (!patch_insert(&t, PAGE_A + 4u * i, 0xe10f0000, SENS_MRS))
			FAIL("insert %u of %u failed", i, CONFIG_PATCH_TABLE_ENTRIES);
	CHECK_EQ(patch_count(&t), CONFIG_PATCH_TABLE_ENTRIES);
	CHECK_EQ(patch_insert(&t, PAGE_B, 0xe10f0000, SENS_MRS), 0);
	CHECK_EQ(patch_count(&t), CONFIG_PATCH_TABLE_ENTRIES);
}

/* Patching the same place again (the guest rewrote it) never disturbs older entries. */
TEST(patch_entries_never_reused)
{
	patch_table_reset(&t);
	uint32_t a = patch_insert(&t, PAGE_A, 0xe10f0000, SENS_MRS);
	uint32_t b = patch_insert(&t, PAGE_A, 0xe14f3000, SENS_MRS);
	CHECK(a != b);
	CHECK_EQ(patch_lookup(&t, a)->orig, 0xe10f0000u);
	CHECK_EQ(patch_lookup(&t, b)->orig, 0xe14f3000u);
}
