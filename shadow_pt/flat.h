/*
 * Guest memory while the guest's MMU is off: guest virtual = guest
 * physical, mapped page by page onto the guest's host memory in the
 * hypervisor's translation table. Each RAM page is "data" (PL0
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

/* A guest's RAM: guest-physical range and where it lives in host memory. */
struct guest_memmap {
	uint32_t gpa_base;
	uint32_t hpa_base;
	uint32_t size;
};

void shadow_flat_init(const struct guest_memmap *ram);
/* Let the guest reach a device directly (PL0 read/write, device memory). */
void shadow_flat_map_device(uint32_t pa, uint32_t size);

bool shadow_flat_is_ram(uint32_t gpa, uint32_t size);
/*
 * Where the hypervisor reads and writes guest RAM at `gpa` while the
 * guest's MMU is off (its flat map is the hypervisor's too): whole images.
 */
void *shadow_flat_hyp_ptr(uint32_t gpa);
/*
 * The guest RAM page holding `gpa`, reachable whatever the guest's MMU
 * does; valid for the rest of that page and MMU_PHYS_SLOTS - 1 more calls.
 */
void *guest_ram_page_ptr(uint32_t gpa);
/*
 * The word of guest RAM at `gpa`, read the same way; false outside guest
 * RAM. Shaped as a guest table walk's reader (shadow_pt/guest_walk.h).
 */
bool guest_ram_read_word(void *ctx, uint32_t gpa, uint32_t *value);

bool shadow_flat_page_is_data(uint32_t gpa);
bool shadow_flat_page_is_code(uint32_t gpa);
bool shadow_flat_page_is_user_code(uint32_t gpa);
/* Code or user code that is read-only: a write to it faults. */
bool shadow_flat_page_catches_writes(uint32_t gpa);
void shadow_flat_make_code(uint32_t gpa);
void shadow_flat_make_user_code(uint32_t gpa);
void shadow_flat_make_user_code_writable(uint32_t gpa);
void shadow_flat_make_data(uint32_t gpa);

#endif
