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
 * site, or done at its branch back, ends the same.
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

enum stop { STOP_BACK, STOP_TRAP, STOP_ABORT };

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

/* A word of guest memory (the fake RAM), never the stub's own; false if the access aborts. */
static bool guest_access(uint32_t addr, bool write, uint32_t *value)
{
	if (addr - DATA < 4096u || addr - STUB < 4096u)
		FAIL("stub accesses 0x%08x in its window as guest memory", addr);
	return !(addr % 4u) && !fake_ram_access(addr, 4, write, value);
}

/*
 * LDMIA Rn, {list} or STM{IA,IB,DA,DB} Rn, {list}, without writeback:
 * false if an access aborts. A load writes each register as it goes but
 * the base, which keeps its value until the end (an abort leaves it).
 */
static bool block_transfer(struct machine *m, uint32_t w)
{
	unsigned rn = (w >> 16) & 0xfu, n = 0;
	uint32_t list = w & 0xffffu, base = m->r[rn], addr, loaded_base = base;
	bool load = w & (1u << 20);

	for (uint32_t left = list; left; left &= left - 1u)
		n++;
	if (w & (1u << 23))
		addr = (w & (1u << 24)) ? base + 4u : base;
	else
		addr = (w & (1u << 24)) ? base - 4u * n : base - 4u * n + 4u;
	if (load && (w & (3u << 23)) != (1u << 23))
		FAIL("stub load multiple 0x%08x is not an LDMIA", w);
	for (unsigned r = 0; r < 15u; r++) {
		if (!((list >> r) & 1u))
			continue;
		uint32_t value = m->r[r];
		if (!guest_access(addr, !load, &value))
			return false;
		addr += 4u;
		if (load && r == rn)
			loaded_base = value;
		else if (load)
			m->r[r] = value;
	}
	m->r[rn] = loaded_base;
	return true;
}

