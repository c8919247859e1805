/*
 * The CP15 registers, TLB and branch-predictor maintenance and barriers
 * that the guests with their own translation tables share (ARMv7-A VMSA,
 * PL1 only). Each such guest's cp15.h adds what only it uses.
 */
#ifndef VMSA_REGS_H
#define VMSA_REGS_H

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

/* TTBCR.N: how many top VA bits select TTBR1 (0: TTBR0 only). */
#define TTBCR_N0        0u

/* DACR: two bits per domain. */
#define DACR_NOACCESS   0u
#define DACR_CLIENT     1u
#define DACR_RESERVED   2u
#define DACR_MANAGER    3u
#define DACR_SHIFT(d)   (2u * (d))

/* TLBIMVA operand: the page's address with the ASID in bits [7:0]. */
#define TLBI_MVA(va, asid) (((va) & 0xfffff000u) | ((asid) & 0xffu))

#define VMSA_MCR(name, op)						\
	static inline void name(uint32_t v)				\
	{								\
		__asm__ volatile("mcr p15, " op : : "r"(v) : "memory");	\
	}

VMSA_MCR(write_sctlr,      "0, %0, c1, c0, 0")
VMSA_MCR(write_ttbr0,      "0, %0, c2, c0, 0")
VMSA_MCR(write_ttbr1,      "0, %0, c2, c0, 1")
VMSA_MCR(write_ttbcr,      "0, %0, c2, c0, 2")
VMSA_MCR(write_dacr,       "0, %0, c3, c0, 0")
VMSA_MCR(write_contextidr, "0, %0, c13, c0, 1")	/* PROCID left 0: the ASID only */
VMSA_MCR(tlbimva,          "0, %0, c8, c7, 1")

#undef VMSA_MCR

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

static inline void dsb(void)
{
	__asm__ volatile("dsb" : : : "memory");
}

static inline void isb(void)
{
	__asm__ volatile("isb" : : : "memory");
}

#endif
