/* Host tests for user/lib/strtol.c: C's integer parsing rules. */
#include <errno.h>
#include <limits.h>
#include "tests/unit/unit.h"
#include "user/lib/strtol.c"

#define PARSE(fn, s, base, expect, consumed)                       \
	do {                                                       \
		char *end_;                                        \
		errno = 0;                                         \
		CHECK(fn(s, &end_, base) == (expect));             \
		CHECK_EQ(end_ - (s), consumed);                    \
	} while (0)

TEST(user_strtol_bases_and_prefixes)
{
	PARSE(strtol, "123", 10, 123, 3);
	PARSE(strtol, "  -42xyz", 10, -42, 5);
	PARSE(strtol, "+7", 10, 7, 2);
	PARSE(strtol, "0x1F", 16, 31, 4);
	PARSE(strtol, "0x1F", 0, 31, 4);
	PARSE(strtol, "017", 0, 15, 3);
	PARSE(strtol, "0", 0, 0, 1);
	PARSE(strtol, "z", 36, 35, 1);
	PARSE(strtol, "1012", 2, 5, 3);
	PARSE(strtol, "0xg", 16, 0, 1); /* "0", then 'x' is not a digit */
}

TEST(user_strtol_without_digits_consumes_nothing)
{
	PARSE(strtol, "", 10, 0, 0);
	PARSE(strtol, "  -", 10, 0, 0);
	PARSE(strtol, "abc", 10, 0, 0);
}

TEST(user_strtol_clamps_on_overflow_with_erange)
{
	char big[] = "99999999999999999999999999", nbig[] = "-99999999999999999999999999";
	char *end;

	errno = 0;
	CHECK(strtol(big, &end, 10) == LONG_MAX);
	CHECK_EQ(errno, ERANGE);
	CHECK_EQ(end - big, (long)strlen(big));
	errno = 0;
	CHECK(strtol(nbig, NULL, 10) == LONG_MIN);
	CHECK_EQ(errno, ERANGE);
	errno = 0;
	CHECK(strtoll("-9223372036854775808", NULL, 10) == LLONG_MIN);
	CHECK_EQ(errno, 0);
	CHECK(strtoull("18446744073709551616", NULL, 10) == ULLONG_MAX);
	CHECK_EQ(errno, ERANGE);
}

TEST(user_strtoul_negates_after_a_minus)
{
	errno = 0;
	CHECK(strtoul("-1", NULL, 10) == ULONG_MAX);
	CHECK(strtoul("-2", NULL, 10) == ULONG_MAX - 1);
	CHECK(strtoull("0xffffffffffffffff", NULL, 0) == ULLONG_MAX);
	CHECK_EQ(errno, 0);
}

TEST(user_atoi_and_abs)
{
	CHECK_EQ(atoi("  12abc"), 12);
	CHECK_EQ(atoi("-5"), -5);
	CHECK_EQ(atoi("x"), 0);
	CHECK_EQ(abs(-3), 3);
	CHECK_EQ(labs(-4L), 4);
}

RUN_TESTS()
