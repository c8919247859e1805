/*
 * ptimer: the generic timer's physical timer (CNTP_CTL, CNTP_TVAL,
 * CNTP_CVAL; ARM DDI 0406C B8.1), as a bare-metal kernel at PL1 programs
 * it. With its interrupt masked (IMASK) the timer condition shows in
 * CNTP_CTL.ISTATUS and TVAL counts down through zero while nothing is
 * pending at the GIC; unmasked, its interrupt is pending at once. Then
 * interrupts waited for with WFI, re-armed by TVAL from the handler and
 * last by CVAL, each after its compare value, and ISTATUS clear once
 * disabled. Prints IDs, values and counts; how late the interrupts came
 * only on lines starting with "timing: ", which comparisons leave out.
 */
#include <stdint.h>

#include "board.h"
#include "cpu.h"
#include "generic_timer.h"
#include "gic.h"
#include "power.h"
#include "print.h"
#include "uart.h"

#define CTL_ENABLE      1u
#define CTL_IMASK       2u
#define CTL_ISTATUS     4u
#define IRQ_PRIORITY    0xa0u
#define PRIORITY_MASK   0xf0u
#define STEPS_PER_S     1000u   /* the timer is set 1 ms ahead */
#define TVAL_INTERRUPTS 3u      /* then one more by CVAL */

extern const uint8_t ptimer_vectors[];
void ptimer_irq(void);
void ptimer_unexpected(uint32_t cpsr);

static uint8_t irq_stack[1024] __attribute__((aligned(8)));
static volatile uint32_t interrupts;
static uint32_t step;
static uint64_t latency_max;    /* counts from the compare value to the handler, waited for: timing */

static uint32_t ctl(void)
{
	uint32_t v;

	__asm__ volatile("isb\n\tmrc p15, 0, %0, c14, c2, 1" : "=r"(v));
	return v;
}

static void set_ctl(uint32_t v)
{
	__asm__ volatile("mcr p15, 0, %0, c14, c2, 1\n\tisb" : : "r"(v) : "memory");
}

static int32_t tval(void)
{
	uint32_t v;

	__asm__ volatile("isb\n\tmrc p15, 0, %0, c14, c2, 0" : "=r"(v));
	return (int32_t)v;
}

static void set_tval(uint32_t v)
{
	__asm__ volatile("mcr p15, 0, %0, c14, c2, 0\n\tisb" : : "r"(v) : "memory");
}

static uint64_t cval(void)
{
	uint32_t lo, hi;

	__asm__ volatile("mrrc p15, 2, %0, %1, c14" : "=r"(lo), "=r"(hi));
	return (uint64_t)hi << 32 | lo;
}

static void set_cval(uint64_t v)
{
	__asm__ volatile("mcrr p15, 2, %0, %1, c14\n\tisb" : : "r"((uint32_t)v), "r"((uint32_t)(v >> 32)) : "memory");
}

/* CNTPCT, the physical count. */
static uint64_t cntpct(void)
{
	uint32_t lo, hi;

	__asm__ volatile("isb\n\tmrrc p15, 0, %0, %1, c14" : "=r"(lo), "=r"(hi));
	return (uint64_t)hi << 32 | lo;
}

void ptimer_irq(void)
{
	uint32_t iar = *gicc(GICC_IAR), id = iar & GIC_ID_MASK;

	print_dec_line("irq: id", id);
	if (id == PTIMER_PPI) {
		uint64_t now = cntpct(), due = cval();
		print_hex_line("irq: ctl", ctl());
		print_dec_line("irq: compare value reached", now >= due);
		if (interrupts && now >= due && now - due > latency_max)    /* the first waited while masked */
			latency_max = now - due;
		if (++interrupts < TVAL_INTERRUPTS)
			set_tval(step);         /* the condition, and the interrupt, go until then */
		else
			set_ctl(0);
	}
	*gicc(GICC_EOIR) = iar;
}

void ptimer_unexpected(uint32_t cpsr)
{
	print_hex_line("ptimer: unexpected exception, mode", cpsr & 0x1fu);
	power_off();
}

/*
 * WFI with IRQs masked (it ends once one is pending), then take it: an
 * interrupt taken between CPSIE and a WFI after it would leave the WFI
 * waiting for one more.
 */
static void wait_for(uint32_t count)
{
	while (interrupts < count)
		__asm__ volatile("wfi\n\tcpsie i\n\tcpsid i" ::: "memory");
}

int main(void)
{
	uart_puts("ptimer: start\n");
	cpu_set_vbar((uint32_t)ptimer_vectors);
	cpu_set_mode_sp(MODE_IRQ, (uint32_t)(irq_stack + sizeof(irq_stack)));
	((volatile uint8_t *)gicd(GICD_IPRIORITYR))[PTIMER_PPI] = IRQ_PRIORITY;
	*gicd(GICD_ISENABLER0) = 1u << PTIMER_PPI;
	*gicd(GICD_CTLR) = GIC_ENABLE;
	*gicc(GICC_PMR) = PRIORITY_MASK;
	*gicc(GICC_CTLR) = GIC_ENABLE;
	print_hex_line("ctl at reset", ctl());

	step = cntfrq() / STEPS_PER_S;
	set_tval(step);
	set_ctl(CTL_ENABLE | CTL_IMASK);
	print_dec_line("tval no more than set", tval() <= (int32_t)step);
	while (!(ctl() & CTL_ISTATUS))
		;
	print_hex_line("ctl once reached, masked", ctl());
	print_dec_line("tval not positive", tval() <= 0);
	print_dec_line("masked: pending", *gicc(GICC_HPPIR) & GIC_ID_MASK);
	set_ctl(CTL_ENABLE);
	print_dec_line("unmasked: pending", *gicc(GICC_HPPIR) & GIC_ID_MASK);
	wait_for(TVAL_INTERRUPTS);
	print_dec_line("interrupts by tval", interrupts);
	print_hex_line("ctl disabled", ctl());

	uint64_t at = cntpct() + step;
	set_cval(at);
	print_dec_line("cval read back", cval() == at);
	print_dec_line("tval from cval no more than step", tval() <= (int32_t)step);
	set_ctl(CTL_ENABLE);
	wait_for(TVAL_INTERRUPTS + 1u);
	print_dec_line("interrupts in all", interrupts);
	set_tval(0);                    /* reached at once, but disabled: no ISTATUS */
	print_hex_line("ctl disabled, reached", ctl());
	print_dec_line("disabled: pending", *gicc(GICC_HPPIR) & GIC_ID_MASK);
	print_dec_line("timing: ptimer: latest waited-for interrupt, counts after the compare value", (uint32_t)latency_max);
	print_dec_line("timing: ptimer: counter Hz", cntfrq());
	uart_puts("ptimer: done\n");
	return 0;
}
