/*
 * Trap-free stubs (hyp/stub_gen.c) run in a small interpreter of the ARM
 * instructions they are made of, in the real PL0 the guest runs in,
 * against the general emulator (hyp/emulate_sensitive.c): for random
 * CPS, MRS of the CPSR and SPSR, MSR CPSR_c and MSR SPSR_fsxc with random
 * conditions, registers, flags, virtual modes, mask bits and signalled
 * interrupts, a stub either ends back after the site with the registers,
 * virtual CPSR and SPSR the emulator leaves, or runs the trapping word
 * with every register, the flags, the virtual CPSR and SPSR as they were - exactly where the fast path
 * (hyp/fast_trap.c) would leave the trap to the general path (and for
 * an MSR that writes an invalid mode, which the trap path ignores). A stub
 * interrupted before any of its words, rewound and run again from the
 * site, ends the same.
 */
#include <string.h>

#include "fixture.h"
#include "hyp/fast_trap.h"
#include "hyp/stub_gen.h"
#include "test.h"

static uint32_t rng = 777;

static uint32_t rnd32(void)
{
	return test_xorshift32(&rng);
}

#define SITE    FIXTURE_PC
#define STUB    0x81000040u
#define DATA    0x81001000u
#define TRAP    0xe7f400f5u     /* a patch's UDF */

/* What User-mode MRS reads of the CPSR (B9.3.9): no execution state bits. */
#define MRS_READ_MASK 0xf8ff03dfu

struct machine {
	uint32_t r[16];
	uint32_t cpsr;                  /* the real one: User mode */
	uint32_t data[STUB_DATA_BYTES / 4u];
	const struct stub *s;
	uint32_t site_word;
	unsigned steps;
};

enum stop { STOP_BACK, STOP_TRAP };

static uint32_t *data_word(struct machine *m, uint32_t addr)
{
	if (addr - DATA >= STUB_DATA_BYTES || addr % 4u)
		FAIL("stub accesses 0x%08x, outside the data page's words", addr);
	return &m->data[(addr - DATA) / 4u];
}

static uint32_t fetch(const struct machine *m, uint32_t pc)
{
	if (pc == SITE)
		return m->site_word;
	if (pc - STUB >= 4u * m->s->words || pc % 4u)
		FAIL("stub runs at 0x%08x, outside its words", pc);
	return m->s->word[(pc - STUB) / 4u];
}

static uint32_t rotated_imm(uint32_t insn)
{
	uint32_t value = insn & 0xffu, rot = 2u * ((insn >> 8) & 0xfu);

	return rot ? (value >> rot) | (value << (32u - rot)) : value;
}

/* One instruction; true when the machine stops (back after the site, or at the trapping word). */
static bool step(struct machine *m, enum stop *stop)
{
	uint32_t pc = m->r[15], w = fetch(m, pc), next = pc + 4u;
	unsigned rn = (w >> 16) & 0xfu, rd = (w >> 12) & 0xfu, rm = w & 0xfu;
	uint32_t pc_read = pc + 8u;

	if (++m->steps > 64u)
		FAIL("stub runs more than 64 instructions");
	if ((w & 0x0f000000u) == 0x0a000000u) {                 /* B<cond> */
		uint32_t offset = (w & 0xffffffu) << 8;
		if (insn_cond_passed(w >> 28, m->cpsr))
			next = pc_read + (uint32_t)((int32_t)offset >> 6);
		if (w >> 28 != 0xeu && pc != SITE)
			FAIL("conditional branch inside a stub");
	} else if (w >> 28 != 0xeu) {
		FAIL("stub word 0x%08x is conditional", w);
	} else if (w == TRAP) {
		*stop = STOP_TRAP;
		return true;
	} else if ((w & 0x0f6f0000u) == 0x050f0000u) {          /* LDR/STR Rt, [PC, #+-imm12] */
		uint32_t addr = (w & (1u << 23)) ? pc_read + (w & 0xfffu) : pc_read - (w & 0xfffu);
		if (w & (1u << 20))
			m->r[rd] = *data_word(m, addr);
		else
			*data_word(m, addr) = m->r[rd];
	} else if ((w & 0x0ff00000u) == 0x02800000u) {
		m->r[rd] = m->r[rn] + rotated_imm(w);
	} else if ((w & 0x0ff00000u) == 0x02000000u) {
		m->r[rd] = m->r[rn] & rotated_imm(w);
	} else if ((w & 0x0ff00000u) == 0x03800000u) {
		m->r[rd] = m->r[rn] | rotated_imm(w);
	} else if ((w & 0x0ff00000u) == 0x03c00000u) {
		m->r[rd] = m->r[rn] & ~rotated_imm(w);
	} else if ((w & 0x0ff00ff0u) == 0x00200000u) {
		m->r[rd] = m->r[rn] ^ m->r[rm];
	} else if ((w & 0x0ff00ff0u) == 0x01800000u) {
		m->r[rd] = m->r[rn] | m->r[rm];
	} else if ((w & 0x0ff00ff0u) == 0x01c00000u) {
		m->r[rd] = m->r[rn] & ~m->r[rm];
	} else if ((w & 0x0fff0070u) == 0x01a00020u) {          /* MOV Rd, Rm, LSR #imm5 */
		m->r[rd] = m->r[rm] >> ((w >> 7) & 0x1fu);
	} else if ((w & 0x0fff0ff0u) == 0x016f0f10u) {          /* CLZ */
		m->r[rd] = m->r[rm] ? (uint32_t)__builtin_clz(m->r[rm]) : 32u;
	} else if ((w & 0x0ffff070u) == 0x008ff000u) {          /* ADD PC, PC, Rm, LSL #imm5 */
		next = pc_read + (m->r[rm] << ((w >> 7) & 0x1fu));
	} else if ((w & 0x0fff0fffu) == 0x010f0000u) {          /* MRS Rd, APSR */
		m->r[rd] = m->cpsr & MRS_READ_MASK;
	} else {
		FAIL("stub word 0x%08x is not one the interpreter knows", w);
	}
	m->r[15] = next;
	if (next == SITE + 4u) {
		*stop = STOP_BACK;
		return true;
	}
	return false;
}

