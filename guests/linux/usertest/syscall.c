/* The system call interface (EABI): the SVC immediate is ignored, unknown
 * numbers give -ENOSYS, ARM-private numbers 0xf0000-0xf07ff are defined to
 * give -ENOSYS when unimplemented, numbers beyond raise SIGILL ILL_ILLTRP
 * (si_addr the SVC, PC after it), and __ARM_NR_breakpoint raises SIGTRAP
 * TRAP_BRKPT at the SVC. Also __ARM_NR_cacheflush on bad ranges; for an
 * unmapped user range the result depends on whether cache maintenance by
 * address faults there (QEMU's does not), so it is printed, not checked. */
#include <asm/unistd.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sig.h"
#include "ut.h"

uint32_t ut_svc_imm_arm(void);
uint32_t ut_svc_imm_thumb(void);
uint32_t ut_svc_arm(uintptr_t nr, uint32_t unused);
uint32_t ut_svc_thumb(uintptr_t nr, uint32_t unused);
extern const char ut_svc_arm_at[], ut_svc_thumb_at[];

static void svc_immediate(void)
{
	uint32_t arm = ut_svc_imm_arm(), thumb = ut_svc_imm_thumb();

	ut_check("syscall_svc_immediate_ignored", arm == 1 && thumb == 1,
		 "arm=%u thumb=%u", arm, thumb);
}

static void enosys(const char *name, uint32_t nr)
{
	uint32_t arm = ut_svc_arm(nr, 0), thumb = ut_svc_thumb(nr, 0);

	ut_check(name, arm == (uint32_t)-ENOSYS && thumb == (uint32_t)-ENOSYS,
		 "arm=%s thumb=%s",
		 arm == (uint32_t)-ENOSYS ? "ENOSYS" : "other",
		 thumb == (uint32_t)-ENOSYS ? "ENOSYS" : "other");
}

/* A number that raises a signal: pc_after is the SVC's size when the PC
 * is reported after it (0: at it). */
static void raising(const char *name, uint32_t nr, int signo, int code,
		    bool thumb, unsigned pc_after)
{
	ut_fn fn = thumb ? ut_svc_thumb : ut_svc_arm;
	uintptr_t at = (uintptr_t)(thumb ? ut_svc_thumb_at : ut_svc_arm_at);
	struct want w = { signo, code, at, at + pc_after, thumb };
	struct fault f;

	sig_call(pc_after ? SIG_RETURN : SIG_STEP, fn, nr, 0, &f);
	fault_check(name, &f, &w, "");
}

static void cacheflush(void)
{
	char *p = ut_map(2, PROT_READ | PROT_WRITE);
	long ok, unmapped, kernel, flags;
	int e_unmapped, e_kernel, e_flags;

	munmap(p + UT_PAGE, UT_PAGE);
	ok = syscall(__ARM_NR_cacheflush, p, p + UT_PAGE, 0);
	unmapped = syscall(__ARM_NR_cacheflush, p + UT_PAGE, p + 2 * UT_PAGE, 0);
	e_unmapped = errno;
	kernel = syscall(__ARM_NR_cacheflush, 0xc0000000, 0xc0001000, 0);
	e_kernel = errno;
	flags = syscall(__ARM_NR_cacheflush, p, p + UT_PAGE, 1);
	e_flags = errno;
	ut_check("syscall_cacheflush", ok == 0 && kernel == -1 &&
		 e_kernel == EFAULT && flags == -1 && e_flags == EINVAL,
		 "mapped=%ld unmapped=%s kernel_efault=%d flags_einval=%d", ok,
		 unmapped ? strerrorname_np(e_unmapped) : "0",
		 kernel == -1 && e_kernel == EFAULT,
		 flags == -1 && e_flags == EINVAL);
	munmap(p, UT_PAGE);
}

void group_syscall(void)
{
	svc_immediate();
	enosys("syscall_unknown_enosys", 0x4000);
	enosys("syscall_arm_private_unknown_enosys", __ARM_NR_BASE + 0x7ff);
	raising("syscall_arm_private_beyond_arm", __ARM_NR_BASE + 0x800,
		SIGILL, ILL_ILLTRP, false, 4);
	raising("syscall_arm_private_beyond_thumb", __ARM_NR_BASE + 0x800,
		SIGILL, ILL_ILLTRP, true, 2);
	raising("syscall_huge_number_arm", 0x100000, SIGILL, ILL_ILLTRP,
		false, 4);
	raising("syscall_breakpoint_arm", __ARM_NR_breakpoint, SIGTRAP,
		TRAP_BRKPT, false, 0);
	raising("syscall_breakpoint_thumb", __ARM_NR_breakpoint, SIGTRAP,
		TRAP_BRKPT, true, 0);
	cacheflush();
}
