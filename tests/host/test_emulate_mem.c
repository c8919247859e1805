/*
 * Decoding and performing single loads and stores (ARM DDI 0406C A5.3
 * load/store word and unsigned byte, A5.2.8 extra load/store, A8.4.1
 * DecodeImmShift). Encodings from arm-none-eabi-as.
 */
#include "arm_arch.h"
#include "fixture.h"
#include "hyp/emulate_mem.h"
#include "test.h"

#define BASE 0x80008000u

/* The accesses emulate_mem() made, and one address that faults with `fault_fsr`. */
struct mem_log {
	unsigned count;
	uint32_t addr[2];
	unsigned size[2];
	bool write[2];
	uint32_t fault_addr, fault_fsr;
};

static struct mem_log mlog;

static uint32_t logged_access(void *ctx, uint32_t addr, unsigned size, bool write, uint32_t *value)
{
	struct mem_log *l = ctx;

	if (l->count < 2) {
		l->addr[l->count] = addr;
		l->size[l->count] = size;
		l->write[l->count] = write;
	}
	l->count++;
	if (l->fault_fsr && addr == l->fault_addr)
		return l->fault_fsr;
	return fake_ram_access(addr, size, write, value);
}

static void setup(struct vcpu *v)
{
	fake_ram_reset();
	memset(&mlog, 0, sizeof(mlog));
	fixture_vcpu(v, MODE_SVC);
	v->r[1] = v->r[3] = BASE;
}

static enum emu_result run(struct vcpu *v, uint32_t insn)
{
	return emulate_mem(v, insn, logged_access, &mlog);
}

/* One access of `size` bytes at `addr` was made. */
static void check_access(uint32_t addr, unsigned size, bool write)
{
	if (mlog.count != 1 || mlog.addr[0] != addr || mlog.size[0] != size || mlog.write[0] != write)
		FAIL("%u accesses, first: addr 0x%08x size %u write %d; expected addr 0x%08x size %u write %d",
		     mlog.count, mlog.addr[0], mlog.size[0], mlog.write[0], addr, size, write);
	memset(&mlog, 0, sizeof(mlog));
}

TEST(mem_ldr_immediate_offset)
{
	struct vcpu v;

	setup(&v);
	fake_ram_set(BASE + 4u, 0x11223344u);
	fake_ram_set(BASE - 4u, 0x55667788u);
	CHECK_EQ(run(&v, 0xe5910004), EMU_DONE);       /* ldr r0, [r1, #4] */
	check_access(BASE + 4u, 4, false);
	CHECK_EQ(v.r[0], 0x11223344u);
	CHECK_EQ(v.r[1], BASE);
	CHECK_EQ(v.r[15], FIXTURE_PC + 4u);
	CHECK_EQ(run(&v, 0xe5110004), EMU_DONE);       /* ldr r0, [r1, #-4] */
	CHECK_EQ(v.r[0], 0x55667788u);
	CHECK_EQ(v.r[1], BASE);
}

TEST(mem_ldr_pre_index_writeback)
{
	struct vcpu v;

	setup(&v);
	fake_ram_set(BASE + 4u, 0x11223344u);
	fake_ram_set(BASE - 4u, 0x55667788u);
	CHECK_EQ(run(&v, 0xe5b10004), EMU_DONE);       /* ldr r0, [r1, #4]! */
	CHECK_EQ(v.r[0], 0x11223344u);
	CHECK_EQ(v.r[1], BASE + 4u);
	v.r[1] = BASE;
	CHECK_EQ(run(&v, 0xe5310004), EMU_DONE);       /* ldr r0, [r1, #-4]! */
	CHECK_EQ(v.r[0], 0x55667788u);
	CHECK_EQ(v.r[1], BASE - 4u);
}

TEST(mem_ldr_post_index)
{
	struct vcpu v;

	setup(&v);
	fake_ram_set(BASE, 0x99aabbccu);
	CHECK_EQ(run(&v, 0xe4910004), EMU_DONE);       /* ldr r0, [r1], #4 */
	check_access(BASE, 4, false);
	CHECK_EQ(v.r[0], 0x99aabbccu);
	CHECK_EQ(v.r[1], BASE + 4u);
	v.r[1] = BASE;
	CHECK_EQ(run(&v, 0xe4110004), EMU_DONE);       /* ldr r0, [r1], #-4 */
	CHECK_EQ(v.r[0], 0x99aabbccu);
	CHECK_EQ(v.r[1], BASE - 4u);
}

