/* QEMU vexpress-a15: Cortex-A15 tile on the Versatile Express motherboard ("a-series" map). */
#include "arch/arm/mmu.h"
#include "board/board.h"
#include "generated/config.h"
#include "board/drivers/generic_timer.h"
#include "board/drivers/gicv2.h"
#include "board/drivers/pl011.h"
#include "board/vexpress-a15/v2m_sysreg.h"

#define VEXPRESS_UART0      0x1c090000u   /* the guest's console */
#define VEXPRESS_UART0_IRQ  37u           /* SPI 5 */
#define VEXPRESS_UART1      0x1c0a0000u   /* the hypervisor's console */
#define VEXPRESS_GIC_DIST   0x2c001000u
#define VEXPRESS_GIC_CPU    0x2c002000u
#define VEXPRESS_SEC_PTIMER_PPI 29u  /* Secure physical timer: the hypervisor runs Secure */
#define VEXPRESS_VTIMER_PPI 27u
#define MACH_TYPE_VEXPRESS  2272u

static void vexpress_init(void)
{
	pl011_init(ioremap(VEXPRESS_UART1, 0x1000));
	pl011_guest_init(ioremap(VEXPRESS_UART0, 0x1000));
	v2m_sysreg_init();
	gicv2_init(VEXPRESS_GIC_DIST, VEXPRESS_GIC_CPU);
}

static const struct guest_passthrough_device vexpress_guest_passthrough[] = {
	{ .base = VEXPRESS_UART0, .size = 0x1000, .reset = pl011_guest_reset },
};

static const unsigned vexpress_guest_irqs[] = { VEXPRESS_UART0_IRQ };

static const struct guest_mmio_device vexpress_guest_emulated[] = {
	{
		.name = "v2m-sysreg",
		.base = V2M_SYSREG_BASE,
		.size = V2M_SYSREG_SIZE,
		.read = v2m_sysreg_guest_read,
		.write = v2m_sysreg_guest_write,
		.guest_state_size = sizeof(struct v2m_sysreg_guest),
	},
};

const struct board_desc board = {
	.name = "vexpress-a15",
	.ram_base = CONFIG_BOARD_RAM_BASE,  /* board/Kconfig */
	.machine_type = MACH_TYPE_VEXPRESS,
	.init = vexpress_init,
	.console_putc = pl011_putc,
	.console_getc = pl011_getc,
	.irqchip = &gicv2_irqchip,
	.tick = { .start = generic_timer_start, .rearm = generic_timer_tick, .wake_at = generic_timer_wake_at,
		  .now = generic_timer_now, .now_per_tick = generic_timer_counts_per_tick, .irq = VEXPRESS_SEC_PTIMER_PPI },
	.poweroff = v2m_sysreg_poweroff,
	.guest_vgic = { .dist = VEXPRESS_GIC_DIST, .cpu = VEXPRESS_GIC_CPU, .ident = gicv2_ident },
	.guest_vtimer_irq = VEXPRESS_VTIMER_PPI,
	.guest_irqs = vexpress_guest_irqs,
	.guest_irq_count = sizeof(vexpress_guest_irqs) / sizeof(vexpress_guest_irqs[0]),
	.guest_passthrough = vexpress_guest_passthrough,
	.guest_passthrough_count = sizeof(vexpress_guest_passthrough) / sizeof(vexpress_guest_passthrough[0]),
	.guest_emulated = vexpress_guest_emulated,
	.guest_emulated_count = sizeof(vexpress_guest_emulated) / sizeof(vexpress_guest_emulated[0]),
	.guest_console_pl011 = VEXPRESS_UART0,
	.guest_console_pl011_irq = VEXPRESS_UART0_IRQ,
};
