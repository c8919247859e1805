/* User access to kernel addresses (PAGE_OFFSET is 0xc0000000 on this
 * kernel): every read, write or jump must raise SIGSEGV with si_addr the
 * address and the PC at the access. The si_code is printed, not required:
 * it tells which fault the kernel saw (SEGV_MAPERR for a translation or
 * section permission fault, SEGV_ACCERR for a page permission fault inside
 * a VMA or for a domain fault). The vector page at 0xffff0000 is readable
 * (kuser.c) but never writable. */
#include <signal.h>
#include <stdio.h>

#include "probe.h"
#include "sig.h"
#include "ut.h"

static const uintptr_t reads[] = {
	0xbf000000,	/* modules */
	0xc0000000,	/* start of the linear map */
	0xc0008000,	/* kernel text */
	0xe0000000,
	0xf0000000,
	0xf8000000,
	0xfff00000,
	0xffff1000,	/* vector stubs: kernel only */
	0xfffff000,
};

static void kprobe(const char *what, enum probe_op op, bool thumb,
		   uintptr_t addr)
{
	char name[48];

	snprintf(name, sizeof(name), "kspace_%s_%s_%08lx", what,
		 thumb ? "thumb" : "arm", (unsigned long)addr);
	probe(name, op, thumb, addr, 0, SIGSEGV, ANY_CODE);
}

void group_kspace(void)
{
	for (size_t i = 0; i < sizeof(reads) / sizeof(reads[0]); i++)
		kprobe("read", PROBE_READ, i % 2, reads[i]);
	kprobe("write", PROBE_WRITE, false, 0xc0000000);
	kprobe("write", PROBE_WRITE, true, 0xffff0000);
	kprobe("exec", PROBE_EXEC, false, 0xc0008000);
	kprobe("exec", PROBE_EXEC, true, 0xffff1000);
}
