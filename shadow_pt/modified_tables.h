/*
 * The list of modified guest table pages (seed: US 7,640,543): a guest RAM
 * page holding translation tables is write-protected in the shadow while
 * the shadow is derived from it; the guest's first store to it unprotects
 * it and puts it here, with a snapshot of what it held, so its later
 * stores run at full speed. The shadow derived from a listed page is
 * brought back in line ("resynchronised") by comparing the page with its
 * snapshot: for the descriptors a guest TLB maintenance operation names,
 * and for the whole page when it leaves the list and is protected again.
 * A fill that uses a descriptor from a listed page records that value in
 * the snapshot, so the snapshot always holds what the shadow may reflect.
 * Portable: compiled for the target and for host unit tests.
 */
#ifndef SHADOW_PT_MODIFIED_TABLES_H
#define SHADOW_PT_MODIFIED_TABLES_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/arm/pgtable_bits.h"

#define PAGE_DESCRIPTORS (PAGE_SIZE / 4u)

struct modified_tables {
	uint32_t *page_gpa;                             /* capacity entries; 0: free */
	uint32_t (*snapshot)[PAGE_DESCRIPTORS];         /* capacity entries */
	uint32_t *listed_at;                            /* capacity entries: age, for eviction */
	unsigned capacity, count;
	unsigned found;                                 /* the entry modified_tables_find() found last */
	uint32_t clock;
};

/* The guest's current descriptors, and what to do when one differs from the snapshot. */
struct modified_tables_ops {
	const uint32_t *(*page)(void *ctx, uint32_t page_gpa);  /* a listed page's words */
	/* A descriptor anywhere in guest RAM, as the guest's table walks read it (SCTLR.EE's byte order). */
	bool (*read)(void *ctx, uint32_t gpa, uint32_t *value);
	bool (*listed)(void *ctx, uint32_t gpa);        /* a quick test before the list is searched */
	void (*descriptor_changed)(void *ctx, uint32_t desc_gpa);
	void *ctx;
	bool walks_swapped;     /* table walks read descriptors byte-swapped (SCTLR.EE) */
};

/* A supersection's or large page's descriptors: 16, aligned. */
#define MODIFIED_TABLES_GROUP 16u

void modified_tables_init(struct modified_tables *t);

/* The entry listing the page that holds `gpa`, or -1 (the entry found last is tried first). */
int modified_tables_find(struct modified_tables *t, uint32_t gpa);

/*
 * List the page holding `gpa`, whose contents are `words` now (not full:
 * the caller evicts modified_tables_oldest() first). Returns its entry.
 */
unsigned modified_tables_add(struct modified_tables *t, uint32_t gpa, const uint32_t *words);

/* The entry listed longest ago (the list is not empty). */
unsigned modified_tables_oldest(const struct modified_tables *t);

/*
 * The page and snapshot words are as guest RAM holds them, compared as
 * they are; their fields are read in the table walks' byte order.
 *
 * Compare `count` descriptors of entry `e` from `first` (a descriptor index
 * in the page) with the snapshot: report each that changed, and take the
 * new value into the snapshot. Returns how many changed.
 */
unsigned modified_tables_resync(struct modified_tables *t, unsigned e, unsigned first, unsigned count,
				const struct modified_tables_ops *ops);

/*
 * Guest TLB maintenance by address `va`, for the address space of tables
 * (ttbr0, ttbr1, ttbcr): resynchronise the listed descriptors that
 * translate it (the L1 descriptor and the L2 descriptor its table holds;
 * the aligned group of MODIFIED_TABLES_GROUP around one that is or was a
 * supersection or large page). Returns how many changed. `*l2_group`: the L2 group one pass over several address
 * spaces has resynchronised last (0 before the first), skipped if it is
 * this one's too: Linux's processes share the kernel's L2 tables.
 * `shadow_table`: the L2 table the shadow derived the MiB from (0: none, a
 * section), which is the L1 descriptor's while its page is not listed (a
 * write to it traps and changes the shadow at once): then that descriptor
 * is not read.
 */
unsigned modified_tables_resync_va(struct modified_tables *t, uint32_t *l2_group, uint32_t ttbr0, uint32_t ttbr1,
				   uint32_t ttbcr, uint32_t va, uint32_t shadow_table,
				   const struct modified_tables_ops *ops);

/* Take entry `e` off the list (after a whole-page resync). */
void modified_tables_remove(struct modified_tables *t, unsigned e);

/*
 * A fill is about to use descriptor `value` read at `desc_gpa`: if that
 * page is listed, remember it. If the snapshot held another valid value,
 * the guest changed it since and has not said so yet: what the shadows
 * (another root's) derived from the old one is forgotten first
 * (ops->descriptor_changed), since the snapshot could no longer show it.
 */
void modified_tables_note_used(struct modified_tables *t, uint32_t desc_gpa, uint32_t value,
			       const struct modified_tables_ops *ops);

#endif
