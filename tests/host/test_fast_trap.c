/*
 * The trap fast paths against the general emulators: random accesses to
 * the fast CP15 registers (every condition, every Rt, random flags) next
 * to other CP15 accesses, random patched MRS/MSR/CPS and exception returns
 * from virtual privileged and User modes, and SVCs. Where a fast path
 * acts, the general emulator must leave the same registers, CP15 state,
 * CPSR and SPSRs, and nothing the general path would do after it (an
 * interrupt to deliver, a guest to stop). Where it does not, nothing may
 * have changed. The same for LDM and STM of the User-mode registers, whose
 * words must also end the same in memory.
 */
#include <string.h>

#include "arm_arch.h"
#include "fixture.h"
#include "arch/arm/sctlr_bits.h"
#include "hyp/fast_trap.h"
#include "hyp/vexc.h"
#include "test.h"

static uint32_t rng = 4242;

static uint32_t rnd32(void)
{
	return test_xorshift32(&rng);
}

#define NEXT_PC (FIXTURE_PC + 4u)

/* The trap frame of a guest running `v` with live CPSR bits `live`, trapped before NEXT_PC. */
static struct trap_frame frame_of(const struct vcpu *v, uint32_t live)
{
	struct trap_frame f = { .pc = NEXT_PC, .cpsr = live | PSR_MODE_USR | (v->cpsr & v->cpsr_fixed) };

	memcpy(f.r, v->r, sizeof(f.r));
	return f;
}

/* Half the vCPUs: a Non-secure guest on a CPU without Virtualization Extensions (A, F fixed). */
static void randomize_fixed_bits(struct vcpu *v)
{
	v->cpsr_fixed = rnd32() % 2 ? PSR_A | PSR_F : 0u;
}

/* The guest state a frame and the vCPU hold together, as the general path would see it. */
static void merge_frame(struct vcpu *v, const struct trap_frame *f)
{
	memcpy(v->r, f->r, sizeof(f->r));
	v->r[15] = f->pc;
	v->cpsr = (v->cpsr & ~PSR_GUEST_LIVE) | (f->cpsr & PSR_GUEST_LIVE);
}

/* The fast path's result (vCPU and frame) is the general path's `slow`. */
static void check_same_guest(struct vcpu *fast, const struct trap_frame *f, const struct vcpu *slow)
{
	CHECK_EQ(f->cpsr & ~(PSR_GUEST_LIVE | fast->cpsr_fixed), PSR_MODE_USR);
	CHECK_EQ(f->cpsr & fast->cpsr_fixed, fast->cpsr & fast->cpsr_fixed);  /* what User-mode MRS reads */
	merge_frame(fast, f);
	CHECK(!memcmp(fast->r, slow->r, sizeof(fast->r)));
	CHECK_EQ(fast->cpsr, slow->cpsr);
	CHECK(!memcmp(fast->bank, slow->bank, sizeof(fast->bank)));
	CHECK(!memcmp(fast->r8_12_other, slow->r8_12_other, sizeof(fast->r8_12_other)));
	CHECK(!memcmp(&fast->cp15, &slow->cp15, sizeof(fast->cp15)));
}

/* Random registers in every bank, random SPSRs (reserved bits clear). */
static void randomize_registers(struct vcpu *v)
{
	for (unsigned r = 0; r < 15; r++)
		v->r[r] = rnd32();
	for (unsigned b = 0; b < VBANK_COUNT; b++) {
		v->bank[b].sp = rnd32();
		v->bank[b].lr = rnd32();
		v->bank[b].spsr = rnd32() & ~PSR_RESERVED_MASK;
	}
	for (unsigned i = 0; i < 5; i++)
		v->r8_12_other[i] = rnd32();
}


