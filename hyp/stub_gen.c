#include "arch/arm/psr.h"
#include "hyp/stub_gen.h"

#define BIT(n)          (1u << (n))
#define FIELD(i, lo, w) (((i) >> (lo)) & ((1u << (w)) - 1u))

#define REG_PC          15u
#define COND_AL         0xeu

/* ARM encodings used by stubs (ARM DDI 0406C A8.8), condition AL. */
#define A_LDR_PC        0xe51f0000u     /* LDR Rt, [PC, #-imm12]; | BIT(23) for +imm12 */
#define A_STR_PC        0xe50f0000u     /* STR Rt, [PC, #-imm12] */
#define A_LDST_UP       BIT(23)
#define A_AND_IMM       0xe2000000u
#define A_ADD_IMM       0xe2800000u
#define A_ORR_IMM       0xe3800000u
#define A_BIC_IMM       0xe3c00000u
#define A_EOR_REG       0xe0200000u
#define A_ORR_REG       0xe1800000u
#define A_BIC_REG       0xe1c00000u
#define A_MOV_LSR       0xe1a00020u     /* MOV Rd, Rm, LSR #imm5 */
#define A_CLZ           0xe16f0f10u
#define A_ADD_PC_LSL    0xe08ff000u     /* ADD PC, PC, Rm, LSL #imm5 */
#define A_MRS_APSR      0xe10f0000u
#define A_B             0x0a000000u     /* B<cond> imm24 */
#define A_LDR_IMM       0xe5100000u     /* LDR Rt, [Rn, #-imm12]; | A_LDST_UP for +imm12 */
#define A_SUB_IMM       0xe2400000u
#define A_LDMIA         0xe8900000u     /* LDMIA Rn, {list} */
#define A_STM           0xe8000000u     /* STM Rn, {list}; P and U (bits 24, 23) give the mode */
#define BLOCK_MODE_BITS (BIT(24) | BIT(23))

#define B_RANGE         (1u << 25)      /* B reaches PC + 8 - 32 MiB to PC + 8 + 32 MiB - 4 */
#define LDST_RANGE      4096u           /* LDR/STR offsets 0-4095, either way */

static uint32_t rn_rd(uint32_t op, unsigned rn, unsigned rd)
{
	return op | rn << 16 | rd << 12;
}

/* The modified immediate (A5.2.4) encoding `value`; `value` is one the stubs use, all encodable. */
static uint32_t imm12(uint32_t value)
{
	for (uint32_t rot = 0; rot < 16u; rot++) {
		uint32_t r = 2u * rot, byte = r ? (value << r) | (value >> (32u - r)) : value;
		if (byte <= 0xffu)
			return rot << 8 | byte;
	}
	return ~0u;
}

/* Emits a stub's words; `bad` once something could not be encoded. */
struct emitter {
	struct stub *s;
	uint32_t va, data_va;
	bool bad;
};

static void emit(struct emitter *e, uint32_t word)
{
	if (e->s->words == STUB_MAX_WORDS) {
		e->bad = true;
		return;
	}
	e->s->word[e->s->words++] = word;
}

static uint32_t here(const struct emitter *e)
{
	return e->va + 4u * e->s->words;
}

/* LDR or STR of data page word `offset`, PC-relative. */
static void data_access(struct emitter *e, uint32_t op, unsigned rt, uint32_t offset)
{
	uint32_t target = e->data_va + offset, pc = here(e) + 8u;
	uint32_t up = target >= pc ? A_LDST_UP : 0u, distance = up ? target - pc : pc - target;

	if (distance >= LDST_RANGE)
		e->bad = true;
	emit(e, op | up | rt << 12 | (distance & 0xfffu));
}

static void ldr(struct emitter *e, unsigned rt, uint32_t offset)
{
	data_access(e, A_LDR_PC, rt, offset);
}

static void str(struct emitter *e, unsigned rt, uint32_t offset)
{
	data_access(e, A_STR_PC, rt, offset);
}

