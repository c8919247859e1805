/*
 * Write tracking of the guest's translation tables (seed: US 7,640,543).
 * Every guest RAM page a walk reads a descriptor from is a table page. A
 * table page is write-protected in the shadow, so that the shadow derived
 * from it never goes stale: the hypervisor performs a store to it and
 * forgets what the written descriptor gave. With CONFIG_SHADOW_MODIFIED_TABLES
 * > 0 the first store instead unprotects the page and lists it with a
 * snapshot (shadow_pt/modified_tables.h); its later stores do not trap, and
 * the shadow derived from it is resynchronised from the snapshot where the
 * guest's TLB maintenance says a translation changed, and entirely when the
 * page is protected again (the list is full, oldest first).
 */
#ifndef HYP_GUEST_TABLES_H
#define HYP_GUEST_TABLES_H

#include <stdbool.h>
#include <stdint.h>

#include "hyp/guest.h"
#include "shadow_pt/guest_walk.h"

/* Start afresh: no table pages, nothing listed (the guest turned its MMU on, or did TLBIALL). */
void guest_tables_reset(struct guest *g);

/* A walk read descriptors from these pages: track them (0 for a level not reached). */
void guest_tables_walked(struct guest *g, const struct guest_walk_result *w);

/* Does guest RAM at `gpa` hold one of the guest's translation tables? */
bool guest_tables_is_table_page(const struct guest *g, uint32_t gpa);
/*
 * Whether `gpa` lies in a guest RAM page holding a cached root's L1 table
 * (hyp/guest_mmu.c keeps them). A descriptor written elsewhere is no L1
 * entry of a root.
 */
bool guest_tables_holds_l1(const struct guest *g, uint32_t gpa);

/* A table page whose stores must fault: the shadow maps it read-only. */
bool guest_tables_protected(const struct guest *g, uint32_t gpa);

/*
 * The guest stores to protected table page `gpa` with its own permission:
 * list it, so the store and the later ones run directly. False when
 * nothing can be listed (CONFIG_SHADOW_MODIFIED_TABLES = 0): emulate it.
 */
bool guest_tables_unprotect(struct guest *g, uint32_t gpa);

/* A fill used the descriptors of walk `w`: listed pages' snapshots keep them. */
void guest_tables_used(struct guest *g, const struct guest_walk_result *w);

/*
 * Guest TLB maintenance by address `va`: resynchronise the listed
 * descriptors that translate it in any cached root (the aligned groups of
 * 16, for supersections and large pages).
 */
void guest_tables_resync_va(struct guest *g, uint32_t va);

/*
 * Resynchronise every listed page whole: the shadows of every root are
 * then in line with the guest's tables (the unlisted ones are protected).
 */
void guest_tables_resync_all(struct guest *g);

/*
 * CONFIG_SHADOW_TRACKED_PAGES_LIMIT pages have been tracked since the last
 * reset: time to start afresh, as pages that held tables once and hold
 * data now keep faulting on their first stores.
 */
bool guest_tables_tracking_full(const struct guest *g);

/*
 * The descriptor at `desc_gpa` as the shadows may reflect it: the
 * snapshot for a listed page (its later stores are not known yet), else
 * what the guest's RAM holds. False outside guest RAM.
 */
bool guest_tables_reflected(struct guest *g, uint32_t desc_gpa, uint32_t *value);

/* The descriptor at `gpa` as the guest's RAM holds it now, in the byte order its walks read. */
bool guest_tables_read_descriptor(struct guest *g, uint32_t gpa, uint32_t *value);

/* Page `gpa` holds a descriptor whose every store the hypervisor must see: tracked, never listed. */
void guest_tables_keep_protected(struct guest *g, uint32_t gpa);

/* The hypervisor wrote guest RAM for the guest: forget what changed descriptors gave. */
void guest_tables_written(struct guest *g, uint32_t gpa, unsigned size);

#endif