/* One instruction; true when the machine stops (back after the site, at the trapping word, on an abort). */
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
	} else if ((w & 0x0f700000u) == 0x05100000u) {          /* LDR Rt, [Rn, #+-imm12] */
		uint32_t addr = (w & (1u << 23)) ? m->r[rn] + (w & 0xfffu) : m->r[rn] - (w & 0xfffu), value;
		if (!guest_access(addr, false, &value)) {
			*stop = STOP_ABORT;
			return true;
		}
		m->r[rd] = value;
	} else if ((w & 0x0e600000u) == 0x08000000u && !(w & 0x8000u)) {    /* LDM/STM, no ^, W or PC */
		if (!block_transfer(m, w)) {
			*stop = STOP_ABORT;
			return true;
		}
	} else if ((w & 0x0ff00000u) == 0x02400000u) {
		m->r[rd] = m->r[rn] - rotated_imm(w);
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

/*
 * A machine run from `start` and stopped by an interrupt before the stub
 * word it is at, resumed as the hypervisor resumes the guest
 * (stubs_enter_window()): at the stub's branch back it is done; anywhere
 * else the borrowed registers are given back, the data page's User SP and
 * LR left as they were, and it runs again from the site. True if done.
 */
static bool resume_interrupted(struct machine *again, const struct machine *start)
{
	const struct stub *s = again->s;
	unsigned word = (again->r[15] - STUB) / 4u;
	enum stop stop;

	if (word == s->back_at)
		return true;
	stub_rewind(s->spill, word, again->r, &again->data[STUB_DATA_SPILL / 4u]);
	again->data[STUB_DATA_USR_SP / 4u] = start->data[STUB_DATA_USR_SP / 4u];
	again->data[STUB_DATA_USR_LR / 4u] = start->data[STUB_DATA_USR_LR / 4u];
	CHECK(run(again, ~0u, &stop));
	CHECK_EQ(stop, STOP_BACK);
	return false;
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
	unsigned back = 0, trapped = 0, not_taken = 0, interruptions = 0;

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

		/* Interrupted before each of its words: rewound and run again, or done at the branch back. */
		for (unsigned at = 1; at < m.steps; at++) {
			struct machine again = start;
			enum stop stop2;
			CHECK(!run(&again, at, &stop2));
			resume_interrupted(&again, &start);
			CHECK(!memcmp(again.r, m.r, sizeof(m.r[0]) * 15u));
			CHECK_EQ(again.data[STUB_DATA_CPSR / 4u], m.data[STUB_DATA_CPSR / 4u]);
			CHECK_EQ(again.data[STUB_DATA_SPSR / 4u], m.data[STUB_DATA_SPSR / 4u]);
			interruptions++;
		}
	}
	CHECK(back > 5000);
	CHECK(trapped > 1000);
	CHECK(not_taken > 500);
	CHECK(interruptions > 50000);
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
 * MRC of the virtual DACR, TPIDRPRW, SCTLR and fault registers: the stub (a
 * load from the data page and the branch back) leaves what emulate_cp15()
 * leaves, with every condition; other CP15 and coprocessor accesses get no
 * stub.
 */
TEST(cp15_read_stubs_do_what_the_emulator_does)
{
	static const uint32_t reads[] = {
		0x0e130f10u, 0x0e1d0f90u, 0x0e110f10u,                  /* DACR, TPIDRPRW, SCTLR */
		0x0e150f10u, 0x0e150f30u, 0x0e160f10u, 0x0e160f50u,     /* DFSR, IFSR, DFAR, IFAR */
	};
	unsigned back = 0, not_taken = 0;

	for (unsigned i = 0; i < 5000; i++) {
		struct vcpu v, slow;
		struct stub s;
		enum stop stop;
		uint32_t insn = (rnd32() % 4 ? 0xeu : rnd32() % 15) << 28 |
				reads[rnd32() % (sizeof(reads) / sizeof(reads[0]))] | (rnd32() % 15) << 12;
		uint32_t live = rnd32() & PSR_GUEST_LIVE & ~PSR_EXEC_MASK;

		fixture_vcpu(&v, PSR_MODE_SVC | PSR_I | live);
		for (unsigned r = 0; r < 15; r++)
			v.r[r] = rnd32();
		v.cp15.dacr = rnd32();
		v.cp15.tpidrprw = rnd32();
		v.cp15.sctlr = rnd32() | 1u;
		v.cp15.dfsr = rnd32();
		v.cp15.ifsr = rnd32();
		v.cp15.dfar = rnd32();
		v.cp15.ifar = rnd32();
		CHECK(stub_build_cp15(&s, insn, SITE, STUB, DATA));
		struct machine m = { .cpsr = live | PSR_MODE_USR, .s = &s,
				     .site_word = stub_site_branch(insn, SITE, STUB) };
		memcpy(m.r, v.r, sizeof(v.r[0]) * 15u);
		m.data[STUB_DATA_DACR / 4u] = v.cp15.dacr;
		m.data[STUB_DATA_TPIDRPRW / 4u] = v.cp15.tpidrprw;
		m.data[STUB_DATA_SCTLR / 4u] = v.cp15.sctlr;
		m.data[STUB_DATA_DFSR / 4u] = v.cp15.dfsr;
		m.data[STUB_DATA_IFSR / 4u] = v.cp15.ifsr;
		m.data[STUB_DATA_DFAR / 4u] = v.cp15.dfar;
		m.data[STUB_DATA_IFAR / 4u] = v.cp15.ifar;
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
	CHECK_EQ(stub_cp15_read_word(0xee150f11u), 0);         /* c5, c1, 0: ADFSR */
	CHECK_EQ(stub_cp15_read_word(0xee160f30u), 0);         /* c6, c0, 1: none */
}

#define BLOCK_AREA      (FAKE_RAM_BASE + 0x8000u)
#define RAM_END         (FAKE_RAM_BASE + FAKE_RAM_SIZE)

/* A random LDM or STM of User registers that stub_supported() takes, with a random condition. */
static uint32_t random_user_block(enum sens_class *cls)
{
	uint32_t cond = (rnd32() % 4 ? 0xeu : rnd32() % 15) << 28, mode = (rnd32() % 4) << 23, insn;

	for (;;) {
		uint32_t rn = rnd32() % 15;
		if (rnd32() % 2) {
			*cls = SENS_STM_USER;
			insn = cond | 0x08400000u | mode | rn << 16 | STUB_USR_BANKED;
		} else {
			*cls = SENS_LDM_USER;
			insn = cond | 0x08500000u | mode | rn << 16 | STUB_USR_BANKED | (rnd32() & 0x1fffu);
		}
		if (stub_supported(insn, *cls))
			return insn;
	}
}

/* The words the block transfers may touch, to compare one run's memory with another's. */
static void ram_snapshot(uint32_t words[64])
{
	for (unsigned i = 0; i < 64u; i++)
		words[i] = fake_ram_get(BLOCK_AREA - 128u + 4u * i);
}

static void ram_restore(const uint32_t words[64])
{
	for (unsigned i = 0; i < 64u; i++)
		fake_ram_set(BLOCK_AREA - 128u + 4u * i, words[i]);
}

/* The data page as the hypervisor leaves it for `v` (hyp/stubs.h stubs_leave()). */
static void data_page_for(struct machine *m, const struct vcpu *v)
{
	enum vbank bank = vcpu_bank_of(vcpu_mode(v));

	m->data[STUB_DATA_CPSR / 4u] = v->cpsr & STUB_CPSR_BITS;
	m->data[STUB_DATA_NO_USR_BANK / 4u] = bank == VBANK_USR || bank == VBANK_FIQ;
	m->data[STUB_DATA_USR_SP / 4u] = v->bank[VBANK_USR].sp;
	m->data[STUB_DATA_USR_LR / 4u] = v->bank[VBANK_USR].lr;
	m->data[STUB_DATA_SPILL / 4u] = rnd32();
	m->data[STUB_DATA_SPILL / 4u + 1u] = rnd32();
}

/* The vCPU after a stub ran to its end: the machine's registers, User's SP and LR from the data page. */
static void vcpu_after(struct vcpu *v, const struct machine *m)
{
	memcpy(v->r, m->r, sizeof(v->r[0]) * 15u);
	v->bank[VBANK_USR].sp = m->data[STUB_DATA_USR_SP / 4u];
	v->bank[VBANK_USR].lr = m->data[STUB_DATA_USR_LR / 4u];
}

static bool same_vcpu_regs(const struct vcpu *a, const struct vcpu *b)
{
	return !memcmp(a->r, b->r, sizeof(a->r[0]) * 15u) && a->bank[VBANK_USR].sp == b->bank[VBANK_USR].sp &&
	       a->bank[VBANK_USR].lr == b->bank[VBANK_USR].lr && !memcmp(a->r8_12_other, b->r8_12_other,
									 sizeof(a->r8_12_other));
}

/*
 * LDM and STM of User registers: in IRQ, SVC, Abort and Undefined mode the
 * stub leaves the registers, User's SP and LR and memory as the general
 * emulator (hyp/emulate_sensitive.c) does; in FIQ and System mode it runs
 * the trapping word with nothing changed. Interrupted before any of its
 * words it is rewound (the data page's User SP and LR left out) and run
 * again from the site, or, at its branch back, is done; an access that
 * aborts (a block running past the end of RAM) leaves, once the borrowed
 * registers are given back, what lets the emulator finish the site's
 * instruction as from the start.
 */
TEST(user_register_stubs_do_what_the_emulator_does)
{
	static const uint32_t modes[] = { PSR_MODE_SVC, PSR_MODE_IRQ, PSR_MODE_ABT, PSR_MODE_UND, PSR_MODE_FIQ,
					  PSR_MODE_SYS };
	unsigned back = 0, trapped = 0, aborted = 0, not_taken = 0, rewinds = 0, done_at_branch = 0;

	fake_ram_reset();
	for (unsigned i = 0; i < 20000; i++) {
		struct vcpu v, slow;
		struct stub s;
		enum sens_class cls;
		enum stop stop;
		uint32_t insn = random_user_block(&cls), live = rnd32() & PSR_GUEST_LIVE & ~PSR_EXEC_MASK;
		uint32_t ram_start[64], ram_stub[64], ram_emulated[64];
		unsigned rn = (insn >> 16) & 0xfu;

		fixture_vcpu(&v, modes[rnd32() % 6] | PSR_I | live);
		for (unsigned r = 0; r < 15; r++)
			v.r[r] = rnd32();
		for (unsigned b = 0; b < VBANK_COUNT; b++)
			v.bank[b] = (struct vcpu_bank){ rnd32(), rnd32(), rnd32() };
		for (unsigned r = 0; r < 5; r++)
			v.r8_12_other[r] = rnd32();
		/* Mostly inside RAM, sometimes running past its end; now and then unaligned. */
		v.r[rn] = rnd32() % 8 ? BLOCK_AREA + 4u * (rnd32() % 16) : RAM_END - 4u * (rnd32() % 8);
		v.r[rn] += rnd32() % 16 ? 0u : 2u;
		for (unsigned w = 0; w < 64u; w++)
			fake_ram_set(BLOCK_AREA - 128u + 4u * w, rnd32());
		CHECK(stub_build(&s, insn, cls, 0, SITE, STUB, DATA, TRAP));

		struct machine m = { .cpsr = live | PSR_MODE_USR, .s = &s, .site_word = stub_site_branch(insn, SITE, STUB) };
		CHECK(m.site_word);
		memcpy(m.r, v.r, sizeof(v.r[0]) * 15u);
		data_page_for(&m, &v);
		struct machine start = m;
		ram_snapshot(ram_start);
		CHECK(run(&m, ~0u, &stop));
		ram_snapshot(ram_stub);
		ram_restore(ram_start);
		slow = v;
		enum emu_result emulated = emulate_sensitive(&slow, insn, cls);
		ram_snapshot(ram_emulated);
		ram_restore(ram_start);

		bool executed = insn_cond_passed(insn >> 28, live);
		enum vbank bank = vcpu_bank_of(vcpu_mode(&v));
		if (stop == STOP_TRAP) {
			CHECK(bank == VBANK_FIQ || bank == VBANK_USR);
			CHECK(!memcmp(m.r, start.r, sizeof(m.r[0]) * 15u));
			CHECK(!memcmp(ram_stub, ram_start, sizeof(ram_start)));
			CHECK_EQ(m.data[STUB_DATA_USR_SP / 4u], start.data[STUB_DATA_USR_SP / 4u]);
			CHECK_EQ(m.data[STUB_DATA_USR_LR / 4u], start.data[STUB_DATA_USR_LR / 4u]);
			trapped++;
			continue;
		}
		CHECK(!executed || (bank != VBANK_FIQ && bank != VBANK_USR));
		if (stop == STOP_ABORT) {
			/* The hypervisor's part: the borrowed registers back, then the site's instruction emulated. */
			struct vcpu after = v;
			stub_rewind(s.spill, (m.r[15] - STUB) / 4u, m.r, &m.data[STUB_DATA_SPILL / 4u]);
			for (unsigned r = 0; r < 15u; r++)
				if (cls == SENS_STM_USER || r == rn || !((insn >> r) & 1u))
					CHECK_EQ(m.r[r], start.r[r]);
			memcpy(after.r, m.r, sizeof(m.r[0]) * 15u);
			if (emulated == EMU_DONE) {
				/* A store that aborted half-way wrote words the emulator writes again. */
				ram_restore(ram_stub);
				CHECK_EQ(emulate_sensitive(&after, insn, cls), EMU_DONE);
				CHECK(same_vcpu_regs(&after, &slow));
				ram_snapshot(ram_stub);
				CHECK(!memcmp(ram_stub, ram_emulated, sizeof(ram_stub)));
				ram_restore(ram_start);
			}
			aborted++;
			continue;
		}
		CHECK_EQ(emulated, EMU_DONE);
		struct vcpu fast = v;
		vcpu_after(&fast, &m);
		if (!same_vcpu_regs(&fast, &slow))
			FAIL("0x%08x in CPSR 0x%08x, Rn 0x%08x: registers differ from the emulator's", insn, v.cpsr,
			     start.r[rn]);
		CHECK(!memcmp(ram_stub, ram_emulated, sizeof(ram_stub)));
		CHECK_EQ(m.cpsr, start.cpsr);
		if (m.steps == 1u) {
			not_taken++;
			continue;
		}
		back++;

		/* Interrupted before each of its words: rewound and run again, or done at the branch back. */
		for (unsigned at = 1; at < m.steps; at++) {
			struct machine again = start;
			enum stop stop2;
			CHECK(!run(&again, at, &stop2));
			if (resume_interrupted(&again, &start))
				done_at_branch++;
			else
				rewinds++;
			struct vcpu resumed = v;
			vcpu_after(&resumed, &again);
			CHECK(same_vcpu_regs(&resumed, &slow));
			ram_snapshot(ram_stub);
			CHECK(!memcmp(ram_stub, ram_emulated, sizeof(ram_stub)));
			ram_restore(ram_start);
		}
	}
	CHECK(back > 5000);
	CHECK(trapped > 2000);
	CHECK(aborted > 1000);
	CHECK(not_taken > 500);
	CHECK(rewinds > 50000);
	CHECK(done_at_branch > 5000);
}

TEST(user_register_stubs_refuse_what_they_do_not_cover)
{
	CHECK(stub_supported(0xe9486000u, SENS_STM_USER));      /* stmdb r8, {sp, lr}^ */
	CHECK(!stub_supported(0xe9482000u, SENS_STM_USER));     /* stmdb r8, {sp}^ */
	CHECK(!stub_supported(0xe9486001u, SENS_STM_USER));     /* stmdb r8, {r0, sp, lr}^ */
	CHECK(stub_supported(0xe9527ffeu, SENS_LDM_USER));      /* ldmdb r2, {r1-lr}^ */
	CHECK(stub_supported(0xe8d06007u, SENS_LDM_USER));      /* ldmia r0, {r0-r2, sp, lr}^: r0 the base */
	CHECK(!stub_supported(0xe8d06003u, SENS_LDM_USER));     /* ldmia r0, {r0, r1, sp, lr}^: one other */
	CHECK(!stub_supported(0xe8d03ffeu, SENS_LDM_USER));     /* ldmia r0, {r1-r13}^: no LR */
	CHECK(!stub_supported(0xe8d05ffeu, SENS_LDM_USER));     /* ldmia r0, {r1-r12, lr}^: no SP */
}

/*
 * Data cache maintenance MCRs: exactly the c7 operations the emulator does
 * nothing for but the barriers (whose trap is the barrier) and the
 * instruction cache ones; their stub, with every condition, is the branch
 * back and changes no register.
 */
TEST(data_cache_stubs_do_nothing_as_the_emulator)
{
	unsigned stubs = 0;

	for (uint32_t crm = 0; crm < 16u; crm++) {
		for (uint32_t opc2 = 0; opc2 < 8u; opc2++) {
			uint32_t insn = 0xee070f10u | crm | opc2 << 5 | (rnd32() % 15) << 12;
			struct vcpu v, slow;
			fixture_vcpu(&v, PSR_MODE_SVC | PSR_I);
			for (unsigned r = 0; r < 15; r++)
				v.r[r] = rnd32();
			slow = v;
			bool emulated = emulate_cp15(&slow, insn) == EMU_DONE;
			bool barrier = crm == 5 ? opc2 == 4 : crm == 10 && (opc2 == 4 || opc2 == 5);
			bool icache = crm == 1 ? opc2 == 0 || opc2 == 6 : crm == 5 && opc2 != 4;
			/* The registers (but the PC, moved on), the CPSR and every virtual CP15 register as they were. */
			bool unchanged = !memcmp(slow.r, v.r, sizeof(v.r[0]) * 15u) && slow.cpsr == v.cpsr &&
					 !memcmp(&slow.cp15, &v.cp15, sizeof(v.cp15));
			CHECK_EQ(stub_cp15_nothing_to_do(insn), emulated && unchanged && !barrier && !icache);
			bool nothing = stub_cp15_nothing_to_do(insn);
			if (!nothing)
				continue;
			for (unsigned c = 0; c < 15u; c++) {
				struct stub s;
				enum stop stop;
				uint32_t cond_insn = (insn & 0x0fffffffu) | c << 28, live = rnd32() & 0xf0000000u;
				CHECK(stub_build_cp15(&s, cond_insn, SITE, STUB, DATA));
				struct machine m = { .cpsr = live | PSR_MODE_USR, .s = &s,
						     .site_word = stub_site_branch(cond_insn, SITE, STUB) };
				for (unsigned r = 0; r < 15; r++)
					m.r[r] = rnd32();
				struct machine start = m;
				CHECK(run(&m, ~0u, &stop));
				CHECK_EQ(stop, STOP_BACK);
				CHECK(!memcmp(m.r, start.r, sizeof(m.r[0]) * 15u));
				stubs++;
			}
		}
	}
	CHECK_EQ(stubs, 7u * 15u);
	CHECK(!stub_cp15_nothing_to_do(0xfe070f3eu));           /* the unconditional space */
	CHECK(!stub_cp15_nothing_to_do(0xee170f3eu));           /* MRC */
	CHECK(!stub_cp15_nothing_to_do(0xee270f3eu));           /* opc1 1 */
}
