/*
 * Emulated LDM/STM with ^ and the data-processing exception returns
 * (ARM DDI 0406C B9.3: LDM (User registers), STM (User registers),
 * LDM (exception return), SUBS PC, LR and related instructions).
 */
#include "arm_arch.h"
#include "fixture.h"
#include "test.h"

#define BASE            0x80008000u
#define RAM_END         (FAKE_RAM_BASE + FAKE_RAM_SIZE)
#define USR_SP          0x8000f000u
#define USR_LR          0x80000aaau
#define RET_PC          0x80002000u

/* SVC mode with distinct values everywhere; r0 = BASE. */
static void setup_svc(struct vcpu *v)
{
	fake_ram_reset();
	fixture_vcpu(v, MODE_SVC | CPSR_I);
	for (unsigned i = 1; i <= 12; i++)
		v->r[i] = 0x100u + i;
	v->r[0] = BASE;
	v->r[13] = 0x80007000u;
	v->r[14] = 0x80000444u;
	v->bank[VBANK_USR].sp = USR_SP;
	v->bank[VBANK_USR].lr = USR_LR;
}

/* FIQ mode: live r8-r12 are FIQ's, the User ones are banked. */
static void setup_fiq(struct vcpu *v)
{
	setup_svc(v);
	vcpu_switch_mode(v, MODE_FIQ);
	for (unsigned i = 8; i <= 12; i++)
		v->r[i] = 0xf00u + i;
	v->r[13] = 0x80006000u;
}

TEST(emu_stm_user_from_svc)
{
	struct vcpu v;

	setup_svc(&v);
	CHECK_EQ(run_sensitive(&v, 0xe8c07f00), EMU_DONE);     /* stmia r0, {r8-r14}^ */
	for (unsigned i = 8; i <= 12; i++)
		CHECK_EQ(fake_ram_get(BASE + 4u * (i - 8)), 0x100u + i);
	CHECK_EQ(fake_ram_get(BASE + 20u), USR_SP);
	CHECK_EQ(fake_ram_get(BASE + 24u), USR_LR);
	CHECK_EQ(fake_ram_get(BASE + 28u), 0);
	CHECK_EQ(v.r[0], BASE);
	CHECK_EQ(v.r[15], FIXTURE_PC + 4u);

	setup_svc(&v);
	CHECK_EQ(run_sensitive(&v, 0xe9406000), EMU_DONE);     /* stmdb r0, {sp, lr}^ */
	CHECK_EQ(fake_ram_get(BASE - 8u), USR_SP);
	CHECK_EQ(fake_ram_get(BASE - 4u), USR_LR);
}

TEST(emu_stm_user_from_fiq)
{
	struct vcpu v;

	setup_fiq(&v);
	CHECK_EQ(run_sensitive(&v, 0xe8c07f00), EMU_DONE);     /* stmia r0, {r8-r14}^ */
	for (unsigned i = 8; i <= 12; i++)
		CHECK_EQ(fake_ram_get(BASE + 4u * (i - 8)), 0x100u + i);
	CHECK_EQ(fake_ram_get(BASE + 20u), USR_SP);
	CHECK_EQ(fake_ram_get(BASE + 24u), USR_LR);
	CHECK_EQ(v.r[8], 0xf08);
}

/* The whole list below SP, and the PC stored as PCStoreValue() (address + 8). */
TEST(emu_stm_user_full_list_and_pc)
{
	struct vcpu v;

	setup_svc(&v);
	v.r[13] = BASE;
	CHECK_EQ(run_sensitive(&v, 0xe94d7fff), EMU_DONE);     /* stmdb sp, {r0-r14}^ */
	CHECK_EQ(fake_ram_get(BASE - 60u), BASE);
	for (unsigned i = 1; i <= 12; i++)
		CHECK_EQ(fake_ram_get(BASE - 60u + 4u * i), 0x100u + i);
	CHECK_EQ(fake_ram_get(BASE - 8u), USR_SP);
	CHECK_EQ(fake_ram_get(BASE - 4u), USR_LR);
	CHECK_EQ(v.r[13], BASE);

	setup_svc(&v);
	CHECK_EQ(run_sensitive(&v, 0xe9c08002), EMU_DONE);     /* stmib r0, {r1, pc}^ */
	CHECK_EQ(fake_ram_get(BASE + 4u), 0x101);
	CHECK_EQ(fake_ram_get(BASE + 8u), FIXTURE_PC + 8u);
}