TEST(mem_str_immediate)
{
	struct vcpu v;

	setup(&v);
	v.r[2] = 0xcafef00du;
	CHECK_EQ(run(&v, 0xe5832008), EMU_DONE);       /* str r2, [r3, #8] */
	check_access(BASE + 8u, 4, true);
	CHECK_EQ(fake_ram_get(BASE + 8u), 0xcafef00du);
	CHECK_EQ(v.r[3], BASE);
	CHECK_EQ(run(&v, 0xe5232008), EMU_DONE);       /* str r2, [r3, #-8]! */
	CHECK_EQ(fake_ram_get(BASE - 8u), 0xcafef00du);
	CHECK_EQ(v.r[3], BASE - 8u);
	v.r[3] = BASE;
	CHECK_EQ(run(&v, 0xe483200c), EMU_DONE);       /* str r2, [r3], #12 */
	CHECK_EQ(fake_ram_get(BASE), 0xcafef00du);
	CHECK_EQ(v.r[3], BASE + 12u);
	CHECK_EQ(v.r[15], FIXTURE_PC + 12u);
}

/* Register offsets: the address and writeback decoded for each shift type. */
TEST(mem_register_offset_shifts)
{
	static const struct {
		uint32_t insn, rm, carry, addr;
		bool writeback;
		uint32_t wback;
		const char *text;
	} c[] = {
		{ 0xe7910002, 8, 0, BASE + 8u, false, 0, "ldr r0, [r1, r2]" },
		{ 0xe7110002, 8, 0, BASE - 8u, false, 0, "ldr r0, [r1, -r2]" },
		{ 0xe7910102, 3, 0, BASE + 12u, false, 0, "ldr r0, [r1, r2, lsl #2]" },
		{ 0xe79100a2, 0x10, 0, BASE + 8u, false, 0, "ldr r0, [r1, r2, lsr #1]" },
		{ 0xe7910022, 0x80000000u, 0, BASE, false, 0, "ldr r0, [r1, r2, lsr #32]" },
		{ 0xe7910142, 0xfffffff0u, 0, BASE - 4u, false, 0, "ldr r0, [r1, r2, asr #2]" },
		{ 0xe7910042, 0x80000000u, 0, BASE - 1u, false, 0, "ldr r0, [r1, r2, asr #32]" },
		{ 0xe7910042, 0x7fffffffu, 0, BASE, false, 0, "ldr r0, [r1, r2, asr #32]" },
		{ 0xe7910462, 0x00000c00u, 0, BASE + 12u, false, 0, "ldr r0, [r1, r2, ror #8]" },
		{ 0xe7910062, 0x10, 0, BASE + 8u, false, 0, "ldr r0, [r1, r2, rrx] C=0" },
		{ 0xe7910062, 0x10, 1, BASE + 0x80000008u, false, 0, "ldr r0, [r1, r2, rrx] C=1" },
		{ 0xe7b10102, 3, 0, BASE + 12u, true, BASE + 12u, "ldr r0, [r1, r2, lsl #2]!" },
		{ 0xe6910002, 8, 0, BASE, true, BASE + 8u, "ldr r0, [r1], r2" },
		{ 0xe7010182, 2, 0, BASE - 16u, false, 0, "str r0, [r1, -r2, lsl #3]" },
	};
	struct vcpu v;
	struct mem_access m;

	for (unsigned i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		setup(&v);
		v.r[2] = c[i].rm;
		v.cpsr |= c[i].carry ? CPSR_C : 0;
		if (!insn_decode_mem(&v, c[i].insn, &m))
			FAIL("%s: not decoded", c[i].text);
		if (m.addr != c[i].addr || m.writeback != c[i].writeback ||
		    (c[i].writeback && m.wback_value != c[i].wback))
			FAIL("%s: addr 0x%08x writeback %d (0x%08x)", c[i].text, m.addr,
			     m.writeback, m.wback_value);
		if (m.size != 4 || m.rn != 1 || m.rt != 0 || m.sign_extend)
			FAIL("%s: size %u rn %u rt %u", c[i].text, m.size, m.rn, m.rt);
	}

	setup(&v);
	v.r[2] = 3;
	fake_ram_set(BASE + 12u, 0x0badf00du);
	CHECK_EQ(run(&v, 0xe7b10102), EMU_DONE);
	CHECK_EQ(v.r[0], 0x0badf00du);
	CHECK_EQ(v.r[1], BASE + 12u);
	v.r[0] = 0x600dcafeu;
	v.r[1] = BASE;
	CHECK_EQ(run(&v, 0xe7010182), EMU_DONE);       /* str r0, [r1, -r2, lsl #3] */
	CHECK_EQ(fake_ram_get(BASE - 24u), 0x600dcafeu);
}

