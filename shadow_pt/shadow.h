/*
 * Shadow translation tables: the short-descriptor tables the MMU really
 * walks while a guest with its MMU on runs. Filled one 4 KiB page at a time
 * from the guest's own tables (shadow_pt/guest_walk.c), with permissions
 * from the DACR/AP mapping (dacr/dacr_map.c).
 *
 * A shadow space mirrors one guest address space and has two views, one
 * L1 table per guest mode (kernel, user), each meant to run under an ASID
 * of its own: a guest kernel/user switch changes TTBR0 and CONTEXTIDR, never
 * a table. Every shadow entry is a small page in a shadow L2 table; all
 * pages of one L2 table share the processor domain of its L1 descriptor,
 * so each L2 table belongs to one guest domain and one class. A MiB whose
 * pages all have the same class has one table that both views' L1 entries
 * point to. A MiB whose pages need different classes gets a "view" table
 * per mode instead, each derived for its own mode.
 *
 * The L2 tables come from a pool shared by all spaces; when it is full the
 * oldest table is evicted, whichever space it belongs to.
 * Portable: compiled for the target and for host unit tests.
 */
#ifndef SHADOW_PT_SHADOW_H
#define SHADOW_PT_SHADOW_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/arm/pgtable_bits.h"
#include "dacr/dacr_map.h"

enum shadow_view { SHADOW_VIEW_KERNEL, SHADOW_VIEW_USER, SHADOW_VIEWS };

#define SHADOW_VIEW_BIT(v)      (1u << (v))
#define SHADOW_ALL_VIEWS        (SHADOW_VIEW_BIT(SHADOW_VIEW_KERNEL) | SHADOW_VIEW_BIT(SHADOW_VIEW_USER))

struct shadow_space;

struct shadow_l2_info {
	struct shadow_space *owner;     /* NULL if free */
	uint16_t mb;                    /* L1 index it is installed at */
	uint8_t views;                  /* the views whose L1 entry points to it */
	uint8_t guest_domain;
	uint8_t cls;                    /* enum dom_class; DOM_CLASS_CURRENT_MODE: a view table */
	int16_t next_same_table;        /* next pool index mirroring the same guest table page, -1 */
	uint32_t guest_table;           /* guest-physical L2 table it mirrors, 0: from a section */
	bool global_only;               /* every page filled in it was global in the guest (nG = 0) */
	uint16_t owned_prev, owned_next; /* its owner's other tables: pool index + 1, 0 for none */
};

/* Buckets of pool indices by the guest table page they mirror. */
#define SHADOW_TABLE_BUCKETS 256u

struct shadow_pool {
	uint32_t (*l2)[L2_ENTRIES];     /* each 1 KiB aligned */
	struct shadow_l2_info *info;
	unsigned count, in_use, next_victim;
	int16_t bucket[SHADOW_TABLE_BUCKETS];
	uint32_t (*table_phys)(const void *table);
	/*
	 * Per MiB, the spaces with a table there (shadow_maps_mb()): a bit
	 * per space id, space_words words each, L1_ENTRIES times. A TLB
	 * operation by address visits these spaces only.
	 */
	uint32_t *mb_spaces;
	unsigned space_words;
};

/* MiBs counted together by shadow_maps_block(): the L1 descriptors a guest TLBIALL compares at once. */
#define SHADOW_MB_BLOCK 32u

/* MiBs the hypervisor's trap-free stubs may take in a guest address space (hyp/stubs.h). */
#define SHADOW_STUB_WINDOWS 2u

struct shadow_stats {
	uint32_t fills, l2_allocs, l2_evictions, l2_drops, l1_iterations, class_conversions, seeded;
};

