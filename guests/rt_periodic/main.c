/*
 * rt_periodic: a real-time task set of one, a 1 ms periodic task on the
 * virtual timer and the GIC, waiting in WFI between activations. Each
 * activation records how late its handler ran after the timer's compare
 * value (in counter ticks): the interrupt latency as this guest sees it.
 * The counts depend on timing: they are printed on lines starting with
 * "timing: ", which comparisons with the native run leave out. What does
 * not: the number of activations (the last one stops the timer, so however
 * late the task runs, even so late that the next activation is due before
 * the handler returns, there are exactly ACTIVATIONS), and the number of
 * timer interrupts taken before the compare value was reached (none on a
 * real timer).
 */
#include <stdint.h>

#include "cpu.h"
#include "div64.h"
#include "generic_timer.h"
#include "gic.h"
#include "power.h"
#include "print.h"
#include "uart.h"

#define ACTIVATIONS     10000u  /* 10 s: long enough to overlap a Linux guest's boot and work */
#define PERIODS_PER_S   1000u
#define IRQ_PRIORITY    0xa0u
#define PRIORITY_MASK   0xf0u
#define LATE_BUCKETS    4u      /* how late, in periods: 0, 1, 2, 3 or more */

extern const uint8_t rt_vectors[];
void rt_irq(void);
void rt_unexpected(uint32_t cpsr);

static uint8_t irq_stack[1024] __attribute__((aligned(8)));
static volatile uint32_t activations;
static uint32_t early;          /* timer interrupts before the compare value: none natively */
static uint64_t due, period;
static uint64_t latency_min = ~0ull, latency_max, latency_sum;
static uint32_t late[LATE_BUCKETS];

/* The task's work: its latency recorded. Returns how many whole periods late it ran. */
static uint64_t record_latency(uint64_t latency)
{
	uint64_t periods_late = div64(latency, period);

	latency_min = latency < latency_min ? latency : latency_min;
	latency_max = latency > latency_max ? latency : latency_max;
	latency_sum += latency;
	late[periods_late < LATE_BUCKETS ? periods_late : LATE_BUCKETS - 1u]++;
	return periods_late;
}

/* The activation, then the next due time a whole number of periods on; after the last, none. */
void rt_irq(void)
{
	uint32_t iar = *gicc(GICC_IAR);
	uint64_t now = cntvct();

	if ((iar & 0x3ffu) == VTIMER_PPI && now < due) {
		early++;
	} else if ((iar & 0x3ffu) == VTIMER_PPI) {
		uint64_t periods_late = record_latency(now - due);
		if (++activations < ACTIVATIONS) {
			due += (periods_late + 1u) * period;
			cntv_fire_at(due);
		} else {
			cntv_stop();
		}
	}
	*gicc(GICC_EOIR) = iar;
}

void rt_unexpected(uint32_t cpsr)
{
	print_hex_line("rt_periodic: unexpected exception, mode", cpsr & 0x1fu);
	power_off();
}

int main(void)
{
	uart_puts("rt_periodic: start\n");
	cpu_set_vbar((uint32_t)rt_vectors);
	cpu_set_mode_sp(MODE_IRQ, (uint32_t)(irq_stack + sizeof(irq_stack)));
	((volatile uint8_t *)gicd(GICD_IPRIORITYR))[VTIMER_PPI] = IRQ_PRIORITY;
	*gicd(GICD_ISENABLER0) = 1u << VTIMER_PPI;
	*gicd(GICD_CTLR) = GIC_ENABLE;
	*gicc(GICC_PMR) = PRIORITY_MASK;
	*gicc(GICC_CTLR) = GIC_ENABLE;

	period = cntfrq() / PERIODS_PER_S;
	due = cntvct() + period;
	cntv_fire_at(due);
	while (activations < ACTIVATIONS)
		__asm__ volatile("cpsie i\n\twfi\n\tcpsid i" ::: "memory");

	print_dec_line("rt_periodic: activations of the 1 ms task", activations);
	print_dec_line("rt_periodic: timer interrupts before the compare value", early);
	uart_puts("timing: rt_periodic: latency ticks min ");
	print_dec((uint32_t)latency_min);
	uart_puts(" mean ");
	print_dec((uint32_t)div64(latency_sum, activations));
	uart_puts(" max ");
	print_dec((uint32_t)latency_max);
	print_dec_line(" counter Hz", cntfrq());
	uart_puts("timing: rt_periodic: late by 0/1/2/3+ periods:");
	for (unsigned i = 0; i < LATE_BUCKETS; i++) {
		uart_putc(' ');
		print_dec(late[i]);
	}
	uart_putc('\n');
	uart_puts("rt_periodic: done\n");
	return 0;
}
