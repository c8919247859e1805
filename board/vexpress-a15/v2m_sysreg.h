/* Versatile Express motherboard system registers (ARM DUI 0447). */
#ifndef BOARD_VEXPRESS_A15_V2M_SYSREG_H
#define BOARD_VEXPRESS_A15_V2M_SYSREG_H

#include <stdint.h>

#include "board/board.h"

#define V2M_SYSREG_BASE         0x1c010000u
#define V2M_SYSREG_SIZE         0x1000u

#define SYS_CFGDATA             0xa0u
#define SYS_CFGCTRL             0xa4u
#define SYS_CFGSTAT             0xa8u

#define SYS_CFGCTRL_START       (1u << 31)
#define SYS_CFGCTRL_WRITE       (1u << 30)
#define SYS_CFGCTRL_FUNC_SHIFT  20u
#define SYS_CFGCTRL_FUNC_MASK   0x3fu
#define SYS_CFG_FUNC_SHUTDOWN   8u
#define SYS_CFG_FUNC_REBOOT     9u
#define SYS_CFGSTAT_COMPLETE    (1u << 0)

/* A guest's view of the configuration transaction registers (the handlers' context). */
struct v2m_sysreg_guest {
	uint32_t cfgdata, cfgctrl, cfgstat;
};

void v2m_sysreg_init(void);
void v2m_sysreg_poweroff(void) __attribute__((noreturn));
enum mmio_result v2m_sysreg_guest_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value);
enum mmio_result v2m_sysreg_guest_write(void *ctx, uint32_t offset, unsigned size, uint32_t value);

#endif