TEST(mem_byte_accesses)
{
	struct vcpu v;

	setup(&v);
	fake_ram_set(BASE, 0xf0223344u);
	CHECK_EQ(run(&v, 0xe5d10003), EMU_DONE);       /* ldrb r0, [r1, #3] */
	check_access(BASE + 3u, 1, false);
	CHECK_EQ(v.r[0], 0xf0u);
	v.r[0] = 0xffffffabu;
	CHECK_EQ(run(&v, 0xe5c10001), EMU_DONE);       /* strb r0, [r1, #1] */
	check_access(BASE + 1u, 1, true);
	CHECK_EQ(fake_ram_get(BASE), 0xf022ab44u);
	CHECK_EQ(run(&v, 0xe4d10001), EMU_DONE);       /* ldrb r0, [r1], #1 */
	CHECK_EQ(v.r[0], 0x44u);
	CHECK_EQ(v.r[1], BASE + 1u);
	v.r[0] = 0x77;
	v.r[2] = 2;
	CHECK_EQ(run(&v, 0xe7c10002), EMU_DONE);       /* strb r0, [r1, r2] */
	CHECK_EQ(fake_ram_get(BASE), 0x7722ab44u);
}

TEST(mem_halfword_accesses)
{
	struct vcpu v;

	setup(&v);
	fake_ram_set(BASE, 0x80015678u);
	fake_ram_set(BASE - 4u, 0xaaaabbbbu);
	CHECK_EQ(run(&v, 0xe1d100b2), EMU_DONE);       /* ldrh r0, [r1, #2] */
	check_access(BASE + 2u, 2, false);
	CHECK_EQ(v.r[0], 0x8001u);
	v.r[0] = 0xffff1234u;
	CHECK_EQ(run(&v, 0xe16100b2), EMU_DONE);       /* strh r0, [r1, #-2]! */
	check_access(BASE - 2u, 2, true);
	CHECK_EQ(fake_ram_get(BASE - 4u), 0x1234bbbbu);
	CHECK_EQ(v.r[1], BASE - 2u);
	v.r[1] = BASE;
	CHECK_EQ(run(&v, 0xe0d100b6), EMU_DONE);       /* ldrh r0, [r1], #6 */
	CHECK_EQ(v.r[0], 0x5678u);
	CHECK_EQ(v.r[1], BASE + 6u);
	v.r[1] = BASE;
	v.r[2] = 2;
	CHECK_EQ(run(&v, 0xe19100b2), EMU_DONE);       /* ldrh r0, [r1, r2] */
	CHECK_EQ(v.r[0], 0x8001u);
}

TEST(mem_signed_loads)
{
	struct vcpu v;

	setup(&v);
	fake_ram_set(BASE, 0x80018000u);
	CHECK_EQ(run(&v, 0xe1d100d1), EMU_DONE);       /* ldrsb r0, [r1, #1] */
	check_access(BASE + 1u, 1, false);
	CHECK_EQ(v.r[0], 0xffffff80u);
	CHECK_EQ(run(&v, 0xe1d100f2), EMU_DONE);       /* ldrsh r0, [r1, #2] */
	check_access(BASE + 2u, 2, false);
	CHECK_EQ(v.r[0], 0xffff8001u);

	fake_ram_set(BASE, 0x7fff7f00u);
	CHECK_EQ(run(&v, 0xe1d100d1), EMU_DONE);
	CHECK_EQ(v.r[0], 0x7fu);
	CHECK_EQ(run(&v, 0xe1d100f2), EMU_DONE);
	CHECK_EQ(v.r[0], 0x7fffu);

	fake_ram_set(BASE - 4u, 0xfe000000u);
	v.r[2] = 1;
	CHECK_EQ(run(&v, 0xe11100d2), EMU_DONE);       /* ldrsb r0, [r1, -r2] */
	CHECK_EQ(v.r[0], 0xfffffffeu);
}

