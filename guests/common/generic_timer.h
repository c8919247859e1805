/* The generic timer as the test guests use it (ARM DDI 0406C B8, B4.1.21-B4.1.34): the virtual timer. */
#ifndef GENERIC_TIMER_H
#define GENERIC_TIMER_H

#include <stdint.h>

#define CNTV_CTL_ENABLE 1u

/* CNTFRQ: the counter's frequency in Hz. */
static inline uint32_t cntfrq(void)
{
	uint32_t v;

	__asm__ volatile("mrc p15, 0, %0, c14, c0, 0" : "=r"(v));
	return v;
}

/* CNTVCT, the virtual count, after the instructions before it. */
static inline uint64_t cntvct(void)
{
	uint32_t lo, hi;

	__asm__ volatile("isb\n\tmrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi));
	return (uint64_t)hi << 32 | lo;
}

/* The virtual timer fires when the virtual count reaches `at` (CNTV_CVAL, then CNTV_CTL). */
static inline void cntv_fire_at(uint64_t at)
{
	__asm__ volatile("mcrr p15, 3, %0, %1, c14\n\t"
			 "mcr p15, 0, %2, c14, c3, 1\n\tisb"
			 : : "r"((uint32_t)at), "r"((uint32_t)(at >> 32)), "r"(CNTV_CTL_ENABLE) : "memory");
}

static inline void cntv_stop(void)
{
	__asm__ volatile("mcr p15, 0, %0, c14, c3, 1\n\tisb" : : "r"(0) : "memory");
}

#endif
