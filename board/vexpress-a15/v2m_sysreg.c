/*
 * The hypervisor owns the system registers: it powers the board off through
 * SYS_CFGCTRL, and a guest's configuration transactions are emulated so that
 * a guest's shutdown ends that guest instead of the whole board.
 */
#include "board/vexpress-a15/v2m_sysreg.h"
#include "arch/arm/mmu.h"
#include "hyp/log.h"

static volatile uint32_t *sysreg;


void v2m_sysreg_init(void)
{
	sysreg = ioremap(V2M_SYSREG_BASE, V2M_SYSREG_SIZE);
}

void v2m_sysreg_poweroff(void)
{
	if (sysreg) {
		sysreg[SYS_CFGDATA / 4] = 0;
		sysreg[SYS_CFGCTRL / 4] = SYS_CFGCTRL_START | SYS_CFGCTRL_WRITE |
			(SYS_CFG_FUNC_SHUTDOWN << SYS_CFGCTRL_FUNC_SHIFT);
	}
	for (;;)
		__asm__ volatile("wfi");
}

#define CFG_POLL_LIMIT 1000000u

/* Run a configuration read transaction on the real controller for the guest. */
static void real_config_read(struct v2m_sysreg_guest *gs, uint32_t ctrl)
{
	unsigned polls = 0;

	sysreg[SYS_CFGSTAT / 4] = 0;
	sysreg[SYS_CFGCTRL / 4] = ctrl;
	while (!(sysreg[SYS_CFGSTAT / 4] & SYS_CFGSTAT_COMPLETE) && ++polls < CFG_POLL_LIMIT)
		;
	gs->cfgstat = sysreg[SYS_CFGSTAT / 4];
	gs->cfgdata = sysreg[SYS_CFGDATA / 4];
	if (polls == CFG_POLL_LIMIT)
		log_warn("system configuration read 0x%08x did not complete", ctrl);
}

enum mmio_result v2m_sysreg_guest_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value)
{
	const struct v2m_sysreg_guest *gs = ctx;
	uint32_t word;

	switch (offset & ~3u) {
	case SYS_CFGDATA:
		word = gs->cfgdata;
		break;
	case SYS_CFGCTRL:
		word = gs->cfgctrl;
		break;
	case SYS_CFGSTAT:
		word = gs->cfgstat;
		break;
	default:
		word = sysreg[offset / 4];
		break;
	}
	*value = size == 4 ? word : (word >> (8 * (offset & 3))) & ((1u << (8 * size)) - 1);
	return MMIO_DONE;
}

enum mmio_result v2m_sysreg_guest_write(void *ctx, uint32_t offset, unsigned size, uint32_t value)
{
	struct v2m_sysreg_guest *gs = ctx;

	if (size != 4) {
		log_warn("guest %u-byte write to system register 0x%x ignored", size, offset);
		return MMIO_DONE;
	}
	switch (offset) {
	case SYS_CFGDATA:
		gs->cfgdata = value;
		return MMIO_DONE;
	case SYS_CFGCTRL:
		/* Transactions complete at once: START reads back clear, as natively. */
		gs->cfgctrl = value & ~SYS_CFGCTRL_START;
		if (!(value & SYS_CFGCTRL_START))
			return MMIO_DONE;
		gs->cfgstat = SYS_CFGSTAT_COMPLETE;
		switch ((value >> SYS_CFGCTRL_FUNC_SHIFT) & SYS_CFGCTRL_FUNC_MASK) {
		case SYS_CFG_FUNC_SHUTDOWN:
			return MMIO_GUEST_POWEROFF;
		case SYS_CFG_FUNC_REBOOT:
			return MMIO_GUEST_RESET;
		default:
			/* Reads (oscillators, voltages...) are the board's answer; writes are ignored. */
			if (!(value & SYS_CFGCTRL_WRITE))
				real_config_read(gs, value);
			return MMIO_DONE;
		}
	case SYS_CFGSTAT:
		gs->cfgstat = value;
		return MMIO_DONE;
	default:
		log_debug("guest write 0x%08x to system register 0x%x ignored", value, offset);
		return MMIO_DONE;
	}
}
