/*
 * BeagleBoard and BeagleBoard-xM: TI OMAP3530 / DM3730, a Cortex-A8
 * (Security Extensions, no Virtualization Extensions, no generic timer, no
 * GIC), started by U-Boot from an SD card (make sdcard). Addresses from the
 * OMAP35x and AM/DM37x Technical Reference Manuals' memory maps; the two
 * boards differ only in RAM size and device tree. Not run here: QEMU has no
 * OMAP3 machine.
 *
 * The hypervisor takes its interrupts from the INTC, its tick from
 * GPTIMER12 (which Linux leaves alone: omap3.dtsi marks it secure), and
 * shares UART3, the serial header's console, with the guest: its own lines
 * are written between the guest's, and the guest's accesses are forwarded
 * and watched, since no power-off is in the hypervisor's reach (the
 * TWL4030 power chip is the guest's, over I2C) and a guest ends by halting.
 */
#include "arch/arm/mmu.h"
#include "board/board.h"
#include "generated/config.h"
#include "board/drivers/omap3_gptimer.h"
#include "board/drivers/omap3_intc.h"
#include "board/drivers/uart16550.h"
#include "board/drivers/uart16550_watch.h"

#define OMAP3_L4_CORE           0x48000000u     /* 16 MiB: control, clocks, most peripherals */
#define OMAP3_L4_CORE_END       0x49000000u
#define OMAP3_L4_PER            0x49000000u     /* 1 MiB: UARTs 3-4, GPTIMERs 2-9, GPIOs 2-6, McBSPs */
#define OMAP3_L4_PER_END        0x49100000u
#define OMAP3_L4_EMU            0x54000000u     /* 8 MiB: debug and trace */
#define OMAP3_L4_EMU_SIZE       0x00800000u
#define OMAP3_L3_CONFIG         0x68000000u     /* 16 MiB: interconnect configuration */
#define OMAP3_SMS_SDRC_GPMC     0x6c000000u     /* SMS, SDRC, GPMC: 16 MiB each */
#define OMAP3_SMS_SDRC_GPMC_SIZE 0x03000000u
#define OMAP3_INTC              0x48200000u
#define OMAP3_GPTIMER12         0x48304000u
#define OMAP3_GPTIMER12_IRQ     95u
#define OMAP3_32K_CLOCK_HZ      32768u          /* GPTIMER12's functional clock */
#define OMAP3_WKUP_CM           0x48004c00u
#define CM_ICLKEN_WKUP          0x10u
#define CM_ICLKEN_WKUP_EN_GPT12 (1u << 1)
#define OMAP3_UART3             0x49020000u     /* the serial header */
#define UART_REG_SHIFT          2u              /* a register every 4 bytes */
#define MACH_TYPE_OMAP3_BEAGLE  1546u

/* GPTIMER12's interface clock on (its functional clock, the 32 kHz one, runs anyway). */
static void enable_gptimer12_clock(void)
{
	volatile uint32_t *cm = ioremap(OMAP3_WKUP_CM, 0x1000);

	cm[CM_ICLKEN_WKUP / 4u] |= CM_ICLKEN_WKUP_EN_GPT12;
}

static void beagleboard_init(void)
{
	uart16550_init((uintptr_t)ioremap(OMAP3_UART3, 0x1000), UART_REG_SHIFT);
	uart16550_watch_init(OMAP3_UART3, UART_REG_SHIFT);
	omap3_intc_init((uintptr_t)ioremap(OMAP3_INTC, 0x1000));
	enable_gptimer12_clock();
	omap3_gptimer_init((uintptr_t)ioremap(OMAP3_GPTIMER12, 0x1000), OMAP3_32K_CLOCK_HZ);
}

/* The board cannot be powered off from here: stop the CPU; a reset runs U-Boot again. */
__attribute__((noreturn)) static void beagleboard_stop(void)
{
	__asm__ volatile("cpsid aif" ::: "memory");
	for (;;)
		__asm__ volatile("wfi");
}

/*
 * What the guest reaches directly: the L3 and L4 interconnects' devices,
 * but for the INTC (its own is virtual), GPTIMER12 (the hypervisor's tick,
 * not in the guest's reach at all) and UART3 (forwarded and watched).
 */
static const struct guest_passthrough_device beagleboard_guest_passthrough[] = {
	{ .base = OMAP3_L4_CORE, .size = OMAP3_INTC - OMAP3_L4_CORE },
	{ .base = OMAP3_INTC + 0x1000u, .size = OMAP3_GPTIMER12 - (OMAP3_INTC + 0x1000u) },
	{ .base = OMAP3_GPTIMER12 + 0x1000u, .size = OMAP3_L4_CORE_END - (OMAP3_GPTIMER12 + 0x1000u) },
	{ .base = OMAP3_L4_PER, .size = OMAP3_UART3 - OMAP3_L4_PER },
	{ .base = OMAP3_UART3 + 0x1000u, .size = OMAP3_L4_PER_END - (OMAP3_UART3 + 0x1000u) },
	{ .base = OMAP3_L4_EMU, .size = OMAP3_L4_EMU_SIZE },
	{ .base = OMAP3_L3_CONFIG, .size = 0x01000000u },
	{ .base = OMAP3_SMS_SDRC_GPMC, .size = OMAP3_SMS_SDRC_GPMC_SIZE },
};

/* Every INTC line is the guest's but GPTIMER12's. */
#define LINES8(n) (n), (n) + 1u, (n) + 2u, (n) + 3u, (n) + 4u, (n) + 5u, (n) + 6u, (n) + 7u
static const unsigned beagleboard_guest_irqs[] = {
	LINES8(0u), LINES8(8u), LINES8(16u), LINES8(24u), LINES8(32u), LINES8(40u),
	LINES8(48u), LINES8(56u), LINES8(64u), LINES8(72u), LINES8(80u),
	88u, 89u, 90u, 91u, 92u, 93u, 94u,
};
_Static_assert(sizeof(beagleboard_guest_irqs) / sizeof(beagleboard_guest_irqs[0]) == OMAP3_GPTIMER12_IRQ,
	       "lines 0-94: all but the hypervisor's");

const struct board_desc board = {
	.name = "beagleboard",
	.ram_base = CONFIG_BOARD_RAM_BASE,  /* board/Kconfig */
	.machine_type = MACH_TYPE_OMAP3_BEAGLE,
	.init = beagleboard_init,
	.console_putc = uart16550_putc,
	.irqchip = &omap3_intc_irqchip,
	.tick = { .start = omap3_gptimer_start, .rearm = omap3_gptimer_tick, .irq = OMAP3_GPTIMER12_IRQ },
	.poweroff = beagleboard_stop,
	.guest_omap3_intc = OMAP3_INTC,
	.guest_irqs = beagleboard_guest_irqs,
	.guest_irq_count = sizeof(beagleboard_guest_irqs) / sizeof(beagleboard_guest_irqs[0]),
	.guest_passthrough = beagleboard_guest_passthrough,
	.guest_passthrough_count = sizeof(beagleboard_guest_passthrough) / sizeof(beagleboard_guest_passthrough[0]),
	.guest_console = {
		.name = "uart3", .base = OMAP3_UART3, .size = 0x1000,
		.read = uart16550_watch_read, .write = uart16550_watch_write,
	},
};
