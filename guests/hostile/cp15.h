/* CP15 registers, TLB maintenance and barriers (ARMv7-A, PL1 only). */
#ifndef CP15_H
#define CP15_H

#include <stdint.h>

#define SCTLR_M         (1u << 0)	/* MMU enable */
#define SCTLR_A         (1u << 1)	/* alignment checking: kept off for the unaligned tests */
#define SCTLR_C         (1u << 2)
#define SCTLR_I         (1u << 12)
#define SCTLR_V         (1u << 13)	/* high vectors: must be 0 for VBAR */
#define SCTLR_TRE       (1u << 28)
#define SCTLR_AFE       (1u << 29)
#define SCTLR_TE        (1u << 30)

/* TTBRn walk attributes: inner and outer write-back write-allocate. */
#define TTBR_WALK_WBWA  ((1u << 6) | (1u << 3))

/* TTBCR.N: how many top VA bits select TTBR1. */
#define TTBCR_N0        0u

#define DACR_NOACCESS   0u
#define DACR_CLIENT     1u
#define DACR_SHIFT(d)   (2u * (d))
#define DACR_ALL_MANAGER 0xffffffffu	/* 0b11 (manager) in every field */

#define CP15_MCR(name, op)						\
	static inline void name(uint32_t v)				\
	{								\
		__asm__ volatile("mcr p15, " op : : "r"(v) : "memory");	\
	}

CP15_MCR(write_sctlr, "0, %0, c1, c0, 0")
CP15_MCR(write_ttbr0, "0, %0, c2, c0, 0")
CP15_MCR(write_ttbr1, "0, %0, c2, c0, 1")
CP15_MCR(write_ttbcr, "0, %0, c2, c0, 2")
CP15_MCR(write_dacr,  "0, %0, c3, c0, 0")
CP15_MCR(dccmvac,     "0, %0, c7, c10, 1")	/* clean data line by VA to PoC */

#undef CP15_MCR

static inline uint32_t read_sctlr(void)
{
	uint32_t v;

	__asm__ volatile("mrc p15, 0, %0, c1, c0, 0" : "=r"(v));
	return v;
}

static inline void dsb(void)
{
	__asm__ volatile("dsb" : : : "memory");
}

static inline void isb(void)
{
	__asm__ volatile("isb" : : : "memory");
}

static inline void tlbiall(void)
{
	__asm__ volatile("mcr p15, 0, %0, c8, c7, 0" : : "r"(0) : "memory");
}

static inline void iciallu(void)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c5, 0" : : "r"(0) : "memory");
}

#endif
