/*
 * A flat translation table for the test guests that only need their MMU
 * on (flat_mmu.c): RAM's first 16 MiB, the board's device MiB and any
 * other MiBs of devices the guest names, each at its own address, full
 * access, domain 0 client. Data caches stay off, so every table store
 * reaches memory before the walk that reads it.
 */
#ifndef FLAT_MMU_H
#define FLAT_MMU_H

#include <stdint.h>

void flat_mmu_on(const uint32_t *device_mbs, unsigned count);
void flat_mmu_off(void);
/* Map the MiB at `va` onto RAM at `pa` (where nothing was mapped). */
void flat_mmu_map_section(uint32_t va, uint32_t pa);

#endif
