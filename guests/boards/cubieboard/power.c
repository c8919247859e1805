/*
 * The cubieboard has no power-off QEMU acts on: the guest ends the run
 * with semihosting SYS_EXIT (ARM DUI 0471: SVC 0x123456, r0 = 0x18, r1 =
 * ADP_Stopped_ApplicationExit), which QEMU honours with -semihosting.
 */
#include <stdint.h>

#include "power.h"

#define SYS_EXIT                        0x18u
#define ADP_STOPPED_APPLICATION_EXIT    0x20026u

_Noreturn void power_off(void)
{
	register uint32_t r0 __asm__("r0") = SYS_EXIT;
	register uint32_t r1 __asm__("r1") = ADP_STOPPED_APPLICATION_EXIT;

	__asm__ volatile("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory");
	for (;;)
		;
}
