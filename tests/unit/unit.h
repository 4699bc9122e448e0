/*
 * unit.h - the tiny host unit-test runner.
 *
 * Each tests/unit/test_*.c is a host program (gcc, native) that includes the
 * kernel file it tests (or links its object) and defines its tests with
 *
 *     TEST(vsnprintf_pads_with_zeros) { CHECK_STR(buf, "007"); }
 *
 * and ends with RUN_TESTS(). Every test prints "ok NAME" or "FAIL NAME: why";
 * the binary exits non-zero when any test failed. tests/unit/run.sh runs all
 * binaries and prints the closing "N passed, N failed" line.
 */
#ifndef RXOS_TESTS_UNIT_H
#define RXOS_TESTS_UNIT_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Kernel symbols every host test needs. Weak, so a test that wants to
 * observe them (count panics, say) can define its own.
 */
__attribute__((weak)) unsigned long host_test_eflags = 0x200;

__attribute__((weak, noreturn)) void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("FAIL kernel panic: ");
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
	fflush(stdout);
	abort();
}

struct unit_test {
	const char *name;
	void (*fn)(void);
};

#define MAX_UNIT_TESTS 256
static struct unit_test unit_tests[MAX_UNIT_TESTS];
static int unit_ntests, unit_failed_now;

#define TEST(name)                                                    \
	static void test_##name(void);                                \
	__attribute__((constructor)) static void register_##name(void) \
	{                                                             \
		unit_tests[unit_ntests++] =                           \
			(struct unit_test){ #name, test_##name };     \
	}                                                             \
	static void test_##name(void)

#define FAILF(...)                                          \
	do {                                                \
		printf("  %s:%d: ", __FILE__, __LINE__);    \
		printf(__VA_ARGS__);                        \
		printf("\n");                               \
		unit_failed_now = 1;                        \
	} while (0)

#define CHECK(cond)                                          \
	do {                                                 \
		if (!(cond))                                 \
			FAILF("CHECK(%s) failed", #cond);    \
	} while (0)

#define CHECK_EQ(a, b)                                                   \
	do {                                                             \
		long long a_ = (long long)(a), b_ = (long long)(b);      \
		if (a_ != b_)                                            \
			FAILF("%s == %lld, expected %s == %lld", #a, a_, \
			      #b, b_);                                   \
	} while (0)

#define CHECK_STR(a, b)                                                   \
	do {                                                              \
		const char *a_ = (a), *b_ = (b);                          \
		if (!a_ || !b_ || strcmp(a_, b_))                         \
			FAILF("%s == \"%s\", expected \"%s\"", #a,        \
			      a_ ? a_ : "(null)", b_ ? b_ : "(null)");    \
	} while (0)

static inline int unit_run_all(const char *file)
{
	int passed = 0, failed = 0;

	for (int i = 0; i < unit_ntests; i++) {
		unit_failed_now = 0;
		unit_tests[i].fn();
		printf("%s %s\n", unit_failed_now ? "FAIL" : "ok", unit_tests[i].name);
		unit_failed_now ? failed++ : passed++;
	}
	printf("# %s: %d passed, %d failed\n", file, passed, failed);
	return failed ? 1 : 0;
}

#define RUN_TESTS() \
	int main(void) { return unit_run_all(__FILE__); }

#endif
