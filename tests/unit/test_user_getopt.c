/* Host tests for user/lib/getopt.c, POSIX option parsing. */
#include "tests/unit/unit.h"
#include "user/lib/getopt.c"

/* Run getopt over argv; the options seen as "a,b=ARG,?=x" in out. */
static void parse(int argc, char **argv, const char *opts, char *out)
{
	int c;

	optind = 0; /* full reset */
	opterr = 0;
	out[0] = '\0';
	while ((c = getopt(argc, argv, opts)) != -1) {
		char item[64];
		if (c == '?' || c == ':')
			snprintf(item, sizeof(item), "%c=%c,", c, optopt);
		else if (optarg)
			snprintf(item, sizeof(item), "%c=%s,", c, optarg);
		else
			snprintf(item, sizeof(item), "%c,", c);
		strcat(out, item);
	}
}

#define ARGV(...) ((char *[]){ "prog", __VA_ARGS__, NULL })
#define ARGC(v) ((int)(sizeof(v) / sizeof(v[0])) - 1)

TEST(user_getopt_flags_clusters_and_operands)
{
	char out[256], **v = ARGV("-a", "-bc", "file", "-d");

	parse(5, v, "abcd", out);
	CHECK_STR(out, "a,b,c,");
	CHECK_EQ(optind, 3); /* stops at the first operand */
	CHECK_STR(v[optind], "file");
}

TEST(user_getopt_arguments_attached_or_separate)
{
	char out[256];

	parse(5, ARGV("-ofile", "-o", "other", "-vx"), "o:vx", out);
	CHECK_STR(out, "o=file,o=other,v,x,");
	CHECK_EQ(optind, 5);
	parse(3, ARGV("-vofile", "rest"), "vo:", out);
	CHECK_STR(out, "v,o=file,");
	CHECK_EQ(optind, 2);
}

TEST(user_getopt_double_dash_and_lone_dash_end_options)
{
	char out[256];

	parse(4, ARGV("-a", "--", "-b"), "ab", out);
	CHECK_STR(out, "a,");
	CHECK_EQ(optind, 3);
	parse(3, ARGV("-", "-a"), "a", out);
	CHECK_STR(out, "");
	CHECK_EQ(optind, 1);
}

TEST(user_getopt_unknown_option_and_missing_argument)
{
	char out[256];

	parse(3, ARGV("-z", "-a"), "a", out);
	CHECK_STR(out, "?=z,a,");
	parse(2, ARGV("-o"), "o:", out);
	CHECK_STR(out, "?=o,");
	parse(2, ARGV("-o"), ":o:", out); /* leading ':' reports ':' */
	CHECK_STR(out, ":=o,");
	parse(2, ARGV("-:"), "a:", out);
	CHECK_STR(out, "?=:,");
}

TEST(user_getopt_leading_plus_is_accepted)
{
	char out[256];

	parse(3, ARGV("-l", "x"), "+l", out);
	CHECK_STR(out, "l,");
}

RUN_TESTS()
