/* CP15 registers, TLB maintenance and barriers (ARMv7-A, PL1 only). */
#ifndef CP15_H
#define CP15_H

#include <stdint.h>

#define SCTLR_M         (1u << 0)
#define SCTLR_C         (1u << 2)	/* kept off: table walks then see every store */
#define SCTLR_TRE       (1u << 28)
#define SCTLR_AFE       (1u << 29)

/* TTBCR.N: how many top VA bits select TTBR1. */
#define TTBCR_N0        0u
#define TTBCR_N1        1u	/* TTBR0: 0x00000000-0x7fffffff, TTBR1: the rest */

#define DACR_NOACCESS   0u
#define DACR_CLIENT     1u
#define DACR_MANAGER    3u
#define DACR_SHIFT(d)   (2u * (d))

/* TLBIMVA operand: the page's address with the ASID in bits [7:0]. */
#define TLBI_MVA(va, asid) (((va) & 0xfffff000u) | ((asid) & 0xffu))

#define CP15_MCR(name, op)						\
	static inline void name(uint32_t v)				\
	{								\
		__asm__ volatile("mcr p15, " op : : "r"(v) : "memory");	\
	}

CP15_MCR(write_sctlr,      "0, %0, c1, c0, 0")
CP15_MCR(write_ttbr0,      "0, %0, c2, c0, 0")
CP15_MCR(write_ttbr1,      "0, %0, c2, c0, 1")
CP15_MCR(write_ttbcr,      "0, %0, c2, c0, 2")
CP15_MCR(write_dacr,       "0, %0, c3, c0, 0")
CP15_MCR(write_contextidr, "0, %0, c13, c0, 1")	/* PROCID left 0: the ASID only */
CP15_MCR(tlbiall,          "0, %0, c8, c7, 0")	/* the operand is ignored */
CP15_MCR(tlbimva,          "0, %0, c8, c7, 1")
CP15_MCR(tlbiasid,         "0, %0, c8, c7, 2")

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

#endif