TEST(mem_doubleword_accesses)
{
	struct vcpu v;

	setup(&v);
	fake_ram_set(BASE + 8u, 0x11111111u);
	fake_ram_set(BASE + 12u, 0x22222222u);
	CHECK_EQ(run(&v, 0xe1c140d8), EMU_DONE);       /* ldrd r4, r5, [r1, #8] */
	CHECK_EQ(v.r[4], 0x11111111u);
	CHECK_EQ(v.r[5], 0x22222222u);
	CHECK_EQ(mlog.count, 2);
	CHECK_EQ(mlog.addr[1], BASE + 12u);

	v.r[4] = 0x33333333u;
	v.r[5] = 0x44444444u;
	CHECK_EQ(run(&v, 0xe16140f8), EMU_DONE);       /* strd r4, r5, [r1, #-8]! */
	CHECK_EQ(fake_ram_get(BASE - 8u), 0x33333333u);
	CHECK_EQ(fake_ram_get(BASE - 4u), 0x44444444u);
	CHECK_EQ(v.r[1], BASE - 8u);

	v.r[1] = BASE - 8u;
	CHECK_EQ(run(&v, 0xe0c121d0), EMU_DONE);       /* ldrd r2, r3, [r1], #16 */
	CHECK_EQ(v.r[2], 0x33333333u);
	CHECK_EQ(v.r[3], 0x44444444u);
	CHECK_EQ(v.r[1], BASE + 8u);

	v.r[1] = BASE;
	v.r[2] = 0x20;
	v.r[6] = 0x66666666u;
	v.r[7] = 0x77777777u;
	CHECK_EQ(run(&v, 0xe18160f2), EMU_DONE);       /* strd r6, r7, [r1, r2] */
	CHECK_EQ(fake_ram_get(BASE + 0x20u), 0x66666666u);
	CHECK_EQ(fake_ram_get(BASE + 0x24u), 0x77777777u);
	CHECK_EQ(v.r[15], FIXTURE_PC + 16u);
}

TEST(mem_decode_fields)
{
	struct vcpu v;
	struct mem_access m;

	setup(&v);
	CHECK(insn_decode_mem(&v, 0xe16140f8, &m));    /* strd r4, r5, [r1, #-8]! */
	CHECK_EQ(m.addr, BASE - 8u);
	CHECK_EQ(m.size, 8);
	CHECK(!m.load && !m.sign_extend && m.writeback);
	CHECK_EQ(m.rt, 4);
	CHECK_EQ(m.rn, 1);
	CHECK_EQ(m.wback_value, BASE - 8u);
	CHECK(insn_decode_mem(&v, 0xe1d100f2, &m));    /* ldrsh r0, [r1, #2] */
	CHECK(m.load && m.sign_extend && !m.writeback);
	CHECK_EQ(m.size, 2);
	CHECK(!insn_decode_mem(&v, 0xe0810002, &m));   /* add r0, r1, r2 */
	CHECK(!insn_decode_mem(&v, 0xe1c131d0, &m));   /* ldrd r3, r4: odd Rt (hand-built) */
	CHECK(!insn_decode_mem(&v, 0xe1c1e0d0, &m));   /* ldrd r14, r15: Rt2 = PC (hand-built) */
	CHECK(!insn_decode_mem(&v, 0xf5dff008, &m));   /* pld */
}

