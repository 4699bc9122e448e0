/* Host tests for user/lib/re.c, the matcher behind regcomp and grep. */
#include "tests/unit/unit.h"
#include "user/lib/re.c"

/* Match pattern against text; returns 1/0 and the span in *so, *eo. */
static int m(const char *pattern, int flags, const char *text, int *so, int *eo)
{
	struct re_prog *p;
	int r, s = -1, e = -1;

	if (re_compile(&p, pattern, flags) != RE_OK)
		return -1;
	r = re_exec(p, text, &s, &e);
	re_free(p);
	if (so)
		*so = s, *eo = e;
	return r;
}

#define MATCH(pat, text) CHECK_EQ(m(pat, 0, text, NULL, NULL), 1)
#define NOMATCH(pat, text) CHECK_EQ(m(pat, 0, text, NULL, NULL), 0)
#define SPAN(pat, text, s, e)                                   \
	do {                                                    \
		int so_, eo_;                                   \
		CHECK_EQ(m(pat, 0, text, &so_, &eo_), 1);       \
		CHECK_EQ(so_, s);                               \
		CHECK_EQ(eo_, e);                               \
	} while (0)

TEST(user_regex_literals_and_dot)
{
	MATCH("abc", "xxabcxx");
	NOMATCH("abd", "abc");
	MATCH("a.c", "abc");
	NOMATCH("a.c", "ac");
	MATCH("", "anything");
	SPAN("b.d", "abcde", 1, 4);
}

TEST(user_regex_star_is_greedy_and_may_match_nothing)
{
	SPAN("ab*c", "xacx", 1, 3);
	SPAN("ab*c", "abbbc", 0, 5);
	SPAN("a.*c", "abcabc", 0, 6);
	SPAN("x*", "abc", 0, 0);
	MATCH("*a", "x*a"); /* a leading * is literal */
	NOMATCH("*a", "xa");
}

TEST(user_regex_anchors)
{
	MATCH("^ab", "abc");
	NOMATCH("^b", "abc");
	MATCH("c$", "abc");
	NOMATCH("b$", "abc");
	MATCH("^$", "");
	NOMATCH("^$", "x");
	MATCH("a^b", "a^b"); /* ^ and $ inside are literal */
	MATCH("a$b", "a$b");
}

TEST(user_regex_bracket_expressions)
{
	MATCH("[abc]", "xxb");
	NOMATCH("[abc]", "xyz");
	MATCH("[^abc]", "abcd");
	NOMATCH("[^abc]", "cab");
	MATCH("x[0-9][0-9]", "x42");
	NOMATCH("x[0-9][0-9]", "x4a");
	MATCH("[]x]", "]");
	MATCH("[a-]", "-");
	MATCH("[[:digit:]][[:upper:]]", "a1Bc");
	NOMATCH("[[:space:]]", "nospace");
	SPAN("[[:alpha:]]*", "ab1", 0, 2);
}

TEST(user_regex_escapes)
{
	MATCH("a\\.c", "a.c");
	NOMATCH("a\\.c", "abc");
	MATCH("\\*", "*");
	MATCH("\\[x]", "[x]");
	MATCH("\\^a", "^a");
	MATCH("a\\$", "a$");
	MATCH("ab\\+c", "abbc"); /* GNU extensions */
	NOMATCH("ab\\+c", "ac");
	MATCH("ab\\?c", "ac");
}

TEST(user_regex_icase_and_extended)
{
	CHECK_EQ(m("HeLLo", RE_ICASE, "say hello", NULL, NULL), 1);
	CHECK_EQ(m("[a-c]x", RE_ICASE, "BX", NULL, NULL), 1);
	CHECK_EQ(m("ab+c", RE_EXTENDED, "abbc", NULL, NULL), 1);
	CHECK_EQ(m("ab?c", RE_EXTENDED, "ac", NULL, NULL), 1);
	CHECK_EQ(m("ab+c", 0, "ab+c", NULL, NULL), 1); /* literal in BRE */
}

TEST(user_regex_compile_errors)
{
	struct re_prog *p;

	CHECK_EQ(re_compile(&p, "a[bc", 0), RE_ERR_BRACK);
	CHECK_EQ(re_compile(&p, "[[:alpha:]", 0), RE_ERR_BRACK);
	CHECK_EQ(re_compile(&p, "ab\\", 0), RE_ERR_ESCAPE);
}

TEST(user_regex_backtracking_terminates)
{
	MATCH("a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaab");
	NOMATCH("a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaa");
}

RUN_TESTS()
