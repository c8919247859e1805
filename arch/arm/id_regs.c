#include "arch/arm/id_regs.h"
#include "arch/arm/midr_bits.h"

#define MRC(dst, op1, crn, crm, op2) \
	__asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 : "=r"(dst))

#define CLIDR_CTYPE(clidr, level) (((clidr) >> (3u * (level))) & 7u)
#define CTYPE_HAS_ICACHE(t) ((t) == 1u || (t) == 3u)
#define CTYPE_HAS_DCACHE(t) ((t) >= 2u)

static uint32_t read_ccsidr(uint32_t csselr)
{
	uint32_t ccsidr;

	__asm__ volatile("mcr p15, 2, %0, c0, c0, 0\n\tisb" : : "r"(csselr));
	MRC(ccsidr, 1, c0, c0, 0);
	return ccsidr;
}

void id_regs_read(struct vcpu_id_regs *id)
{
	uint32_t saved_csselr;

	MRC(saved_csselr, 2, c0, c0, 0);

	MRC(id->midr, 0, c0, c0, 0);
	MRC(id->ctr, 0, c0, c0, 1);
	MRC(id->tcmtr, 0, c0, c0, 2);
	MRC(id->tlbtr, 0, c0, c0, 3);
	MRC(id->mpidr, 0, c0, c0, 5);
	MRC(id->revidr, 0, c0, c0, 6);
	MRC(id->id_pfr[0], 0, c0, c1, 0);
	MRC(id->id_pfr[1], 0, c0, c1, 1);
	MRC(id->id_dfr0, 0, c0, c1, 2);
	MRC(id->id_afr0, 0, c0, c1, 3);
	MRC(id->id_mmfr[0], 0, c0, c1, 4);
	MRC(id->id_mmfr[1], 0, c0, c1, 5);
	MRC(id->id_mmfr[2], 0, c0, c1, 6);
	MRC(id->id_mmfr[3], 0, c0, c1, 7);
	MRC(id->id_isar[0], 0, c0, c2, 0);
	MRC(id->id_isar[1], 0, c0, c2, 1);
	MRC(id->id_isar[2], 0, c0, c2, 2);
	MRC(id->id_isar[3], 0, c0, c2, 3);
	MRC(id->id_isar[4], 0, c0, c2, 4);
	MRC(id->id_isar[5], 0, c0, c2, 5);
	MRC(id->clidr, 1, c0, c0, 1);
	MRC(id->aidr, 1, c0, c0, 7);
	__asm__ volatile("mrc p14, 0, %0, c0, c0, 0" : "=r"(id->dbgdidr));      /* DBGDIDR */
	id->a8_l2auxcr = 0;
	if (midr_is_cortex_a8(id->midr))
		MRC(id->a8_l2auxcr, 1, c9, c0, 2);

	/* CCSIDR for each cache CLIDR reports: CSSELR = level << 1 | InD. */
	for (uint32_t level = 0; level < 7u; level++) {
		uint32_t ctype = CLIDR_CTYPE(id->clidr, level);
		if (CTYPE_HAS_DCACHE(ctype))
			id->ccsidr[level << 1] = read_ccsidr(level << 1);
		if (CTYPE_HAS_ICACHE(ctype))
			id->ccsidr[(level << 1) | 1u] = read_ccsidr((level << 1) | 1u);
	}
	__asm__ volatile("mcr p15, 2, %0, c0, c0, 0\n\tisb" : : "r"(saved_csselr));
}
