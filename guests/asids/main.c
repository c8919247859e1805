/*
 * asids: many address spaces under ASIDs, QEMU's MMU being the oracle.
 * 48 spaces (more than the hypervisor's 32 cached shadows) map their own
 * frames at the same VA; the guest switches among them in several patterns,
 * reusing ASIDs for other tables after TLBIASID, and reads each space's
 * markers at PL1 and from User mode; then it edits live tables with the
 * maintenance the architecture asks for (edits.c), and switches again with
 * TTBCR.N = 1, the kernel's mappings then coming from TTBR1.
 */
#include <stdbool.h>
#include <stdint.h>

#include "check.h"
#include "cpu.h"
#include "edits.h"
#include "power.h"
#include "print.h"
#include "spaces.h"
#include "uart.h"

#define SWEEPS          3u
#define STRIDE          7u	/* coprime with SPACES: every space, in another order */
#define STRIDE_VISITS   (3u * SPACES)
#define RENEW_EVERY     3u	/* every third stride visit takes a new ASID */
#define HOT_SPACES      3u
#define HOT_VISITS      (2u * SPACES)

extern const uint32_t asids_vectors[];
_Noreturn void unexpected(uint32_t vector, uint32_t lr, uint32_t spsr);

static uint64_t abt_stack[64], und_stack[64];

/* What UPPER_VA shows: a space's own section, or TTBR1's once split. */
static uint32_t upper_pa = SECT_B_PA;

/* From vectors.S, for an exception no probe expected. */
_Noreturn void unexpected(uint32_t vector, uint32_t lr, uint32_t spsr)
{
	uart_puts("asids: unexpected exception, vector ");
	print_dec(vector);
	uart_puts(" lr ");
	print_hex(lr);
	uart_puts(" spsr ");
	print_hex(spsr);
	uart_putc('\n');
	power_off();
}

/* Switch to space s and read its markers: all at PL1, from User mode in every third space. */
static void visit(struct tally *t, uint32_t s)
{
	switch_to(s);
	for (uint32_t p = 0; p < USER_PAGES; p++) {
		uint32_t va = USER_VA + p * PAGE_SIZE + MARK_OFF, want = marker(frame_pa(s, p));

		tally_read(t, va, false, want);
		if (s % 3 == 0)
			tally_read(t, va, true, want);
	}
	tally_read(t, UPPER_VA + MARK_OFF, false, marker(upper_pa));
}

/* names: of the sweeps, the stride and the hot/cold lines. */
static void run_switches(const char *const names[3])
{
	static const uint32_t hot[HOT_SPACES] = { 2, 3, 4 };
	struct tally sweep = { 0, 0 }, stride = { 0, 0 }, hot_cold = { 0, 0 };

	/* The same ASIDs throughout, more spaces than shadows are cached. */
	for (uint32_t r = 0; r < SWEEPS; r++)
		for (uint32_t s = 0; s < SPACES; s++)
			visit(&sweep, s);
	check_tally(names[0], &sweep);
	/* New ASIDs, which wrap around: reuse after TLBIASID. */
	for (uint32_t i = 0; i < STRIDE_VISITS; i++) {
		uint32_t s = i * STRIDE % SPACES;

		if (i % RENEW_EVERY == 0)
			release_asid(s);
		visit(&stride, s);
	}
	check_tally(names[1], &stride);
	/* A few spaces between all the others. */
	for (uint32_t i = 0; i < HOT_VISITS; i++)
		visit(&hot_cold, i % 2 ? hot[i / 2 % HOT_SPACES] : i / 2 % SPACES);
	check_tally(names[2], &hot_cold);
}

int main(void)
{
	static const char *const flat[] = { "ttbr0 sweeps", "ttbr0 stride", "ttbr0 hot and cold" };
	static const char *const split[] = {
		"ttbr0+ttbr1 sweeps", "ttbr0+ttbr1 stride", "ttbr0+ttbr1 hot and cold",
	};

	uart_puts("asids: start\n");
	cpu_set_mode_sp(MODE_ABT, (uint32_t)&abt_stack[64]);
	cpu_set_mode_sp(MODE_UND, (uint32_t)&und_stack[64]);
	cpu_set_vbar((uint32_t)asids_vectors);
	mmu_init();

	run_switches(flat);
	run_edits();
	enter_split();
	upper_pa = SECT_A_PA;
	run_switches(split);

	uart_puts("asids: ");
	print_dec(asid_reuses());
	uart_puts(" asid reuses, ");
	print_dec(checks_done());
	uart_puts(" checks, ");
	print_dec(checks_failed());
	uart_puts(" failed\n");
	uart_puts("asids: done\n");
	return 0;
}
