/*
 * Takes SVC, undefined-instruction, prefetch-abort and data-abort exceptions
 * through its own vector table and resumes after each one.
 */
#include <stdint.h>

#include "cpu.h"
#include "exceptions.h"
#include "print.h"
#include "uart.h"

struct exc_frame {
	uint32_t spsr;
	uint32_t kind;
	uint32_t r[13];
	uint32_t lr;	/* banked LR on entry, resume address on exit */
};

extern const uint32_t exc_vectors[];
uint32_t trigger_svc(uint32_t arg);
uint32_t trigger_udf(void);
uint32_t trigger_bkpt(void);
uint32_t trigger_ldm(uint32_t addr);
uint32_t trigger_stm(uint32_t addr);
uint32_t trigger_ldrex(uint32_t addr);
uint32_t trigger_user_svc(void);
void exc_handler(struct exc_frame *f);

static uint64_t abt_stack[256], und_stack[256];
static uint32_t unaligned_buf[4];

static uint32_t read_dfsr(void)
{
	uint32_t v;

	__asm__ volatile("mrc p15, 0, %0, c5, c0, 0" : "=r"(v));
	return v;
}

static uint32_t read_dfar(void)
{
	uint32_t v;

	__asm__ volatile("mrc p15, 0, %0, c6, c0, 0" : "=r"(v));
	return v;
}

static uint32_t read_ifsr(void)
{
	uint32_t v;

	__asm__ volatile("mrc p15, 0, %0, c5, c0, 1" : "=r"(v));
	return v;
}

static void handle_svc(struct exc_frame *f)
{
	uint32_t nr = f->r[7];

	print_hex_line("  svc number (r7)", nr);
	if (nr == SVC_NR_ADD) {
		print_hex_line("  svc arg (r0)", f->r[0]);
		f->r[0] += nr;
	} else if (nr == SVC_NR_TO_SVC) {
		f->spsr = (f->spsr & ~(uint32_t)PSR_MODE_MASK) | MODE_SVC;
	}
}

void exc_handler(struct exc_frame *f)
{
	static const char *const names[] = {
		[EXC_UND] = "undefined instruction",
		[EXC_SVC] = "supervisor call",
		[EXC_PABT] = "prefetch abort",
		[EXC_DABT] = "data abort",
	};

	uart_puts("  exception: ");
	uart_puts(names[f->kind]);
	uart_putc('\n');
	print_hex_line("  mode", cpu_cpsr() & PSR_MODE_MASK);
	print_hex_line("  lr", f->lr);
	print_hex_line("  spsr", f->spsr);

	switch (f->kind) {
	case EXC_SVC:
		handle_svc(f);
		break;
	case EXC_PABT:
		/* Only BKPT gets here: IFAR is UNKNOWN after that debug event. */
		print_hex_line("  ifsr", read_ifsr());
		break;
	case EXC_DABT:
		print_hex_line("  dfsr", read_dfsr());
		print_hex_line("  dfar", read_dfar());
		f->lr -= 4;	/* LR is the faulting instruction + 8 */
		break;
	}
	/* UND, SVC and PABT: LR already points after the instruction. */
}

static void test(const char *name)
{
	uart_puts("test: ");
	uart_puts(name);
	uart_putc('\n');
}

static void resumed(uint32_t cpsr)
{
	print_hex_line("  resumed, cpsr", cpsr);
}

int main(void)
{
	uint32_t buf = (uint32_t)unaligned_buf;

	uart_puts("exceptions: start\n");
	cpu_set_mode_sp(MODE_ABT, (uint32_t)&abt_stack[256]);
	cpu_set_mode_sp(MODE_UND, (uint32_t)&und_stack[256]);
	cpu_set_vbar((uint32_t)exc_vectors);
	print_hex_line("vbar", cpu_vbar());

	test("svc from SVC mode");
	print_hex_line("  svc result (r0)", trigger_svc(0x1000));
	test("udf");
	resumed(trigger_udf());
	test("bkpt");
	resumed(trigger_bkpt());
	test("ldm from unaligned address");
	resumed(trigger_ldm(buf + 1));
	test("stm to unaligned address");
	resumed(trigger_stm(buf + 3));
	test("ldrex from unaligned address");
	resumed(trigger_ldrex(buf + 2));
	test("svc from User mode");
	resumed(trigger_user_svc());

	uart_puts("exceptions: done\n");
	return 0;
}