/* STR of the PC stores PCStoreValue(): the instruction's address + 8. */
TEST(mem_pc_operands)
{
	struct vcpu v;

	setup(&v);
	CHECK_EQ(run(&v, 0xe581f000), EMU_DONE);       /* str pc, [r1] */
	CHECK_EQ(fake_ram_get(BASE), FIXTURE_PC + 8u);
	fake_ram_set(FIXTURE_PC + 16u, 0x1234u);
	CHECK_EQ(run(&v, 0xe59f0004), EMU_DONE);       /* ldr r0, [pc, #4] at FIXTURE_PC + 4 */
	CHECK_EQ(v.r[0], 0x1234u);
}

TEST(mem_condition_failed)
{
	struct vcpu v;

	setup(&v);
	v.cpsr |= CPSR_Z;
	v.r[0] = 0x5a5a;
	CHECK_EQ(run(&v, 0x15910000), EMU_DONE);       /* ldrne r0, [r1] */
	CHECK_EQ(mlog.count, 0);
	CHECK_EQ(v.r[0], 0x5a5a);
	CHECK_EQ(v.r[15], FIXTURE_PC + 4u);
}

TEST(mem_unsupported)
{
	struct vcpu v;

	setup(&v);
	CHECK_EQ(run(&v, 0xe0810002), EMU_UNSUPPORTED);        /* add r0, r1, r2 */
	CHECK_EQ(run(&v, 0xe591f000), EMU_UNSUPPORTED);        /* ldr pc, [r1] */
	CHECK_EQ(mlog.count, 0);
	CHECK_EQ(v.r[15], FIXTURE_PC);
}

/* The callback's status is reported as is, plus WnR for stores; DFAR is the address. */
TEST(mem_fault_changes_no_register)
{
	static const struct {
		uint32_t insn, fault_addr;
		bool store;
		const char *text;
	} c[] = {
		{ 0xe5b10004, BASE + 4u, false, "ldr r0, [r1, #4]!" },
		{ 0xe4910004, BASE, false, "ldr r0, [r1], #4" },
		{ 0xe5232008, BASE - 8u, true, "str r2, [r3, #-8]!" },
		{ 0xe16100b2, BASE - 2u, true, "strh r0, [r1, #-2]!" },
		{ 0xe1c140d8, BASE + 8u, false, "ldrd r4, r5, [r1, #8] (first word)" },
		{ 0xe1c140d8, BASE + 12u, false, "ldrd r4, r5, [r1, #8] (second word)" },
		{ 0xe16140f8, BASE - 4u, true, "strd r4, r5, [r1, #-8]! (second word)" },
	};
	struct vcpu v, before;

	for (unsigned i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		setup(&v);
		for (unsigned r = 0; r < 8; r++)
			if (r != 1 && r != 3)
				v.r[r] = 0xa0a0a000u + r;
		mlog.fault_addr = c[i].fault_addr;
		mlog.fault_fsr = 0x3fu;         /* permission fault, page, domain 3 */
		memcpy(&before, &v, sizeof(v));
		if (run(&v, c[i].insn) != EMU_DATA_ABORT)
			FAIL("%s: no data abort", c[i].text);
		if (v.fault_fsr != (c[i].store ? 0x3fu | DFSR_WNR : 0x3fu))
			FAIL("%s: DFSR 0x%x", c[i].text, v.fault_fsr);
		v.fault_fsr = v.fault_far = 0;
		if (memcmp(&v, &before, sizeof(v)))
			FAIL("%s: a register changed", c[i].text);
	}
}

TEST(mem_fault_address)
{
	struct vcpu v;

	setup(&v);
	mlog.fault_addr = BASE - 8u;
	mlog.fault_fsr = 0x3fu;
	CHECK_EQ(run(&v, 0xe5232008), EMU_DATA_ABORT);         /* str r2, [r3, #-8]! */
	CHECK_EQ(v.fault_far, BASE - 8u);
	setup(&v);
	mlog.fault_addr = BASE;
	mlog.fault_fsr = 0x3fu;
	CHECK_EQ(run(&v, 0xe4910004), EMU_DATA_ABORT);         /* ldr r0, [r1], #4 */
	CHECK_EQ(v.fault_far, BASE);
}

