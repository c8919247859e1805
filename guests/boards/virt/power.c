/* Power-off through PSCI SYSTEM_OFF (ARM DEN 0022), by HVC as QEMU virt's device tree says. */
#include <stdint.h>

#include "power.h"

#define PSCI_SYSTEM_OFF 0x84000008u

_Noreturn void power_off(void)
{
	register uint32_t r0 __asm__("r0") = PSCI_SYSTEM_OFF;

	__asm__ volatile(".arch_extension virt\n\thvc #0" : "+r"(r0) : : "memory");
	for (;;)
		;	/* QEMU exits on SYSTEM_OFF */
}