/* MCR/MRC p15 with random condition and Rt: the fast registers mostly, some others. */
static uint32_t random_insn(void)
{
	static const uint32_t fast_regs[] = {
		0x0e030f10u,    /* DACR */
		0x0e0d0f90u,    /* TPIDRPRW */
		0x0e010f10u,    /* SCTLR */
		0x0e0d0f30u,    /* CONTEXTIDR */
		0x0e020f10u,    /* TTBR0 */
		0x0e020f30u,    /* TTBR1 */
		0x0e020f50u,    /* TTBCR */
		0x0e0d0f70u,    /* TPIDRURO */
		0x0e050f10u,    /* DFSR */
		0x0e050f30u,    /* IFSR */
		0x0e060f10u,    /* DFAR */
		0x0e060f50u,    /* IFAR */
		0x0e000f10u,    /* MIDR (an MCR: UNDEF's general path) */
		0x0e000f30u,    /* CTR */
		0x0e000f91u,    /* ID_MMFR0 */
		0x0e000f17u,    /* c0, c7, 0: no identification register */
		0x0e070f3eu,    /* DCCIMVAC (an MRC: no such register) */
		0x0e070f3bu,    /* DCCMVAU */
		0x0e070f9au,    /* CP15DSB */
		0x0e070f35u,    /* ICIMVAU */
		0x0e070fd5u,    /* BPIALL */
		0x0e070f11u,    /* ICIALLUIS */
		0x0e070f5eu,    /* DCCISW: set/way, no operation either */
		0x0e080f17u,    /* TLBIALL */
		0x0e080f37u,    /* TLBIMVA */
		0x0e080f57u,    /* TLBIASID */
		0x0e080f77u,    /* TLBIMVAA */
		0x0e080f33u,    /* TLBIMVAIS */
		0x0e080f15u,    /* ITLBIALL */
		0x0e080f56u,    /* DTLBIASID */
		0x0e080f75u,    /* c8, c5, 3: no instruction TLB form by MVA for all ASIDs */
		0x0e080f97u,    /* c8, c7, 4: no such operation */
	};
	static const uint32_t others[] = {
		0x0e030f30u,    /* c3, c0, 1: not DACR */
		0x0e030f11u,    /* c3, c0, 0 with CRm 1: not DACR */
		0x0e230f10u,    /* opc1 1 */
		0x0e010f30u,    /* ACTLR */
		0x0e030e10u,    /* coprocessor 14 */
	};
	uint32_t insn = rnd32() % 4 ? fast_regs[rnd32() % (sizeof(fast_regs) / sizeof(fast_regs[0]))]
				    : others[rnd32() % (sizeof(others) / sizeof(others[0]))];

	insn |= (rnd32() % 16) << 28;                   /* condition, 0xf included */
	insn |= (rnd32() % 16) << 12;                   /* Rt, r15 included */
	if (rnd32() % 2)
		insn |= 1u << 20;                       /* MRC */
	return insn;
}

/* A Cortex-A15's identification registers, as the target reads them. */
static const struct vcpu_id_regs a15_ids = {
	.midr = 0x412fc0f1u, .ctr = 0x8444c004u, .mpidr = 0x80000000u,
	.id_pfr = { 0x00001131u, 0x00011011u }, .id_mmfr = { 0x10201105u, 0x20000000u, 0x01240000u, 0x02102211u },
	.id_isar = { 0x02101110u, 0x13112111u, 0x21232041u, 0x11112131u, 0x10011142u, 0x00000000u },
};

