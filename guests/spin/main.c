/*
 * spin: a fixed amount of integer work that never traps, timed by the
 * virtual counter, for bench/guest-switch.sh. The work starts at a set
 * counter value (so that copies of this guest running at once start
 * together, their loading done); a gap in the counter it reads as it
 * works (longer than GAP_MS) is time the core spent elsewhere: another
 * guest's turn. Once done it waits, asleep, until a later set value
 * before printing, so that its printing (trapping, where its UART is
 * emulated) does not fall in another copy's work. Counter values depend on
 * timing and are printed on "timing: " lines; the result of the work is not.
 */
#include <stdint.h>

#include "generic_timer.h"
#include "gic.h"
#include "print.h"
#include "uart.h"

#define ITERATIONS      40000000u
#define START_MS        500u    /* the work starts at this counter value */
#define PRINT_MS        2500u   /* and is reported at this one: after two copies' work under QEMU's icount */
#define GAP_MS          1u      /* a longer gap in the counter is another guest's turn */
#define PRIORITY_MASK   0xf0u
#define VTIMER_PRIORITY 0xa0u

/* The low half of the virtual count: these runs last seconds, it wraps after a minute. */
static uint32_t cntvct_low(void)
{
	return (uint32_t)cntvct();
}

/*
 * Asleep until the counter reaches `at`: WFI with interrupts masked ends
 * when the virtual timer's interrupt is pending at the GIC.
 */
static void sleep_until(uint32_t at)
{
	((volatile uint8_t *)gicd(GICD_IPRIORITYR))[VTIMER_PPI] = VTIMER_PRIORITY;
	*gicd(GICD_ISENABLER0) = 1u << VTIMER_PPI;
	*gicd(GICD_CTLR) = GIC_ENABLE;
	*gicc(GICC_PMR) = PRIORITY_MASK;
	*gicc(GICC_CTLR) = GIC_ENABLE;
	cntv_fire_at(at);
	while ((int32_t)(cntvct_low() - at) < 0)
		__asm__ volatile("dsb\n\twfi" ::: "memory");
	cntv_stop();
}

int main(void)
{
	uint32_t ms = cntfrq() / 1000u, start_at = START_MS * ms, gap = GAP_MS * ms;
	uint32_t start, end, last, gaps = 0, x = 1;

	uart_puts("spin: start\n");
	while ((int32_t)(cntvct_low() - start_at) < 0)
		;
	start = last = cntvct_low();
	for (uint32_t i = 0; i < ITERATIONS; i++) {
		uint32_t now = cntvct_low();

		gaps += now - last > gap;
		last = now;
		x = x * 1664525u + 1013904223u;
	}
	end = cntvct_low();
	sleep_until(PRINT_MS * ms);
	print_hex_line("spin: result", x);
	uart_puts("timing: spin: counter start ");
	print_dec(start);
	uart_puts(" end ");
	print_dec(end);
	uart_puts(" gaps ");
	print_dec(gaps);
	print_dec_line(" counter Hz", cntfrq());
	uart_puts("spin: done\n");
	return 0;
}
