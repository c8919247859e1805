/* Check lines and their totals. The totals live in a shared mapping because
 * each group runs in a child process of the runner. */
#include <stdarg.h>
#include <stdio.h>
#include <sys/mman.h>

#include "ut.h"

struct totals {
	unsigned checks;
	unsigned failures;
};

static struct totals *totals;

void ut_report_init(void)
{
	totals = mmap(NULL, sizeof(*totals), PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ut_must(totals != MAP_FAILED, "usertest: mmap");
}

void ut_check(const char *name, bool ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s: ", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("%s\n", ok ? "" : " FAIL");
	fflush(stdout);
	totals->checks++;
	if (!ok)
		totals->failures++;
}

unsigned ut_checks(void)
{
	return totals->checks;
}

unsigned ut_failures(void)
{
	return totals->failures;
}