TEST(fast_trap_cp15_matches_the_emulator)
{
	static const uint32_t modes[] = { PSR_MODE_SVC, PSR_MODE_USR, PSR_MODE_IRQ, PSR_MODE_SYS };
	unsigned handled = 0, writes = 0, kinds[FAST_TRAP_TLB_MAINTENANCE + 1] = { 0 };

	for (unsigned i = 0; i < 40000; i++) {
		struct vcpu fast, slow;
		uint32_t flags = rnd32() & 0xf0000000u, insn = random_insn();
		fixture_vcpu(&fast, modes[rnd32() % 4] | PSR_I);
		fast.id = &a15_ids;
		for (unsigned r = 0; r < 15; r++)
			fast.r[r] = rnd32();
		fast.r[15] = FIXTURE_PC;
		fast.cp15.dacr = rnd32();
		fast.cp15.tpidrprw = rnd32();
		fast.cp15.tpidruro = rnd32();
		fast.cp15.dfsr = rnd32();
		fast.cp15.ifsr = rnd32();
		fast.cp15.dfar = rnd32();
		fast.cp15.ifar = rnd32();
		fast.cp15.sctlr = rnd32();
		fast.cp15.contextidr = rnd32();
		fast.cp15.ttbr0 = rnd32();
		fast.cp15.ttbr1 = rnd32();
		fast.cp15.ttbcr = rnd32() & 7u;
		slow = fast;
		slow.cpsr |= flags;

		struct trap_frame frame = frame_of(&fast, flags);
		enum fast_trap result = fast_trap_undef(&fast, &frame, insn);
		if (result == FAST_TRAP_NONE) {
			CHECK(!memcmp(frame.r, fast.r, sizeof(frame.r)));
			CHECK(!memcmp(&fast.cp15, &slow.cp15, sizeof(fast.cp15)));
			continue;
		}
		handled++;
		fake_hooks_reset();
		CHECK_EQ(emulate_cp15(&slow, insn), EMU_DONE);
		CHECK_EQ(slow.r[15], NEXT_PC);
		check_same_guest(&fast, &frame, &slow);
		/* Consequences beyond the value (DACR, TPIDRURO, I-cache) are the caller's, as the result says. */
		CHECK_EQ(result == FAST_TRAP_DACR_WRITTEN, fake_hooks.translation == 1);
		CHECK_EQ(result == FAST_TRAP_TPIDRURO_WRITTEN, fake_hooks.tpidruro == 1);
		CHECK_EQ(result == FAST_TRAP_ICACHE_INVALIDATED, fake_hooks.icache == 1);
		CHECK_EQ(result == FAST_TRAP_TLB_MAINTENANCE, fake_hooks.tlb == 1);
		if (result == FAST_TRAP_TLB_MAINTENANCE) {
			/* The caller does the operation emulate_cp15_tlb_op() names, with Rt's value. */
			enum tlb_op op;
			CHECK(emulate_cp15_tlb_op(insn, &op));
			CHECK_EQ(op, fake_hooks.tlb_op);
			CHECK_EQ(frame.r[(insn >> 12) & 0xfu], fake_hooks.tlb_value);
		}
		CHECK_EQ(fake_hooks.cpacr, 0);
		kinds[result]++;
		writes += !(insn & (1u << 20));
	}
	CHECK(handled > 10000);
	CHECK(writes > 2000);                           /* DACR, TPIDRPRW, TPIDRURO, fault registers, caches */
	for (unsigned k = FAST_TRAP_DONE; k <= FAST_TRAP_TLB_MAINTENANCE; k++)
		CHECK(kinds[k] > 100);
}

/* MRS, MSR (register, immediate) and CPS of every form that is patched, with random operands. */
static uint32_t random_sensitive(enum sens_class *cls)
{
	uint32_t cond = (rnd32() % 8 ? 0xeu : rnd32() % 15) << 28;

	switch (rnd32() % 4) {
	case 0:         /* MRS Rd, CPSR/SPSR */
		*cls = SENS_MRS;
		return cond | 0x010f0000u | (rnd32() % 2) << 22 | (rnd32() % 16) << 12;
	case 1:         /* MSR CPSR/SPSR_<fields>, Rm */
		*cls = SENS_MSR_REG;
		return cond | 0x0120f000u | (rnd32() % 2) << 22 | (1u + rnd32() % 15) << 16 | rnd32() % 16;
	case 2:         /* MSR CPSR/SPSR_<fields>, #imm */
		*cls = SENS_MSR_IMM;
		return cond | 0x0320f000u | (rnd32() % 2) << 22 | (1u + rnd32() % 15) << 16 | rnd32() % 4096;
	default:        /* CPS: imod, A/I/F, M and mode */
		*cls = SENS_CPS;
		return 0xf1000000u | (2u + rnd32() % 2) << 18 | (rnd32() % 2) << 17 | (rnd32() % 8) << 6 |
		       (rnd32() % 4 ? 0x13u : rnd32() % 32);
	}
}

