/*
 * The trap fast paths against the general emulators: random accesses to
 * the fast CP15 registers (every condition, every Rt, random flags) next
 * to other CP15 accesses, and random patched MRS/MSR/CPS, from virtual
 * privileged and User modes. Where a fast path acts, the general emulator
 * must leave the same registers, CP15 state, CPSR and SPSRs, and nothing
 * the general path would do after it (an interrupt to deliver).
 */
#include <string.h>

#include "arm_arch.h"
#include "fixture.h"
#include "hyp/fast_trap.h"
#include "test.h"

static uint32_t rng = 4242;

static uint32_t rnd32(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
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
	};
	static const uint32_t others[] = {
		0x0e0d0f70u,    /* TPIDRURO */
		0x0e030f30u,    /* c3, c0, 1: not DACR */
		0x0e030f11u,    /* c3, c0, 0 with CRm 1: not DACR */
		0x0e230f10u,    /* opc1 1 */
		0x0e010f30u,    /* ACTLR */
		0x0e030e10u,    /* coprocessor 14 */
	};
	uint32_t insn = rnd32() % 4 ? fast_regs[rnd32() % 7] : others[rnd32() % 6];

	insn |= (rnd32() % 16) << 28;                   /* condition, 0xf included */
	insn |= (rnd32() % 16) << 12;                   /* Rt, r15 included */
	if (rnd32() % 2)
		insn |= 1u << 20;                       /* MRC */
	return insn;
}

TEST(fast_trap_cp15_matches_the_emulator)
{
	static const uint32_t modes[] = { PSR_MODE_SVC, PSR_MODE_USR, PSR_MODE_IRQ, PSR_MODE_SYS };
	unsigned handled = 0, writes = 0;

	for (unsigned i = 0; i < 20000; i++) {
		struct vcpu fast, slow;
		uint32_t flags = rnd32() & 0xf0000000u, insn = random_insn();
		fixture_vcpu(&fast, modes[rnd32() % 4] | PSR_I);
		for (unsigned r = 0; r < 15; r++)
			fast.r[r] = rnd32();
		fast.r[15] = 0x80001000u;
		fast.cp15.dacr = rnd32();
		fast.cp15.tpidrprw = rnd32();
		fast.cp15.sctlr = rnd32();
		fast.cp15.contextidr = rnd32();
		fast.cp15.ttbr0 = rnd32();
		fast.cp15.ttbr1 = rnd32();
		fast.cp15.ttbcr = rnd32() & 7u;
		slow = fast;
		slow.cpsr |= flags;

		uint32_t frame[15];
		memcpy(frame, fast.r, sizeof(frame));
		enum fast_trap result = fast_trap_undef(&fast, frame, flags | PSR_MODE_USR, insn);
		if (result == FAST_TRAP_NONE) {
			CHECK(!memcmp(frame, fast.r, sizeof(frame)));
			CHECK(!memcmp(&fast.cp15, &slow.cp15, sizeof(fast.cp15)));
			continue;
		}
		handled++;
		fake_hooks_reset();
		CHECK_EQ(emulate_cp15(&slow, insn), EMU_DONE);
		CHECK_EQ(slow.r[15], 0x80001004u);
		CHECK(!memcmp(frame, slow.r, sizeof(frame)));
		CHECK(!memcmp(&fast.cp15, &slow.cp15, sizeof(fast.cp15)));
		/* Only a DACR write has consequences beyond the value, which the caller takes on. */
		CHECK_EQ(result == FAST_TRAP_DACR_WRITTEN, fake_hooks.translation == 1);
		CHECK_EQ(fake_hooks.tpidruro + fake_hooks.icache + fake_hooks.tlb + fake_hooks.cpacr, 0);
		writes += !(insn & (1u << 20));
	}
	CHECK(handled > 5000);
	CHECK(writes > 1000);                           /* DACR and TPIDRPRW */
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

/* A virtual GIC that signals an interrupt (SPI 40 pending and enabled), or one that does not. */
static void gic_signalling(struct vgic *vg, bool signalled)
{
	vgic_init(vg, 0x4u, 0x0200043bu);
	vgic_dist_write(vg, 0x000u, 4, 1u);             /* GICD_CTLR: enabled */
	vgic_cpu_write(vg, 0x00u, 4, 1u);               /* GICC_CTLR: enabled */
	vgic_cpu_write(vg, 0x04u, 4, 0xf0u);            /* GICC_PMR */
	vgic_dist_write(vg, 0x104u, 4, 1u << 8);        /* GICD_ISENABLER1: interrupt 40 */
	if (signalled)
		vgic_dist_write(vg, 0x204u, 4, 1u << 8);  /* GICD_ISPENDR1 */
}

TEST(fast_trap_sensitive_matches_the_emulator)
{
	static struct vgic quiet, signalling;
	static const uint32_t modes[] = { PSR_MODE_SVC, PSR_MODE_IRQ, PSR_MODE_SYS, PSR_MODE_ABT,
					  PSR_MODE_UND, PSR_MODE_USR };
	unsigned done = 0, cpsr_changed = 0;

	gic_signalling(&quiet, false);
	gic_signalling(&signalling, true);
	CHECK(!vgic_irq_signalled(&quiet));
	CHECK(vgic_irq_signalled(&signalling));
	for (unsigned i = 0; i < 40000; i++) {
		struct vcpu fast, slow;
		enum sens_class cls;
		uint32_t insn = random_sensitive(&cls), live = rnd32() & PSR_GUEST_LIVE & ~PSR_EXEC_MASK;
		bool signalled = rnd32() % 2;
		fixture_vcpu(&fast, modes[rnd32() % 6] | (rnd32() & PSR_AIF));
		for (unsigned r = 0; r < 15; r++)
			fast.r[r] = rnd32();
		for (unsigned b = 0; b < VBANK_COUNT; b++)
			fast.bank[b].spsr = rnd32() & ~PSR_RESERVED_MASK;
		fast.r[15] = 0x80001000u;
		slow = fast;
		slow.cpsr = (slow.cpsr & ~PSR_GUEST_LIVE) | live;

		uint32_t frame[15], frame_cpsr = live | PSR_MODE_USR;
		memcpy(frame, fast.r, sizeof(frame));
		enum fast_trap result = fast_trap_sensitive(&fast, frame, &frame_cpsr, insn, cls,
							    signalled ? &signalling : &quiet);
		if (result == FAST_TRAP_NONE) {
			CHECK(!memcmp(frame, fast.r, sizeof(frame)));
			CHECK_EQ(frame_cpsr, live | PSR_MODE_USR);
			continue;
		}
		done++;
		CHECK_EQ(emulate_sensitive(&slow, insn, cls), EMU_DONE);
		CHECK_EQ(slow.r[15], 0x80001004u);
		CHECK(!memcmp(frame, slow.r, sizeof(frame)));
		uint32_t fast_cpsr = (fast.cpsr & ~PSR_GUEST_LIVE) | (frame_cpsr & PSR_GUEST_LIVE);
		CHECK_EQ(fast_cpsr, slow.cpsr);
		CHECK_EQ(frame_cpsr & ~PSR_GUEST_LIVE, PSR_MODE_USR);
		for (unsigned b = 0; b < VBANK_COUNT; b++)
			CHECK_EQ(fast.bank[b].spsr, slow.bank[b].spsr);
		CHECK(!(!(slow.cpsr & PSR_I) && signalled));    /* nothing the general path would deliver */
		cpsr_changed += fast_cpsr != ((fast.cpsr & ~PSR_GUEST_LIVE) | live);
	}
	CHECK(done > 10000);
	CHECK(cpsr_changed > 1000);
}
