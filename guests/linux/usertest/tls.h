/* The thread ID registers: TPIDRURO (c13,c0,3; the thread pointer, set by
 * the kernel, read-only to user code) and TPIDRURW (c13,c0,2; user
 * read/write, preserved by the kernel per thread). */
#ifndef TLS_H
#define TLS_H

#include <stdint.h>

static inline uint32_t tpidruro_get(void)
{
	uint32_t v;

	__asm__ volatile("mrc p15, 0, %0, c13, c0, 3" : "=r"(v));
	return v;
}

static inline uint32_t tpidrurw_get(void)
{
	uint32_t v;

	__asm__ volatile("mrc p15, 0, %0, c13, c0, 2" : "=r"(v));
	return v;
}

static inline void tpidrurw_set(uint32_t v)
{
	__asm__ volatile("mcr p15, 0, %0, c13, c0, 2" : : "r"(v) : "memory");
}

#endif
