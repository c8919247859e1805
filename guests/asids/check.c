#include <stdint.h>

#include "asids.h"
#include "check.h"
#include "print.h"
#include "spaces.h"
#include "uart.h"

#define DFSR_FS_LOW     0x0000000fu	/* FS[3:0] */
#define DFSR_DOMAIN     0x000000f0u
#define DFSR_FS4        (1u << 10)
#define DFSR_WNR        (1u << 11)
#define DFSR_DOMAIN_SHIFT 4

#define MISMATCH_LINES  8u

typedef uint32_t probe_fn(uint32_t addr, uint32_t value);

probe_fn probe_read, probe_write;
uint32_t user_call(probe_fn *fn, uint32_t addr, uint32_t value);

struct fault_rec {
	uint32_t armed;
	uint32_t dfsr;
	uint32_t dfar;
};

volatile struct fault_rec fault_rec;
_Static_assert(__builtin_offsetof(struct fault_rec, armed) == FAULT_ARMED, "layout");
_Static_assert(__builtin_offsetof(struct fault_rec, dfsr) == FAULT_DFSR, "layout");
_Static_assert(__builtin_offsetof(struct fault_rec, dfar) == FAULT_DFAR, "layout");

struct outcome {
	uint32_t value;		/* what a read returned */
	uint32_t dfsr;		/* 0: no abort */
	uint32_t dfar;
};

static uint32_t checks, failed, mismatch_lines;

static struct outcome run(enum access acc, uint32_t va, bool user, uint32_t value)
{
	probe_fn *fn = acc == ACC_READ ? probe_read : probe_write;
	struct outcome o;

	fault_rec.dfsr = 0;
	fault_rec.armed = 1;
	o.value = user ? user_call(fn, va, value) : fn(va, value);
	fault_rec.armed = 0;
	o.dfsr = fault_rec.dfsr;
	o.dfar = fault_rec.dfar;
	return o;
}

static uint32_t fs_of(uint32_t dfsr)
{
	return (dfsr & DFSR_FS_LOW) | ((dfsr & DFSR_FS4) ? 0x10u : 0);
}

static bool is_domain_fault(uint32_t fs)
{
	return fs == FS_DOMAIN_SECTION || fs == FS_DOMAIN_PAGE;
}

static void put_fs(uint32_t fs)
{
	switch (fs) {
	case FS_TRANS_SECTION: uart_puts("translation-section"); break;
	case FS_TRANS_PAGE: uart_puts("translation-page"); break;
	case FS_DOMAIN_SECTION: uart_puts("domain-section"); break;
	case FS_DOMAIN_PAGE: uart_puts("domain-page"); break;
	case FS_PERM_PAGE: uart_puts("permission-page"); break;
	default: uart_puts("fs "); print_hex(fs); break;
	}
}

/* Only what the architecture defines: FS, WnR, DFAR, and the domain of a domain fault. */
static void put_outcome(const struct outcome *o)
{
	uint32_t fs = fs_of(o->dfsr);

	if (!o->dfsr) {
		uart_puts("value ");
		print_hex(o->value);
		return;
	}
	uart_puts("fault ");
	put_fs(fs);
	if (o->dfsr & DFSR_WNR)
		uart_puts(" write");
	if (is_domain_fault(fs)) {
		uart_puts(" domain ");
		print_dec((o->dfsr & DFSR_DOMAIN) >> DFSR_DOMAIN_SHIFT);
	}
	uart_puts(" at ");
	print_hex(o->dfar);
}

static void line_start(const char *name)
{
	uart_puts("asids: ");
	uart_puts(name);
	uart_puts(": ");
}

static void line_end(bool ok)
{
	if (ok)
		uart_puts("ok");
	uart_putc('\n');
	checks++;
	failed += !ok;
}

void touch(uint32_t va, bool user)
{
	run(ACC_READ, va, user, 0);
}

void check_value(const char *name, uint32_t va, bool user, uint32_t want)
{
	struct outcome o = run(ACC_READ, va, user, 0);
	bool ok = !o.dfsr && o.value == want;

	line_start(name);
	if (!ok) {
		put_outcome(&o);
		uart_puts(", want value ");
		print_hex(want);
	}
	line_end(ok);
}

void check_fault(const char *name, enum access acc, uint32_t va, bool user, uint32_t fs)
{
	struct outcome o = run(acc, va, user, 0);
	uint32_t want = (fs & DFSR_FS_LOW) | ((fs & 0x10u) ? DFSR_FS4 : 0) |
			(acc == ACC_WRITE ? DFSR_WNR : 0);
	uint32_t mask = DFSR_FS_LOW | DFSR_FS4 | DFSR_WNR;
	bool ok;

	if (is_domain_fault(fs)) {
		want |= USER_DOMAIN << DFSR_DOMAIN_SHIFT;
		mask |= DFSR_DOMAIN;
	}
	ok = o.dfsr && (o.dfsr & mask) == want && o.dfar == va;
	line_start(name);
	if (!ok) {
		put_outcome(&o);
		uart_puts(", want fault ");
		put_fs(fs);
	}
	line_end(ok);
}

void check_write(const char *name, uint32_t va, bool user, uint32_t value, uint32_t pa)
{
	struct outcome o = run(ACC_WRITE, va, user, value);
	uint32_t memory = *(volatile uint32_t *)pa;
	bool ok = !o.dfsr && memory == value;

	line_start(name);
	if (o.dfsr) {
		put_outcome(&o);
		uart_puts(", want no fault");
	} else if (!ok) {
		uart_puts("memory ");
		print_hex(memory);
		uart_puts(", want ");
		print_hex(value);
	}
	line_end(ok);
}

void tally_read(struct tally *t, uint32_t va, bool user, uint32_t want)
{
	struct outcome o = run(ACC_READ, va, user, 0);

	t->reads++;
	if (!o.dfsr && o.value == want)
		return;
	t->bad++;
	if (mismatch_lines < MISMATCH_LINES) {
		mismatch_lines++;
		uart_puts("asids: mismatch ");
		uart_puts(user ? "pl0 " : "pl1 ");
		print_hex(va);
		uart_puts(": ");
		put_outcome(&o);
		uart_puts(", want value ");
		print_hex(want);
		uart_putc('\n');
	}
}

void check_tally(const char *name, const struct tally *t)
{
	line_start(name);
	print_dec(t->bad);
	uart_puts(" mismatches of ");
	print_dec(t->reads);
	uart_puts(" reads\n");
	checks++;
	failed += t->bad != 0;
}

uint32_t checks_done(void)
{
	return checks;
}

uint32_t checks_failed(void)
{
	return failed;
}
