/* CP14 debug registers: the real DBGDIDR, everything else RAZ/WI (ARM DDI 0406C C10.2). */
#include "arm_arch.h"
#include "fixture.h"
#include "hyp/emulate.h"
#include "test.h"

#define MRC_DBGDIDR_R3  0xee103e10u     /* mrc p14, 0, r3, c0, c0, 0 */
#define MRC_DBGOSDLR_R3 0xee113e93u     /* mrc p14, 0, r3, c1, c3, 4 */
#define MCR_DBGBVR0_R2  0xee002e90u     /* mcr p14, 0, r2, c0, c0, 4 */

TEST(cp14_dbgdidr_real_others_raz_wi)
{
	static const struct vcpu_id_regs id = { .dbgdidr = 0x3515f005u };
	struct vcpu v;

	fixture_vcpu(&v, MODE_SVC);
	v.id = &id;
	v.r[3] = 0xdeadbeefu;
	CHECK_EQ(emulate_cp14(&v, MRC_DBGDIDR_R3), EMU_DONE);
	CHECK_EQ(v.r[3], 0x3515f005u);
	CHECK_EQ(emulate_cp14(&v, MRC_DBGOSDLR_R3), EMU_DONE);
	CHECK_EQ(v.r[3], 0);
	v.r[2] = 0x1234u;
	CHECK_EQ(emulate_cp14(&v, MCR_DBGBVR0_R2), EMU_DONE);
	CHECK_EQ(v.r[15], FIXTURE_PC + 12u);
}

TEST(cp14_undefined_in_user_mode)
{
	struct vcpu v;

	fixture_vcpu(&v, MODE_USR);
	CHECK_EQ(emulate_cp14(&v, MRC_DBGDIDR_R3), EMU_UNDEF);
	CHECK_EQ(emulate_cp14(&v, 0xe1a00000u), EMU_UNSUPPORTED);
}
