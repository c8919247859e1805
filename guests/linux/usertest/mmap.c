/* mmap with each protection: read, write and execute, ARM and Thumb, on a
 * private mapping of a file page that holds code and data. Linux on ARMv7
 * maps PROT_NONE inaccessible, PROT_WRITE writable, and pages without
 * PROT_EXEC execute-never; every denied access is SIGSEGV SEGV_ACCERR with
 * si_addr the address accessed and the PC at the faulting instruction. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "probe.h"
#include "ut.h"

#define OFF_ARM 0
#define OFF_THUMB 16
#define OFF_DATA 32
#define RET_ARM 42
#define RET_THUMB 43
#define DATA 0x5a5a1234u

static const struct {
	const char *name;
	int prot;
} prots[] = {
	{ "none", PROT_NONE },
	{ "r", PROT_READ },
	{ "rw", PROT_READ | PROT_WRITE },
	{ "rx", PROT_READ | PROT_EXEC },
	{ "rwx", PROT_READ | PROT_WRITE | PROT_EXEC },
};

/* A one-page file: ARM code, Thumb code and a data word. */
static int code_file(void)
{
	static uint8_t page[UT_PAGE];
	const uint32_t data = DATA;
	int fd = memfd_create("usertest-mmap", 0);

	code_arm(page + OFF_ARM, RET_ARM);
	code_thumb(page + OFF_THUMB, RET_THUMB);
	memcpy(page + OFF_DATA, &data, sizeof(data));
	ut_must(fd >= 0 && write(fd, page, sizeof(page)) == sizeof(page),
		"usertest: memfd");
	return fd;
}

static void name(char *buf, const char *prot, const char *what)
{
	snprintf(buf, 48, "mmap_%s_%s", prot, what);
}

static void one_prot(int fd, const char *pname, int prot)
{
	uintptr_t p = (uintptr_t)mmap(NULL, UT_PAGE, prot, MAP_PRIVATE, fd, 0);
	bool r = prot & PROT_READ, w = prot & PROT_WRITE;
	bool x = prot & PROT_EXEC;
	char n[48];

	ut_must(p != (uintptr_t)MAP_FAILED, "usertest: mmap");
	/* Execute first, while the page is still the file's page. */
	name(n, pname, "exec_arm");
	probe(n, PROBE_EXEC, false, p + OFF_ARM, RET_ARM,
	      x ? 0 : SIGSEGV, SEGV_ACCERR);
	name(n, pname, "exec_thumb");
	probe(n, PROBE_EXEC, true, p + OFF_THUMB, RET_THUMB,
	      x ? 0 : SIGSEGV, SEGV_ACCERR);
	name(n, pname, "read_arm");
	probe(n, PROBE_READ, false, p + OFF_DATA, DATA,
	      r ? 0 : SIGSEGV, SEGV_ACCERR);
	name(n, pname, "read_thumb");
	probe(n, PROBE_READ, true, p + OFF_DATA, DATA,
	      r ? 0 : SIGSEGV, SEGV_ACCERR);
	name(n, pname, "write_arm");
	probe(n, PROBE_WRITE, false, p + OFF_DATA, 0x11111111,
	      w ? 0 : SIGSEGV, SEGV_ACCERR);
	name(n, pname, "write_thumb");
	probe(n, PROBE_WRITE, true, p + OFF_DATA + 4, 0x22222222,
	      w ? 0 : SIGSEGV, SEGV_ACCERR);
	munmap((void *)p, UT_PAGE);
}

void group_mmap(void)
{
	int fd = code_file();
	uintptr_t gone;

	for (size_t i = 0; i < sizeof(prots) / sizeof(prots[0]); i++)
		one_prot(fd, prots[i].name, prots[i].prot);
	close(fd);

	/* Nothing mapped: SEGV_MAPERR. */
	gone = (uintptr_t)ut_map(1, PROT_READ | PROT_WRITE);
	munmap((void *)gone, UT_PAGE);
	probe("mmap_unmapped_read_arm", PROBE_READ, false, gone + 8, 0,
	      SIGSEGV, SEGV_MAPERR);
	probe("mmap_unmapped_write_thumb", PROBE_WRITE, true, gone + 12, 0,
	      SIGSEGV, SEGV_MAPERR);
	probe("mmap_unmapped_exec_arm", PROBE_EXEC, false, gone + 16, 0,
	      SIGSEGV, SEGV_MAPERR);
	probe("mmap_unmapped_exec_thumb", PROBE_EXEC, true, gone + 18, 0,
	      SIGSEGV, SEGV_MAPERR);
	probe("mmap_null_read_arm", PROBE_READ, false, ut_opaque(0), 0,
	      SIGSEGV, SEGV_MAPERR);
}
