/*
 * The patch table: every sensitive instruction found in guest code is
 * replaced in memory by UDF #index (permanently undefined, so it traps from
 * PL0) and its original word is kept here for exact emulation. An entry is
 * valid for a trap only if its guest-physical address matches the trapping
 * instruction's, so the guest's own UDF instructions still reach the guest.
 */
#ifndef HYP_PATCH_H
#define HYP_PATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "hyp/insn_class.h"

struct patch_entry {
	uint32_t gpa;
	uint32_t orig;
	uint8_t cls;
	bool used;
};

void patch_table_reset(void);
/* Returns the trapping word to write, or 0 when the table is full. */
uint32_t patch_insert(uint32_t gpa, uint32_t orig, enum sens_class cls);
/* The entry behind trapping word `insn` at `gpa`, or NULL if it is not ours. */
const struct patch_entry *patch_lookup(uint32_t insn, uint32_t gpa);
/* Free the entries of the page at `page_gpa` whose word no longer holds their UDF. */
void patch_forget_stale(uint32_t page_gpa, const uint32_t *page_words);
unsigned patch_count(void);

uint32_t patch_udf_encode(uint32_t index);
bool patch_udf_decode(uint32_t insn, uint32_t *index);

#endif
