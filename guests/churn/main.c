/*
 * Benchmark workload (bench/run.sh), not a test: with its MMU on, it churns
 * guest DACR values, kernel/user round trips, page-table updates and
 * interrupt masking as Linux's local_irq_save()/restore() does, and
 * system calls entered and left as Debian's kernel does, and prints the virtual counter ticks each loop took. Under QEMU with
 * -icount shift=0 a tick is a fixed number of instructions, so native and
 * virtualized runs compare in instructions.
 */
#include "board.h"
#include <stdint.h>

#include "churn.h"
#include "cpu.h"
#include "generic_timer.h"
#include "print.h"
#include "uart.h"

#define ITERATIONS      1000u
#define RAM_FIRST_MB    0x800u
#define RAM_MBS         0x80u
#define DEVICE_MB       (DEVICE_BASE >> 20)     /* UART and system registers */
#define TEST_VA         TEST_VA_BASE
#define TEST_FRAME      (RAM_BASE + 0x00400000u)

/* Short-descriptor bits (ARM DDI 0406C B3.5.1). */
#define SECTION         0x2u
#define SECTION_B       (1u << 2)
#define SECTION_C       (1u << 3)
#define SECTION_XN      (1u << 4)
#define SECTION_AP_RW   (3u << 10)
#define TABLE           0x1u
#define DOMAIN(d)       ((uint32_t)(d) << 5)
#define SMALL_PAGE      0x2u
#define SMALL_CB        (3u << 2)
#define SMALL_AP_RW     (3u << 4)
#define SMALL_AP0       (1u << 4)       /* toggles AP 011 <-> 010 */
#define SCTLR_M         1u

extern const uint8_t churn_vectors[], churn_syscall_vectors[];
void user_round_trip(void);
void syscall_loop(uint32_t n);

/* The SCTLR value the system call entry expects (Linux's cr_alignment). */
uint32_t syscall_sctlr;

static uint32_t l1[4096] __attribute__((aligned(16384)));
static uint32_t l2[256] __attribute__((aligned(1024)));

/* The low half of the virtual count: enough for a loop's ticks. */
static uint32_t counter(void)
{
	return (uint32_t)cntvct();
}

static void write_dacr(uint32_t v)
{
	__asm__ volatile("mcr p15, 0, %0, c3, c0, 0\n\tisb" : : "r"(v) : "memory");
}

static uint32_t read_test_page(void)
{
	return *(volatile uint32_t *)TEST_VA;
}

static void mmu_on(void)
{
	uint32_t sctlr;

	for (uint32_t mb = 0; mb < RAM_MBS; mb++)
		l1[RAM_FIRST_MB + mb] = ((RAM_FIRST_MB + mb) << 20) | SECTION | SECTION_C | SECTION_B |
			SECTION_AP_RW | DOMAIN(0);
	l1[DEVICE_MB] = (DEVICE_MB << 20) | SECTION | SECTION_B | SECTION_XN | SECTION_AP_RW | DOMAIN(0);
	l1[TEST_VA >> 20] = (uint32_t)l2 | TABLE | DOMAIN(1);
	l2[0] = TEST_FRAME | SMALL_PAGE | SMALL_CB | SMALL_AP_RW;
	__asm__ volatile("dsb\n\t"
			 "mcr p15, 0, %0, c2, c0, 0\n\t"        /* TTBR0 */
			 "mcr p15, 0, %1, c2, c0, 2\n\t"        /* TTBCR */
			 "mcr p15, 0, %1, c8, c7, 0\n\t"        /* TLBIALL */
			 "dsb\n\tisb" : : "r"(l1), "r"(0) : "memory");
	write_dacr(DACR_D0_D1);
	__asm__ volatile("mrc p15, 0, %0, c1, c0, 0" : "=r"(sctlr));
	__asm__ volatile("mcr p15, 0, %0, c1, c0, 0\n\tisb" : : "r"(sctlr | SCTLR_M) : "memory");
}

static void report(const char *what, uint32_t ticks)
{
	uart_puts("churn: ");
	uart_puts(what);
	uart_puts(" iterations ");
	print_dec(ITERATIONS);
	uart_puts(" ticks ");
	print_dec(ticks);
	uart_putc('\n');
}

int main(void)
{
	uint32_t t;

	cpu_set_vbar((uint32_t)churn_vectors);
	mmu_on();
	print_dec_line("churn: cntfrq", cntfrq());
	read_test_page();

	t = counter();
	for (unsigned i = 0; i < ITERATIONS; i++) {
		write_dacr(DACR_D0);
		write_dacr(DACR_D0_D1);
		read_test_page();
	}
	report("dacr", counter() - t);

	t = counter();
	for (unsigned i = 0; i < ITERATIONS; i++)
		user_round_trip();
	report("mode", counter() - t);

	t = counter();
	for (unsigned i = 0; i < ITERATIONS; i++) {
		l2[0] ^= SMALL_AP0;
		__asm__ volatile("dsb\n\t"
				 "mcr p15, 0, %0, c8, c7, 1\n\t"  /* TLBIMVA */
				 "dsb\n\tisb" : : "r"(TEST_VA) : "memory");
		read_test_page();
	}
	report("table", counter() - t);
	/* Linux's local_irq_save()/restore() with interrupts enabled (none is configured). */
	__asm__ volatile("cpsie i" ::: "memory");
	t = counter();
	for (unsigned i = 0; i < ITERATIONS; i++) {
		uint32_t flags;
		__asm__ volatile("mrs %0, cpsr\n\t"
				 "cpsid i\n\t"
				 "msr cpsr_c, %0" : "=&r"(flags) : : "memory");
	}
	report("irqsave", counter() - t);

	__asm__ volatile("mrc p15, 0, %0, c1, c0, 0" : "=r"(syscall_sctlr));
	cpu_set_vbar((uint32_t)churn_syscall_vectors);
	t = counter();
	syscall_loop(ITERATIONS);
	report("syscall", counter() - t);
	cpu_set_vbar((uint32_t)churn_vectors);
	uart_puts("churn: done\n");
	return 0;
}
