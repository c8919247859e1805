/* The sensitive guest's translation table (mmu.c). */
#ifndef SENSITIVE_MMU_H
#define SENSITIVE_MMU_H

#include <stdint.h>

/* RAM's first 16 MiB and the device MiB, flat. */
void mmu_on(void);
void mmu_off(void);
/* Map the MiB at `va` onto RAM at `pa` (where nothing was mapped). */
void mmu_map_section(uint32_t va, uint32_t pa);

#endif