TEST(fast_trap_sensitive_matches_the_emulator)
{
	static const uint32_t modes[] = { PSR_MODE_SVC, PSR_MODE_IRQ, PSR_MODE_SYS, PSR_MODE_ABT,
					  PSR_MODE_UND, PSR_MODE_USR };
	unsigned done = 0, cpsr_changed = 0;

	fixture_vgics_init();
	for (unsigned i = 0; i < 40000; i++) {
		struct vcpu fast, slow;
		enum sens_class cls;
		uint32_t insn = random_sensitive(&cls), live = rnd32() & PSR_GUEST_LIVE & ~PSR_EXEC_MASK;
		bool signalled = rnd32() % 2;
		fixture_vcpu(&fast, modes[rnd32() % 6] | (rnd32() & PSR_AIF));
		randomize_registers(&fast);
		randomize_fixed_bits(&fast);
		slow = fast;
		slow.cpsr = (slow.cpsr & ~PSR_GUEST_LIVE) | live;

		struct trap_frame frame = frame_of(&fast, live), before = frame;
		enum fast_trap result = fast_trap_sensitive(&fast, &frame, insn, cls,
							    signalled ? &fixture_signalling_vi : &fixture_quiet_vi);
		if (result == FAST_TRAP_NONE) {
			CHECK(!memcmp(&frame, &before, sizeof(frame)));
			continue;
		}
		done++;
		CHECK_EQ(emulate_sensitive(&slow, insn, cls), EMU_DONE);
		CHECK_EQ(slow.r[15], NEXT_PC);
		uint32_t old_cpsr = (fast.cpsr & ~PSR_GUEST_LIVE) | live;
		check_same_guest(&fast, &frame, &slow);
		CHECK(!(!(slow.cpsr & PSR_I) && signalled));    /* nothing the general path would deliver */
		CHECK_EQ(slow.cpsr & slow.cpsr_fixed, old_cpsr & slow.cpsr_fixed);
		cpsr_changed += fast.cpsr != old_cpsr;
	}
	CHECK(done > 10000);
	CHECK(cpsr_changed > 1000);
}

/* MOVS pc, Rm and SUBS pc, lr, #imm: the only exception returns the fast path takes. */
static uint32_t random_exception_return(void)
{
	if (rnd32() % 2)
		return 0xe1b0f000u | rnd32() % 16;
	return 0xe25ef000u | rnd32() % 4096;
}

TEST(fast_exception_return_matches_the_emulator)
{
	static const uint32_t modes[] = { PSR_MODE_SVC, PSR_MODE_IRQ, PSR_MODE_SYS, PSR_MODE_ABT,
					  PSR_MODE_UND, PSR_MODE_FIQ, PSR_MODE_USR };
	unsigned done = 0, to_user = 0, to_thumb = 0;

	fixture_vgics_init();
	for (unsigned i = 0; i < 40000; i++) {
		struct vcpu fast, slow;
		uint32_t insn = random_exception_return(), live = rnd32() & PSR_GUEST_LIVE & ~PSR_EXEC_MASK;
		bool signalled = rnd32() % 2;
		fixture_vcpu(&fast, modes[rnd32() % 7] | (rnd32() & PSR_AIF));
		randomize_registers(&fast);
		randomize_fixed_bits(&fast);
		uint32_t fixed_before = fast.cpsr & fast.cpsr_fixed;
		/* Mostly SPSRs a kernel returns with: to User or SVC mode, ARM or Thumb. */
		for (unsigned b = 0; b < VBANK_COUNT && rnd32() % 4; b++)
			fast.bank[b].spsr = (fast.bank[b].spsr & ~(PSR_MODE_MASK | PSR_J)) |
					    (rnd32() % 2 ? PSR_MODE_USR : PSR_MODE_SVC);
		slow = fast;
		slow.cpsr = (slow.cpsr & ~PSR_GUEST_LIVE) | live;

		struct trap_frame frame = frame_of(&fast, live), before = frame;
		enum fast_trap result = fast_trap_sensitive(&fast, &frame, insn, SENS_DP_ERET,
							    signalled ? &fixture_signalling_vi : &fixture_quiet_vi);
		if (result == FAST_TRAP_NONE) {
			CHECK(!memcmp(&frame, &before, sizeof(frame)));
			continue;
		}
		done++;
		CHECK_EQ(result, FAST_TRAP_DONE);
		CHECK_EQ(emulate_sensitive(&slow, insn, SENS_DP_ERET), EMU_DONE);
		check_same_guest(&fast, &frame, &slow);
		CHECK(!(!(slow.cpsr & PSR_I) && signalled));    /* nothing the general path would deliver */
		CHECK(!((slow.cpsr & PSR_T) && vcpu_privileged(&slow)));  /* nothing it would stop */
		CHECK_EQ(slow.cpsr & slow.cpsr_fixed, fixed_before);
		to_user += !vcpu_privileged(&slow);
		to_thumb += !!(slow.cpsr & PSR_T);
	}
	CHECK(done > 8000);
	CHECK(to_user > 2000);
	CHECK(to_thumb > 1000);
}

