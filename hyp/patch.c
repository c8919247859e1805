#include "hyp/patch.h"

_Static_assert(PATCH_UDF_BASE + CONFIG_PATCH_TABLE_ENTRIES <= 0x10000u, "indexes must fit UDF's imm16");

uint32_t patch_udf_encode(uint32_t index)
{
	uint32_t imm = PATCH_UDF_BASE + index;

	return PATCH_UDF_OPCODE | ((imm >> 4) << 8) | (imm & 0xfu);
}

bool patch_udf_decode(uint32_t insn, uint32_t *index)
{
	uint32_t imm;

	if ((insn & PATCH_UDF_MASK) != PATCH_UDF_OPCODE)
		return false;
	imm = ((insn >> 4) & 0xfff0u) | (insn & 0xfu);
	if (imm < PATCH_UDF_BASE || imm - PATCH_UDF_BASE >= CONFIG_PATCH_TABLE_ENTRIES)
		return false;
	*index = imm - PATCH_UDF_BASE;
	return true;
}

void patch_table_reset(struct patch_table *t)
{
	t->used = 0;
}

uint32_t patch_insert(struct patch_table *t, uint32_t gpa, uint32_t orig, enum sens_class cls)
{
	if (t->used == CONFIG_PATCH_TABLE_ENTRIES)
		return 0;
	t->entry[t->used] = (struct patch_entry){ .gpa = gpa, .orig = orig, .cls = (uint8_t)cls };
	return patch_udf_encode(t->used++);
}

const struct patch_entry *patch_lookup(const struct patch_table *t, uint32_t insn)
{
	uint32_t index;

	if (!patch_udf_decode(insn, &index) || index >= t->used)
		return 0;
	return &t->entry[index];
}

unsigned patch_count(const struct patch_table *t)
{
	return t->used;
}
