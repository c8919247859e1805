/*
 * vfp_keep: the floating-point registers keep what this guest loaded into
 * them while it computes without them for a while, round after round;
 * beside other guests that use them too, each guest switch in between
 * must leave them to their owner. The values come from the counter at
 * start, so two copies of this guest load different ones; they are never
 * printed, only whether they were kept.
 */
#include <stdint.h>

#include "generic_timer.h"
#include "print.h"
#include "uart.h"

#define ROUNDS          24u
#define ROUND_MS        20u     /* two of the hypervisor's ticks */
/* FPSCR fields that hold what is written on every VFPv3 core: NZCV, QC, AHP, DN, FZ, RMode, cumulative flags. */
#define FPSCR_KEPT      0xffc0009fu

void vfp_enable(void);
unsigned vfp_d_regs(void);
void vfp_load(const uint64_t *d, unsigned n, uint32_t fpscr);
uint32_t vfp_store(uint64_t *d, unsigned n);

static uint64_t loaded[32], stored[32];

static uint64_t xorshift(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

/* Integer work only, for `ms` milliseconds of the counter. */
static void spin(uint32_t ms)
{
	uint64_t end = cntvct() + (uint64_t)cntfrq() / 1000u * ms;

	while (cntvct() < end)
		;
}

int main(void)
{
	uint64_t state = cntvct() | 1u;
	unsigned n, rounds_kept = 0, words_changed = 0;

	uart_puts("vfp_keep: start\n");
	vfp_enable();
	n = vfp_d_regs();
	print_dec_line("vfp_keep: double registers", n);
	for (unsigned round = 0; round < ROUNDS; round++) {
		uint32_t fpscr = (uint32_t)xorshift(&state) & FPSCR_KEPT, fpscr_after;
		unsigned changed = 0;

		for (unsigned i = 0; i < n; i++)
			loaded[i] = xorshift(&state);
		vfp_load(loaded, n, fpscr);
		spin(ROUND_MS);
		fpscr_after = vfp_store(stored, n);
		for (unsigned i = 0; i < n; i++)
			changed += (stored[i] != loaded[i]);
		changed += ((fpscr_after & FPSCR_KEPT) != fpscr);
		rounds_kept += !changed;
		words_changed += changed;
	}
	print_dec_line("vfp_keep: rounds", ROUNDS);
	print_dec_line("vfp_keep: rounds whose registers and FPSCR were kept", rounds_kept);
	print_dec_line("vfp_keep: registers changed behind its back", words_changed);
	uart_puts("vfp_keep: done\n");
	return 0;
}