static void op_imm(struct emitter *e, uint32_t op, unsigned rd, unsigned rn, uint32_t value)
{
	uint32_t imm = imm12(value);

	if (imm == ~0u)
		e->bad = true;
	emit(e, rn_rd(op, rn, rd) | (imm & 0xfffu));
}

static void op_reg(struct emitter *e, uint32_t op, unsigned rd, unsigned rn, unsigned rm)
{
	emit(e, rn_rd(op, rn, rd) | rm);
}

static uint32_t branch(uint32_t cond, uint32_t from, uint32_t to)
{
	uint32_t offset = to - (from + 8u);

	if (offset + B_RANGE >= 2u * B_RANGE)
		return 0;
	return cond << 28 | A_B | ((offset >> 2) & 0xffffffu);
}

static void b(struct emitter *e, uint32_t to)
{
	uint32_t word = branch(COND_AL, here(e), to);

	if (!word)
		e->bad = true;
	emit(e, word);
}

/* The branch back after the site: the stub's work is done there (struct stub's back_at). */
static void b_back(struct emitter *e, uint32_t back)
{
	e->s->back_at = e->s->words;
	b(e, back);
}

/*
 * The decision: with `r` = 0 the stub goes on after these five words,
 * anything else branches to `fallback`. Flag-free: CLZ gives 32 only for
 * 0, and the ADD skips the branch for that 1.
 */
static void unless_zero_goto(struct emitter *e, unsigned r, uint32_t fallback, uint32_t trap_word)
{
	emit(e, A_CLZ | r << 12 | r);
	emit(e, A_MOV_LSR | r << 12 | 5u << 7 | r);     /* 1 when it was 0 */
	emit(e, A_ADD_PC_LSL | 2u << 7 | r);             /* reads PC as this word + 8 */
	emit(e, trap_word);                              /* never reached */
	b(e, fallback);
}

/* Load back the registers the stub borrowed, the second one first. */
static void give_back(struct emitter *e)
{
	if (e->s->spill[1] != STUB_NO_REG)
		ldr(e, e->s->spill[1], STUB_DATA_SPILL + 4u);
	ldr(e, e->s->spill[0], STUB_DATA_SPILL);
}

/*
 * The end of a stub that may need the hypervisor: give the registers back
 * and branch back after the site; at `fallback`, give them back and run
 * the trapping word.
 */
static void end_with_fallback(struct emitter *e, uint32_t back, uint32_t fallback, uint32_t trap_word)
{
	give_back(e);
	b_back(e, back);
	if (here(e) != fallback)
		e->bad = true;
	give_back(e);
	emit(e, trap_word);
}

/* Two registers other than `a` and `b` (which may be the same), lowest first. */
static void pick_spill(uint8_t spill[2], unsigned a, unsigned b)
{
	unsigned n = 0;

	for (unsigned r = 0; n < 2u; r++)
		if (r != a && r != b)
			spill[n++] = (uint8_t)r;
}

/* The two lowest registers of `list` other than `rn` (stub_supported() ensures there are two). */
static void pick_loaded(uint8_t spill[2], uint32_t list, unsigned rn)
{
	uint32_t left = list & ~BIT(rn);

	spill[0] = (uint8_t)__builtin_ctz(left);
	left &= left - 1u;
	spill[1] = (uint8_t)__builtin_ctz(left);
}

