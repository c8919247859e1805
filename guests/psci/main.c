/*
 * PSCI through HVC, as QEMU virt's device tree offers it: every function's
 * result (and whether PSCI_FEATURES knows it), the registers a call leaves,
 * and an HVC that is no PSCI call (undefined: no EL2 here). Ends with
 * SYSTEM_OFF (guests/boards/virt/power.c).
 */
#include <stdint.h>

#include "cpu.h"
#include "print.h"
#include "uart.h"

#define PSCI_FN(n)      (0x84000000u + (n))
#define PSCI_FN64(n)    (0xc4000000u + (n))
#define PSCI_FEATURES   PSCI_FN(0xa)

extern const uint32_t psci_vectors[];

struct call {
	uint32_t r0, r1, r2, r3;
};

static struct call hvc(uint32_t fn, uint32_t a1, uint32_t a2, uint32_t a3)
{
	register uint32_t r0 __asm__("r0") = fn;
	register uint32_t r1 __asm__("r1") = a1;
	register uint32_t r2 __asm__("r2") = a2;
	register uint32_t r3 __asm__("r3") = a3;

	__asm__ volatile(".arch_extension virt\n\thvc #0"
			 : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : : "memory", "lr");
	return (struct call){ r0, r1, r2, r3 };
}

static void report(const char *what, uint32_t fn, uint32_t a1, uint32_t a2, uint32_t a3)
{
	struct call c = hvc(fn, a1, a2, a3);

	uart_puts("psci: ");
	uart_puts(what);
	uart_puts(" r0=");
	print_hex(c.r0);
	uart_puts(" r1=");
	print_hex(c.r1);
	uart_puts(" r2=");
	print_hex(c.r2);
	uart_puts(" r3=");
	print_hex(c.r3);
	uart_putc('\n');
}

int main(void)
{
	static const uint32_t queried[] = {
		PSCI_FN(0), PSCI_FN(1), PSCI_FN(2), PSCI_FN(3), PSCI_FN(4), PSCI_FN(5), PSCI_FN(6),
		PSCI_FN(7), PSCI_FN(8), PSCI_FN(9), PSCI_FN(0xa), PSCI_FN(0xc), PSCI_FN(0x1f),
		PSCI_FN64(1), PSCI_FN64(3), PSCI_FN64(4), 0x80000000u, 0x12345678u,
	};

	__asm__ volatile("mcr p15, 0, %0, c12, c0, 0\n\tisb" : : "r"(psci_vectors) : "memory");
	report("version", PSCI_FN(0), 0x11, 0x22, 0x33);
	for (unsigned i = 0; i < sizeof(queried) / sizeof(queried[0]); i++) {
		uart_puts("psci: features of ");
		print_hex(queried[i]);
		uart_puts(":");
		report("", PSCI_FEATURES, queried[i], 0, 0);
	}
	report("migrate_info_type", PSCI_FN(6), 0, 0, 0);
	report("affinity_info cpu0", PSCI_FN(4), 0, 0, 0);
	report("affinity_info cpu1", PSCI_FN(4), 1, 0, 0);
	report("cpu_on cpu1", PSCI_FN(3), 1, 0x40010000u, 0);
	report("migrate", PSCI_FN(5), 0, 0, 0);
	report("migrate_info_up_cpu", PSCI_FN(7), 0, 0, 0);
	report("smc64 version", PSCI_FN64(0), 0, 0, 0);
	report("not psci", 0x12345678u, 1, 2, 3);
	uart_puts("psci: done\n");
	return 0;
}
