#include <stdarg.h>

#include "arch/arm/cp15.h"
#include "arch/arm/psr.h"
#include "board/board.h"
#include "hyp/format.h"
#include "hyp/guest_set.h"
#include "hyp/log.h"
#include "hyp/panic.h"

static const char *const trap_names[] = {
	[TRAP_RESET] = "reset", [TRAP_UNDEF] = "undefined instruction", [TRAP_SVC] = "SVC",
	[TRAP_PABT] = "prefetch abort", [TRAP_DABT] = "data abort", [TRAP_UNUSED] = "unused vector",
	[TRAP_IRQ] = "IRQ", [TRAP_FIQ] = "FIQ",
};

static void report_fault_registers(void)
{
	log_error("DFSR=0x%08x DFAR=0x%08x IFSR=0x%08x IFAR=0x%08x",
		  cp15_read_dfsr(), cp15_read_dfar(), cp15_read_ifsr(), cp15_read_ifar());
}

void hyp_panic(const char *fmt, ...)
{
	va_list ap;
	uint32_t cpsr;

	__asm__ volatile("cpsid aif\n\tmrs %0, cpsr" : "=r"(cpsr));
	for (const char *p = "hyp: PANIC: "; *p; p++)
		board.console_putc(*p);
	va_start(ap, fmt);
	format_v(board.console_putc, fmt, ap);
	va_end(ap);
	board.console_putc('\n');
	log_error("cpsr=0x%08x", cpsr);
	report_fault_registers();
	hyp_finish(false);
}

void hyp_fault(const struct trap_frame *f, unsigned kind)
{
	log_error("PANIC: %s in the hypervisor (interrupted mode 0x%02x)",
		  kind < sizeof(trap_names) / sizeof(trap_names[0]) ? trap_names[kind] : "?",
		  f->cpsr & PSR_MODE_MASK);
	log_error("pc=0x%08x spsr=0x%08x", f->pc, f->cpsr);
	for (unsigned i = 0; i < 12; i += 4)
		log_error("r%u=0x%08x r%u=0x%08x r%u=0x%08x r%u=0x%08x", i, f->r[i], i + 1,
			  f->r[i + 1], i + 2, f->r[i + 2], i + 3, f->r[i + 3]);
	log_error("r12=0x%08x svc_sp=0x%08x svc_lr=0x%08x", f->r[12], f->r[13], f->r[14]);
	report_fault_registers();
	hyp_finish(false);
}
