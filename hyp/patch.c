#include "arch/arm/pgtable_bits.h"
#include "generated/config.h"
#include "hyp/patch.h"

#define UDF_BASE        0xe7f000f0u     /* UDF #imm16, ARM DDI 0406C A8.8.247 */
#define UDF_MASK        0xfff000f0u

static struct patch_entry table[CONFIG_PATCH_TABLE_ENTRIES];
static unsigned used_entries, next_free;

uint32_t patch_udf_encode(uint32_t index)
{
	return UDF_BASE | ((index >> 4) << 8) | (index & 0xfu);
}

bool patch_udf_decode(uint32_t insn, uint32_t *index)
{
	if ((insn & UDF_MASK) != UDF_BASE)
		return false;
	*index = ((insn >> 4) & 0xfff0u) | (insn & 0xfu);
	return true;
}

void patch_table_reset(void)
{
	for (unsigned i = 0; i < CONFIG_PATCH_TABLE_ENTRIES; i++)
		table[i].used = false;
	used_entries = next_free = 0;
}

uint32_t patch_insert(uint32_t gpa, uint32_t orig, enum sens_class cls)
{
	if (used_entries == CONFIG_PATCH_TABLE_ENTRIES)
		return 0;
	while (table[next_free].used)
		next_free = (next_free + 1) % CONFIG_PATCH_TABLE_ENTRIES;
	table[next_free] = (struct patch_entry){ .gpa = gpa, .orig = orig, .cls = (uint8_t)cls, .used = true };
	used_entries++;
	return patch_udf_encode(next_free);
}

const struct patch_entry *patch_lookup(uint32_t insn, uint32_t gpa)
{
	uint32_t index;

	if (!patch_udf_decode(insn, &index) || index >= CONFIG_PATCH_TABLE_ENTRIES)
		return 0;
	if (!table[index].used || table[index].gpa != gpa)
		return 0;
	return &table[index];
}

void patch_forget_stale(uint32_t page_gpa, const uint32_t *page_words)
{
	for (unsigned i = 0; i < CONFIG_PATCH_TABLE_ENTRIES; i++) {
		struct patch_entry *e = &table[i];
		if (!e->used || (e->gpa & PAGE_MASK) != page_gpa)
			continue;
		if (page_words[(e->gpa & ~PAGE_MASK) / 4] != patch_udf_encode(i)) {
			e->used = false;
			used_entries--;
		}
	}
}

unsigned patch_count(void)
{
	return used_entries;
}
