/* Runs every registered test: one PASS/FAIL line each, exit status 1 if any failed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>

#include "test.h"

static struct test_case *head, **tail = &head;
static jmp_buf leave_test;
static char detail[512];

void test_register(struct test_case *tc)
{
	*tail = tc;
	tail = &tc->next;
}

void test_fail(const char *file, int line, const char *fmt, ...)
{
	int n = snprintf(detail, sizeof(detail), "%s:%d: ", file, line);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail + n, sizeof(detail) - (size_t)n, fmt, ap);
	va_end(ap);
	/* The result is one line, whatever the formatted values held. */
	for (char *c = detail; *c; c++)
		if (*c == '\n')
			*c = ' ';
	longjmp(leave_test, 1);
}

/* 1 if the test ran to its end, 0 if a check failed. */
static int run(const struct test_case *tc)
{
	if (setjmp(leave_test))
		return 0;
	tc->fn();
	return 1;
}

int main(void)
{
	int failed = 0;

	/* Whole lines out at once, so a sanitizer abort keeps the results so far. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (const struct test_case *tc = head; tc; tc = tc->next) {
		if (run(tc)) {
			printf("PASS host/%s\n", tc->name);
		} else {
			printf("FAIL host/%s: %s\n", tc->name, detail);
			failed = 1;
		}
	}
	return failed;
}
