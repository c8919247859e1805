/*
 * The patch table: every sensitive instruction found in guest code is
 * replaced in memory by UDF #(PATCH_UDF_BASE + index), permanently
 * undefined so it traps from PL0, and its original word is kept here for
 * exact emulation. Entries are never reused: a guest that copies its own
 * (patched) code elsewhere, as the Linux zImage decompressor does when it
 * relocates itself, still finds the original instruction behind the copied
 * word. Linux's own UDF words (BUG, breakpoints, kgdb) use immediates
 * 0x0010-0x001f and above 0xfd00, outside the range used here.
 */
#ifndef HYP_PATCH_H
#define HYP_PATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "generated/config.h"
#include "hyp/insn_class.h"

#define PATCH_UDF_BASE   0x4000u
#define PATCH_UDF_OPCODE 0xe7f000f0u   /* UDF #imm16, ARM DDI 0406C A8.8.247 */
#define PATCH_UDF_MASK   0xfff000f0u

struct patch_entry {
	uint32_t gpa;           /* where it was patched */
	uint32_t orig;
	uint8_t cls;
};

/* One guest's patches. */
struct patch_table {
	struct patch_entry entry[CONFIG_PATCH_TABLE_ENTRIES];
	unsigned used;
};

void patch_table_reset(struct patch_table *t);
/* Returns the trapping word to write, or 0 when the table is full. */
uint32_t patch_insert(struct patch_table *t, uint32_t gpa, uint32_t orig, enum sens_class cls);
/* The entry behind trapping word `insn` (wherever it now stands), or NULL if it is not ours. */
const struct patch_entry *patch_lookup(const struct patch_table *t, uint32_t insn);
unsigned patch_count(const struct patch_table *t);

uint32_t patch_udf_encode(uint32_t index);
bool patch_udf_decode(uint32_t insn, uint32_t *index);

#endif
