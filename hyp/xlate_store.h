/*
 * The emulator's guest translations for one instruction (seed: US
 * 7,069,413): while an instruction is emulated, each guest virtual page it
 * touches is translated once, and a failed translation ("not mapped", with
 * the guest's fault status) is remembered too. The store is emptied when
 * the instruction completes, so nothing outlives a guest table change.
 * Portable.
 */
#ifndef HYP_XLATE_STORE_H
#define HYP_XLATE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#define XLATE_STORE_ENTRIES 4u  /* an SRS/RFE/LDM touches at most two pages */

struct xlate_entry {
	uint32_t va_page;
	uint32_t gpa_page;      /* valid when fsr == 0 */
	uint32_t fsr;           /* the guest's fault status, 0: mapped */
	uint8_t access;         /* enum guest_access */
};

struct xlate_store {
	struct xlate_entry entry[XLATE_STORE_ENTRIES];
	unsigned count;
	uint32_t hits, misses;
};

void xlate_store_clear(struct xlate_store *s);
/* True if (va's page, access) is known: *gpa or *fsr set as translated before. */
bool xlate_store_find(struct xlate_store *s, uint32_t va, unsigned access, uint32_t *gpa, uint32_t *fsr);
void xlate_store_add(struct xlate_store *s, uint32_t va, unsigned access, uint32_t gpa, uint32_t fsr);

#endif
