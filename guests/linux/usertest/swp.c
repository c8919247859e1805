/* SWP and SWPB swap. With SCTLR.SW clear they are UNDEFINED and Linux
 * emulates them; where the CPU still executes them (QEMU does, whatever
 * SCTLR.SW says) the hardware does it. The counts in /proc/cpu/swp_emulation
 * tell which, so they are printed, not checked. A SWP on memory that cannot
 * be written gives SIGSEGV at the instruction (SEGV_ACCERR inside a
 * mapping, SEGV_MAPERR outside). An unaligned SWP gives SIGSEGV SEGV_ACCERR
 * from the emulation, or SIGBUS BUS_ADRALN from the hardware's alignment
 * fault, which Linux reports with the PC already past the instruction. */
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>

#include "sig.h"
#include "ut.h"

uint32_t ut_swp(uintptr_t addr, uint32_t value);
uint32_t ut_swpb(uintptr_t addr, uint32_t value);
extern const char ut_swp_at[], ut_swpb_at[];

struct swp_counts {
	unsigned long swp, swpb, aborted;
};

static bool read_counts(struct swp_counts *c)
{
	FILE *f = fopen("/proc/cpu/swp_emulation", "r");
	char line[80];
	int found = 0;

	if (!f)
		return false;
	while (fgets(line, sizeof(line), f)) {
		found += sscanf(line, "Emulated SWP: %lu", &c->swp);
		found += sscanf(line, "Emulated SWPB: %lu", &c->swpb);
		found += sscanf(line, "Aborted SWP{B}: %lu", &c->aborted);
	}
	fclose(f);
	return found == 3;
}

static void bad(const char *name, ut_fn fn, const char *at, uintptr_t addr,
		int code)
{
	struct want w = { SIGSEGV, code, addr, (uintptr_t)at, false };
	struct want align = { SIGBUS, BUS_ADRALN, addr, ANY_ADDR, false };
	struct fault f;
	char extra[24] = "";

	sig_call(SIG_JUMP, fn, addr, 0, &f);
	if (f.signo == SIGBUS)
		snprintf(extra, sizeof(extra), "pc=at%+ld ",
			 (long)(f.pc - (uintptr_t)at));
	fault_check(name, &f, f.signo == SIGBUS ? &align : &w, extra);
}

void group_swp(void)
{
	static volatile uint32_t word = 0x11111111;
	static volatile uint8_t bytes[4] = { 1, 2, 3, 4 };
	struct swp_counts before, after;
	uint32_t old, oldb;
	uint8_t *ro = ut_map(2, PROT_READ);

	munmap(ro + UT_PAGE, UT_PAGE);
	ut_must(read_counts(&before), "usertest: /proc/cpu/swp_emulation");
	old = ut_swp((uintptr_t)&word, 0x22222222);
	ut_check("swp_word", old == 0x11111111 && word == 0x22222222,
		 "old_ok=%d new_ok=%d", old == 0x11111111, word == 0x22222222);
	oldb = ut_swpb((uintptr_t)&bytes[1], 0xabcd);
	ut_check("swp_byte", oldb == 2 && bytes[0] == 1 && bytes[1] == 0xcd &&
		 bytes[2] == 3, "old_ok=%d new_ok=%d neighbours_ok=%d",
		 oldb == 2, bytes[1] == 0xcd, bytes[0] == 1 && bytes[2] == 3);
	bad("swp_unaligned", ut_swp, ut_swp_at, (uintptr_t)&word + 1,
	    SEGV_ACCERR);
	bad("swp_readonly", ut_swp, ut_swp_at, (uintptr_t)ro, SEGV_ACCERR);
	bad("swpb_unmapped", ut_swpb, ut_swpb_at, (uintptr_t)ro + UT_PAGE,
	    SEGV_MAPERR);
	ut_must(read_counts(&after), "usertest: /proc/cpu/swp_emulation");
	ut_check("swp_proc_counts", true, "swp=%lu swpb=%lu aborted=%lu",
		 after.swp - before.swp, after.swpb - before.swpb,
		 after.aborted - before.aborted);
	munmap(ro, UT_PAGE);
}