TEST(emu_ldm_user_from_svc)
{
	struct vcpu v;

	setup_svc(&v);
	for (unsigned i = 0; i < 7; i++)
		fake_ram_set(BASE + 4u * i, 0xa08u + i);
	CHECK_EQ(run_sensitive(&v, 0xe8d07f00), EMU_DONE);     /* ldm r0, {r8-r14}^ */
	for (unsigned i = 8; i <= 12; i++)
		CHECK_EQ(v.r[i], 0xa00u + i);
	CHECK_EQ(v.bank[VBANK_USR].sp, 0xa0du);
	CHECK_EQ(v.bank[VBANK_USR].lr, 0xa0eu);
	CHECK_EQ(v.r[13], 0x80007000u);
	CHECK_EQ(v.r[14], 0x80000444u);
	CHECK_EQ(v.r[0], BASE);
	CHECK_EQ(v.cpsr, MODE_SVC | CPSR_I);
	CHECK_EQ(v.r[15], FIXTURE_PC + 4u);

	setup_svc(&v);
	v.r[1] = BASE;
	for (unsigned i = 0; i < 4; i++)
		fake_ram_set(BASE - 16u + 4u * i, 0xb00u + i);
	CHECK_EQ(run_sensitive(&v, 0xe951000f), EMU_DONE);     /* ldmdb r1, {r0-r3}^ */
	for (unsigned i = 0; i < 4; i++)
		CHECK_EQ(v.r[i], 0xb00u + i);
}

TEST(emu_ldm_user_from_fiq)
{
	struct vcpu v;

	setup_fiq(&v);
	for (unsigned i = 0; i < 5; i++)
		fake_ram_set(BASE + 4u + 4u * i, 0xa08u + i);
	v.r[1] = BASE;
	CHECK_EQ(run_sensitive(&v, 0xe9d11f00), EMU_DONE);     /* ldmib r1, {r8-r12}^ */
	for (unsigned i = 8; i <= 12; i++) {
		CHECK_EQ(v.r8_12_other[i - 8], 0xa00u + i);
		CHECK_EQ(v.r[i], 0xf00u + i);
	}
}

/* UNPREDICTABLE in User and System mode: UNDEFINED in User, System runs it on its (User) registers. */
TEST(emu_ldm_stm_user_in_user_and_system)
{
	struct vcpu v;

	setup_svc(&v);
	v.cpsr = MODE_USR;
	CHECK_EQ(run_sensitive(&v, 0xe8d02002), EMU_UNDEF);    /* ldm r0, {r1, sp}^ */
	CHECK_EQ(run_sensitive(&v, 0xe8c26000), EMU_UNDEF);    /* stmia r2, {sp, lr}^ */
	CHECK_EQ(v.r[1], 0x101);
	CHECK_EQ(v.r[15], FIXTURE_PC);

	setup_svc(&v);
	vcpu_switch_mode(&v, MODE_SYS);
	fake_ram_set(BASE, 0x11);
	fake_ram_set(BASE + 4u, 0x8000d000u);
	CHECK_EQ(run_sensitive(&v, 0xe8d02002), EMU_DONE);
	CHECK_EQ(v.r[1], 0x11);
	CHECK_EQ(v.r[13], 0x8000d000u);
	CHECK_EQ(v.r[15], FIXTURE_PC + 4u);
}

/* Loads come first, then writeback in the old mode, then CPSR <- SPSR and the branch. */
TEST(emu_ldm_exception_return)
{
	struct vcpu v;

	setup_svc(&v);
	v.bank[VBANK_SVC].spsr = MODE_USR | CPSR_Z;
	v.r[13] = BASE;
	for (unsigned i = 0; i <= 12; i++)
		fake_ram_set(BASE + 4u * i, 0xc00u + i);
	fake_ram_set(BASE + 52u, RET_PC);
	CHECK_EQ(run_sensitive(&v, 0xe8fd9fff), EMU_DONE);     /* ldmia sp!, {r0-r12, pc}^ */
	for (unsigned i = 0; i <= 12; i++)
		CHECK_EQ(v.r[i], 0xc00u + i);
	CHECK_EQ(v.cpsr, MODE_USR | CPSR_Z);
	CHECK_EQ(v.r[15], RET_PC);
	CHECK_EQ(v.bank[VBANK_SVC].sp, BASE + 56u);
	CHECK_EQ(v.r[13], USR_SP);
	CHECK_EQ(v.r[14], USR_LR);
}

