/* Host tests for lib/cmdline.c: splitting a kernel command line. */
#include "tests/unit/unit.h"
#include "lib/string.c"
#include "lib/cmdline.c"

static char line[256];
static char *param, *val;

TEST(splits_param_and_value)
{
	char *rest;

	strcpy(line, "console=ttyS0 quiet  ip=10.0.2.15::10.0.2.2");
	rest = next_arg(line, &param, &val);
	CHECK_STR(param, "console");
	CHECK_STR(val, "ttyS0");
	rest = next_arg(rest, &param, &val);
	CHECK_STR(param, "quiet");
	CHECK(val == NULL);
	rest = next_arg(rest, &param, &val);
	CHECK_STR(param, "ip");
	CHECK_STR(val, "10.0.2.15::10.0.2.2");
	CHECK_STR(rest, "");
}

TEST(quotes_group_spaces_and_are_removed)
{
	strcpy(line, "init=\"/bin/sh -x\" next");
	char *rest = next_arg(line, &param, &val);
	CHECK_STR(param, "init");
	CHECK_STR(val, "/bin/sh -x");
	CHECK_STR(rest, "next");
}

TEST(unbalanced_quote_runs_to_end)
{
	strcpy(line, "a=\"x y z");
	char *rest = next_arg(line, &param, &val);
	CHECK_STR(param, "a");
	CHECK_STR(val, "x y z");
	CHECK_STR(rest, "");
}

TEST(empty_value_and_only_spaces)
{
	strcpy(line, "loglevel=   ");
	char *rest = next_arg(line, &param, &val);
	CHECK_STR(param, "loglevel");
	CHECK_STR(val, "");
	CHECK_STR(rest, "");
	strcpy(line, "    ");
	rest = next_arg(line, &param, &val);
	CHECK_STR(param, "");
}

TEST(only_first_equals_splits)
{
	strcpy(line, "ip=a=b");
	next_arg(line, &param, &val);
	CHECK_STR(param, "ip");
	CHECK_STR(val, "a=b");
}

TEST(kstrtoul_rejects_garbage_and_overflow)
{
	unsigned long v = 7;

	CHECK_EQ(kstrtoul("42", 10, &v), 0);
	CHECK_EQ(v, 42);
	CHECK_EQ(kstrtoul("0x1f", 0, &v), 0);
	CHECK_EQ(v, 31);
	CHECK(kstrtoul("4x", 10, &v) < 0);
	CHECK(kstrtoul("", 10, &v) < 0);
	CHECK(kstrtoul("99999999999999999999", 10, &v) < 0);
}

RUN_TESTS()
