/*
 * CP14 debug registers (ARM DDI 0406C C11.11): the real DBGDIDR, a debug
 * monitor the guest can enable, breakpoint/watchpoint/vector catch
 * registers that read back, everything else RAZ/WI.
 */
#include "arm_arch.h"
#include "fixture.h"
#include "hyp/emulate.h"
#include "test.h"

#define MRC_DBGDIDR_R3  0xee103e10u     /* mrc p14, 0, r3, c0, c0, 0 */
#define MRC_DBGOSDLR_R3 0xee113e93u     /* mrc p14, 0, r3, c1, c3, 4 */
#define MRC_DBGDSCRINT_R3 0xee103e11u   /* mrc p14, 0, r3, c0, c1, 0 */
#define MRC_DBGDSCREXT_R3 0xee103e52u   /* mrc p14, 0, r3, c0, c2, 2 */
#define MCR_DBGDSCREXT_R2 0xee002e52u   /* mcr p14, 0, r2, c0, c2, 2 */

/* mcr/mrc p14, 0, Rt, c0, c<crm>, <opc2> */
static uint32_t debug_insn(bool read, unsigned rt, unsigned crm, unsigned opc2)
{
	return 0xee000e10u | (read ? 1u << 20 : 0u) | (rt << 12) | (opc2 << 5) | crm;
}

static const struct vcpu_id_regs id = { .dbgdidr = 0x3515f005u };

static void setup(struct vcpu *v)
{
	fixture_vcpu(v, MODE_SVC);
	v->id = &id;
	v->debug = (struct vcpu_debug){ 0 };
}

TEST(cp14_dbgdidr_real_os_registers_raz_wi)
{
	struct vcpu v;

	setup(&v);
	v.r[3] = 0xdeadbeefu;
	CHECK_EQ(emulate_cp14(&v, MRC_DBGDIDR_R3), EMU_DONE);
	CHECK_EQ(v.r[3], 0x3515f005u);
	CHECK_EQ(emulate_cp14(&v, MRC_DBGOSDLR_R3), EMU_DONE);
	CHECK_EQ(v.r[3], 0);
	CHECK_EQ(v.r[15], FIXTURE_PC + 8u);
}

/* Linux enables monitor mode through DBGDSCRext and checks it in DBGDSCRint. */
TEST(cp14_monitor_mode_enable_reads_back)
{
	struct vcpu v;

	setup(&v);
	CHECK_EQ(emulate_cp14(&v, MRC_DBGDSCRINT_R3), EMU_DONE);
	CHECK_EQ(v.r[3], 0);
	v.r[2] = 0xffffffffu;           /* only MDBGen is writable here */
	CHECK_EQ(emulate_cp14(&v, MCR_DBGDSCREXT_R2), EMU_DONE);
	CHECK_EQ(emulate_cp14(&v, MRC_DBGDSCRINT_R3), EMU_DONE);
	CHECK_EQ(v.r[3], 1u << 15);
	CHECK_EQ(emulate_cp14(&v, MRC_DBGDSCREXT_R3), EMU_DONE);
	CHECK_EQ(v.r[3], 1u << 15);
	v.r[2] = 0;
	CHECK_EQ(emulate_cp14(&v, MCR_DBGDSCREXT_R2), EMU_DONE);
	CHECK_EQ(emulate_cp14(&v, MRC_DBGDSCRINT_R3), EMU_DONE);
	CHECK_EQ(v.r[3], 0);
}

TEST(cp14_breakpoint_watchpoint_registers_read_back)
{
	struct vcpu v;

	setup(&v);
	for (unsigned n = 0; n < 16; n++) {
		for (unsigned opc2 = 4; opc2 <= 7; opc2++) {
			v.r[2] = 0x1000u * n + opc2;
			CHECK_EQ(emulate_cp14(&v, debug_insn(false, 2, n, opc2)), EMU_DONE);
		}
	}
	for (unsigned n = 0; n < 16; n++) {
		for (unsigned opc2 = 4; opc2 <= 7; opc2++) {
			CHECK_EQ(emulate_cp14(&v, debug_insn(true, 4, n, opc2)), EMU_DONE);
			CHECK_EQ(v.r[4], 0x1000u * n + opc2);
		}
	}
	v.r[2] = 0xdbu;                 /* DBGVCR: c0, c7, 0 */
	CHECK_EQ(emulate_cp14(&v, debug_insn(false, 2, 7, 0)), EMU_DONE);
	CHECK_EQ(emulate_cp14(&v, debug_insn(true, 5, 7, 0)), EMU_DONE);
	CHECK_EQ(v.r[5], 0xdbu);
	CHECK_EQ(v.debug.bvr[3], 0x3004u);
	CHECK_EQ(v.debug.wcr[15], 0xf007u);
}

/* Other opc1 values and unknown registers: zero, writes ignored. */
TEST(cp14_other_registers_raz_wi)
{
	struct vcpu v;

	setup(&v);
	v.r[2] = 0x55u;
	CHECK_EQ(emulate_cp14(&v, debug_insn(false, 2, 5, 0)), EMU_DONE);    /* c0, c5, 0: DBGDTRTXint */
	CHECK_EQ(emulate_cp14(&v, debug_insn(true, 3, 5, 0)), EMU_DONE);
	CHECK_EQ(v.r[3], 0);
	CHECK_EQ(emulate_cp14(&v, 0xee303e10u), EMU_DONE);  /* mrc p14, 1, r3, c0, c0, 0 */
	CHECK_EQ(v.r[3], 0);
	CHECK_EQ(v.debug.dscr, 0);
}

TEST(cp14_condition_failed_is_skipped)
{
	struct vcpu v;

	setup(&v);
	v.cpsr |= 1u << 30;             /* Z set: NE fails */
	v.r[2] = 1u << 15;
	CHECK_EQ(emulate_cp14(&v, (MCR_DBGDSCREXT_R2 & 0x0fffffffu) | 0x10000000u), EMU_DONE);
	CHECK_EQ(v.debug.dscr, 0);
	CHECK_EQ(v.r[15], FIXTURE_PC + 4u);
}

TEST(cp14_undefined_in_user_mode)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_USR);
	CHECK_EQ(emulate_cp14(&v, MRC_DBGDIDR_R3), EMU_UNDEF);
	CHECK_EQ(emulate_cp14(&v, 0xe1a00000u), EMU_UNSUPPORTED);
}
