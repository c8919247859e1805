/* mprotect transitions on anonymous memory: data survives every change,
 * and each new protection is enforced at once (the kernel must flush the old
 * TLB entries), including code written and then made executable. */
#include <signal.h>
#include <sys/mman.h>

#include "probe.h"
#include "ut.h"

#define RW (PROT_READ | PROT_WRITE)
#define RX (PROT_READ | PROT_EXEC)
#define RWX (PROT_READ | PROT_WRITE | PROT_EXEC)

static void protect(void *p, size_t pages, int prot)
{
	ut_must(mprotect(p, pages * UT_PAGE, prot) == 0, "usertest: mprotect");
}

static void data_transitions(void)
{
	uint32_t *p = ut_map(1, RW);
	uintptr_t a = (uintptr_t)p;

	p[0] = 0x11;
	protect(p, 1, PROT_READ);
	probe("mprotect_rw_to_r_read", PROBE_READ, false, a, 0x11, 0, 0);
	probe("mprotect_rw_to_r_write", PROBE_WRITE, false, a, 1,
	      SIGSEGV, SEGV_ACCERR);
	protect(p, 1, RW);
	probe("mprotect_r_to_rw_write", PROBE_WRITE, true, a, 0x22, 0, 0);
	protect(p, 1, PROT_NONE);
	probe("mprotect_rw_to_none_read", PROBE_READ, true, a, 0,
	      SIGSEGV, SEGV_ACCERR);
	probe("mprotect_rw_to_none_write", PROBE_WRITE, false, a, 0,
	      SIGSEGV, SEGV_ACCERR);
	protect(p, 1, RW);
	probe("mprotect_none_to_rw_read", PROBE_READ, false, a, 0x22, 0, 0);
	munmap(p, UT_PAGE);
}

/* Code written through a writable mapping, then run: each rewrite must be
 * seen after __builtin___clear_cache (the cacheflush system call). */
static void code_transitions(void)
{
	uint8_t *p = ut_map(1, RW);
	uintptr_t a = (uintptr_t)p;

	code_arm(p, 42);
	code_thumb(p + 64, 43);
	__builtin___clear_cache((char *)p, (char *)p + UT_PAGE);
	protect(p, 1, RX);
	probe("mprotect_rw_to_rx_exec_arm", PROBE_EXEC, false, a, 42, 0, 0);
	probe("mprotect_rw_to_rx_exec_thumb", PROBE_EXEC, true, a + 64, 43,
	      0, 0);
	probe("mprotect_rw_to_rx_write", PROBE_WRITE, false, a + 128, 0,
	      SIGSEGV, SEGV_ACCERR);

	protect(p, 1, RW);
	probe("mprotect_rx_to_rw_exec", PROBE_EXEC, false, a, 42,
	      SIGSEGV, SEGV_ACCERR);
	code_arm(p, 44);
	code_thumb(p + 64, 45);
	__builtin___clear_cache((char *)p, (char *)p + UT_PAGE);
	protect(p, 1, RX);
	probe("mprotect_rewritten_exec_arm", PROBE_EXEC, false, a, 44, 0, 0);
	probe("mprotect_rewritten_exec_thumb", PROBE_EXEC, true, a + 64, 45,
	      0, 0);
	protect(p, 1, PROT_NONE);
	probe("mprotect_rx_to_none_exec", PROBE_EXEC, true, a + 64, 45,
	      SIGSEGV, SEGV_ACCERR);
	munmap(p, UT_PAGE);
}

/* Self-modifying code in a writable and executable page. */
static void rwx_rewrite(void)
{
	uint8_t *p = ut_map(1, RWX);
	uintptr_t a = (uintptr_t)p;

	code_arm(p, 50);
	__builtin___clear_cache((char *)p, (char *)p + CODE_ARM_SIZE);
	probe("mprotect_rwx_exec_arm", PROBE_EXEC, false, a, 50, 0, 0);
	code_arm(p, 51);
	__builtin___clear_cache((char *)p, (char *)p + CODE_ARM_SIZE);
	probe("mprotect_rwx_rewritten_exec_arm", PROBE_EXEC, false, a, 51,
	      0, 0);
	code_thumb(p + 8, 52);
	__builtin___clear_cache((char *)p + 8, (char *)p + 8 + CODE_THUMB_SIZE);
	probe("mprotect_rwx_exec_thumb", PROBE_EXEC, true, a + 8, 52, 0, 0);
	munmap(p, UT_PAGE);
}

/* Changing or unmapping the middle page of three leaves its neighbours. */
static void partial(void)
{
	uint8_t *p = ut_map(3, RW);
	uintptr_t a = (uintptr_t)p;

	for (int i = 0; i < 3; i++)
		*(uint32_t *)(p + i * UT_PAGE) = 0x100 + i;
	protect(p + UT_PAGE, 1, PROT_NONE);
	probe("mprotect_middle_page0", PROBE_READ, false, a, 0x100, 0, 0);
	probe("mprotect_middle_page1", PROBE_READ, false, a + UT_PAGE, 0,
	      SIGSEGV, SEGV_ACCERR);
	probe("mprotect_middle_page2", PROBE_READ, false, a + 2 * UT_PAGE,
	      0x102, 0, 0);
	munmap(p + UT_PAGE, UT_PAGE);
	probe("munmap_middle_page1", PROBE_READ, true, a + UT_PAGE + 4, 0,
	      SIGSEGV, SEGV_MAPERR);
	probe("munmap_middle_page2", PROBE_READ, true, a + 2 * UT_PAGE,
	      0x102, 0, 0);
	munmap(p, 3 * UT_PAGE);
}

void group_mprotect(void)
{
	data_transitions();
	code_transitions();
	rwx_rewrite();
	partial();
}