TEST(emu_ldm_exception_return_addressing)
{
	struct vcpu v;

	setup_svc(&v);
	v.bank[VBANK_SVC].spsr = MODE_SYS | CPSR_T;
	fake_ram_set(BASE - 8u, 0xd01);
	fake_ram_set(BASE - 4u, 0xd02);
	fake_ram_set(BASE, RET_PC + 3u);
	CHECK_EQ(run_sensitive(&v, 0xe8708006), EMU_DONE);     /* ldmda r0!, {r1, r2, pc}^ */
	CHECK_EQ(v.r[1], 0xd01);
	CHECK_EQ(v.r[2], 0xd02);
	CHECK_EQ(v.r[0], BASE - 12u);
	CHECK_EQ(v.cpsr, MODE_SYS | CPSR_T);
	CHECK_EQ(v.r[15], RET_PC + 2u);

	setup_svc(&v);
	v.bank[VBANK_SVC].spsr = MODE_USR;
	fake_ram_set(BASE + 4u, 0xe01);
	fake_ram_set(BASE + 8u, RET_PC);
	CHECK_EQ(run_sensitive(&v, 0xe9d08002), EMU_DONE);     /* ldmib r0, {r1, pc}^ */
	CHECK_EQ(v.r[1], 0xe01);
	CHECK_EQ(v.r[0], BASE);
	CHECK_EQ(v.r[15], RET_PC);
}

/* R[i] are the registers of the mode LDM ran in: FIQ's r8 here, not the User one. */
TEST(emu_ldm_exception_return_from_fiq)
{
	struct vcpu v;

	setup_fiq(&v);
	v.bank[VBANK_FIQ].spsr = MODE_SVC | CPSR_I;
	v.r[13] = BASE;
	fake_ram_set(BASE, 0xf88);
	fake_ram_set(BASE + 4u, RET_PC);
	CHECK_EQ(run_sensitive(&v, 0xe8fd8100), EMU_DONE);     /* ldmia sp!, {r8, pc}^ */
	CHECK_EQ(v.cpsr, MODE_SVC | CPSR_I);
	CHECK_EQ(v.r[8], 0x108);
	CHECK_EQ(v.r8_12_other[0], 0xf88);
	CHECK_EQ(v.bank[VBANK_FIQ].sp, BASE + 8u);
	CHECK_EQ(v.r[13], 0x80007000u);
	CHECK_EQ(v.r[15], RET_PC);
}

TEST(emu_exception_returns_undef_without_spsr)
{
	static const uint32_t insns[] = { 0xe8fd9fff, 0xe1b0f00e, 0xe25ef004 };
	static const uint32_t modes[] = { MODE_USR, MODE_SYS };
	struct vcpu v;

	for (unsigned m = 0; m < 2; m++) {
		for (unsigned i = 0; i < 3; i++) {
			setup_svc(&v);
			vcpu_switch_mode(&v, modes[m]);
			v.r[13] = BASE;
			CHECK_EQ(run_sensitive(&v, insns[i]), EMU_UNDEF);
			CHECK_EQ(v.r[13], BASE);
			CHECK_EQ(v.cpsr, modes[m] | CPSR_I);
			CHECK_EQ(v.r[15], FIXTURE_PC);
		}
	}
}

