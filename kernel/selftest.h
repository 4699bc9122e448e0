/*
 * selftest.h - in-kernel tests chosen on the command line.
 *
 * Some behaviour can only be seen from inside the running kernel (an
 * exception report, allocator exhaustion, timer expiry). A subsystem defines
 *
 *     SELFTEST(page_alloc_exhaustion) { ... return 0; }
 *
 * and an integration test boots with selftest=page_alloc_exhaustion (comma
 * separated, or selftest=all for every one that is not marked destructive),
 * then reads "selftest NAME: ok" or "selftest NAME: FAIL (...)" on the
 * console. A selftest returns 0 for pass, or non-zero after printing why.
 * They run at the end of start_kernel, before the idle loop / init.
 */
#ifndef RXOS_KERNEL_SELFTEST_H
#define RXOS_KERNEL_SELFTEST_H

struct selftest {
	const char *name;
	int (*fn)(void);
	int destructive; /* panics or faults on purpose: never part of "all" */
};

#define __SELFTEST(tname, destr)                                          \
	static int selftest_##tname(void);                                \
	static const struct selftest __selftest_##tname                   \
		__attribute__((used, section(".selftests"), aligned(4))) = { \
			#tname, selftest_##tname, destr                   \
		};                                                        \
	static int selftest_##tname(void)

#define SELFTEST(name) __SELFTEST(name, 0)
/* A test that crashes the kernel on purpose (an exception report, a panic). */
#define SELFTEST_DESTRUCTIVE(name) __SELFTEST(name, 1)
/* A test that needs the host's help (typed input): like the destructive
 * ones, it runs only when named, never as part of "all". */
#define SELFTEST_BY_NAME(name) __SELFTEST(name, 1)

/* Run what selftest= asked for; prints "selftests: N passed, N failed". */
void run_selftests(void);

#endif