/*
 * LDM/STM (User registers) without the PC: random P/U, base register and
 * list, conditions; bases mostly in the fake RAM, some unaligned or
 * outside it (the general path's data abort).
 */
static uint32_t random_user_regs_insn(enum sens_class *cls)
{
	uint32_t cond = (rnd32() % 8 ? 0xeu : rnd32() % 15) << 28, list = 0;
	bool load = rnd32() % 2;

	if (rnd32() % 3) {
		while (!list)
			list = rnd32() & 0x7fffu;
	} else {                /* consecutive registers, as Linux's */
		unsigned lowest = rnd32() % 15, count = 1u + rnd32() % (15u - lowest);
		list = ((1u << count) - 1u) << lowest;
	}
	*cls = load ? SENS_LDM_USER : SENS_STM_USER;
	return cond | 0x08400000u | (rnd32() % 4) << 23 | (uint32_t)load << 20 | (rnd32() % 16) << 16 | list;
}

static uint32_t random_block_base(void)
{
	switch (rnd32() % 16) {
	case 0:
		return FAKE_RAM_BASE + 0x100u + rnd32() % 0x400u;     /* maybe unaligned */
	case 1:
		return FAKE_RAM_BASE + FAKE_RAM_SIZE - 4u * (rnd32() % 8);  /* runs off the end */
	default:
		return FAKE_RAM_BASE + 0x100u + 4u * (rnd32() % 0x100u);
	}
}

#define BLOCK_WORDS 32u         /* around any transfer's words, from 0x40 below the base */

static void read_block(uint32_t base, uint32_t words[BLOCK_WORDS])
{
	for (unsigned i = 0; i < BLOCK_WORDS; i++)
		words[i] = fake_ram_get(base - 0x40u + 4u * i);
}

static void write_block(uint32_t base, const uint32_t words[BLOCK_WORDS])
{
	for (unsigned i = 0; i < BLOCK_WORDS; i++)
		fake_ram_set(base - 0x40u + 4u * i, words[i]);
}

TEST(fast_user_regs_match_the_emulator)
{
	static const uint32_t modes[] = { PSR_MODE_SVC, PSR_MODE_IRQ, PSR_MODE_SYS, PSR_MODE_ABT,
					  PSR_MODE_UND, PSR_MODE_FIQ, PSR_MODE_USR };
	unsigned loads = 0, stores = 0, refused = 0;

	fake_ram_reset();
	for (unsigned i = 0; i < 40000; i++) {
		struct vcpu fast, slow;
		enum sens_class cls;
		uint32_t insn = random_user_regs_insn(&cls), live = rnd32() & PSR_GUEST_LIVE & ~PSR_EXEC_MASK;
		uint32_t before_mem[BLOCK_WORDS], fast_mem[BLOCK_WORDS], slow_mem[BLOCK_WORDS];
		fixture_vcpu(&fast, modes[rnd32() % 7] | (rnd32() & PSR_AIF));
		randomize_registers(&fast);
		fast.r[(insn >> 16) & 0xfu] = random_block_base();
		uint32_t base = fast.r[(insn >> 16) & 0xfu] & ~3u;
		for (unsigned w = 0; w < BLOCK_WORDS; w++)
			before_mem[w] = rnd32();
		write_block(base, before_mem);
		slow = fast;
		slow.cpsr = (slow.cpsr & ~PSR_GUEST_LIVE) | live;

		struct trap_frame frame = frame_of(&fast, live), before = frame;
		struct vcpu unchanged = fast;
		enum fast_trap result = fast_trap_user_regs(&fast, &frame, insn, cls);
		if (result == FAST_TRAP_NONE) {
			refused++;
			CHECK(!memcmp(&frame, &before, sizeof(frame)));
			CHECK(!memcmp(&fast, &unchanged, sizeof(fast)));
			continue;
		}
		CHECK_EQ(result, FAST_TRAP_DONE);
		read_block(base, fast_mem);
		write_block(base, before_mem);
		CHECK_EQ(emulate_sensitive(&slow, insn, cls), EMU_DONE);
		CHECK_EQ(slow.r[15], NEXT_PC);
		read_block(base, slow_mem);
		check_same_guest(&fast, &frame, &slow);
		CHECK(!memcmp(fast_mem, slow_mem, sizeof(fast_mem)));
		loads += cls == SENS_LDM_USER;
		stores += cls == SENS_STM_USER && memcmp(fast_mem, before_mem, sizeof(fast_mem));
	}
	CHECK(loads > 8000);
	CHECK(stores > 8000);
	CHECK(refused > 5000);          /* User mode, unaligned, outside RAM */
}

