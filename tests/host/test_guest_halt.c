/* What the hypervisor's tick takes for a halted guest: a branch to itself. */
#include "hyp/guest_halt.h"
#include "test.h"

TEST(guest_halt_arm_branch_to_itself)
{
	CHECK(insn_branches_to_itself(0xeafffffeu, false));     /* b . */
	CHECK(!insn_branches_to_itself(0xeafffffdu, false));    /* b .-4 */
	CHECK(!insn_branches_to_itself(0x1afffffeu, false));    /* bne . : leaves once Z is set */
	CHECK(!insn_branches_to_itself(0xebfffffeu, false));    /* bl . : changes lr, still a loop, not ours */
	CHECK(!insn_branches_to_itself(0xe320f003u, false));    /* wfi */
	CHECK(!insn_branches_to_itself(0x0000e7feu, false));    /* Thumb's b . read as ARM */
}

TEST(guest_halt_thumb_branch_to_itself)
{
	CHECK(insn_branches_to_itself(0x0000e7feu, true));      /* b . (16-bit) */
	CHECK(insn_branches_to_itself(0x4770e7feu, true));      /* whatever follows it */
	CHECK(insn_branches_to_itself(0xbffef7ffu, true));      /* b.w . */
	CHECK(!insn_branches_to_itself(0xe7fe0000u, true));     /* the next halfword, not this one */
	CHECK(!insn_branches_to_itself(0x0000e7fdu, true));     /* b .-2 */
	CHECK(!insn_branches_to_itself(0xfffef7ffu, true));     /* bl . */
	CHECK(!insn_branches_to_itself(0xeafffffeu, true));     /* ARM's b . read as Thumb */
}
