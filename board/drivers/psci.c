#include <stdint.h>

#include "board/drivers/psci.h"
#include "hyp/psci_ids.h"

void psci_system_off(void)
{
	register uint32_t r0 __asm__("r0") = PSCI_FN_SYSTEM_OFF;

	__asm__ volatile(".arch_extension virt\n\thvc #0" : "+r"(r0) : : "memory");
	for (;;)
		__asm__ volatile("wfi");
}
