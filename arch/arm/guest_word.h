/* Guest memory accessed as the guest would (target only; arch/arm/vectors.S). */
#ifndef ARCH_ARM_GUEST_WORD_H
#define ARCH_ARM_GUEST_WORD_H

#include <stdbool.h>
#include <stdint.h>

/*
 * The word at `va`, loaded with LDRT: PL0 permissions, through the
 * translation table, ASID and DACR the guest runs with. False, with *word
 * untouched, if the load faults (the data abort is absorbed, DFSR and DFAR
 * are changed).
 */
bool guest_load_word(uint32_t va, uint32_t *word);

/* The same for a store (STRT): false, with memory unchanged, if it faults. */
bool guest_store_word(uint32_t va, uint32_t word);

/*
 * `n` (at least 1) consecutive words from `va`, the same way. False if one
 * faults: the words before it were loaded (into `words`) or stored.
 */
bool guest_load_words(uint32_t va, uint32_t *words, unsigned n);
bool guest_store_words(uint32_t va, const uint32_t *words, unsigned n);

#endif
