/*
 * Emulated SRS and RFE (ARM DDI 0406C B9.3 SRS (ARM), RFE): word addresses
 * by addressing mode, writeback, the banked SP of another mode, and the
 * alignment fault MemA[] raises whatever SCTLR.A says (A3.2.1).
 */
#include "arm_arch.h"
#include "fixture.h"
#include "test.h"

#define STACK           0x80008000u
#define GARBAGE         0xdeadbeefu
#define LR_SVC          0x80001234u
#define SPSR_SVC        (MODE_USR | CPSR_Z | CPSR_C)

struct block_mode {
	uint32_t insn;
	int32_t first;          /* offset of the first word from the base */
	int32_t wback;          /* written-back base minus base, 0 without writeback */
	const char *text;
};

static void fill_stack(void)
{
	fake_ram_reset();
	for (uint32_t a = STACK - 16u; a <= STACK + 16u; a += 4u)
		fake_ram_set(a, GARBAGE);
}

/* Every word near STACK but the pair at `first` (0: none) still holds GARBAGE. */
static void check_stack(uint32_t first)
{
	for (uint32_t a = STACK - 16u; a <= STACK + 16u; a += 4u)
		if (a != first && a != first + 4u && fake_ram_get(a) != GARBAGE)
			FAIL("word at 0x%08x changed to 0x%08x", a, fake_ram_get(a));
}

/* SRS<mode> sp{!}, #0x12 (IRQ) from SVC mode. */
TEST(emu_srs_addressing_modes)
{
	static const struct block_mode m[] = {
		{ 0xf84d0512, -4, 0, "srsda sp, #0x12" },
		{ 0xf86d0512, -4, -8, "srsda sp!, #0x12" },
		{ 0xf8cd0512, 0, 0, "srsia sp, #0x12" },
		{ 0xf8ed0512, 0, 8, "srsia sp!, #0x12" },
		{ 0xf94d0512, -8, 0, "srsdb sp, #0x12" },
		{ 0xf96d0512, -8, -8, "srsdb sp!, #0x12" },
		{ 0xf9cd0512, 4, 0, "srsib sp, #0x12" },
		{ 0xf9ed0512, 4, 8, "srsib sp!, #0x12" },
	};
	struct vcpu v;

	for (unsigned i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
		uint32_t first = STACK + (uint32_t)m[i].first;

		fill_stack();
		fixture_vcpu(&v, MODE_SVC | CPSR_I);
		v.r[13] = 0x80004000u;
		v.r[14] = LR_SVC;
		v.bank[VBANK_SVC].spsr = SPSR_SVC;
		v.bank[VBANK_IRQ].sp = STACK;
		if (run_sensitive(&v, m[i].insn) != EMU_DONE)
			FAIL("%s: not done", m[i].text);
		if (fake_ram_get(first) != LR_SVC || fake_ram_get(first + 4u) != SPSR_SVC)
			FAIL("%s: stored 0x%08x 0x%08x at 0x%08x", m[i].text, fake_ram_get(first),
			     fake_ram_get(first + 4u), first);
		check_stack(first);
		if (v.bank[VBANK_IRQ].sp != STACK + (uint32_t)m[i].wback)
			FAIL("%s: SP_irq 0x%08x", m[i].text, v.bank[VBANK_IRQ].sp);
		CHECK_EQ(v.r[13], 0x80004000u);
		CHECK_EQ(v.cpsr, MODE_SVC | CPSR_I);
		CHECK_EQ(v.r[15], FIXTURE_PC + 4u);
	}
}

