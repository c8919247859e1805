/*
 * Emulated registers modelled as words, reached by narrower accesses too:
 * a `size`-byte access at byte `offset` covers these bytes of the word at
 * offset & ~3 (little-endian). Portable.
 */
#ifndef HYP_WORD_LANES_H
#define HYP_WORD_LANES_H

#include <stdint.h>

/* The bytes the access covers, as a mask of the word. */
static inline uint32_t word_lanes(uint32_t offset, unsigned size)
{
	return size == 4 ? ~0u : ((1u << (8u * size)) - 1u) << (8u * (offset & 3u));
}

/* What a read of the word returns. */
static inline uint32_t word_lanes_read(uint32_t word, uint32_t offset, unsigned size)
{
	return (word & word_lanes(offset, size)) >> (8u * (offset & 3u));
}

/* A written `value` in its place in the word (the other bytes zero). */
static inline uint32_t word_lanes_value(uint32_t offset, unsigned size, uint32_t value)
{
	return (value << (8u * (offset & 3u))) & word_lanes(offset, size);
}

/* The word after the write: the other bytes keep what `old` holds. */
static inline uint32_t word_lanes_merge(uint32_t old, uint32_t offset, unsigned size, uint32_t value)
{
	return (old & ~word_lanes(offset, size)) | word_lanes_value(offset, size, value);
}

#endif
