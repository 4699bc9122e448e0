/*
 * Host tests for user/lib/format.c, the printf engine of the user libc.
 * Its snprintf replaces glibc's in this binary; glibc's asprintf (which
 * does not go through the snprintf symbol) gives the reference output.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include "tests/unit/unit.h"
#include "user/lib/format.c"

static char buf[256];

#define SAME(...)                                                    \
	do {                                                         \
		char *ref_ = NULL;                                   \
		int rn_ = asprintf(&ref_, __VA_ARGS__);              \
		int n_ = snprintf(buf, sizeof(buf), __VA_ARGS__);    \
		CHECK_STR(buf, ref_);                                \
		CHECK_EQ(n_, rn_);                                   \
		free(ref_);                                          \
	} while (0)

TEST(user_printf_integers_match_glibc)
{
	SAME("%d %i %u", -42, 17, 42u);
	SAME("%d %d", (int)0x80000000, 0x7fffffff);
	SAME("%ld %lu %lld %llu", -1L, 4000000000UL, -9223372036854775807LL - 1,
	     18446744073709551615ULL);
	SAME("%hhd %hhu %hd %hu", 300, 300, 70000, 70000);
	SAME("%zu %zd %jd %td", (size_t)123, (ssize_t)-5, (intmax_t)-7, (ptrdiff_t)9);
}

TEST(user_printf_bases_and_alternate_forms_match_glibc)
{
	SAME("%x %X %o %#x %#X %#o", 255, 255, 8, 255, 255, 8);
	SAME("%#x %#o %#.0o %.0x|", 0, 0, 0, 0);
	SAME("%#10x|%-#10x|%#010x", 0xabc, 0xabc, 0xabc);
	SAME("%llx %#llo", 0x123456789abcdefULL, 01234567012345670ULL);
}

TEST(user_printf_width_precision_flags_match_glibc)
{
	SAME("[%5d][%-5d][%05d][%+d][% d][%+5d]", 42, 42, 42, 42, 42, 42);
	SAME("[%05d][%-05d][%.3d][%8.3d][%-8.3d][%08.3d]", -42, -42, 7, -7, 7, 7);
	SAME("[%*d][%-*d][%*d][%.*d]", 6, 1, 6, 1, -6, 1, 4, 3);
	SAME("[%.0d][%5.0d][%+.0d]", 0, 0, 0);
	SAME("[%s][%8s][%-8s][%.2s][%8.2s][%.*s]", "abc", "abc", "abc", "abc", "abc", 1, "xyz");
	SAME("[%c][%3c][%-3c]", 'a', 'b', 'c');
	SAME("%%|%5%|%d%%", 50);
}

TEST(user_printf_pointers_and_null_strings_match_glibc)
{
	SAME("%p %p", (void *)0x1234, (void *)0);
	SAME("%s|%10s", (char *)NULL, (char *)NULL);
}

TEST(user_snprintf_truncates_and_returns_the_full_length)
{
	char small[5];

	CHECK_EQ(snprintf(small, sizeof(small), "%d-%s", 12345, "abc"), 9);
	CHECK_STR(small, "1234");
	CHECK_EQ(snprintf(small, 1, "xyz"), 3);
	CHECK_STR(small, "");
	CHECK_EQ(snprintf(NULL, 0, "%05d", 1), 5);
}

TEST(user_printf_nul_char_is_written)
{
	int n = snprintf(buf, sizeof(buf), "a%cb", 0);

	CHECK_EQ(n, 3);
	CHECK(buf[0] == 'a' && buf[1] == '\0' && buf[2] == 'b');
}

/* The sink interface: stdio's printf feeds FILEs through it. */
struct count_sink {
	struct fmt_sink sink;
	int calls;
	char out[64];
	size_t len;
};

static void count_write(struct fmt_sink *s, const char *p, size_t n)
{
	struct count_sink *c = (struct count_sink *)s;

	c->calls++;
	memcpy(c->out + c->len, p, n);
	c->len += n;
}

static int via_sink(struct count_sink *c, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vformat(&c->sink, fmt, ap);
	va_end(ap);
	return n;
}

TEST(user_vformat_streams_runs_to_its_sink)
{
	struct count_sink c = { { count_write, 0 }, 0, { 0 }, 0 };

	CHECK_EQ(via_sink(&c, "x=%d, s=%s.", 42, "ok"), 11);
	c.out[c.len] = '\0';
	CHECK_STR(c.out, "x=42, s=ok.");
	CHECK(c.calls >= 4);
}

RUN_TESTS()
