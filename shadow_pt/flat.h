/*
 * Guest memory while the guest's MMU is off: guest virtual = guest
 * physical, mapped page by page onto the guest's host memory in a
 * translation table of the guest's own. Each RAM page is "data" (PL0
 * read/write, execute-never), "code" (scanned and patched; PL0 read-only,
 * executable), so the first execution and every later write of a code page
 * trap to the hypervisor, or "user code": first run in virtual User mode,
 * where nothing needs patching, so not patched; PL0 read-only and
 * executable, so that a write from elsewhere (the kernel reusing the page)
 * turns it back into data; once written from within itself (a user program
 * changing its own page, perhaps in Thumb code), read/write and executable.
 */
#ifndef SHADOW_PT_FLAT_H
#define SHADOW_PT_FLAT_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/arm/pgtable_bits.h"
#include "generated/config.h"

/* A guest's RAM: guest-physical range and where it lives in host memory. */
struct guest_memmap {
	uint32_t gpa_base;
	uint32_t hpa_base;
	uint32_t size;
};

#define FLAT_RAM_L2_TABLES      (CONFIG_GUEST_RAM_SIZE / SECTION_SIZE)
#define FLAT_DEVICE_L2_TABLES   4u

/*
 * One guest's flat map: its own translation table, which the MMU walks
 * while that guest's MMU is off (the hypervisor's window included), with
 * its RAM and its passed-through devices at their guest-physical addresses.
 */
struct shadow_flat {
	uint32_t l1[L1_ENTRIES] __attribute__((aligned(L1_TABLE_SIZE)));
	uint32_t ram_l2[FLAT_RAM_L2_TABLES][L2_ENTRIES] __attribute__((aligned(L2_TABLE_SIZE)));
	uint32_t device_l2[FLAT_DEVICE_L2_TABLES][L2_ENTRIES] __attribute__((aligned(L2_TABLE_SIZE)));
	unsigned device_l2_used;
	struct guest_memmap ram;
	/* Executable pages that are user code (never patched), by page index in guest RAM. */
	uint32_t user_code[CONFIG_GUEST_RAM_SIZE / PAGE_SIZE / 32u];
};

/* Every RAM page data; no device yet. */
void shadow_flat_init(struct shadow_flat *f, const struct guest_memmap *ram);
/* Let the guest reach a device directly (PL0 read/write, device memory). */
void shadow_flat_map_device(struct shadow_flat *f, uint32_t pa, uint32_t size);
/* Run on this flat map (the guest's MMU is off) under the guest's flat-map ASID. */
void shadow_flat_use(const struct shadow_flat *f, uint32_t asid);

/*
 * Is `gpa` guest RAM? Inline, one compare: the fills and
 * resynchronisations ask it for every descriptor and frame.
 */
static inline bool shadow_flat_in_ram(const struct shadow_flat *f, uint32_t gpa)
{
	return gpa - f->ram.gpa_base < f->ram.size;     /* below the base: wraps past any RAM size */
}

/* Is [gpa, gpa+size) guest RAM (`size` at least 1)? */
static inline bool shadow_flat_is_ram(const struct shadow_flat *f, uint32_t gpa, uint32_t size)
{
	return shadow_flat_in_ram(f, gpa) && size <= f->ram.size - (gpa - f->ram.gpa_base);
}
/*
 * The guest RAM page holding `gpa`, reachable whatever the guest's MMU
 * does; valid for the rest of that page and MMU_PHYS_VALID_CALLS more calls.
 */
void *guest_ram_page_ptr(const struct shadow_flat *f, uint32_t gpa);
/*
 * The word of guest RAM at word-aligned `gpa`, read the same way; false outside guest
 * RAM. Shaped as a guest table walk's reader (shadow_pt/guest_walk.h):
 * `ctx` is the struct shadow_flat.
 */
bool guest_ram_read_word(void *ctx, uint32_t gpa, uint32_t *value);

bool shadow_flat_page_is_data(const struct shadow_flat *f, uint32_t gpa);
bool shadow_flat_page_is_code(const struct shadow_flat *f, uint32_t gpa);
bool shadow_flat_page_is_user_code(const struct shadow_flat *f, uint32_t gpa);
/* Code or user code that is read-only: a write to it faults. */
bool shadow_flat_page_catches_writes(const struct shadow_flat *f, uint32_t gpa);
void shadow_flat_make_code(struct shadow_flat *f, uint32_t gpa);
void shadow_flat_make_user_code(struct shadow_flat *f, uint32_t gpa);
void shadow_flat_make_user_code_writable(struct shadow_flat *f, uint32_t gpa);
void shadow_flat_make_data(struct shadow_flat *f, uint32_t gpa);

#endif
