#include "arch/arm/psr.h"
#include "hyp/insn_class.h"

#define COND_AL         0xeu
#define COND_UNCOND     0xfu
#define BIT(n)          (1u << (n))
#define FIELD(i, lo, w) (((i) >> (lo)) & ((1u << (w)) - 1u))

const uint16_t insn_cond_passes[16] = {
	0xf0f0, /* EQ: Z */
	0x0f0f, /* NE: !Z */
	0xcccc, /* CS: C */
	0x3333, /* CC: !C */
	0xff00, /* MI: N */
	0x00ff, /* PL: !N */
	0xaaaa, /* VS: V */
	0x5555, /* VC: !V */
	0x0c0c, /* HI: C && !Z */
	0xf3f3, /* LS: !C || Z */
	0xaa55, /* GE: N == V */
	0x55aa, /* LT: N != V */
	0x0a05, /* GT: !Z && N == V */
	0xf5fa, /* LE: Z || N != V */
	0xffff, /* AL */
	0xffff, /* the unconditional space */
};

uint32_t insn_expand_imm(uint32_t imm12)
{
	uint32_t value = imm12 & 0xffu, rot = 2u * FIELD(imm12, 8, 4);

	return rot ? (value >> rot) | (value << (32u - rot)) : value;
}

/* MSR to the CPSR that touches only the flags (f) and GE (s) bytes is harmless in User mode. */
static int msr_is_sensitive(uint32_t insn)
{
	uint32_t mask = FIELD(insn, 16, 4);
	int spsr = !!(insn & BIT(22));

	if (mask == 0)
		return 0;                       /* hint space or UNPREDICTABLE */
	return spsr || (mask & 0x3u);           /* SPSR, or CPSR c / x fields */
}

static enum sens_class classify_cps(uint32_t insn)
{
	uint32_t imod = FIELD(insn, 18, 2), m = FIELD(insn, 17, 1);
	uint32_t aif = FIELD(insn, 6, 3), mode = FIELD(insn, 0, 5);

	if (imod == 1 || (imod == 0 && !m))
		return SENS_NONE;               /* UNPREDICTABLE encodings */
	if ((imod != 0) != (aif != 0) || (!m && mode))
		return SENS_NONE;
	return SENS_CPS;
}

static enum sens_class classify_block_transfer(uint32_t insn)
{
	uint32_t rn = FIELD(insn, 16, 4), list = FIELD(insn, 0, 16);
	int load = !!(insn & BIT(20)), wback = !!(insn & BIT(21));

	if (rn == 15 || list == 0)
		return SENS_NONE;
	if (load && (list & BIT(15)))
		return SENS_LDM_ERET;
	if (wback)
		return SENS_NONE;               /* UNPREDICTABLE with User registers */
	return load ? SENS_LDM_USER : SENS_STM_USER;
}

/*
 * Every sensitive encoding is data-processing or miscellaneous (bits 27:25
 * 000, 001) or a block transfer, SRS or RFE (100): loads and stores (01x),
 * branches (101) and coprocessor instructions (11x), most of any code, are
 * none of them (ARM DDI 0406C A5.1).
 */
#define OP1_NEVER_SENSITIVE 0xecu       /* a bit per value of bits 27:25 */

enum sens_class insn_classify_arm(uint32_t insn)
{
	uint32_t cond = insn_cond(insn);

	if ((OP1_NEVER_SENSITIVE >> FIELD(insn, 25, 3)) & 1u)
		return SENS_NONE;

	if (cond == COND_UNCOND) {
		if ((insn & 0xfff1fe20u) == 0xf1000000u)
			return classify_cps(insn);
		if ((insn & 0xfe5fffe0u) == 0xf84d0500u)
			return SENS_SRS;
		if ((insn & 0xfe50ffffu) == 0xf8100a00u && FIELD(insn, 16, 4) != 15)
			return SENS_RFE;
		return SENS_NONE;
	}
	if ((insn & 0x0fbf0fffu) == 0x010f0000u && FIELD(insn, 12, 4) != 15)
		return SENS_MRS;
	if ((insn & 0x0fffffffu) == 0x0320f003u)
		return SENS_WFI;
	if ((insn & 0x0fb0fff0u) == 0x0120f000u && FIELD(insn, 0, 4) != 15)
		return msr_is_sensitive(insn) ? SENS_MSR_REG : SENS_NONE;
	if ((insn & 0x0fb0f000u) == 0x0320f000u)
		return msr_is_sensitive(insn) ? SENS_MSR_IMM : SENS_NONE;
	if (cond != COND_AL)
		return SENS_NONE;               /* the rest only as compilers emit them */
	if ((insn & 0xfe500000u) == 0xe8400000u || (insn & 0xfe500000u) == 0xe8500000u)
		return classify_block_transfer(insn);
	if ((insn & INSN_MOVS_PC_MASK) == INSN_MOVS_PC || (insn & INSN_SUBS_PC_LR_MASK) == INSN_SUBS_PC_LR)
		return SENS_DP_ERET;
	return SENS_NONE;
}

const char *sens_class_name(enum sens_class cls)
{
	static const char *const names[SENS_CLASS_COUNT] = {
		[SENS_NONE] = "none",
		[SENS_MRS] = "mrs",
		[SENS_MSR_REG] = "msr_reg",
		[SENS_MSR_IMM] = "msr_imm",
		[SENS_CPS] = "cps",
		[SENS_SRS] = "srs",
		[SENS_RFE] = "rfe",
		[SENS_LDM_USER] = "ldm_user",
		[SENS_LDM_ERET] = "ldm_eret",
		[SENS_STM_USER] = "stm_user",
		[SENS_DP_ERET] = "dp_eret",
		[SENS_WFI] = "wfi",
	};

	return cls < SENS_CLASS_COUNT ? names[cls] : "?";
}

int insn_uses_vfp_arm(uint32_t insn)
{
	if (insn_cond(insn) != COND_UNCOND)
		return insn_is_coproc(insn) && (FIELD(insn, 8, 4) & 0xeu) == 0xau;    /* CP10, CP11 */
	return (insn & 0xfe000000u) == 0xf2000000u ||                   /* SIMD data processing */
	       (insn & 0xff100000u) == 0xf4000000u;                     /* SIMD element load/store */
}

int insn_literal_target(uint32_t insn, uint32_t addr, uint32_t *target, uint32_t *len)
{
	uint32_t base = addr + 8u, offset;
	int up = !!(insn & BIT(23));

	if (insn_cond(insn) == COND_UNCOND)
		return 0;
	if ((insn & 0x0f3f0000u) == 0x051f0000u) {             /* LDR / LDRB literal */
		offset = FIELD(insn, 0, 12);
		*len = (insn & BIT(22)) ? 1u : 4u;
	} else if ((insn & 0x0f7f00f0u) == 0x014f00d0u) {      /* LDRD literal */
		offset = (FIELD(insn, 8, 4) << 4) | FIELD(insn, 0, 4);
		*len = 8u;
	} else if ((insn & 0x0f7f0090u) == 0x015f0090u && FIELD(insn, 5, 2) != 0) {
		offset = (FIELD(insn, 8, 4) << 4) | FIELD(insn, 0, 4); /* LDRH/SB/SH */
		*len = 2u;
	} else if ((insn & 0x0f3f0e00u) == 0x0d1f0a00u) {      /* VLDR literal */
		offset = FIELD(insn, 0, 8) << 2;
		*len = (insn & BIT(8)) ? 8u : 4u;
		base &= ~3u;
	} else {
		return 0;
	}
	*target = up ? base + offset : base - offset;
	return 1;
}
