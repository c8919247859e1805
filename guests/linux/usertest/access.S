/* Load and store primitives, ARM and Thumb: the access is the first
 * instruction, so a fault's PC is the function's address. */
#include "asm.h"

	.syntax unified
	.text

/* uint32_t ut_ld_arm(uintptr_t addr, uint32_t unused) */
ARM_FUNC(ut_ld_arm)
	ldr	r0, [r0]
	bx	lr
END(ut_ld_arm)

/* uint32_t ut_st_arm(uintptr_t addr, uint32_t value): returns 0 */
ARM_FUNC(ut_st_arm)
	str	r1, [r0]
	mov	r0, #0
	bx	lr
END(ut_st_arm)

THUMB_FUNC(ut_ld_thumb)
	ldr	r0, [r0]
	bx	lr
END(ut_ld_thumb)

THUMB_FUNC(ut_st_thumb)
	str	r1, [r0]
	movs	r0, #0
	bx	lr
END(ut_st_thumb)

NOEXEC_STACK
