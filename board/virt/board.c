/*
 * QEMU virt (hw/arm/virt.c memory map) with a Cortex-A15 or Cortex-A7 and no
 * EL2 or EL3: the hypervisor runs Non-secure, entered by U-Boot (or
 * -kernel). The board's one PL011 is the guest's console; the hypervisor
 * writes its own messages through semihosting and powers off through PSCI.
 */
#include "arch/arm/mmu.h"
#include "board/board.h"
#include "generated/config.h"
#include "board/drivers/generic_timer.h"
#include "board/drivers/gicv2.h"
#include "board/drivers/pl011.h"
#include "board/drivers/psci.h"
#include "board/drivers/semihosting.h"
#include "board/virt/virtio_absent.h"

#define VIRT_GIC_DIST       0x08000000u
#define VIRT_GIC_CPU        0x08010000u
#define VIRT_GICV2M         0x08020000u     /* MSI frame: MSI_TYPER, and SPIs 80-143 raised by writes */
#define VIRT_UART           0x09000000u
#define VIRT_UART_IRQ       33u             /* SPI 1 */
#define VIRT_RTC            0x09010000u
#define VIRT_RTC_IRQ        34u             /* SPI 2 */
#define VIRT_GPIO           0x09030000u     /* the power button */
#define VIRT_GPIO_IRQ       39u             /* SPI 7 */
#define VIRT_VIRTIO_MMIO    0x0a000000u
#define VIRT_VIRTIO_SIZE    0x4000u         /* 32 transports of 0x200 */
#define VIRT_NS_PTIMER_PPI  30u             /* Non-secure physical timer: the hypervisor runs Non-secure */
#define VIRT_VTIMER_PPI     27u
#define MACH_TYPE_NONE      0xffffffffu     /* what QEMU passes a Linux kernel on virt (device tree boot) */

static void virt_init(void)
{
	gicv2_init(VIRT_GIC_DIST, VIRT_GIC_CPU);
	pl011_guest_init(ioremap(VIRT_UART, 0x1000));
}

/*
 * The GICv2m frame only reads its identification and raises the SPIs of its
 * range when written; the hypervisor never enables those at the real GIC,
 * so the guest may reach it (Linux reads MSI_TYPER at boot).
 */
static const struct guest_passthrough_device virt_guest_passthrough[] = {
	{ .base = VIRT_GICV2M, .size = 0x1000 },
	{ .base = VIRT_UART, .size = 0x1000, .reset = pl011_guest_reset },
	{ .base = VIRT_RTC, .size = 0x1000 },
	{ .base = VIRT_GPIO, .size = 0x1000 },
};

static const unsigned virt_guest_irqs[] = { VIRT_UART_IRQ, VIRT_RTC_IRQ, VIRT_GPIO_IRQ };

static const struct guest_mmio_device virt_guest_emulated[] = {
	{
		.name = "virtio-mmio (no devices)",
		.base = VIRT_VIRTIO_MMIO,
		.size = VIRT_VIRTIO_SIZE,
		.read = virtio_absent_read,
		.write = virtio_absent_write,
	},
};

const struct board_desc board = {
	.name = "virt",
	.ram_base = CONFIG_BOARD_RAM_BASE,  /* board/Kconfig */
	.machine_type = MACH_TYPE_NONE,
	.init = virt_init,
	.console_putc = semihosting_putc,
	.irqchip = &gicv2_irqchip,
	.tick = { .start = generic_timer_start, .rearm = generic_timer_tick, .wake_at = generic_timer_wake_at,
		  .now = generic_timer_now, .now_per_tick = generic_timer_counts_per_tick, .irq = VIRT_NS_PTIMER_PPI },
	.poweroff = psci_system_off,
	.unassigned_aborts = true,
	.guest_psci = true,
	.guest_vgic = { .dist = VIRT_GIC_DIST, .cpu = VIRT_GIC_CPU, .ident = gicv2_ident },
	.guest_vtimer_irq = VIRT_VTIMER_PPI,
	.guest_irqs = virt_guest_irqs,
	.guest_irq_count = sizeof(virt_guest_irqs) / sizeof(virt_guest_irqs[0]),
	.guest_passthrough = virt_guest_passthrough,
	.guest_passthrough_count = sizeof(virt_guest_passthrough) / sizeof(virt_guest_passthrough[0]),
	.guest_emulated = virt_guest_emulated,
	.guest_emulated_count = sizeof(virt_guest_emulated) / sizeof(virt_guest_emulated[0]),
	.guest_console_pl011 = VIRT_UART,
	.guest_console_pl011_irq = VIRT_UART_IRQ,
};
