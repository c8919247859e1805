/*
 * A tiny unit test framework for the host tests. TEST(name) registers a
 * test through a constructor; a failed CHECK records file:line and a
 * detail, then leaves the test (the runner in main.c longjmps out), so a
 * check may be used in helpers too.
 */
#ifndef TESTS_HOST_TEST_H
#define TESTS_HOST_TEST_H

#include <stdint.h>
#include <string.h>

struct test_case {
	const char *name;
	void (*fn)(void);
	struct test_case *next;
};

void test_register(struct test_case *tc);
_Noreturn void test_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define TEST(name)                                                              \
	static void test_body_##name(void);                                     \
	static struct test_case test_case_##name = { #name, test_body_##name, 0 }; \
	__attribute__((constructor)) static void test_add_##name(void)          \
	{                                                                       \
		test_register(&test_case_##name);                               \
	}                                                                       \
	static void test_body_##name(void)

#define FAIL(...) test_fail(__FILE__, __LINE__, __VA_ARGS__)

#define CHECK(cond)                                                             \
	do {                                                                    \
		if (!(cond))                                                    \
			FAIL("CHECK(%s)", #cond);                               \
	} while (0)

/* Integers of any width, compared and shown as 64-bit unsigned values. */
#define CHECK_EQ(actual, expected)                                              \
	do {                                                                    \
		unsigned long long a_ = (unsigned long long)(actual);           \
		unsigned long long e_ = (unsigned long long)(expected);         \
		if (a_ != e_)                                                   \
			FAIL("CHECK_EQ(%s, %s): got 0x%llx, expected 0x%llx",   \
			     #actual, #expected, a_, e_);                       \
	} while (0)

#define CHECK_STR(actual, expected)                                             \
	do {                                                                    \
		const char *a_ = (actual), *e_ = (expected);                    \
		if (!a_ || strcmp(a_, e_))                                      \
			FAIL("CHECK_STR(%s): got \"%s\", expected \"%s\"",      \
			     #actual, a_ ? a_ : "(null)", e_);                  \
	} while (0)

/* One xorshift32 step of `*state` (never 0): the tests' reproducible random words. */
static inline uint32_t test_xorshift32(uint32_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

#define CHECK_CONTAINS(actual, part)                                            \
	do {                                                                    \
		const char *a_ = (actual), *p_ = (part);                        \
		if (!a_ || !strstr(a_, p_))                                     \
			FAIL("CHECK_CONTAINS(%s): \"%s\" does not contain \"%s\"", \
			     #actual, a_ ? a_ : "(null)", p_);                  \
	} while (0)

#endif