/* A vCPU about to take an exception: in one of `modes` (five), random registers, SCTLR and VBAR. */
static void exception_fixture(struct vcpu *v, const uint32_t modes[5])
{
	fixture_vcpu(v, modes[rnd32() % 5] | (rnd32() & PSR_AIF));
	randomize_registers(v);
	v->cp15.sctlr = rnd32() & (SCTLR_TE | SCTLR_EE | SCTLR_V | SCTLR_M);
	v->cp15.vbar = rnd32() & ~0x1fu;
}

/* A fast path that refused (Thumb exception entry: the general path stops the guest) changed nothing. */
static void check_refused(const struct vcpu *fast, const struct vcpu *slow, const struct trap_frame *frame,
			  const struct trap_frame *before)
{
	CHECK(fast->cp15.sctlr & SCTLR_TE);
	CHECK(!memcmp(frame, before, sizeof(*frame)));
	CHECK(!memcmp(fast, slow, sizeof(*fast)));
}

/* A data abort for the guest: what the general path's deliver_data_abort() leaves. */
TEST(fast_data_abort_matches_the_virtual_exception)
{
	static const uint32_t modes[] = { PSR_MODE_USR, PSR_MODE_SVC, PSR_MODE_IRQ, PSR_MODE_ABT,
					  PSR_MODE_SYS };
	unsigned done = 0;

	for (unsigned i = 0; i < 20000; i++) {
		struct vcpu fast, slow;
		uint32_t live = rnd32() & PSR_GUEST_LIVE & ~(PSR_J | PSR_IT_MASK);
		uint32_t fsr = rnd32() & 0x1cffu, far = rnd32();
		exception_fixture(&fast, modes);
		slow = fast;

		struct trap_frame frame = frame_of(&fast, live), before = frame;
		if (fast_trap_data_abort(&fast, &frame, fsr, far) == FAST_TRAP_NONE) {
			check_refused(&fast, &slow, &frame, &before);
			continue;
		}
		done++;
		merge_frame(&slow, &before);
		slow.cp15.dfsr = fsr;
		slow.cp15.dfar = far;
		vexc_take(&slow, VEXC_DABT, before.pc);
		check_same_guest(&fast, &frame, &slow);
		CHECK_EQ(fast.stats.virtual_exceptions, 1u);
	}
	CHECK(done > 8000);
}

TEST(fast_svc_matches_the_virtual_exception)
{
	static const uint32_t modes[] = { PSR_MODE_USR, PSR_MODE_SVC, PSR_MODE_IRQ, PSR_MODE_FIQ,
					  PSR_MODE_SYS };
	unsigned done = 0;

	for (unsigned i = 0; i < 20000; i++) {
		struct vcpu fast, slow;
		uint32_t live = rnd32() & PSR_GUEST_LIVE & ~(PSR_J | PSR_IT_MASK);
		exception_fixture(&fast, modes);
		slow = fast;

		struct trap_frame frame = frame_of(&fast, live), before = frame;
		if (fast_trap_svc(&fast, &frame) == FAST_TRAP_NONE) {
			check_refused(&fast, &slow, &frame, &before);
			continue;
		}
		done++;
		merge_frame(&slow, &before);
		vexc_take(&slow, VEXC_SVC, before.pc - ((live & PSR_T) ? 2u : 4u));
		check_same_guest(&fast, &frame, &slow);
		CHECK_EQ(fast.stats.virtual_exceptions, 1u);
	}
	CHECK(done > 8000);
}
