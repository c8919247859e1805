/*
 * Interrupts through the GIC: a software-generated interrupt to itself
 * (taken the moment IRQs are unmasked) and three virtual-timer interrupts
 * waited for with WFI. Prints IDs, modes and counts, nothing timing-dependent.
 */
#include <stdint.h>

#include "cpu.h"
#include "generic_timer.h"
#include "gic.h"
#include "power.h"
#include "print.h"
#include "uart.h"

#define SGI_ID          5u
#define IRQ_PRIORITY    0xa0u
#define PRIORITY_MASK   0xf0u
#define TIMER_TICKS     3u
#define PSR_MODE_AND_MASKS 0x1ffu

extern const uint8_t irq_vectors[];
void irq_handler(uint32_t where, uint32_t spsr);
void unexpected_exception(uint32_t cpsr);

static uint8_t irq_stack[1024] __attribute__((aligned(8)));
static volatile uint32_t sgi_count, timer_count;
static uint32_t sgi_where;

static void vtimer_arm(uint32_t ticks)
{
	__asm__ volatile("mcr p15, 0, %0, c14, c3, 0\n\t"     /* CNTV_TVAL */
			 "mcr p15, 0, %1, c14, c3, 1\n\tisb"    /* CNTV_CTL */
			 : : "r"(ticks), "r"(CNTV_CTL_ENABLE) : "memory");
}

void irq_handler(uint32_t where, uint32_t spsr)
{
	uint32_t iar = *gicc(GICC_IAR), id = iar & 0x3ffu;

	print_hex_line("irq: id", id);
	print_hex_line("irq: mode", cpu_cpsr() & PSR_MODE_AND_MASKS);
	print_hex_line("irq: interrupted mode", spsr & PSR_MODE_AND_MASKS);
	if (id == SGI_ID) {
		sgi_where = where;
		sgi_count++;
	} else if (id == VTIMER_PPI) {
		if (++timer_count < TIMER_TICKS)
			vtimer_arm(cntfrq() / 1000u);
		else
			cntv_stop();
	}
	*gicc(GICC_EOIR) = iar;
}

void unexpected_exception(uint32_t cpsr)
{
	print_hex_line("interrupts: unexpected exception, mode", cpsr & 0x1fu);
	power_off();
}

static void gic_setup(void)
{
	volatile uint8_t *prio = (volatile uint8_t *)gicd(GICD_IPRIORITYR);

	prio[SGI_ID] = IRQ_PRIORITY;
	prio[VTIMER_PPI] = IRQ_PRIORITY;
	*gicd(GICD_ISENABLER0) = (1u << SGI_ID) | (1u << VTIMER_PPI);
	*gicd(GICD_CTLR) = GIC_ENABLE;
	*gicc(GICC_PMR) = PRIORITY_MASK;
	*gicc(GICC_CTLR) = GIC_ENABLE;
}

int main(void)
{
	uart_puts("interrupts: start\n");
	cpu_set_vbar((uint32_t)irq_vectors);
	cpu_set_mode_sp(MODE_IRQ, (uint32_t)(irq_stack + sizeof(irq_stack)));
	gic_setup();
	print_dec_line("idle acknowledge", *gicc(GICC_IAR));

	/* With IRQs masked the SGI stays pending; unmasking takes it at once. */
	*gicd(GICD_SGIR) = SGIR_TO_SELF | SGI_ID;
	print_dec_line("pending before unmask", *gicc(GICC_HPPIR));
	__asm__ volatile("cpsie i\n\t"
			 ".global after_cpsie\n"
			 "after_cpsie:\n\t"
			 "nop\n\t"
			 "cpsid i" ::: "memory");
	print_dec_line("sgi interrupts", sgi_count);
	extern const uint8_t after_cpsie[];
	print_dec_line("sgi taken right after cpsie", sgi_where == (uint32_t)after_cpsie);

	vtimer_arm(cntfrq() / 1000u);
	while (timer_count < TIMER_TICKS)
		__asm__ volatile("cpsie i\n\twfi\n\tcpsid i" ::: "memory");
	print_dec_line("timer interrupts", timer_count);
	print_dec_line("idle acknowledge", *gicc(GICC_IAR));
	uart_puts("interrupts: done\n");
	return 0;
}
