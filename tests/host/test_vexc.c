/*
 * Virtual exception entry, ARM DDI 0406C B1.8: Table B1-7 (LR offsets),
 * B1.8.3 (vector offsets), and the CPSR updates of the Take*Exception()
 * pseudocode for a core in Secure state without SCR.AW/FW relevance:
 * I always set, A for aborts, IRQ and FIQ, F for FIQ only.
 */
#include "arm_arch.h"
#include "fixture.h"
#include "hyp/vexc.h"
#include "test.h"

#define VBAR            0x80000000u
#define FAULT_PC        0x80001000u
#define FLAGS           (CPSR_N | CPSR_C | CPSR_Q | 0x00050000u)

struct vexc_expect {
	enum vexc_kind kind;
	uint32_t mode, vector, lr_arm, lr_thumb, masks;
	enum vbank bank;
};

static const struct vexc_expect expect[] = {
	{ VEXC_UNDEF, MODE_UND, 0x04, 4, 2, CPSR_I, VBANK_UND },
	{ VEXC_SVC, MODE_SVC, 0x08, 4, 2, CPSR_I, VBANK_SVC },
	{ VEXC_PABT, MODE_ABT, 0x0c, 4, 4, CPSR_I | CPSR_A, VBANK_ABT },
	{ VEXC_DABT, MODE_ABT, 0x10, 8, 8, CPSR_I | CPSR_A, VBANK_ABT },
	{ VEXC_IRQ, MODE_IRQ, 0x18, 4, 4, CPSR_I | CPSR_A, VBANK_IRQ },
	{ VEXC_FIQ, MODE_FIQ, 0x1c, 4, 4, CPSR_I | CPSR_A | CPSR_F, VBANK_FIQ },
};

#define EXPECT_COUNT (sizeof(expect) / sizeof(expect[0]))

/* Take `e` from User mode with `cpsr_extra` set and the given SCTLR. */
static void take(struct vcpu *v, const struct vexc_expect *e, uint32_t cpsr_extra, uint32_t sctlr)
{
	fixture_vcpu(v, MODE_USR | FLAGS | cpsr_extra);
	v->cp15.vbar = VBAR;
	v->cp15.sctlr = sctlr;
	v->r[13] = 0x8000f000u;
	v->r[14] = 0x8000e000u;
	v->r[15] = FAULT_PC;
	vexc_take(v, e->kind, FAULT_PC);
}

TEST(vexc_arm_state_entry)
{
	struct vcpu v;

	for (unsigned i = 0; i < EXPECT_COUNT; i++) {
		const struct vexc_expect *e = &expect[i];
		take(&v, e, 0, 0);
		CHECK_EQ(v.cpsr, e->mode | FLAGS | e->masks);
		CHECK_EQ(v.r[14], FAULT_PC + e->lr_arm);
		CHECK_EQ(v.r[15], VBAR + e->vector);
		CHECK_EQ(v.bank[e->bank].spsr, MODE_USR | FLAGS);
		/* The User SP/LR are banked away, not overwritten. */
		CHECK_EQ(v.bank[VBANK_USR].sp, 0x8000f000u);
		CHECK_EQ(v.bank[VBANK_USR].lr, 0x8000e000u);
	}
}

TEST(vexc_thumb_state_lr)
{
	struct vcpu v;

	for (unsigned i = 0; i < EXPECT_COUNT; i++) {
		const struct vexc_expect *e = &expect[i];
		take(&v, e, CPSR_T, 0);
		CHECK_EQ(v.r[14], FAULT_PC + e->lr_thumb);
		CHECK_EQ(v.bank[e->bank].spsr, MODE_USR | FLAGS | CPSR_T);
		CHECK_EQ(v.cpsr & CPSR_T, 0);           /* SCTLR.TE = 0: ARM state */
	}
}

/* Masks already set stay set: entry only ever sets A, I and F. */
TEST(vexc_masks_only_set)
{
	struct vcpu v;

	for (unsigned i = 0; i < EXPECT_COUNT; i++) {
		take(&v, &expect[i], CPSR_A | CPSR_F, 0);
		CHECK_EQ(v.cpsr & (CPSR_A | CPSR_I | CPSR_F), CPSR_A | CPSR_I | CPSR_F);
	}
}

/* IT and J are cleared; T comes from SCTLR.TE and E from SCTLR.EE, whatever they were. */
TEST(vexc_execution_state_from_sctlr)
{
	struct vcpu v;

	for (unsigned i = 0; i < EXPECT_COUNT; i++) {
		const struct vexc_expect *e = &expect[i];
		uint32_t state = CPSR_T | CPSR_IT | CPSR_J | CPSR_E;

		take(&v, e, state, SCTLR_TE | SCTLR_EE);
		CHECK_EQ(v.cpsr, e->mode | FLAGS | e->masks | CPSR_T | CPSR_E);
		CHECK_EQ(v.bank[e->bank].spsr, MODE_USR | FLAGS | state);
		take(&v, e, state, 0);
		CHECK_EQ(v.cpsr, e->mode | FLAGS | e->masks);
	}
}

TEST(vexc_high_vectors)
{
	struct vcpu v;

	for (unsigned i = 0; i < EXPECT_COUNT; i++) {
		take(&v, &expect[i], 0, SCTLR_V);
		CHECK_EQ(v.r[15], 0xffff0000u + expect[i].vector);
	}
}

/* From another privileged mode: its SP/LR are banked and the new mode's come back. */
TEST(vexc_from_privileged_mode)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC | CPSR_I);
	v.cp15.vbar = 0x80010000u;
	v.r[13] = 0x80007000u;
	v.r[14] = 0x80000444u;
	v.bank[VBANK_ABT].sp = 0x80006000u;
	v.bank[VBANK_SVC].spsr = MODE_USR;
	vexc_take(&v, VEXC_DABT, 0x80002000u);
	CHECK_EQ(v.cpsr, MODE_ABT | CPSR_A | CPSR_I);
	CHECK_EQ(v.r[13], 0x80006000u);
	CHECK_EQ(v.r[14], 0x80002008u);
	CHECK_EQ(v.r[15], 0x80010010u);
	CHECK_EQ(v.bank[VBANK_ABT].spsr, MODE_SVC | CPSR_I);
	CHECK_EQ(v.bank[VBANK_SVC].sp, 0x80007000u);
	CHECK_EQ(v.bank[VBANK_SVC].lr, 0x80000444u);
	CHECK_EQ(v.bank[VBANK_SVC].spsr, MODE_USR);
}

/* FIQ entry banks r8-r12 as well. */
TEST(vexc_fiq_banks_r8_r12)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC);
	for (unsigned i = 8; i <= 12; i++) {
		v.r[i] = 0x100u + i;
		v.r8_12_other[i - 8] = 0xf00u + i;
	}
	vexc_take(&v, VEXC_FIQ, 0x80002000u);
	for (unsigned i = 8; i <= 12; i++) {
		CHECK_EQ(v.r[i], 0xf00u + i);
		CHECK_EQ(v.r8_12_other[i - 8], 0x100u + i);
	}
}
