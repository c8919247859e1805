/*
 * reset_once: asks the board for a reset, then finds itself started again.
 * A word in RAM outside its image and .bss outlives the reset (QEMU's
 * vexpress keeps RAM and loads the image again, as the hypervisor does for a
 * guest configured with restarts), so the second start knows it is one.
 */
#include <stdint.h>

#include "board.h"
#include "uart.h"

#define SYS_CFG_FUNC_REBOOT     9u
#define BOOT_MARK_ADDR          (RAM_BASE + 0x00800000u)      /* past the image, the .bss and the stack */
#define BOOT_MARK               0x5ee0b007u

static volatile uint32_t *sysreg(uint32_t offset)
{
	return (volatile uint32_t *)(SYSREG_BASE + offset);
}

int main(void)
{
	volatile uint32_t *mark = (volatile uint32_t *)BOOT_MARK_ADDR;

	if (*mark == BOOT_MARK) {
		uart_puts("reset_once: started again after the reset\n");
		*mark = 0;
		uart_puts("reset_once: done\n");
		return 0;
	}
	uart_puts("reset_once: first start, asking for a reset\n");
	*mark = BOOT_MARK;
	*sysreg(SYS_CFGDATA) = 0;
	*sysreg(SYS_CFGCTRL) = SYS_CFG_START | SYS_CFG_WRITE | (SYS_CFG_FUNC_REBOOT << SYS_CFG_FUNC_SHIFT);
	for (;;)
		;       /* the board resets */
}
