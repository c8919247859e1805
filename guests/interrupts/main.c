/*
 * Interrupts through the GIC: a software-generated interrupt to itself
 * (taken the moment IRQs are unmasked) and three virtual-timer interrupts
 * waited for with WFI. Then, with the MMU on, the software-generated
 * interrupt again and again, unmasked by CPSIE and by MSR CPSR_c (forms a
 * hypervisor may turn into branches to stubs): each time it must be taken
 * right after the unmasking instruction. Last, with IRQs masked, which
 * binary points let one interrupt preempt another of slightly higher
 * priority, read from the acknowledge register, and what the highest
 * pending register says of an interrupt below the priority mask, pending
 * and active; what GIC registers keep of a write, and the running priority
 * with an active state set by hand. Prints IDs, modes, priorities, register
 * values and counts, nothing timing-dependent.
 */
#include <stdint.h>

#include "board.h"
#include "cpu.h"
#include "flat_mmu.h"
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
#define UNMASK_RUNS     3u

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

/*
 * Unmask with nothing pending (a hypervisor may then turn the instruction
 * into a stub), then raise the SGI with IRQs masked: it must be taken right
 * at `taken_at` once they are unmasked again.
 */
static void sgi_unmasked(const char *how, void (*unmask)(void), const uint8_t *taken_at)
{
	uint32_t before = sgi_count;

	unmask();
	uart_puts(how);
	print_dec_line(": nothing pending, interrupts", sgi_count - before);
	*gicd(GICD_SGIR) = SGIR_TO_SELF | SGI_ID;
	unmask();
	uart_puts(how);
	print_dec_line(": taken right after", sgi_count == before + 1u && sgi_where == (uint32_t)taken_at);
}

#define BP_ACTIVE_ID        1u
#define BP_ACTIVE_PRIORITY  0x84u
#define BP_PENDING_ID       2u
#define BP_PENDING_PRIORITY 0x82u
#define BINARY_POINTS       8u

/*
 * At each binary point, with one SGI active: does a slightly higher
 * priority one preempt it (only a higher group priority does: the bits
 * above the binary point), and the running priority. IRQs stay masked:
 * the acknowledge register answers.
 */
static void binary_points(void)
{
	volatile uint8_t *prio = (volatile uint8_t *)gicd(GICD_IPRIORITYR);

	prio[BP_ACTIVE_ID] = BP_ACTIVE_PRIORITY;
	prio[BP_PENDING_ID] = BP_PENDING_PRIORITY;
	*gicd(GICD_ISENABLER0) = (1u << BP_ACTIVE_ID) | (1u << BP_PENDING_ID);
	for (uint32_t bpr = 0; bpr < BINARY_POINTS; bpr++) {
		*gicc(GICC_BPR) = bpr;
		print_dec_line("binary point", *gicc(GICC_BPR));
		*gicd(GICD_SGIR) = SGIR_TO_SELF | BP_ACTIVE_ID;
		uint32_t active = *gicc(GICC_IAR);
		print_dec_line("  acknowledged", active & GIC_ID_MASK);
		print_hex_line("  running priority", *gicc(GICC_RPR));
		*gicd(GICD_SGIR) = SGIR_TO_SELF | BP_PENDING_ID;
		uint32_t next = *gicc(GICC_IAR);
		print_dec_line("  then acknowledged", next & GIC_ID_MASK);
		if ((next & GIC_ID_MASK) != GIC_SPURIOUS)
			*gicc(GICC_EOIR) = next;
		*gicc(GICC_EOIR) = active;
		if ((next & GIC_ID_MASK) == GIC_SPURIOUS) {
			next = *gicc(GICC_IAR);
			print_dec_line("  after the first's end", next & GIC_ID_MASK);
			*gicc(GICC_EOIR) = next;
		}
	}
	*gicc(GICC_BPR) = 0;
	/* Pending below the priority mask: not signalled, and what the highest pending register says of it. */
	*gicc(GICC_PMR) = BP_ACTIVE_PRIORITY;
	*gicd(GICD_SGIR) = SGIR_TO_SELF | BP_ACTIVE_ID;
	print_dec_line("masked by priority: highest pending", *gicc(GICC_HPPIR) & GIC_ID_MASK);
	print_dec_line("masked by priority: acknowledged", *gicc(GICC_IAR) & GIC_ID_MASK);
	*gicc(GICC_PMR) = PRIORITY_MASK;
	print_dec_line("unmasked: highest pending", *gicc(GICC_HPPIR) & GIC_ID_MASK);
	uint32_t iar = *gicc(GICC_IAR);
	print_dec_line("unmasked: acknowledged", iar & GIC_ID_MASK);
	print_dec_line("active: highest pending", *gicc(GICC_HPPIR) & GIC_ID_MASK);
	*gicc(GICC_EOIR) = iar;
}