/* The current mode's SP is the live r13; User/System share the User SP. */
TEST(emu_srs_current_and_user_stack)
{
	struct vcpu v;

	fill_stack();
	fixture_vcpu(&v, MODE_SVC);
	v.r[13] = STACK;
	v.r[14] = LR_SVC;
	v.bank[VBANK_SVC].spsr = SPSR_SVC;
	CHECK_EQ(run_sensitive(&v, 0xf96d0513), EMU_DONE);     /* srsdb sp!, #0x13 */
	CHECK_EQ(fake_ram_get(STACK - 8u), LR_SVC);
	CHECK_EQ(fake_ram_get(STACK - 4u), SPSR_SVC);
	CHECK_EQ(v.r[13], STACK - 8u);

	fill_stack();
	fixture_vcpu(&v, MODE_IRQ);
	v.r[14] = 0x80000999u;
	v.bank[VBANK_IRQ].spsr = MODE_SVC;
	v.bank[VBANK_USR].sp = STACK;
	CHECK_EQ(run_sensitive(&v, 0xf96d051f), EMU_DONE);     /* srsdb sp!, #0x1f */
	CHECK_EQ(fake_ram_get(STACK - 8u), 0x80000999u);
	CHECK_EQ(fake_ram_get(STACK - 4u), MODE_SVC);
	CHECK_EQ(v.bank[VBANK_USR].sp, STACK - 8u);
}

/* UNPREDICTABLE in User and System mode and for a bad or Hyp mode: emulated as UNDEFINED. */
TEST(emu_srs_undef)
{
	static const struct {
		uint32_t cpsr, insn;
	} c[] = {
		{ MODE_USR, 0xf96d0513 }, { MODE_SYS, 0xf96d0513 },
		{ MODE_SVC, 0xf96d051a }, { MODE_SVC, 0xf96d0515 },
	};
	struct vcpu v;

	for (unsigned i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		fill_stack();
		fixture_vcpu(&v, c[i].cpsr);
		v.r[13] = STACK;
		v.bank[VBANK_UND].sp = STACK;
		CHECK_EQ(run_sensitive(&v, c[i].insn), EMU_UNDEF);
		check_stack(0);
		CHECK_EQ(v.r[13], STACK);
		CHECK_EQ(v.r[15], FIXTURE_PC);
	}
}

/* Alignment fault: DFSR FS = 0b00001 with WnR, DFAR the first address; nothing changes. */
TEST(emu_srs_unaligned_sp)
{
	struct vcpu v;

	fill_stack();
	fixture_vcpu(&v, MODE_SVC);
	v.r[14] = LR_SVC;
	v.bank[VBANK_IRQ].sp = STACK + 2u;
	CHECK_EQ(run_sensitive(&v, 0xf96d0512), EMU_DATA_ABORT);       /* srsdb sp!, #0x12 */
	CHECK_EQ(v.fault_fsr, FS_ALIGN | DFSR_WNR);
	CHECK_EQ(v.fault_far, STACK - 6u);
	CHECK_EQ(v.bank[VBANK_IRQ].sp, STACK + 2u);
	CHECK_EQ(v.r[15], FIXTURE_PC);
	check_stack(0);
}

TEST(emu_srs_external_abort)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC);
	v.bank[VBANK_IRQ].sp = 0x90000000u;
	CHECK_EQ(run_sensitive(&v, 0xf96d0512), EMU_DATA_ABORT);
	CHECK_EQ(v.fault_fsr, FS_EXT_ABORT | DFSR_WNR);
	CHECK_EQ(v.fault_far, 0x90000000u - 8u);
	CHECK_EQ(v.bank[VBANK_IRQ].sp, 0x90000000u);
}

#define RET_PC          0x80002000u
#define RET_CPSR        (MODE_USR | CPSR_Z | CPSR_C)

/* RFE<mode> r0{!} from SVC, returning to User mode. */
TEST(emu_rfe_addressing_modes)
{
	static const struct block_mode m[] = {
		{ 0xf8100a00, -4, 0, "rfeda r0" },
		{ 0xf8300a00, -4, -8, "rfeda r0!" },
		{ 0xf8900a00, 0, 0, "rfeia r0" },
		{ 0xf8b00a00, 0, 8, "rfeia r0!" },
		{ 0xf9100a00, -8, 0, "rfedb r0" },
		{ 0xf9300a00, -8, -8, "rfedb r0!" },
		{ 0xf9900a00, 4, 0, "rfeib r0" },
		{ 0xf9b00a00, 4, 8, "rfeib r0!" },
	};
	struct vcpu v;

	for (unsigned i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
		uint32_t first = STACK + (uint32_t)m[i].first;

		fill_stack();
		fake_ram_set(first, RET_PC);
		fake_ram_set(first + 4u, RET_CPSR);
		fixture_vcpu(&v, MODE_SVC | CPSR_I);
		v.r[0] = STACK;
		v.r[13] = 0x80007000u;
		v.bank[VBANK_USR].sp = 0x8000f000u;
		if (run_sensitive(&v, m[i].insn) != EMU_DONE)
			FAIL("%s: not done", m[i].text);
		if (v.r[15] != RET_PC || v.cpsr != RET_CPSR)
			FAIL("%s: returned to 0x%08x with CPSR 0x%08x", m[i].text, v.r[15], v.cpsr);
		if (v.r[0] != STACK + (uint32_t)m[i].wback)
			FAIL("%s: r0 0x%08x", m[i].text, v.r[0]);
		CHECK_EQ(v.r[13], 0x8000f000u);
		CHECK_EQ(v.bank[VBANK_SVC].sp, 0x80007000u);
	}
}