struct shadow_space {
	uint32_t *l1[SHADOW_VIEWS];             /* L1_ENTRIES each, 16 KiB aligned */
	int16_t (*l2_of_mb)[SHADOW_VIEWS];      /* L1_ENTRIES: pool index or -1 */
	struct shadow_pool *pool;
	uint16_t owned_first;                   /* the pool tables it owns, a list: index + 1, 0 for none */
	uint16_t id;                            /* its bit in the pool's mb_spaces, unique per pool */
	/* Per SHADOW_MB_BLOCK MiBs, how many have a table (shadow_maps_block()). */
	uint8_t block_tables[L1_ENTRIES / SHADOW_MB_BLOCK];
	uint32_t reserved_mb, reserved_mbs;     /* the hypervisor's window: never touched */
	/* The stubs' windows (hyp/stubs.h): the kernel view's L1 descriptor for a MiB each, 0 if none. */
	uint32_t stub_mb[SHADOW_STUB_WINDOWS], stub_l1[SHADOW_STUB_WINDOWS];
	/*
	 * Views whose valid entries changed or went since the caller last
	 * invalidated their TLB entries (by ASID); the caller clears it.
	 * Filling an empty entry leaves it alone: the TLB caches no
	 * translation that faults.
	 */
	uint8_t stale_views;
	struct shadow_stats stats;
};

/* What to install for one guest page. */
struct shadow_fill_req {
	uint32_t va;
	uint32_t hpa;           /* host-physical frame (4 KiB aligned) */
	uint32_t guest_domain, guest_dv;
	bool privileged;        /* the guest's current mode: the view filled */
	uint32_t ap;            /* the guest's AP[2:0] and XN for this page */
	bool xn;
	uint32_t attr;          /* memory type and shareability, L2 small-page bits */
	struct shadow_overlay overlay;
	uint32_t guest_table;   /* the guest L2 table used (0 for a section) */
	bool global;            /* the guest's mapping is global (nG = 0) */
};

enum shadow_fill_result {
	SHADOW_FILLED,
	SHADOW_RESERVED_VA,     /* in the hypervisor's or the stubs' window: emulate instead */
	SHADOW_NO_DOMAIN,       /* domain budget exhausted: reset the map, drop all, retry */
};

static inline enum shadow_view shadow_view_of(bool privileged)
{
	return privileged ? SHADOW_VIEW_KERNEL : SHADOW_VIEW_USER;
}

/* An empty pool (every table free). */
void shadow_pool_init(struct shadow_pool *p);

/* Empty every guest L1 entry of both views (the reserved window is left alone, the stubs' set). */
void shadow_init(struct shadow_space *s);

/*
 * Stub window `w`: map MiB `mb` in the kernel view with `l1_desc` (a table
 * the caller owns), dropping what either view held there; the user view
 * keeps it empty. No fill touches it until shadow_clear_stub_window().
 */
void shadow_set_stub_window(struct shadow_space *s, unsigned w, uint32_t mb, uint32_t l1_desc);
void shadow_clear_stub_window(struct shadow_space *s, unsigned w);

enum shadow_fill_result shadow_fill(struct shadow_space *s, struct dacr_map *m,
				    const struct shadow_fill_req *r);

/*
 * L1 iterate, L2 drop: drop the shadow L2 tables of the guest domains in
 * `domains`. Returns how many were dropped.
 */
unsigned shadow_l1_iterate(struct shadow_space *s, uint32_t domains);

/* Does either view hold a shadow L2 table for MiB `mb`? */
static inline bool shadow_maps_mb(const struct shadow_space *s, uint32_t mb)
{
	return s->l2_of_mb[mb][SHADOW_VIEW_KERNEL] >= 0 || s->l2_of_mb[mb][SHADOW_VIEW_USER] >= 0;
}

/* Whether `s` has a stub window in one of the `mbs` MiBs from `mb`. */
static inline bool shadow_stub_window_in(const struct shadow_space *s, uint32_t mb, uint32_t mbs)
{
	for (unsigned w = 0; w < SHADOW_STUB_WINDOWS; w++)
		if (s->stub_l1[w] && s->stub_mb[w] - mb < mbs)
			return true;
	return false;
}

/*
 * Whether `s` has a table, or a stub window, in one of the SHADOW_MB_BLOCK
 * MiBs from `mb` (a multiple of it).
 */
static inline bool shadow_maps_block(const struct shadow_space *s, uint32_t mb)
{
	return s->block_tables[mb / SHADOW_MB_BLOCK] || shadow_stub_window_in(s, mb, SHADOW_MB_BLOCK);
}

