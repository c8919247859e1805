#include "hyp/guest_halt.h"

#define ARM_B_ALWAYS_SELF       0xeafffffeu     /* B<al> with offset -8: the PC reads 8 ahead */
#define THUMB_B_SELF            0xe7feu         /* 16-bit B (T2) with offset -4 */
#define THUMB2_B_W_SELF         0xbffef7ffu     /* 32-bit B.W (T4) with offset -4, halfwords swapped */

bool insn_branches_to_itself(uint32_t insn, bool thumb)
{
	if (!thumb)
		return insn == ARM_B_ALWAYS_SELF;
	return (insn & 0xffffu) == THUMB_B_SELF || insn == THUMB2_B_W_SELF;
}
