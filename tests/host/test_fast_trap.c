/*
 * The trap fast path against the general emulator: random DACR accesses
 * (every condition, every Rt, random flags), from virtual privileged and
 * User modes, next to other CP15 accesses. Where the fast path acts, the
 * general emulator must leave the same registers and CP15 state.
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

/* MCR/MRC p15 with random condition and Rt: DACR mostly, some other registers. */
static uint32_t random_insn(void)
{
	static const uint32_t others[] = {
		0x0e020f10u,    /* TTBR0 */
		0x0e0d0f70u,    /* TPIDRPRW */
		0x0e030f30u,    /* c3, c0, 1: not DACR */
		0x0e030f11u,    /* c3, c0, 0 with CRm 1: not DACR */
		0x0e230f10u,    /* opc1 1 */
	};
	uint32_t insn = rnd32() % 4 ? 0x0e030f10u : others[rnd32() % 5];

	insn |= (rnd32() % 16) << 28;                   /* condition, 0xf included */
	insn |= (rnd32() % 16) << 12;                   /* Rt, r15 included */
	if (rnd32() % 2)
		insn |= 1u << 20;                       /* MRC */
	return insn;
}

TEST(fast_trap_dacr_matches_the_emulator)
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
		slow = fast;
		slow.cpsr |= flags;

		uint32_t frame[15];
		memcpy(frame, fast.r, sizeof(frame));
		enum fast_trap result = fast_trap_undef(&fast, frame, flags | PSR_MODE_USR, insn);
		if (result == FAST_TRAP_NONE) {
			CHECK(!memcmp(frame, fast.r, sizeof(frame)));
			CHECK_EQ(fast.cp15.dacr, slow.cp15.dacr);
			continue;
		}
		handled++;
		fake_hooks_reset();
		CHECK_EQ(emulate_cp15(&slow, insn), EMU_DONE);
		CHECK_EQ(slow.r[15], 0x80001004u);
		CHECK(!memcmp(frame, slow.r, sizeof(frame)));
		CHECK_EQ(fast.cp15.dacr, slow.cp15.dacr);
		CHECK_EQ(result == FAST_TRAP_DACR_WRITTEN, fake_hooks.translation == 1);
		writes += result == FAST_TRAP_DACR_WRITTEN;
	}
	CHECK(handled > 5000);
	CHECK(writes > 1000);
}
