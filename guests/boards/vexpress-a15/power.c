/* Board shutdown through the V2M system configuration interface. */
#include <stdint.h>

#include "power.h"
#include "board.h"

static volatile uint32_t *sysreg(uint32_t offset)
{
	return (volatile uint32_t *)(SYSREG_BASE + offset);
}

_Noreturn void power_off(void)
{
	*sysreg(SYS_CFGDATA) = 0;
	*sysreg(SYS_CFGCTRL) = SYS_CFG_START | SYS_CFG_WRITE |
			       (SYS_CFG_FUNC_SHUTDOWN << SYS_CFG_FUNC_SHIFT);
	for (;;)
		;	/* QEMU exits on the shutdown request */
}
