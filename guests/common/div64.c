#include "div64.h"

/* Shift-and-subtract, one quotient bit per step; divisor 0 gives all ones. */
uint64_t div64(uint64_t dividend, uint64_t divisor)
{
	uint64_t quotient = 0, remainder = 0;

	if (divisor == 0)
		return ~0ull;
	for (int bit = 63; bit >= 0; bit--) {
		remainder = remainder << 1 | ((dividend >> bit) & 1u);
		if (remainder >= divisor) {
			remainder -= divisor;
			quotient |= 1ull << bit;
		}
	}
	return quotient;
}
