/* MIDR, Main ID Register (ARM ARM B4.1.105): the fields that name a core. */
#ifndef ARCH_ARM_MIDR_BITS_H
#define ARCH_ARM_MIDR_BITS_H

#include <stdbool.h>
#include <stdint.h>

#define MIDR_IMPLEMENTER_SHIFT  24
#define MIDR_IMPLEMENTER_ARM    0x41u
#define MIDR_PART_SHIFT         4
#define MIDR_PART_MASK          0xfffu
#define MIDR_PART_CORTEX_A8     0xc08u

static inline bool midr_is_cortex_a8(uint32_t midr)
{
	return midr >> MIDR_IMPLEMENTER_SHIFT == MIDR_IMPLEMENTER_ARM &&
	       ((midr >> MIDR_PART_SHIFT) & MIDR_PART_MASK) == MIDR_PART_CORTEX_A8;
}

#endif