#define PROBE_SGI 3u

static void probe(const char *what, volatile uint32_t *reg, uint32_t value)
{
	uint32_t before = *reg;

	*reg = value;
	uart_puts(what);
	uart_puts(" was ");
	print_hex(before);
	uart_puts(", write ");
	print_hex(value);
	print_hex_line(", reads", *reg);
	*reg = before;
}

/* What distributor and CPU interface registers keep of a write, and make of an active state set by hand. */
static void gic_registers(void)
{
	probe("GICD_CTLR", gicd(GICD_CTLR), ~0u);
	probe("GICD_IGROUPR0", gicd(0x080u), ~0u);
	probe("GICD_ICFGR0", gicd(0xc00u), ~0u);
	probe("GICD_ICFGR1", gicd(0xc04u), ~0u);
	probe("GICD_ICFGR1", gicd(0xc04u), 0u);
	probe("GICD_ICFGR2", gicd(0xc08u), 0x55555555u);
	probe("GICC_PMR", gicc(GICC_PMR), ~0u);
	probe("GICC_BPR", gicc(GICC_BPR), ~0u);
	probe("GICC_ABPR", gicc(0x1cu), ~0u);
	volatile uint8_t *prio = (volatile uint8_t *)gicd(GICD_IPRIORITYR);
	prio[PROBE_SGI] = 0xffu;
	print_hex_line("GICD_IPRIORITYR byte after writing all ones", prio[PROBE_SGI]);
	prio[PROBE_SGI] = IRQ_PRIORITY;
	probe("GICD_ITARGETSR0", gicd(0x800u), ~0u);
	probe("GICD_ITARGETSR8", gicd(0x820u), ~0u);
	print_hex_line("GICD_ISENABLER0", *gicd(GICD_ISENABLER0));
	print_hex_line("GICD_ICPIDR2", *gicd(0xfe8u));
	print_hex_line("GICC_IIDR", *gicc(0xfcu));
	print_hex_line("GICC_CTLR", *gicc(GICC_CTLR));
	*gicd(0x200u) = 1u << PROBE_SGI;                  /* GICD_ISPENDR0 for an SGI */
	print_hex_line("GICD_ISPENDR0 after setting an SGI's bit", *gicd(0x200u));
	*gicd(0x280u) = 1u << PROBE_SGI;
	*gicd(0x300u) = 1u << PROBE_SGI;                  /* GICD_ISACTIVER0 */
	print_hex_line("GICD_ISACTIVER0 after setting a bit", *gicd(0x300u));
	print_hex_line("  running priority", *gicc(GICC_RPR));
	*gicd(0x380u) = 1u << PROBE_SGI;
	print_hex_line("GICD_ISACTIVER0 after clearing it", *gicd(0x300u));
}

/* CPSIE i and MSR CPSR_c that clears I, each returning with IRQs masked again. */
void unmask_cpsie(void);
void unmask_msr(void);
extern const uint8_t after_cpsie_mmu[], after_msr_mmu[];
__asm__(".text\n"
	"unmask_cpsie:\n\t"
	"cpsie i\n"
	"after_cpsie_mmu:\n\t"
	"cpsid i\n\t"
	"bx lr\n"
	"unmask_msr:\n\t"
	"mrs r0, cpsr\n\t"
	"bic r1, r0, #0x80\n\t"
	"msr cpsr_c, r1\n"
	"after_msr_mmu:\n\t"
	"msr cpsr_c, r0\n\t"
	"bx lr\n");

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

	static const uint32_t gic_mb[] = { GICD_BASE & 0xfff00000u };
	flat_mmu_on(gic_mb, 1);
	for (unsigned i = 0; i < UNMASK_RUNS; i++) {
		sgi_unmasked("mmu on, cpsie i", unmask_cpsie, after_cpsie_mmu);
		sgi_unmasked("mmu on, msr cpsr_c", unmask_msr, after_msr_mmu);
	}
	flat_mmu_off();
	binary_points();
	gic_registers();
	uart_puts("interrupts: done\n");
	return 0;
}