/* CPSID: set the bits. CPSIE: clear them, unless that lets a signalled interrupt in. */
static void build_cps(struct emitter *e, uint32_t orig, uint32_t fixed, uint32_t back, uint32_t trap_word)
{
	uint32_t bits = ((FIELD(orig, 8, 1) ? PSR_A : 0u) | (FIELD(orig, 7, 1) ? PSR_I : 0u) |
			 (FIELD(orig, 6, 1) ? PSR_F : 0u)) & ~fixed;
	unsigned ra = e->s->spill[0];

	str(e, ra, STUB_DATA_SPILL);
	if (FIELD(orig, 18, 2) == STUB_CPS_IMOD_DISABLE) {
		ldr(e, ra, STUB_DATA_CPSR);
		op_imm(e, A_ORR_IMM, ra, ra, bits);
		str(e, ra, STUB_DATA_CPSR);
		give_back(e);
		b_back(e, back);
		return;
	}
	uint32_t fallback = here(e) + 4u * 12u;
	ldr(e, ra, STUB_DATA_WAKE);
	op_imm(e, A_AND_IMM, ra, ra, bits);
	unless_zero_goto(e, ra, fallback, trap_word);
	ldr(e, ra, STUB_DATA_CPSR);
	op_imm(e, A_BIC_IMM, ra, ra, bits);
	str(e, ra, STUB_DATA_CPSR);
	end_with_fallback(e, back, fallback, trap_word);
}

/*
 * MRS Rd, CPSR: the flags, GE and E bits from the real CPSR (User-mode MRS
 * reads them as they are; the execution state bits read as 0, B9.3.9),
 * A, I, F and the mode from the data page.
 */
static void build_mrs(struct emitter *e, uint32_t orig, uint32_t back)
{
	unsigned rd = FIELD(orig, 12, 4), ra = e->s->spill[0];

	str(e, ra, STUB_DATA_SPILL);
	emit(e, A_MRS_APSR | rd << 12);
	op_imm(e, A_BIC_IMM, rd, rd, 0xffu);            /* the real A, I, F and User mode */
	op_imm(e, A_BIC_IMM, rd, rd, PSR_A);
	ldr(e, ra, STUB_DATA_CPSR);
	op_reg(e, A_ORR_REG, rd, rd, ra);
	give_back(e);
	b_back(e, back);
}

/*
 * MSR CPSR_c, Rn: I and F from Rn (those not fixed), if Rn keeps the mode
 * and does not unmask a signalled interrupt; T is not written by MSR.
 */
static void build_msr(struct emitter *e, uint32_t orig, uint32_t fixed, uint32_t back, uint32_t trap_word)
{
	unsigned rn = FIELD(orig, 0, 4), ra = e->s->spill[0], rb = e->s->spill[1];
	uint32_t written = (PSR_I | PSR_F) & ~fixed;

	str(e, ra, STUB_DATA_SPILL);
	str(e, rb, STUB_DATA_SPILL + 4u);
	uint32_t fallback = here(e) + 4u * 19u;
	ldr(e, ra, STUB_DATA_CPSR);
	op_reg(e, A_EOR_REG, ra, ra, rn);
	op_imm(e, A_AND_IMM, ra, ra, PSR_MODE_MASK);    /* a mode change */
	ldr(e, rb, STUB_DATA_WAKE);
	op_reg(e, A_BIC_REG, rb, rb, rn);               /* signalled, and unmasked by Rn */
	op_reg(e, A_ORR_REG, ra, ra, rb);
	unless_zero_goto(e, ra, fallback, trap_word);
	ldr(e, ra, STUB_DATA_CPSR);
	op_imm(e, A_BIC_IMM, ra, ra, written);
	op_imm(e, A_AND_IMM, rb, rn, written);
	op_reg(e, A_ORR_REG, ra, ra, rb);
	str(e, ra, STUB_DATA_CPSR);
	end_with_fallback(e, back, fallback, trap_word);
}

/* ra = nonzero if the virtual mode has no SPSR: System mode, 0x1f, the one mode + 1 reaches 0x20 from. */
static void system_mode_test(struct emitter *e, unsigned ra)
{
	ldr(e, ra, STUB_DATA_CPSR);
	op_imm(e, A_AND_IMM, ra, ra, PSR_MODE_MASK);
	op_imm(e, A_ADD_IMM, ra, ra, 1u);
	op_imm(e, A_AND_IMM, ra, ra, PSR_MODE_MASK + 1u);
}

