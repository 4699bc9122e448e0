/* Host tests for lib/vsprintf.c: the formats printk and /proc files use. */
#include "tests/unit/unit.h"
#include "lib/string.c"
#include "lib/vsprintf.c"

static char buf[128];

#define FMT(expect, ...)                                   \
	do {                                               \
		int n_ = snprintf(buf, sizeof(buf), __VA_ARGS__); \
		CHECK_STR(buf, expect);                    \
		CHECK_EQ(n_, (int)strlen(expect));         \
	} while (0)

TEST(integers_signed_and_unsigned)
{
	FMT("-42 42 4294967295", "%d %u %u", -42, 42u, 4294967295u);
	FMT("-2147483648", "%d", (int)0x80000000);
	FMT("18446744073709551615", "%llu", 18446744073709551615ULL);
	FMT("-9223372036854775807", "%lld", -9223372036854775807LL);
}

TEST(hex_octal_and_alternate_forms)
{
	FMT("ff FF 0xff 17 017", "%x %X %#x %o %#o", 255, 255, 255, 15, 15);
	FMT("0", "%#x", 0);
}

TEST(width_padding_and_alignment)
{
	FMT("[   42][42   ][00042]", "[%5d][%-5d][%05d]", 42, 42, 42);
	FMT("[-0042]", "[%05d]", -42);
	FMT("[  abc][ab]", "[%5s][%.2s]", "abc", "abc");
	FMT("[    7]", "[%*d]", 5, 7);
}

TEST(printk_timestamp_format)
{
	FMT("[    0.000000]", "[%5lu.%06lu]", 0ul, 0ul);
	FMT("[12345.678901]", "[%5lu.%06lu]", 12345ul, 678901ul);
}

TEST(truncation_returns_full_length_and_terminates)
{
	char small[4];
	int n = snprintf(small, sizeof(small), "%s", "abcdef");

	CHECK_EQ(n, 6);
	CHECK_STR(small, "abc");
	CHECK_EQ(scnprintf(small, sizeof(small), "%s", "abcdef"), 3);
	CHECK_EQ(snprintf(NULL, 0, "%d", 12345), 5);
}

TEST(null_string_and_pointer)
{
	FMT("(null)", "%s", (char *)NULL);
	FMT("0xc0100000", "%p", (void *)0xc0100000);
}

TEST(unknown_conversion_and_trailing_percent)
{
	FMT("%q 100%", "%q 100%%");
	FMT("x", "x%");
}

RUN_TESTS()
