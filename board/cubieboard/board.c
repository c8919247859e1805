/*
 * QEMU cubieboard: Allwinner A10 with a Cortex-A8 (no generic timer, no
 * GIC, Security Extensions only), started with -kernel in Secure SVC. The
 * hypervisor's interrupts come from the A10 interrupt controller, its tick
 * from the last channel of the A10 timer block; UART0 is the guest's
 * console, so the hypervisor writes through semihosting, which also ends
 * the run (the board has no power-off QEMU acts on).
 */
#include "board/board.h"
#include "board/drivers/a10_pic.h"
#include "board/drivers/a10_timer.h"
#include "board/drivers/semihosting.h"

#define A10_RAM_BASE        0x40000000u
#define A10_PIC             0x01c20400u
#define A10_TIMER           0x01c20c00u
#define A10_TICK_CHANNEL    5u
#define A10_TICK_IRQ        68u             /* timer 5 */
#define A10_UART0           0x01c28000u
#define MACH_TYPE_CUBIEBOARD 0x1008u        /* what QEMU passes a Linux kernel on this board */

static void cubieboard_init(void)
{
	a10_pic_init(A10_PIC);
	a10_timer_init(A10_TIMER, A10_TICK_CHANNEL);
}

static const struct guest_passthrough_device cubieboard_guest_passthrough[] = {
	{ .base = A10_UART0, .size = 0x1000 },
};

const struct board_desc board = {
	.name = "cubieboard",
	.ram_base = A10_RAM_BASE,
	.machine_type = MACH_TYPE_CUBIEBOARD,
	.init = cubieboard_init,
	.console_putc = semihosting_putc,
	.irqchip = &a10_pic_irqchip,
	.tick = { .start = a10_timer_start, .rearm = a10_timer_tick, .irq = A10_TICK_IRQ },
	.poweroff = semihosting_exit,
	.guest_semihosting_exit = true,
	.guest_passthrough = cubieboard_guest_passthrough,
	.guest_passthrough_count = sizeof(cubieboard_guest_passthrough) / sizeof(cubieboard_guest_passthrough[0]),
};