/*
 * MRS Rd, SPSR and MSR SPSR_fsxc, Rn: the data page's SPSR word, unless
 * the mode is System (no SPSR). MSR writes no reserved bit (23:20).
 */
static void build_spsr(struct emitter *e, uint32_t orig, enum sens_class cls, uint32_t back, uint32_t trap_word)
{
	unsigned ra = e->s->spill[0];

	str(e, ra, STUB_DATA_SPILL);
	uint32_t fallback = here(e) + 4u * (cls == SENS_MRS ? 12u : 13u);
	system_mode_test(e, ra);
	unless_zero_goto(e, ra, fallback, trap_word);
	if (cls == SENS_MRS) {
		ldr(e, FIELD(orig, 12, 4), STUB_DATA_SPSR);
	} else {
		op_imm(e, A_BIC_IMM, ra, FIELD(orig, 0, 4), PSR_RESERVED_MASK);
		str(e, ra, STUB_DATA_SPSR);
	}
	end_with_fallback(e, back, fallback, trap_word);
}

/* ra = nonzero where User's SP and LR are not the data page's (FIQ and System mode): the fallback. */
static void usr_bank_test(struct emitter *e, unsigned ra, uint32_t fallback, uint32_t trap_word)
{
	ldr(e, ra, STUB_DATA_NO_USR_BANK);
	unless_zero_goto(e, ra, fallback, trap_word);
}

/* LDR Rt, [Rn, #offset], |offset| < 4096. */
static void load_at(struct emitter *e, unsigned rt, unsigned rn, int32_t offset)
{
	uint32_t up = offset >= 0 ? A_LDST_UP : 0u, distance = offset >= 0 ? (uint32_t)offset : (uint32_t)-offset;

	emit(e, rn_rd(A_LDR_IMM | up, rn, rt) | distance);
}

/* STM{mode} Rn, {SP, LR}^: User's SP and LR from the data page, through the two borrowed registers. */
static void build_stm_user(struct emitter *e, uint32_t orig, uint32_t back, uint32_t trap_word)
{
	unsigned rn = FIELD(orig, 16, 4), ra = e->s->spill[0], rb = e->s->spill[1];

	str(e, ra, STUB_DATA_SPILL);
	str(e, rb, STUB_DATA_SPILL + 4u);
	uint32_t fallback = here(e) + 4u * 12u;
	usr_bank_test(e, ra, fallback, trap_word);
	ldr(e, ra, STUB_DATA_USR_SP);
	ldr(e, rb, STUB_DATA_USR_LR);
	emit(e, A_STM | (orig & BLOCK_MODE_BITS) | rn << 16 | BIT(ra) | BIT(rb));   /* ra < rb: SP's word first */
	end_with_fallback(e, back, fallback, trap_word);
}

/*
 * LDM{mode} Rn, {registers, SP, LR}^: User's SP and LR (the two highest
 * words) to the data page through the two borrowed registers, which are
 * among the others; then the others with one LDMIA from the first word,
 * the last load of the stub. Its base is Rn or, off by a constant, the
 * first borrowed register.
 */
