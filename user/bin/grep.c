/*
 * grep - print lines that match patterns.
 *
 *   grep [-c] [-v] [-i] [-n] [-q] [-F] [-E] [-h|-H] [-e PATTERN]... [PATTERN] [FILE...]
 *
 * Patterns are POSIX basic regular expressions (regcomp), or fixed
 * strings with -F. -c counts matching lines, -v selects non-matching
 * lines, -i ignores case, -n numbers lines, -q prints nothing and stops
 * at the first match. Exit status: 0 a line was selected, 1 none, 2 an
 * error (unless -q already found a match), as POSIX specifies.
 */
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define MAX_PATTERNS 16

static struct {
	int count, invert, icase, number, quiet, fixed, extended;
	int with_name; /* -1: decide by the number of files */
} opt = { .with_name = -1 };

static const char *patterns[MAX_PATTERNS];
static regex_t regs[MAX_PATTERNS];
static int npatterns;

/* Case-insensitive strstr for -F -i. */
static int contains_icase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return 1;
	return n == 0;
}

static int line_matches(const char *line)
{
	for (int i = 0; i < npatterns; i++) {
		int m;

		if (opt.fixed)
			m = opt.icase ? contains_icase(line, patterns[i])
				      : strstr(line, patterns[i]) != NULL;
		else
			m = regexec(&regs[i], line, 0, NULL, 0) == 0;
		if (m)
			return 1;
	}
	return 0;
}

/* Scan one stream; returns the number of selected lines (-1: error). */
static long grep_stream(FILE *f, const char *name)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long lineno = 0, selected = 0;

	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		if (line_matches(line) == opt.invert)
			continue;
		selected++;
		if (opt.quiet)
			break;
		if (opt.count)
			continue;
		if (opt.with_name)
			printf("%s:", name);
		if (opt.number)
			printf("%ld:", lineno);
		printf("%s\n", line);
	}
	free(line);
	return ferror(f) ? -1 : selected;
}

static int grep_file(const char *path)
{
	int is_stdin = !strcmp(path, "-");
	const char *name = is_stdin ? "(standard input)" : path;
	FILE *f = is_stdin ? stdin : fopen(path, "r");
	long n;

	if (!f) {
		fprintf(stderr, "grep: %s: %s\n", path, strerror(errno));
		return -1;
	}
	n = grep_stream(f, name);
	if (n < 0)
		fprintf(stderr, "grep: %s: read error\n", name);
	if (opt.count && !opt.quiet && n >= 0) {
		if (opt.with_name)
			printf("%s:", name);
		printf("%ld\n", n);
	}
	if (!is_stdin)
		fclose(f);
	return n < 0 ? -1 : n > 0;
}

static int compile_patterns(void)
{
	int flags = REG_NOSUB | (opt.icase ? REG_ICASE : 0) |
		    (opt.extended ? REG_EXTENDED : 0);

	for (int i = 0; !opt.fixed && i < npatterns; i++) {
		int err = regcomp(&regs[i], patterns[i], flags);
		if (err) {
			char msg[128];
			regerror(err, &regs[i], msg, sizeof(msg));
			fprintf(stderr, "grep: %s\n", msg);
			return -1;
		}
	}
	return 0;
}

static int add_pattern(const char *p)
{
	if (npatterns == MAX_PATTERNS) {
		fprintf(stderr, "grep: too many patterns\n");
		return -1;
	}
	patterns[npatterns++] = p;
	return 0;
}

static int parse_options(int argc, char **argv)
{
	int c;

	while ((c = getopt(argc, argv, "+cvinqFEGhHe:")) != -1) {
		switch (c) {
		case 'c': opt.count = 1; break;
		case 'v': opt.invert = 1; break;
		case 'i': opt.icase = 1; break;
		case 'n': opt.number = 1; break;
		case 'q': opt.quiet = 1; break;
		case 'F': opt.fixed = 1; break;
		case 'E': opt.extended = 1; break;
		case 'G': opt.extended = 0; break;
		case 'h': opt.with_name = 0; break;
		case 'H': opt.with_name = 1; break;
		case 'e':
			if (add_pattern(optarg) < 0)
				return -1;
			break;
		default:
			return -1;
		}
	}
	if (npatterns == 0 && optind < argc && add_pattern(argv[optind++]) < 0)
		return -1;
	return npatterns ? 0 : -1;
}

int main(int argc, char **argv)
{
	int found = 0, error = 0, nfiles;

	if (parse_options(argc, argv) < 0) {
		fprintf(stderr, "usage: grep [-cvinqFEhH] [-e PATTERN] PATTERN [FILE...]\n");
		return 2;
	}
	if (compile_patterns() < 0)
		return 2;
	nfiles = argc - optind;
	if (opt.with_name < 0)
		opt.with_name = nfiles > 1;
	for (int i = optind; i < argc || (nfiles == 0 && i == optind); i++) {
		int r = grep_file(nfiles ? argv[i] : "-");

		if (r < 0)
			error = 1;
		else if (r > 0)
			found = 1;
		if (found && opt.quiet)
			return 0;
	}
	return error ? 2 : found ? 0 : 1;
}
