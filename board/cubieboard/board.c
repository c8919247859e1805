/*
 * QEMU cubieboard: Allwinner A10 with a Cortex-A8 (no generic timer, no
 * GIC, Security Extensions only), started with -kernel in Secure SVC. The
 * hypervisor's interrupts come from the A10 interrupt controller, its tick
 * from the last channel of the A10 timer block; UART0 is the guest's
 * console, so the hypervisor writes through semihosting, which also ends
 * the run (the board has no power-off QEMU acts on). A guest ends by
 * halting, so the hypervisor watches UART0 for what it said last.
 */
#include "board/board.h"
#include "generated/config.h"
#include "board/drivers/a10_pic.h"
#include "board/drivers/a10_timer.h"
#include "board/drivers/semihosting.h"
#include "board/drivers/uart16550_watch.h"
#include "board/cubieboard/guest_sys.h"

#define A10_PIC             (A10_SYS_PAGE + A10_PIC_OFFSET)
#define A10_TIMER           (A10_SYS_PAGE + A10_TIMER_OFFSET)
#define A10_TICK_CHANNEL    5u
#define A10_TICK_IRQ        68u             /* timer 5 */
#define A10_UART0           0x01c28000u
#define A10_UART0_IRQ       1u
#define A10_UART_REG_SHIFT  2u              /* a register every 4 bytes */
#define A10_TIMER0_IRQ      22u             /* timers 0-3: 22-25; timer 4: 67 */
#define MACH_TYPE_CUBIEBOARD 0x1008u        /* what QEMU passes a Linux kernel on this board */

static void cubieboard_init(void)
{
	a10_pic_init(A10_PIC);
	a10_timer_init(A10_TIMER, A10_TICK_CHANNEL);
	guest_sys_init(A10_TICK_CHANNEL);
	uart16550_watch_init(A10_UART0, A10_UART_REG_SHIFT);
}

/* UART0 and the timers the guest has (all but the hypervisor's timer 5). */
static const unsigned cubieboard_guest_irqs[] = {
	A10_UART0_IRQ, A10_TIMER0_IRQ, A10_TIMER0_IRQ + 1, A10_TIMER0_IRQ + 2, A10_TIMER0_IRQ + 3, 67u,
};

/* The one guest's timer 5 (the hypervisor's tick for real). */
static struct guest_hidden_timer guest_timer5;

/* The system control page but its interrupt controller, which is the guest's virtual one. */
static const struct guest_mmio_device cubieboard_guest_emulated[] = {
	{
		.name = "a10-ccu", .base = A10_SYS_PAGE + A10_CCU_OFFSET, .size = A10_SYS_PART,
		.read = guest_sys_real_read, .write = guest_sys_real_write,
	},
	{
		.name = "a10-pio", .base = A10_SYS_PAGE + A10_PIO_OFFSET, .size = A10_SYS_PART,
		.read = guest_sys_real_read, .write = guest_sys_real_write,
	},
	{
		.name = "a10-timer", .base = A10_TIMER, .size = A10_SYS_PART,
		.read = guest_sys_timer_read, .write = guest_sys_timer_write, .ctx = &guest_timer5,
	},
};

const struct board_desc board = {
	.name = "cubieboard",
	.ram_base = CONFIG_BOARD_RAM_BASE,  /* board/Kconfig */
	.machine_type = MACH_TYPE_CUBIEBOARD,
	.init = cubieboard_init,
	.console_putc = semihosting_putc,
	.irqchip = &a10_pic_irqchip,
	.tick = { .start = a10_timer_start, .rearm = a10_timer_tick, .irq = A10_TICK_IRQ },
	.poweroff = semihosting_exit,
	.guest_semihosting_exit = true,
	.guest_a10_pic = A10_PIC,
	.guest_irqs = cubieboard_guest_irqs,
	.guest_irq_count = sizeof(cubieboard_guest_irqs) / sizeof(cubieboard_guest_irqs[0]),
	.guest_emulated = cubieboard_guest_emulated,
	.guest_emulated_count = sizeof(cubieboard_guest_emulated) / sizeof(cubieboard_guest_emulated[0]),
	.guest_console = {
		.name = "uart0", .base = A10_UART0, .size = 0x1000,
		.read = uart16550_watch_read, .write = uart16550_watch_write,
	},
};