static void build_ldm_user(struct emitter *e, uint32_t orig, uint32_t back, uint32_t trap_word)
{
	unsigned rn = FIELD(orig, 16, 4), ra = e->s->spill[0], rb = e->s->spill[1], n = 0;
	uint32_t list = FIELD(orig, 0, 16), others = list & ~STUB_USR_BANKED;
	int32_t first;

	for (uint32_t left = list; left; left &= left - 1u)
		n++;
	if (orig & BIT(23))
		first = (orig & BIT(24)) ? 4 : 0;
	else
		first = (orig & BIT(24)) ? -4 * (int32_t)n : 4 - 4 * (int32_t)n;
	str(e, ra, STUB_DATA_SPILL);
	str(e, rb, STUB_DATA_SPILL + 4u);
	uint32_t fallback = here(e) + 4u * (12u + (first ? 1u : 0u));
	usr_bank_test(e, ra, fallback, trap_word);
	load_at(e, ra, rn, first + 4 * (int32_t)(n - 2u));
	load_at(e, rb, rn, first + 4 * (int32_t)(n - 1u));
	str(e, ra, STUB_DATA_USR_SP);
	str(e, rb, STUB_DATA_USR_LR);
	if (first) {
		op_imm(e, first > 0 ? A_ADD_IMM : A_SUB_IMM, ra, rn, (uint32_t)(first > 0 ? first : -first));
		emit(e, A_LDMIA | ra << 16 | others);
	} else {
		emit(e, A_LDMIA | rn << 16 | others);
	}
	b_back(e, back);
	if (here(e) != fallback)
		e->bad = true;
	give_back(e);
	emit(e, trap_word);
}

bool stub_build(struct stub *s, uint32_t orig, enum sens_class cls, uint32_t fixed, uint32_t site_va,
		uint32_t stub_va, uint32_t data_va, uint32_t trap_word)
{
	struct emitter e = { .s = s, .va = stub_va, .data_va = data_va };
	uint32_t back = site_va + 4u;

	if (!stub_supported(orig, cls))
		return false;
	s->words = s->back_at = 0;
	s->spill[0] = s->spill[1] = STUB_NO_REG;
	switch (cls) {
	case SENS_CPS:
		pick_spill(s->spill, REG_PC, REG_PC);
		s->spill[1] = STUB_NO_REG;
		build_cps(&e, orig, fixed, back, trap_word);
		break;
	case SENS_MRS:
		pick_spill(s->spill, FIELD(orig, 12, 4), REG_PC);
		s->spill[1] = STUB_NO_REG;
		if (orig & STUB_INSN_SPSR)
			build_spsr(&e, orig, cls, back, trap_word);
		else
			build_mrs(&e, orig, back);
		break;
	case SENS_MSR_REG:
		pick_spill(s->spill, FIELD(orig, 0, 4), REG_PC);
		if (orig & STUB_INSN_SPSR) {
			s->spill[1] = STUB_NO_REG;
			build_spsr(&e, orig, cls, back, trap_word);
		} else {
			build_msr(&e, orig, fixed, back, trap_word);
		}
		break;
	case SENS_STM_USER:
		pick_spill(s->spill, FIELD(orig, 16, 4), REG_PC);
		build_stm_user(&e, orig, back, trap_word);
		break;
	case SENS_LDM_USER:
		pick_loaded(s->spill, FIELD(orig, 0, 13), FIELD(orig, 16, 4));
		build_ldm_user(&e, orig, back, trap_word);
		break;
	default:
		return false;
	}
	return !e.bad;
}

bool stub_build_cp15(struct stub *s, uint32_t orig, uint32_t site_va, uint32_t stub_va, uint32_t data_va)
{
	struct emitter e = { .s = s, .va = stub_va, .data_va = data_va };
	uint32_t word = stub_cp15_read_word(orig);

	if (!word && !stub_cp15_nothing_to_do(orig))
		return false;
	s->words = s->back_at = 0;
	s->spill[0] = s->spill[1] = STUB_NO_REG;
	if (word)
		ldr(&e, FIELD(orig, 12, 4), word);
	b_back(&e, site_va + 4u);
	return !e.bad;
}

uint32_t stub_site_branch(uint32_t orig, uint32_t site_va, uint32_t stub_va)
{
	uint32_t cond = orig >> 28;

	return branch(cond == 0xfu ? COND_AL : cond, site_va, stub_va);     /* CPS: unconditional */
}

void stub_rewind(const uint8_t spill[2], unsigned at, uint32_t r[15], const uint32_t saved[2])
{
	for (unsigned i = 0; i < 2u; i++)
		if (spill[i] != STUB_NO_REG && at > i)
			r[spill[i]] = saved[i];
}
