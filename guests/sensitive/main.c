/*
 * Runs every class of sensitive instruction from SVC mode and prints each
 * result as "case.label: value", followed by the CPSR and SP once the case
 * has returned to C. Then, with its MMU on, the forms a hypervisor may
 * turn into branches to stubs, again and again: as they are (and some in
 * User mode once they have run in SVC mode); after the
 * MiB below RAM (where such stubs may sit) has been mapped onto RAM and
 * read through (and the LDM ^ site run on a page of it not yet touched
 * there); run from a copy of the code 64 MiB away (as Linux copies its
 * vector page: under a hypervisor, a copy of words it patched, whose stubs
 * must sit near the copy); run from a second mapping of the code; and with
 * the MMU off again.
 */
#include <stdint.h>

#include "board.h"
#include "cases.h"
#include "cpu.h"
#include "flat_mmu.h"
#include "pgtable.h"
#include "power.h"
#include "print.h"
#include "uart.h"

#define MAX_OUT 112
#define STUB_RUNS 3
/* RAM that the MiB below RAM is mapped onto, and two words there (a first and a second page). */
#define BELOW_RAM_VA    (RAM_BASE - SECTION_SIZE)
#define BELOW_RAM_PA    (RAM_BASE + 8u * SECTION_SIZE)
#define PATTERN_AT(off) (0x600d0000u | (off))
/* Where the stubs case's code is copied to, and run from. */
#define FAR_VA          (RAM_BASE - 64u * SECTION_SIZE)
#define FAR_PA          (RAM_BASE + 9u * SECTION_SIZE)
#define COPIED_PAGES    4u
#define CACHE_LINE      32u     /* the smallest of the boards' cores */

extern const uint8_t stubs_code_end[];

struct test_case {
	const char *name;
	case_fn *run;
	const char *const *labels;	/* NULL-terminated, one per result */
};

static const char *const spsr_labels[] = {
	"svc", "abt", "und", "irq", "fiq", 0
};
static const char *const bank_labels[] = {
	"sys.sp", "sys.lr", "irq.sp", "irq.lr", "abt.sp", "abt.lr",
	"und.sp", "und.lr", "fiq.sp", "fiq.lr",
	"fiq.r8", "fiq.r9", "fiq.r10", "fiq.r11", "fiq.r12",
	"svc.sp", "svc.lr",
	"svc.r8", "svc.r9", "svc.r10", "svc.r11", "svc.r12", 0
};
static const char *const msr_cpsr_labels[] = {
	"f_imm_nzcv", "f_reg_q", "fsxc_reg", "fsxc_to_sys", "fsxc_to_svc", 0
};
static const char *const msr_spsr_labels[] = {
	"fsxc_reg", "c_imm", "c_reg", "f_imm", "fsxc_imm", 0
};
static const char *const cps_labels[] = {
	"msr_clear_aif", "cpsid_i", "cpsid_if", "cpsid_a", "cpsie_a",
	"cps_sys", "cpsid_i_abt", "cpsie_if_und", "cpsid_aif_svc", 0
};
static const char *const srs_labels[] = {
	"sp-8", "sp-4", "sp+0", "sp+4", "sp+8", "abt_sp", 0
};
static const char *const rfe_labels[] = { "cpsr", "base_change", 0 };
static const char *const stm_user_labels[] = {
	"svc.usr_sp", "svc.usr_lr",
	"fiq.usr_r8", "fiq.usr_r9", "fiq.usr_r10", "fiq.usr_r11",
	"fiq.usr_r12", "fiq.usr_sp", "fiq.usr_lr", 0
};
static const char *const ldm_user_labels[] = {
	"svc.usr_sp", "svc.usr_lr", "fiq.fiq_r8",
	"fiq.usr_r8", "fiq.usr_r9", "fiq.usr_r10", "fiq.usr_r11",
	"fiq.usr_r12", "fiq.usr_sp", "fiq.usr_lr", 0
};
static const char *const ldm_pc_labels[] = {
	"ia_wb.cpsr", "ia_wb.r1", "ia_wb.base_change",
	"db.cpsr", "db.r1", "db.base_change", 0
};
static const char *const movs_pc_labels[] = { "movs.cpsr", "subs.cpsr", 0 };
static const char *const stubs_labels[] = {
	"cpsie_if", "cpsid_i", "cpsid_f", "cpsie_i", "cpsid_a", "cpsie_f", "cpsie_a", "cpsid_aif",
	"mrs.r1", "mrs.r2", "mrs.r3", "mrs.r4", "mrs.r5", "mrs.r6", "mrs.r7", "mrs.r8", "mrs.r9",
	"mrs.r10", "mrs.r11", "mrs.r12", "mrs.lr", "mrs.cpsr",
	"msr.r1", "msr.r2", "msr.r3", "msr.r4", "msr.r5", "msr.r6", "msr.r7", "msr.r8", "msr.r9",
	"msr.r10", "msr.r11", "msr.r12", "msr.lr", "msr.cpsr",
	"spsr.r1", "spsr.r2", "spsr.r3", "spsr.r4", "spsr.r5", "spsr.r6", "spsr.r7", "spsr.r8", "spsr.r9",
	"spsr.r10", "spsr.r11", "spsr.r12", "spsr.lr", "spsr.cpsr",
	"cp15.r1", "cp15.r2", "cp15.r3", "cp15.r4", "cp15.r5", "cp15.r6", "cp15.r7", "cp15.r8", "cp15.r9",
	"cp15.r10", "cp15.r11", "cp15.r12", "cp15.lr", "cp15.cpsr",
	"dcache.r1", "dcache.r2", "dcache.r3", "dcache.r4", "dcache.r5", "dcache.r6", "dcache.r7",
	"dcache.r8", "dcache.r9", "dcache.r10", "dcache.r11", "dcache.r12", "dcache.lr", "dcache.cpsr",
	"ldm.r1", "ldm.r2", "ldm.r3", "ldm.r4", "ldm.r5", "ldm.r6", "ldm.r7", "ldm.r8", "ldm.r9",
	"ldm.r10", "ldm.r11", "ldm.r12", "ldm.lr", "ldm.cpsr", "ldm.usr_sp", "ldm.usr_lr",
	"stm.first_sp", "stm.first_lr", "stm.second_sp", "stm.second_lr",
	"fiq_ldm.fiq_r8", "fiq_ldm.fiq_r12", "fiq_ldm.usr_r8", "fiq_ldm.usr_r11", "fiq_ldm.usr_sp",
	"fiq_ldm.usr_lr",
	"to_sys.cpsr", "to_sys.sp", "back.cpsr", 0
};
static const char *const cond_labels[] = {
	"mrsne", "mrseq", "msrne_spsr", "msreq_spsr",
	"msrne_cpsr_c", "msreq_cpsr_c", 0
};

