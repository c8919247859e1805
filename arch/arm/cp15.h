/* CP15 register accessors for the hypervisor itself (target only). */
#ifndef ARCH_ARM_CP15_H
#define ARCH_ARM_CP15_H

#include <stdint.h>

#define CP15_ACCESSORS(name, op1, crn, crm, op2)                              \
	static inline uint32_t cp15_read_##name(void)                         \
	{                                                                     \
		uint32_t v;                                                   \
		__asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm     \
				 ", " #op2 : "=r"(v));                        \
		return v;                                                     \
	}                                                                     \
	static inline void cp15_write_##name(uint32_t v)                      \
	{                                                                     \
		__asm__ volatile("mcr p15, " #op1 ", %0, " #crn ", " #crm     \
				 ", " #op2 : : "r"(v) : "memory");            \
	}

CP15_ACCESSORS(midr,      0, c0,  c0, 0)
CP15_ACCESSORS(mpidr,     0, c0,  c0, 5)
CP15_ACCESSORS(sctlr,     0, c1,  c0, 0)
CP15_ACCESSORS(actlr,     0, c1,  c0, 1)
CP15_ACCESSORS(cpacr,     0, c1,  c0, 2)
CP15_ACCESSORS(ttbr0,     0, c2,  c0, 0)
CP15_ACCESSORS(ttbr1,     0, c2,  c0, 1)
CP15_ACCESSORS(ttbcr,     0, c2,  c0, 2)
CP15_ACCESSORS(dacr,      0, c3,  c0, 0)
CP15_ACCESSORS(dfsr,      0, c5,  c0, 0)
CP15_ACCESSORS(ifsr,      0, c5,  c0, 1)
CP15_ACCESSORS(dfar,      0, c6,  c0, 0)
CP15_ACCESSORS(ifar,      0, c6,  c0, 2)
CP15_ACCESSORS(prrr,      0, c10, c2, 0)
CP15_ACCESSORS(nmrr,      0, c10, c2, 1)
CP15_ACCESSORS(vbar,      0, c12, c0, 0)
CP15_ACCESSORS(contextidr, 0, c13, c0, 1)
CP15_ACCESSORS(tpidrurw,  0, c13, c0, 2)
CP15_ACCESSORS(tpidruro,  0, c13, c0, 3)
CP15_ACCESSORS(tpidrprw,  0, c13, c0, 4)
CP15_ACCESSORS(cntfrq,    0, c14, c0, 0)
CP15_ACCESSORS(cntkctl,   0, c14, c1, 0)
CP15_ACCESSORS(cntp_tval, 0, c14, c2, 0)
CP15_ACCESSORS(cntp_ctl,  0, c14, c2, 1)
CP15_ACCESSORS(cntv_tval, 0, c14, c3, 0)
CP15_ACCESSORS(cntv_ctl,  0, c14, c3, 1)

#undef CP15_ACCESSORS

#endif