/* Run from the site; stop early before instruction `interrupt_at` of the run, if not ~0u. */
static bool run(struct machine *m, unsigned interrupt_at, enum stop *stop)
{
	m->r[15] = SITE;
	m->steps = 0;
	for (unsigned n = 0; ; n++) {
		if (n == interrupt_at && m->r[15] != SITE)
			return false;
		if (step(m, stop))
			return true;
	}
}

/* A random instruction of a kind that may become a stub. */
static uint32_t random_stubbable(enum sens_class *cls)
{
	uint32_t cond = (rnd32() % 4 ? 0xeu : rnd32() % 15) << 28, spsr = (rnd32() % 2) << 22;

	switch (rnd32() % 3) {
	case 0:
		*cls = SENS_MRS;
		return cond | 0x010f0000u | spsr | (rnd32() % 15) << 12;
	case 1:
		*cls = SENS_MSR_REG;
		return cond | (spsr ? 0x016ff000u : 0x0121f000u) | rnd32() % 15;
	default:
		*cls = SENS_CPS;
		return 0xf1000000u | (2u + rnd32() % 2) << 18 | (rnd32() % 8) << 6;
	}
}

/* The virtual CPSR after the stub ran: the vCPU's, with the data page's A, I and F not fixed. */
static uint32_t cpsr_after(const struct vcpu *v, const struct machine *m)
{
	uint32_t taken = PSR_AIF & ~v->cpsr_fixed;

	return (((v->cpsr & ~PSR_GUEST_LIVE) | (m->cpsr & PSR_GUEST_LIVE)) & ~taken) |
	       (m->data[STUB_DATA_CPSR / 4u] & taken);
}