/* Writeback goes to the base register of the mode RFE ran in. */
TEST(emu_rfe_writeback_banked_sp)
{
	struct vcpu v;

	fill_stack();
	fake_ram_set(STACK, RET_PC);
	fake_ram_set(STACK + 4u, RET_CPSR);
	fixture_vcpu(&v, MODE_SVC);
	v.r[13] = STACK;
	v.bank[VBANK_USR].sp = 0x8000f000u;
	CHECK_EQ(run_sensitive(&v, 0xf8bd0a00), EMU_DONE);     /* rfeia sp! */
	CHECK_EQ(v.bank[VBANK_SVC].sp, STACK + 8u);
	CHECK_EQ(v.r[13], 0x8000f000u);
	CHECK_EQ(v.r[15], RET_PC);
}

/* BranchWritePC in Thumb state clears bit 0; System mode may use RFE. */
TEST(emu_rfe_to_thumb_from_system)
{
	struct vcpu v;

	fill_stack();
	fake_ram_set(STACK, RET_PC + 1u);
	fake_ram_set(STACK + 4u, MODE_SVC | CPSR_T);
	fixture_vcpu(&v, MODE_SYS);
	v.r[0] = STACK;
	CHECK_EQ(run_sensitive(&v, 0xf8900a00), EMU_DONE);     /* rfeia r0 */
	CHECK_EQ(v.cpsr, MODE_SVC | CPSR_T);
	CHECK_EQ(v.r[15], RET_PC);
}

/* RFE in User mode is UNPREDICTABLE: emulated as UNDEFINED. */
TEST(emu_rfe_undef_in_user_mode)
{
	struct vcpu v;

	fill_stack();
	fixture_vcpu(&v, MODE_USR);
	v.r[0] = STACK;
	CHECK_EQ(run_sensitive(&v, 0xf8b00a00), EMU_UNDEF);
	CHECK_EQ(v.r[0], STACK);
	CHECK_EQ(v.cpsr, MODE_USR);
	CHECK_EQ(v.r[15], FIXTURE_PC);
}

TEST(emu_rfe_unaligned_base)
{
	struct vcpu v;

	fill_stack();
	fixture_vcpu(&v, MODE_SVC);
	v.r[0] = STACK + 1u;
	CHECK_EQ(run_sensitive(&v, 0xf8b00a00), EMU_DATA_ABORT);       /* rfeia r0! */
	CHECK_EQ(v.fault_fsr, FS_ALIGN);
	CHECK_EQ(v.fault_far, STACK + 1u);
	CHECK_EQ(v.r[0], STACK + 1u);
	CHECK_EQ(v.cpsr, MODE_SVC);
	CHECK_EQ(v.r[15], FIXTURE_PC);
}

/* CPSRWriteByInstr never writes the reserved CPSR bits 23:20, even on exception return. */
TEST(emu_rfe_reserved_psr_bits_not_written)
{
	struct vcpu v;

	fill_stack();
	fake_ram_set(STACK, RET_PC);
	fake_ram_set(STACK + 4u, CPSR_RESERVED | RET_CPSR);
	fixture_vcpu(&v, MODE_SVC);
	v.r[0] = STACK;
	CHECK_EQ(run_sensitive(&v, 0xf8900a00), EMU_DONE);     /* rfeia r0 */
	CHECK_EQ(v.cpsr, RET_CPSR);
}