static const struct test_case cases[] = {
	{ "spsr", case_spsr, spsr_labels },
	{ "bank", case_bank, bank_labels },
	{ "msr_cpsr", case_msr_cpsr, msr_cpsr_labels },
	{ "msr_spsr", case_msr_spsr, msr_spsr_labels },
	{ "cps", case_cps, cps_labels },
	{ "srsda", case_srsda, srs_labels },
	{ "srsda!", case_srsda_wb, srs_labels },
	{ "srsia", case_srsia, srs_labels },
	{ "srsia!", case_srsia_wb, srs_labels },
	{ "srsdb", case_srsdb, srs_labels },
	{ "srsdb!", case_srsdb_wb, srs_labels },
	{ "srsib", case_srsib, srs_labels },
	{ "srsib!", case_srsib_wb, srs_labels },
	{ "rfeda", case_rfeda, rfe_labels },
	{ "rfeda!", case_rfeda_wb, rfe_labels },
	{ "rfeia", case_rfeia, rfe_labels },
	{ "rfeia!", case_rfeia_wb, rfe_labels },
	{ "rfedb", case_rfedb, rfe_labels },
	{ "rfedb!", case_rfedb_wb, rfe_labels },
	{ "rfeib", case_rfeib, rfe_labels },
	{ "rfeib!", case_rfeib_wb, rfe_labels },
	{ "stm_user", case_stm_user, stm_user_labels },
	{ "ldm_user", case_ldm_user, ldm_user_labels },
	{ "ldm_pc", case_ldm_pc, ldm_pc_labels },
	{ "movs_pc", case_movs_pc, movs_pc_labels },
	{ "cond", case_cond, cond_labels },
};

static const struct test_case stubs_case = { "stubs", case_stubs, stubs_labels };
static const char *const psr_probe_labels[] = { "mrs", "mrc_dacr", "cpsid_f", "msr_c", "cpsie_a", 0 };


extern const uint32_t trap_vectors[];
_Noreturn void sensitive_trap(uint32_t vector, uint32_t lr, uint32_t spsr);

_Noreturn void sensitive_trap(uint32_t vector, uint32_t lr, uint32_t spsr)
{
	uart_puts("sensitive: unexpected exception\n");
	print_hex_line("vector", vector);
	print_hex_line("lr", lr);
	print_hex_line("spsr", spsr);
	power_off();
}

static void print_result(const char *name, const char *label, uint32_t v)
{
	uart_puts(name);
	uart_putc('.');
	print_hex_line(label, v);
}

static void run(const struct test_case *c)
{
	uint32_t out[MAX_OUT];
	uint32_t *end = c->run(out);
	uint32_t cpsr = cpu_cpsr(), sp = cpu_sp();
	unsigned n = 0;

	for (; c->labels[n]; n++)
		print_result(c->name, c->labels[n], out[n]);
	/* A mismatch here is a bug in the test itself. */
	if (end != out + n)
		print_result(c->name, "result count mismatch", (uint32_t)(end - out));
	print_result(c->name, "after.cpsr", cpsr);
	print_result(c->name, "after.sp", sp);
}

