/*
 * Interrupts through the Allwinner A10 interrupt controller: timer 0 of
 * the A10 timer block, unmasked at the controller, taken three times while
 * waiting with WFI, each acknowledged at the timer (its status bit). Prints
 * the vector, the pending and status bits and the counts, nothing
 * timing-dependent; also what the timer block's enable and status
 * registers read back.
 */
#include <stdint.h>

#include "cpu.h"
#include "power.h"
#include "print.h"
#include "uart.h"

#define PIC_BASE        0x01c20400u
#define PIC_VECTOR      0x00u
#define PIC_IRQ_PEND0   0x10u
#define PIC_ENABLE0     0x40u
#define PIC_MASK(n)     (0x50u + 4u * (n))
#define TMR_BASE        0x01c20c00u
#define TMR_IRQ_EN      0x00u
#define TMR_IRQ_STA     0x04u
#define TMR0_CTRL       0x10u
#define TMR0_INTV       0x14u
#define TMR_EN          (1u << 0)
#define TMR_RELOAD      (1u << 1)
#define TMR_OSC24M      (1u << 2)
#define TIMER0_IRQ      22u
#define TIMER_TICKS     3u
#define PSR_MODE_AND_MASKS 0x1ffu

extern const uint8_t irq_vectors[];
void irq_handler(uint32_t where, uint32_t spsr);
void unexpected_exception(uint32_t cpsr);

static uint8_t irq_stack[1024] __attribute__((aligned(8)));
static volatile uint32_t timer_count;

static volatile uint32_t *pic(uint32_t offset)
{
	return (volatile uint32_t *)(PIC_BASE + offset);
}

static volatile uint32_t *tmr(uint32_t offset)
{
	return (volatile uint32_t *)(TMR_BASE + offset);
}

void irq_handler(uint32_t where, uint32_t spsr)
{
	uint32_t irq = *pic(PIC_VECTOR) / 4u;

	(void)where;
	print_dec_line("irq: source", irq);
	print_hex_line("irq: interrupted mode", spsr & PSR_MODE_AND_MASKS);
	print_hex_line("irq: timer status", *tmr(TMR_IRQ_STA));
	if (irq == TIMER0_IRQ) {
		*tmr(TMR_IRQ_STA) = 1u;                 /* acknowledged: the line drops */
		if (++timer_count == TIMER_TICKS)
			*tmr(TMR0_CTRL) = 0;
	}
	print_hex_line("irq: pending after", *pic(PIC_IRQ_PEND0) & (1u << TIMER0_IRQ));
}

void unexpected_exception(uint32_t cpsr)
{
	print_hex_line("a10_irq: unexpected exception, mode", cpsr & 0x1fu);
	power_off();
}

int main(void)
{
	uart_puts("a10_irq: start\n");
	cpu_set_vbar((uint32_t)irq_vectors);
	cpu_set_mode_sp(MODE_IRQ, (uint32_t)(irq_stack + sizeof(irq_stack)));
	for (unsigned n = 0; n < 3; n++)
		*pic(PIC_MASK(n)) = ~0u;
	*pic(PIC_MASK(0)) = ~(1u << TIMER0_IRQ);
	*pic(PIC_ENABLE0) = 1u << TIMER0_IRQ;
	print_dec_line("idle vector", *pic(PIC_VECTOR));

	/*
	 * 10 ms of the 24 MHz oscillator: longer than the handler takes under
	 * the hypervisor, whose every UART access traps, even on a loaded host
	 * (with 1 ms the timer could fire again before the third one stopped it).
	 */
	*tmr(TMR0_INTV) = 240000u;
	*tmr(TMR0_CTRL) = TMR_OSC24M | TMR_RELOAD;
	*tmr(TMR_IRQ_STA) = 1u;
	*tmr(TMR_IRQ_EN) = 1u;
	print_hex_line("timer irq enable", *tmr(TMR_IRQ_EN));
	*tmr(TMR0_CTRL) = TMR_OSC24M | TMR_EN;
	while (timer_count < TIMER_TICKS)
		__asm__ volatile("cpsie i\n\twfi\n\tcpsid i" ::: "memory");
	print_dec_line("timer interrupts", timer_count);
	*tmr(TMR_IRQ_EN) = 0;
	print_hex_line("timer status at the end", *tmr(TMR_IRQ_STA) & 1u);
	print_dec_line("idle vector", *pic(PIC_VECTOR));
	uart_puts("a10_irq: done\n");
	return 0;
}