/* A faulting word aborts the whole instruction before any register changes. */
TEST(emu_ldm_fault_changes_nothing)
{
	struct vcpu v, before;

	setup_svc(&v);
	v.bank[VBANK_SVC].spsr = MODE_USR;
	v.r[13] = RAM_END - 8u;
	memcpy(&before, &v, sizeof(v));
	CHECK_EQ(run_sensitive(&v, 0xe8fd8003), EMU_DATA_ABORT);       /* ldmia sp!, {r0, r1, pc}^ */
	CHECK_EQ(v.fault_fsr, FS_EXT_ABORT);
	CHECK_EQ(v.fault_far, RAM_END);
	v.fault_fsr = v.fault_far = 0;
	CHECK(!memcmp(&v, &before, sizeof(v)));

	setup_svc(&v);
	v.r[0] = RAM_END - 8u;
	memcpy(&before, &v, sizeof(v));
	CHECK_EQ(run_sensitive(&v, 0xe8d07f00), EMU_DATA_ABORT);       /* ldm r0, {r8-r14}^ */
	CHECK_EQ(v.fault_fsr, FS_EXT_ABORT);
	CHECK_EQ(v.fault_far, RAM_END);
	v.fault_fsr = v.fault_far = 0;
	CHECK(!memcmp(&v, &before, sizeof(v)));
}

TEST(emu_stm_user_fault)
{
	struct vcpu v;

	setup_svc(&v);
	v.r[0] = RAM_END - 8u;
	CHECK_EQ(run_sensitive(&v, 0xe8c07f00), EMU_DATA_ABORT);       /* stmia r0, {r8-r14}^ */
	CHECK_EQ(v.fault_fsr, FS_EXT_ABORT | DFSR_WNR);
	CHECK_EQ(v.fault_far, RAM_END);
	CHECK_EQ(v.r[15], FIXTURE_PC);

	setup_svc(&v);
	v.r[0] = BASE + 2u;
	CHECK_EQ(run_sensitive(&v, 0xe8c07f00), EMU_DATA_ABORT);
	CHECK_EQ(v.fault_fsr, FS_ALIGN | DFSR_WNR);
	CHECK_EQ(v.fault_far, BASE + 2u);
}

TEST(emu_movs_pc_lr)
{
	struct vcpu v;

	setup_svc(&v);
	v.r[14] = RET_PC + 4u;
	v.bank[VBANK_SVC].spsr = MODE_USR | CPSR_C;
	CHECK_EQ(run_sensitive(&v, 0xe1b0f00e), EMU_DONE);     /* movs pc, lr */
	CHECK_EQ(v.r[15], RET_PC + 4u);
	CHECK_EQ(v.cpsr, MODE_USR | CPSR_C);
	CHECK_EQ(v.r[13], USR_SP);
	CHECK_EQ(v.r[14], USR_LR);
	CHECK_EQ(v.bank[VBANK_SVC].lr, RET_PC + 4u);

	setup_svc(&v);
	v.r[3] = RET_PC + 8u;
	v.bank[VBANK_SVC].spsr = MODE_USR;
	CHECK_EQ(run_sensitive(&v, 0xe1b0f003), EMU_DONE);     /* movs pc, r3 */
	CHECK_EQ(v.r[15], RET_PC + 8u);
}

TEST(emu_subs_pc_lr)
{
	struct vcpu v;

	setup_svc(&v);
	v.r[14] = RET_PC + 4u;
	v.bank[VBANK_SVC].spsr = MODE_USR | CPSR_Z;
	CHECK_EQ(run_sensitive(&v, 0xe25ef004), EMU_DONE);     /* subs pc, lr, #4 */
	CHECK_EQ(v.r[15], RET_PC);
	CHECK_EQ(v.cpsr, MODE_USR | CPSR_Z);

	setup_svc(&v);
	v.r[14] = RET_PC + 0x100u;
	v.bank[VBANK_SVC].spsr = MODE_USR;
	CHECK_EQ(run_sensitive(&v, 0xe25efc01), EMU_DONE);     /* subs pc, lr, #0x100 */
	CHECK_EQ(v.r[15], RET_PC);

	/* Return from IRQ to Thumb code in SVC mode. */
	setup_svc(&v);
	vcpu_switch_mode(&v, MODE_IRQ);
	v.r[14] = RET_PC + 5u;
	v.bank[VBANK_IRQ].spsr = MODE_SVC | CPSR_T;
	CHECK_EQ(run_sensitive(&v, 0xe25ef004), EMU_DONE);
	CHECK_EQ(v.r[15], RET_PC);
	CHECK_EQ(v.cpsr, MODE_SVC | CPSR_T);
	CHECK_EQ(v.r[13], 0x80007000u);
}