/* DFAR holds the faulting address (B4.1, "DFAR"): for LDRD, the second word's when it faults. */
TEST(mem_fault_address_ldrd_second_word)
{
	struct vcpu v;

	setup(&v);
	mlog.fault_addr = BASE + 12u;
	mlog.fault_fsr = 0x3fu;
	CHECK_EQ(run(&v, 0xe1c140d8), EMU_DATA_ABORT);         /* ldrd r4, r5, [r1, #8] */
	CHECK_EQ(v.fault_far, BASE + 12u);
}

/* LDM/STM without ^: addresses of all four modes, writeback (A8.8.58-A8.8.61, A8.8.199-A8.8.202). */
TEST(mem_block_transfers)
{
	struct vcpu v;

	setup(&v);
	fake_ram_set(BASE, 0x10u);
	fake_ram_set(BASE + 4u, 0x14u);
	fake_ram_set(BASE + 8u, 0x18u);
	CHECK_EQ(run(&v, 0xe8910005), EMU_DONE);       /* ldm r1, {r0, r2} */
	CHECK_EQ(v.r[0], 0x10u);
	CHECK_EQ(v.r[2], 0x14u);
	CHECK_EQ(v.r[1], BASE);
	CHECK_EQ(v.r[15], FIXTURE_PC + 4u);

	setup(&v);
	v.r[2] = 0xaa;
	v.r[3] = 0xbb;
	CHECK_EQ(run(&v, 0xe921000c), EMU_DONE);       /* stmdb r1!, {r2, r3} */
	CHECK_EQ(fake_ram_get(BASE - 8u), 0xaau);
	CHECK_EQ(fake_ram_get(BASE - 4u), 0xbbu);
	CHECK_EQ(v.r[1], BASE - 8u);

	setup(&v);
	v.r[2] = 0xcc;
	v.r[3] = 0xdd;
	CHECK_EQ(run(&v, 0xe801000c), EMU_DONE);       /* stmda r1, {r2, r3} */
	CHECK_EQ(fake_ram_get(BASE - 4u), 0xccu);
	CHECK_EQ(fake_ram_get(BASE), 0xddu);
	CHECK_EQ(v.r[1], BASE);

	/* LDMIB loading its own base: the loaded value wins, no writeback. */
	setup(&v);
	fake_ram_set(BASE + 4u, 0x1111u);
	fake_ram_set(BASE + 8u, 0x2222u);
	CHECK_EQ(run(&v, 0xe9910006), EMU_DONE);       /* ldmib r1, {r1, r2} */
	CHECK_EQ(v.r[1], 0x1111u);
	CHECK_EQ(v.r[2], 0x2222u);
}

/* LDM with the PC branches, to Thumb state when bit 0 is set (LoadWritePC). */
TEST(mem_block_ldm_pc)
{
	struct vcpu v;

	setup(&v);
	fake_ram_set(BASE, 0x1234u);
	fake_ram_set(BASE + 4u, 0x80001001u);
	CHECK_EQ(run(&v, 0xe8918002), EMU_DONE);       /* ldm r1, {r1, pc} */
	CHECK_EQ(v.r[1], 0x1234u);
	CHECK_EQ(v.r[15], 0x80001000u);
	CHECK(v.cpsr & CPSR_T);
}

/* A fault on any word leaves every register as it was; DFAR is that word. */
TEST(mem_block_fault_changes_nothing)
{
	struct vcpu v;

	setup(&v);
	mlog.fault_addr = BASE + 4u;
	mlog.fault_fsr = 0x8u;
	CHECK_EQ(run(&v, 0xe8910005), EMU_DATA_ABORT);  /* ldm r1, {r0, r2} */
	CHECK_EQ(v.fault_far, BASE + 4u);
	CHECK_EQ(v.fault_fsr, 0x8u);
	CHECK_EQ(v.r[0], 0);
	CHECK_EQ(v.r[15], FIXTURE_PC);

	setup(&v);
	mlog.fault_addr = BASE - 4u;
	mlog.fault_fsr = 0x8u;
	CHECK_EQ(run(&v, 0xe921000c), EMU_DATA_ABORT);  /* stmdb r1!, {r2, r3} */
	CHECK_EQ(v.fault_fsr, 0x808u);                  /* WnR */
	CHECK_EQ(v.r[1], BASE);
}
