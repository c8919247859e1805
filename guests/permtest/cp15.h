/* CP15 registers, TLB and cache maintenance, barriers (ARMv7-A, PL1 only). */
#ifndef CP15_H
#define CP15_H

#include <stdint.h>

/* SCTLR */
#define SCTLR_M         (1u << 0)	/* MMU enable */
#define SCTLR_A         (1u << 1)	/* alignment checking */
#define SCTLR_C         (1u << 2)	/* data cache enable */
#define SCTLR_I         (1u << 12)	/* instruction cache enable */
#define SCTLR_V         (1u << 13)	/* high vectors: must be 0 for VBAR */
#define SCTLR_TRE       (1u << 28)	/* TEX remap */
#define SCTLR_AFE       (1u << 29)	/* access flag enable: AP[0] as an access flag */
#define SCTLR_TE        (1u << 30)	/* exceptions taken in Thumb state */

/* TTBR0 walk attributes (Multiprocessing Extensions encoding of IRGN). */
#define TTBR_IRGN0      (1u << 6)	/* IRGN = 0b01: inner write-back write-allocate */
#define TTBR_RGN_WBWA   (1u << 3)	/* RGN = 0b01: outer write-back write-allocate */

/* TTBCR: N = 0, TTBR0 only, short descriptors. */
#define TTBCR_N0        0u

/* DACR: two bits per domain. */
#define DACR_NOACCESS   0u
#define DACR_CLIENT     1u
#define DACR_RESERVED   2u
#define DACR_MANAGER    3u
#define DACR_SHIFT(d)   (2u * (d))

/* CONTEXTIDR: ASID in bits [7:0], PROCID left 0. */
#define CONTEXTIDR_ASID(a) ((a) & 0xffu)

/* TLBIMVA operand: the page's address with the ASID in bits [7:0]. */
#define TLBI_MVA(va, asid) (((va) & 0xfffff000u) | ((asid) & 0xffu))

#define CP15_MCR(name, op)						\
	static inline void name(uint32_t v)				\
	{								\
		__asm__ volatile("mcr p15, " op : : "r"(v) : "memory");	\
	}

CP15_MCR(write_sctlr,      "0, %0, c1, c0, 0")
CP15_MCR(write_ttbr0,      "0, %0, c2, c0, 0")
CP15_MCR(write_ttbcr,      "0, %0, c2, c0, 2")
CP15_MCR(write_dacr,       "0, %0, c3, c0, 0")
CP15_MCR(write_contextidr, "0, %0, c13, c0, 1")
CP15_MCR(tlbimva,          "0, %0, c8, c7, 1")

#undef CP15_MCR

static inline uint32_t read_sctlr(void)
{
	uint32_t v;

	__asm__ volatile("mrc p15, 0, %0, c1, c0, 0" : "=r"(v));
	return v;
}

static inline void tlbiall(void)
{
	__asm__ volatile("mcr p15, 0, %0, c8, c7, 0" : : "r"(0) : "memory");
}

static inline void iciallu(void)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c5, 0" : : "r"(0) : "memory");
}

static inline void bpiall(void)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c5, 6" : : "r"(0) : "memory");
}

/* Clean a data cache line by address to the point of coherency. */
static inline void dccmvac(const volatile void *p)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c10, 1" : : "r"(p) : "memory");
}

/* Clean a data cache line by address to the point of unification. */
static inline void dccmvau(const volatile void *p)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c11, 1" : : "r"(p) : "memory");
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