TEST(stubs_do_what_the_emulator_does)
{
	static const uint32_t modes[] = { PSR_MODE_SVC, PSR_MODE_IRQ, PSR_MODE_SYS, PSR_MODE_ABT, PSR_MODE_UND };
	unsigned back = 0, trapped = 0, not_taken = 0, rewinds = 0;

	fixture_vgics_init();
	for (unsigned i = 0; i < 30000; i++) {
		struct vcpu v, slow;
		struct stub s;
		enum sens_class cls;
		enum stop stop;
		uint32_t insn = random_stubbable(&cls), live = rnd32() & PSR_GUEST_LIVE & ~PSR_EXEC_MASK;
		bool signalled = rnd32() % 2;

		fixture_vcpu(&v, modes[rnd32() % 5] | (rnd32() & PSR_AIF));
		for (unsigned r = 0; r < 15; r++)
			v.r[r] = rnd32() % 4 ? rnd32() : (rnd32() & ~PSR_MODE_MASK) | modes[rnd32() % 5];
		v.cpsr_fixed = rnd32() % 2 ? PSR_A | PSR_F : 0u;
		if (signalled)
			v.cpsr |= PSR_I;        /* the hypervisor never runs a guest with a signalled IRQ unmasked */
		v.cpsr = (v.cpsr & ~PSR_GUEST_LIVE) | live;
		CHECK(stub_supported(insn, cls));
		CHECK(stub_build(&s, insn, cls, v.cpsr_fixed, SITE, STUB, DATA, TRAP));

		struct machine m = { .cpsr = live | PSR_MODE_USR | (v.cpsr & v.cpsr_fixed), .s = &s,
				     .site_word = stub_site_branch(insn, SITE, STUB) };
		CHECK(m.site_word);
		memcpy(m.r, v.r, sizeof(v.r[0]) * 15u);
		m.data[STUB_DATA_CPSR / 4u] = v.cpsr & STUB_CPSR_BITS;
		m.data[STUB_DATA_SPSR / 4u] = vcpu_has_spsr(&v) ? *vcpu_spsr(&v) : 0u;
		m.data[STUB_DATA_WAKE / 4u] = signalled ? PSR_I : 0u;
		m.data[STUB_DATA_SPILL / 4u] = rnd32();
		m.data[STUB_DATA_SPILL / 4u + 1u] = rnd32();
		struct machine start = m;
		CHECK(run(&m, ~0u, &stop));

		/* The fast path's verdict: does this need the general path? */
		struct trap_frame f = { .pc = SITE + 4u, .cpsr = start.cpsr };
		struct vcpu fast = v;
		memcpy(f.r, v.r, sizeof(f.r));
		bool needs_hyp = fast_trap_sensitive(&fast, &f, insn, cls,
						     signalled ? &fixture_signalling_vi : &fixture_quiet_vi) == FAST_TRAP_NONE;
		/* Besides, a stub leaves an MSR CPSR_c that writes an invalid mode to the trap path. */
		uint32_t rn_value = v.r[insn & 0xfu];
		bool invalid_mode = cls == SENS_MSR_REG && !(insn & (1u << 22)) && insn_cond_passed(insn >> 28, live) &&
				    ((rn_value ^ v.cpsr) & PSR_MODE_MASK) &&
				    !vcpu_mode_valid(rn_value & PSR_MODE_MASK);
		if ((stop == STOP_TRAP) != (needs_hyp || invalid_mode))
			FAIL("0x%08x in CPSR 0x%08x (fixed 0x%x), signalled %d, Rn 0x%08x: stub %s", insn, v.cpsr,
			     v.cpsr_fixed, signalled, rn_value, stop == STOP_TRAP ? "traps" : "does not trap");
		if (stop == STOP_TRAP) {
			trapped++;
			CHECK(!memcmp(m.r, start.r, sizeof(m.r[0]) * 15u));
			CHECK_EQ(m.cpsr, start.cpsr);
			CHECK_EQ(m.data[STUB_DATA_CPSR / 4u], start.data[STUB_DATA_CPSR / 4u]);
			CHECK_EQ(m.data[STUB_DATA_SPSR / 4u], start.data[STUB_DATA_SPSR / 4u]);
			continue;
		}
		slow = v;
		CHECK_EQ(emulate_sensitive(&slow, insn, cls), EMU_DONE);
		CHECK(!memcmp(m.r, slow.r, sizeof(m.r[0]) * 15u));
		CHECK_EQ(m.cpsr, start.cpsr);                   /* flags never change */
		CHECK_EQ(cpsr_after(&v, &m), slow.cpsr);
		if (vcpu_has_spsr(&slow))
			CHECK_EQ(m.data[STUB_DATA_SPSR / 4u], *vcpu_spsr(&slow));
		if (m.steps == 1u) {
			not_taken++;
			continue;
		}
		back++;

		/* Interrupted before each of its words: rewound, then run again from the site. */
		for (unsigned at = 1; at < m.steps; at++) {
			struct machine again = start;
			enum stop stop2;
			CHECK(!run(&again, at, &stop2));
			uint32_t word = (again.r[15] - STUB) / 4u;
			stub_rewind(s.spill, word, again.r, &again.data[STUB_DATA_SPILL / 4u]);
			CHECK(run(&again, ~0u, &stop2));
			CHECK_EQ(stop2, STOP_BACK);
			CHECK(!memcmp(again.r, m.r, sizeof(m.r[0]) * 15u));
			CHECK_EQ(again.data[STUB_DATA_CPSR / 4u], m.data[STUB_DATA_CPSR / 4u]);
			CHECK_EQ(again.data[STUB_DATA_SPSR / 4u], m.data[STUB_DATA_SPSR / 4u]);
			rewinds++;
		}
	}
	CHECK(back > 5000);
	CHECK(trapped > 1000);
	CHECK(not_taken > 500);
	CHECK(rewinds > 50000);
}

