/* SWP and SWPB (ARM only), deprecated and disabled in ARMv7 (SCTLR.SW = 0,
 * so UNDEFINED); Linux emulates them (CONFIG_SWP_EMULATE). Encoded with
 * .inst: the assembler rejects them for ARMv7. */
#include "asm.h"

	.syntax unified
	.text

/* uint32_t ut_swp(uintptr_t addr, uint32_t value): returns the old word */
ARM_FUNC(ut_swp)
	mov	r2, r0
LABEL(ut_swp_at)
	.inst	0xe1020091		@ swp r0, r1, [r2]
	bx	lr
END(ut_swp)

/* uint32_t ut_swpb(uintptr_t addr, uint32_t value): returns the old byte */
ARM_FUNC(ut_swpb)
	mov	r2, r0
LABEL(ut_swpb_at)
	.inst	0xe1420091		@ swpb r0, r1, [r2]
	bx	lr
END(ut_swpb)

NOEXEC_STACK
