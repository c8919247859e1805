/* Address ranges. Portable. */
#ifndef HYP_RANGES_H
#define HYP_RANGES_H

#include <stdbool.h>
#include <stdint.h>

/* Do [a, a + a_size) and [b, b + b_size) share a byte? Sums do not wrap. */
static inline bool ranges_overlap(uint64_t a, uint64_t a_size, uint64_t b, uint64_t b_size)
{
	return a < b + b_size && b < a + a_size;
}

#endif
