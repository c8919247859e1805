/*
 * Shadow translation tables: the short-descriptor tables the MMU really
 * walks while a guest with its MMU on runs. Filled one 4 KiB page at a time
 * from the guest's own tables (shadow_pt/guest_walk.c), with permissions
 * from the DACR/AP mapping (dacr/dacr_map.c). Every shadow entry is a small
 * page in a shadow L2 table; all pages of one L2 table share the processor
 * domain of its L1 descriptor, so each shadow L2 table belongs to one guest
 * domain and one class. A guest MiB whose pages need different classes
 * turns into a "current mode" table, derived for the guest's current mode
 * and dropped when the mode changes.
 * Portable: compiled for the target and for host unit tests.
 */
#ifndef SHADOW_PT_SHADOW_H
#define SHADOW_PT_SHADOW_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/arm/pgtable_bits.h"
#include "dacr/dacr_map.h"

struct shadow_l2_info {
	int16_t mb;             /* L1 index it is installed at, -1 if free */
	uint8_t guest_domain;
	uint8_t cls;            /* enum dom_class */
	uint32_t guest_table;   /* guest-physical L2 table it mirrors, 0: from a section */
};

struct shadow_stats {
	uint32_t fills, l2_allocs, l2_evictions, l2_drops, l1_iterations, class_conversions;
};

struct shadow_space {
	uint32_t *l1;                           /* L1_ENTRIES, 16 KiB aligned */
	uint32_t (*l2)[L2_ENTRIES];             /* pool, each 1 KiB aligned */
	struct shadow_l2_info *l2_info;
	int16_t *l2_of_mb;                      /* L1_ENTRIES: pool index or -1 */
	unsigned l2_count, next_victim;
	uint32_t (*table_phys)(const void *table);
	uint32_t reserved_mb, reserved_mbs;     /* the hypervisor's window: never touched */
	struct shadow_stats stats;
};

/* What to install for one guest page. */
struct shadow_fill_req {
	uint32_t va;
	uint32_t hpa;           /* host-physical frame (4 KiB aligned) */
	uint32_t guest_domain, guest_dv;
	bool privileged;        /* the guest's current mode */
	uint32_t ap;            /* the guest's AP[2:0] and XN for this page */
	bool xn;
	uint32_t attr;          /* memory type and shareability, L2 small-page bits */
	struct shadow_overlay overlay;
	uint32_t guest_table;   /* the guest L2 table used (0 for a section) */
};

enum shadow_fill_result {
	/*
	 * An empty entry filled, nothing else changed: the TLB caches no
	 * translation that faults, so it holds nothing stale and needs no
	 * maintenance.
	 */
	SHADOW_FILLED,
	/* A valid entry replaced or L2 tables freed: the caller invalidates the TLB. */
	SHADOW_FILLED_CHANGED,
	SHADOW_RESERVED_VA,     /* in the hypervisor's window: emulate instead */
	SHADOW_NO_DOMAIN,       /* domain budget exhausted: reset the map, drop all, retry */
};

/* Empty every guest L1 entry (the reserved window is left alone). */
void shadow_init(struct shadow_space *s);

enum shadow_fill_result shadow_fill(struct shadow_space *s, struct dacr_map *m,
				    const struct shadow_fill_req *r);

/*
 * L1 iterate, L2 drop: drop the shadow L2 tables of the guest domains in
 * `domains` (only their current-mode tables if `only_current_mode`).
 * Returns how many were dropped; the caller invalidates the TLB if any.
 */
unsigned shadow_l1_iterate(struct shadow_space *s, uint32_t domains, bool only_current_mode);

/*
 * The host-physical address the shadow maps `va` to, if it holds a valid
 * entry for it: a software walk of what the MMU itself walks.
 */
bool shadow_lookup(const struct shadow_space *s, uint32_t va, uint32_t *hpa);

/* Forget the shadow of one page (guest TLB maintenance by address). */
void shadow_invalidate_page(struct shadow_space *s, uint32_t va);

/*
 * The guest wrote the descriptor at `desc_gpa`: forget the shadow pages
 * derived from it, as L2 descriptor (through the tables that mirror its L2
 * table) and, if `l1_mb` >= 0, as the L1 descriptor of that MiB.
 */
void shadow_guest_descriptor_written(struct shadow_space *s, uint32_t desc_gpa, int l1_mb);

/* Drop everything (guest TLBIALL, TTBR or TTBCR change, domain budget reset). */
void shadow_drop_all(struct shadow_space *s);

#endif
