#include "generated/config.h"
#include "hyp/patch.h"

#define UDF_BASE        0xe7f000f0u     /* UDF #imm16, ARM DDI 0406C A8.8.247 */
#define UDF_MASK        0xfff000f0u

_Static_assert(PATCH_UDF_BASE + CONFIG_PATCH_TABLE_ENTRIES <= 0x10000u, "indexes must fit UDF's imm16");

static struct patch_entry table[CONFIG_PATCH_TABLE_ENTRIES];
static unsigned used_entries;

uint32_t patch_udf_encode(uint32_t index)
{
	uint32_t imm = PATCH_UDF_BASE + index;

	return UDF_BASE | ((imm >> 4) << 8) | (imm & 0xfu);
}

bool patch_udf_decode(uint32_t insn, uint32_t *index)
{
	uint32_t imm;

	if ((insn & UDF_MASK) != UDF_BASE)
		return false;
	imm = ((insn >> 4) & 0xfff0u) | (insn & 0xfu);
	if (imm < PATCH_UDF_BASE || imm - PATCH_UDF_BASE >= CONFIG_PATCH_TABLE_ENTRIES)
		return false;
	*index = imm - PATCH_UDF_BASE;
	return true;
}

void patch_table_reset(void)
{
	used_entries = 0;
}

uint32_t patch_insert(uint32_t gpa, uint32_t orig, enum sens_class cls)
{
	if (used_entries == CONFIG_PATCH_TABLE_ENTRIES)
		return 0;
	table[used_entries] = (struct patch_entry){ .gpa = gpa, .orig = orig, .cls = (uint8_t)cls };
	return patch_udf_encode(used_entries++);
}

const struct patch_entry *patch_lookup(uint32_t insn)
{
	uint32_t index;

	if (!patch_udf_decode(insn, &index) || index >= used_entries)
		return 0;
	return &table[index];
}

unsigned patch_count(void)
{
	return used_entries;
}
