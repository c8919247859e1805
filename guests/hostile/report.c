#include <stdint.h>

#include "print.h"
#include "report.h"
#include "uart.h"

/* DFSR fields (ARM DDI 0406C B4.1.52); the rest is UNKNOWN or reserved. */
#define DFSR_FS_LOW     0x0000000fu
#define DFSR_DOMAIN     0x000000f0u
#define DFSR_LPAE       (1u << 9)
#define DFSR_FS4        (1u << 10)
#define DFSR_WNR        (1u << 11)
#define DFSR_EXT        (1u << 12)
#define DFSR_CM         (1u << 13)
#define DFSR_DEFINED    (DFSR_FS_LOW | DFSR_DOMAIN | DFSR_LPAE | DFSR_FS4 | DFSR_WNR | \
			 DFSR_EXT | DFSR_CM)

/*
 * Fault status values whose Domain field is UNKNOWN (short-descriptor FSR
 * encodings).  ExT is IMPLEMENTATION DEFINED for external aborts: printed,
 * since the hypervisor runs on the same implementation.
 */
#define FS_ALIGNMENT    0x01u
#define FS_TRANS_L1     0x05u
#define FS_EXTERNAL     0x08u
#define FS_EXT_WALK_L1  0x0cu

static const char *const op_names[OP_COUNT] = {
	[OP_READ] = "ldr", [OP_WRITE] = "str", [OP_READ_BYTE] = "ldrb",
	[OP_WRITE_HALF] = "strh", [OP_READ_DUAL] = "ldrd", [OP_WRITE_DUAL] = "strd",
	[OP_DCIMVAC] = "dcimvac", [OP_DCCIMVAC] = "dccimvac", [OP_DCCMVAU] = "dccmvau",
	[OP_ICIMVAU] = "icimvau", [OP_TLBIMVA] = "tlbimva", [OP_TLBIMVAA] = "tlbimvaa",
	[OP_DCISW] = "dcisw", [OP_DCCISW] = "dccisw",
};

static uint32_t attempts;

static uint32_t defined_dfsr(uint32_t dfsr)
{
	uint32_t fs = (dfsr & DFSR_FS_LOW) | ((dfsr & DFSR_FS4) ? 0x10u : 0u);
	uint32_t mask = DFSR_DEFINED;

	if (fs == FS_ALIGNMENT || fs == FS_TRANS_L1 || fs == FS_EXTERNAL || fs == FS_EXT_WALK_L1)
		mask &= ~DFSR_DOMAIN;
	return dfsr & mask;
}

static int is_store(enum op op)
{
	return op == OP_WRITE || op == OP_WRITE_HALF || op == OP_WRITE_DUAL;
}

static void print_value(enum op op, uint64_t value)
{
	print_hex((uint32_t)value);
	if (op == OP_READ_DUAL) {
		uart_putc(' ');
		print_hex((uint32_t)(value >> 32));
	}
}

void print_outcome(const char *what, enum op op, uint32_t va, uint32_t value,
		   const struct outcome *o, enum shown shown)
{
	uart_puts(what);
	uart_putc(' ');
	uart_puts(op_names[op]);
	uart_putc(' ');
	print_hex(va);
	if (is_store(op)) {
		uart_putc(' ');
		print_hex(value);
	}
	uart_puts(": ");
	if (shown == SHOW_NOTHING) {
		uart_puts("done");
	} else if (o->faulted) {
		uart_puts("fault dfsr=");
		print_hex(defined_dfsr(o->fsr));
		uart_puts(" dfar=");
		print_hex(o->far);
	} else if (shown == SHOW_ALL && (op == OP_READ || op == OP_READ_BYTE || op == OP_READ_DUAL)) {
		print_value(op, o->value);
	} else {
		uart_puts("ok");
	}
	uart_putc('\n');
	count_attempt();
}

void attempt(const char *what, enum op op, uint32_t va, uint32_t value, enum shown shown)
{
	struct outcome o = run_op(op, va, value);

	print_outcome(what, op, va, value, &o, shown);
}

void count_attempt(void)
{
	attempts++;
}

uint32_t attempts_done(void)
{
	return attempts;
}