/* The PSR probe in SVC mode (where its instructions may become stubs), then in User mode. */
static void psr_probe_both_modes(void)
{
	uint32_t out[MAX_OUT];

	for (unsigned i = 0; i < STUB_RUNS; i++) {
		uint32_t *end = case_psr_probe(out);
		for (unsigned n = 0; psr_probe_labels[n] && out + n < end; n++)
			print_result("psr_probe.svc", psr_probe_labels[n], out[n]);
	}
	for (unsigned i = 0; i < STUB_RUNS; i++) {
		uint32_t *end = run_user(case_psr_probe, out);
		for (unsigned n = 0; psr_probe_labels[n] && out + n < end; n++)
			print_result("psr_probe.usr", psr_probe_labels[n], out[n]);
		print_result("psr_probe.usr", "back.cpsr", cpu_cpsr());
	}
}

/*
 * The stubs case's LDM ^ site, run many times by now, on words of a page
 * the guest has not touched through its new mapping (where a hypervisor's
 * shadow tables may not map it yet): `ram` and `below` are that memory's
 * two mappings.
 */
static void load_user_regs_from_a_new_page(volatile uint32_t *ram, volatile uint32_t *below)
{
	static const char *const labels[] = {
		"r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "usr_sp", "usr_lr"
	};
	const unsigned first = 0x3000u / 4u, n = sizeof labels / sizeof labels[0];
	uint32_t out[MAX_OUT];

	for (unsigned i = 0; i < n; i++)
		ram[first + i] = PATTERN_AT(0x3000u + 4u * i);
	uint32_t *end = user_regs_load(out, (const uint32_t *)&below[first + n]);
	for (unsigned i = 0; i < n && out + i < end; i++)
		print_result("ldm_new_page", labels[i], out[i]);
}

/*
 * The pages holding the stubs case's code, copied to FAR_PA before that
 * code has run with the MMU on (as Linux copies its vector page at boot):
 * new code, so the data cache is cleaned and the instruction cache
 * invalidated.
 */
static void copy_stubs_code(void)
{
	uint32_t first = (uint32_t)case_stubs & ~(PAGE_SIZE - 1u);
	const volatile uint32_t *from = (const uint32_t *)first;
	volatile uint32_t *to = (uint32_t *)FAR_PA;

	if ((uint32_t)stubs_code_end - first > COPIED_PAGES * PAGE_SIZE) {
		uart_puts("sensitive: the stubs case's code is larger than its copy\n");
		power_off();
	}
	for (unsigned i = 0; i < COPIED_PAGES * PAGE_SIZE / 4u; i++)
		to[i] = from[i];
	for (uint32_t line = FAR_PA; line < FAR_PA + COPIED_PAGES * PAGE_SIZE; line += CACHE_LINE)
		__asm__ volatile("mcr p15, 0, %0, c7, c11, 1" : : "r"(line) : "memory");    /* DCCMVAU */
	__asm__ volatile("dsb\n\tmcr p15, 0, %0, c7, c5, 0\n\tdsb\n\tisb" : : "r"(0) : "memory");  /* ICIALLU */
}

/* The copy, mapped at FAR_VA, run as the stubs case. */
static void run_far_copy(void)
{
	struct test_case far = stubs_case;

	flat_mmu_map_section(FAR_VA, FAR_PA);
	far.name = "stubs_far";
	far.run = (case_fn *)(FAR_VA + ((uint32_t)case_stubs & (PAGE_SIZE - 1u)));
	for (unsigned i = 0; i < STUB_RUNS; i++)
		run(&far);
}

int main(void)
{
	uint32_t cpsr = cpu_cpsr(), sp = cpu_sp();

	cpu_set_vbar((uint32_t)trap_vectors);
	uart_puts("sensitive: start\n");
	print_hex_line("main.cpsr", cpsr);
	print_hex_line("main.sp", sp);
	for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++)
		run(&cases[i]);

	copy_stubs_code();
	uart_puts("sensitive: MMU on\n");
	flat_mmu_on(0, 0);
	for (unsigned i = 0; i < STUB_RUNS; i++)
		run(&stubs_case);
	psr_probe_both_modes();

	volatile uint32_t *ram = (uint32_t *)BELOW_RAM_PA, *below = (uint32_t *)BELOW_RAM_VA;
	ram[0x40 / 4] = PATTERN_AT(0x40);
	ram[0x1000 / 4] = PATTERN_AT(0x1000);
	flat_mmu_map_section(BELOW_RAM_VA, BELOW_RAM_PA);
	print_hex_line("below_ram.0x40", below[0x40 / 4]);
	print_hex_line("below_ram.0x1000", below[0x1000 / 4]);
	for (unsigned i = 0; i < STUB_RUNS; i++)
		run(&stubs_case);
	load_user_regs_from_a_new_page(ram, below);
	run_far_copy();

	/* The code's MiB a second time: the same instructions at another address. */
	flat_mmu_map_section(TEST_VA_BASE, RAM_BASE);
	struct test_case alias = stubs_case;
	alias.name = "stubs_alias";
	alias.run = (case_fn *)((uint32_t)case_stubs - RAM_BASE + TEST_VA_BASE);
	for (unsigned i = 0; i < STUB_RUNS; i++) {
		run(&alias);
		run(&stubs_case);
	}

	flat_mmu_off();
	uart_puts("sensitive: MMU off\n");
	run(&stubs_case);
	uart_puts("sensitive: done\n");
	return 0;
}