/* The ids of the spaces of pool `p` with a table for MiB `mb`: p->space_words words. */
static inline const uint32_t *shadow_pool_mb_spaces(const struct shadow_pool *p, uint32_t mb)
{
	return &p->mb_spaces[mb * p->space_words];
}

/*
 * The guest L2 table the space's tables for MiB `mb` were derived from (the
 * views' tables come from one L1 descriptor); 0 for a section or none.
 */
static inline uint32_t shadow_guest_table(const struct shadow_space *s, uint32_t mb)
{
	int idx = s->l2_of_mb[mb][SHADOW_VIEW_KERNEL];

	if (idx < 0)
		idx = s->l2_of_mb[mb][SHADOW_VIEW_USER];
	return idx < 0 ? 0u : s->pool->info[idx].guest_table;
}

/* The small-page descriptor view `view` holds for `va`, L2_TYPE_FAULT if none. */
static inline uint32_t shadow_lookup_pte(const struct shadow_space *s, enum shadow_view view, uint32_t va)
{
	int idx = s->l2_of_mb[va >> SECTION_SHIFT][view];

	return idx < 0 ? L2_TYPE_FAULT : s->pool->l2[idx][(va >> PAGE_SHIFT) % L2_ENTRIES];
}

/*
 * The host-physical address view `view` maps `va` to, if it holds a valid
 * entry for it: a software walk of what the MMU itself walks.
 */
static inline bool shadow_lookup(const struct shadow_space *s, enum shadow_view view, uint32_t va,
				 uint32_t *hpa)
{
	uint32_t pte = shadow_lookup_pte(s, view, va);

	if (!(pte & L2_SMALL))
		return false;
	*hpa = (pte & L2_SMALL_ADDR_MASK) | (va & ~PAGE_MASK);
	return true;
}

/*
 * Forget the page at `va` in both views if it maps host frame `hpa` (the
 * hypervisor's restrictions on that frame changed).
 */
void shadow_forget_frame_at(struct shadow_space *s, uint32_t va, uint32_t hpa);

/*
 * The guest wrote the descriptor at `desc_gpa`: forget the shadow pages
 * derived from it as L2 descriptor, in every space of the pool.
 */
void shadow_pool_descriptor_written(struct shadow_pool *p, uint32_t desc_gpa);

/* Whether a table of the pool holds pages derived from the guest L2 table (1 KiB) at `table_gpa`. */
bool shadow_pool_derives_from_table(const struct shadow_pool *p, uint32_t table_gpa);

/*
 * The table view `view` of `s` holds for the MiB of `va` was just made for
 * the page at `va` and holds nothing else: fill its other entries from
 * `donor`'s table there, if that table mirrors the same guest table (or a
 * section) with the same guest domain, class and views, and holds global
 * pages only. The caller makes sure that both guest address spaces have
 * the same L1 descriptor for the MiB and that the domain is manager in both
 * or in neither: the pages are then derived the same way. Global
 * translations may be cached for any ASID (ARM DDI 0406C B3.9.1), so the
 * donor's, current or not yet invalidated, hold for `s` too. Returns
 * whether it copied; no TLB maintenance is needed (only empty entries
 * change). The whole table is copied, then the page at `va` put back:
 * about a tenth of the instructions of a copy entry by entry.
 */
bool shadow_seed_new_table(struct shadow_space *s, const struct shadow_space *donor, uint32_t va,
			   enum shadow_view view);
/* Whether shadow_seed_new_table() would copy: the tables' side of it, without the caller's. */
bool shadow_can_seed_from(const struct shadow_space *s, const struct shadow_space *donor, uint32_t mb,
			  enum shadow_view view);

/* The guest wrote its L1 descriptor for MiB `mb`: forget that MiB. */
void shadow_l1_descriptor_written(struct shadow_space *s, uint32_t mb);

/* Drop everything (guest TLBIALL, a root reused, domain budget reset). */
void shadow_drop_all(struct shadow_space *s);

/* Drop the tables that hold a page the guest mapped non-global (guest TLBIASID). */
void shadow_drop_nonglobal(struct shadow_space *s);

#endif