TEST(stubs_refuse_what_they_do_not_cover)
{
	struct stub s;

	CHECK(stub_supported(0xe14f0000u, SENS_MRS));           /* MRS r0, SPSR */
	CHECK(!stub_supported(0xe10ff000u, SENS_MRS));          /* MRS pc, CPSR */
	CHECK(!stub_supported(0xe14ff000u, SENS_MRS));          /* MRS pc, SPSR */
	CHECK(!stub_supported(0xe129f000u, SENS_MSR_REG));      /* MSR CPSR_fc, r0 */
	CHECK(!stub_supported(0xe161f000u, SENS_MSR_REG));      /* MSR SPSR_c, r0 */
	CHECK(stub_supported(0xe16ff000u, SENS_MSR_REG));       /* MSR SPSR_fsxc, r0 */
	CHECK(!stub_supported(0xe16ff00fu, SENS_MSR_REG));      /* MSR SPSR_fsxc, pc */
	CHECK(!stub_supported(0xe121f00fu, SENS_MSR_REG));      /* MSR CPSR_c, pc */
	CHECK(!stub_supported(0xf10e0093u, SENS_CPS));          /* CPSID if, #svc: a mode change */
	CHECK(!stub_supported(0xe321f013u, SENS_MSR_IMM));
	/* Out of reach: the data page more than 4 KiB away, the stub more than 32 MiB. */
	CHECK(!stub_build(&s, 0xf10c0080u, SENS_CPS, 0, SITE, STUB, DATA + 0x2000u, TRAP));
	CHECK(!stub_site_branch(0xf10c0080u, SITE, SITE + 8u + 0x2000000u));
	CHECK(stub_site_branch(0xf10c0080u, SITE, SITE + 4u + 0x2000000u));
	CHECK(stub_site_branch(0xf10c0080u, SITE, SITE + 8u - 0x2000000u));
	CHECK(!stub_site_branch(0xf10c0080u, SITE, SITE + 4u - 0x2000000u));
	CHECK_EQ(stub_site_branch(0x410f0000u, SITE, SITE + 8u), 0x4a000000u);   /* MRSMI: BMI */
}

/*
 * MRC of the virtual DACR, TPIDRPRW and SCTLR: the stub (a load from the
 * data page and the branch back) leaves what emulate_cp15() leaves, with
 * every condition; other CP15 and coprocessor accesses get no stub.
 */
TEST(cp15_read_stubs_do_what_the_emulator_does)
{
	static const uint32_t reads[] = { 0x0e130f10u, 0x0e1d0f90u, 0x0e110f10u };  /* DACR, TPIDRPRW, SCTLR */
	unsigned back = 0, not_taken = 0;

	for (unsigned i = 0; i < 5000; i++) {
		struct vcpu v, slow;
		struct stub s;
		enum stop stop;
		uint32_t insn = (rnd32() % 4 ? 0xeu : rnd32() % 15) << 28 | reads[rnd32() % 3] | (rnd32() % 15) << 12;
		uint32_t live = rnd32() & PSR_GUEST_LIVE & ~PSR_EXEC_MASK;

		fixture_vcpu(&v, PSR_MODE_SVC | PSR_I | live);
		for (unsigned r = 0; r < 15; r++)
			v.r[r] = rnd32();
		v.cp15.dacr = rnd32();
		v.cp15.tpidrprw = rnd32();
		v.cp15.sctlr = rnd32() | 1u;
		CHECK(stub_build_cp15_read(&s, insn, SITE, STUB, DATA));
		struct machine m = { .cpsr = live | PSR_MODE_USR, .s = &s,
				     .site_word = stub_site_branch(insn, SITE, STUB) };
		memcpy(m.r, v.r, sizeof(v.r[0]) * 15u);
		m.data[STUB_DATA_DACR / 4u] = v.cp15.dacr;
		m.data[STUB_DATA_TPIDRPRW / 4u] = v.cp15.tpidrprw;
		m.data[STUB_DATA_SCTLR / 4u] = v.cp15.sctlr;
		CHECK(run(&m, ~0u, &stop));
		CHECK_EQ(stop, STOP_BACK);
		slow = v;
		CHECK_EQ(emulate_cp15(&slow, insn), EMU_DONE);
		CHECK(!memcmp(m.r, slow.r, sizeof(m.r[0]) * 15u));
		if (m.steps == 1u)
			not_taken++;
		else
			back++;
	}
	CHECK(back > 3000);
	CHECK(not_taken > 200);
	CHECK_EQ(stub_cp15_read_word(0xee030f10u), 0);         /* MCR DACR: a write */
	CHECK_EQ(stub_cp15_read_word(0xee130f30u), 0);         /* c3, c0, 1 */
	CHECK_EQ(stub_cp15_read_word(0xee130f11u), 0);         /* c3, c1, 0 */
	CHECK_EQ(stub_cp15_read_word(0xee330f10u), 0);         /* opc1 1 */
	CHECK_EQ(stub_cp15_read_word(0xee13ff10u), 0);         /* Rt = PC: the flags */
	CHECK_EQ(stub_cp15_read_word(0xfe130f10u), 0);         /* MRC2 */
	CHECK_EQ(stub_cp15_read_word(0xee130e10u), 0);         /* coprocessor 14 */
	CHECK_EQ(stub_cp15_read_word(0xee1d0f70u), 0);         /* TPIDRURO: PL0 reads it itself */
}
