/*
 * getopt.c - POSIX command-line option parsing.
 *
 * State between calls: optind (next argv element), and `nextchar` inside
 * a cluster like "-abc". Parsing stops at the first non-option, at "-" and
 * after "--" (no argument permutation, as GNU getopt with a leading '+'). Unknown options
 * and missing arguments give '?' (or ':' when optstring starts with ':')
 * and a message on stderr when opterr is set. Setting optind = 0 (or 1)
 * restarts, so tests can parse several argument vectors. Pure code apart
 * from the message.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;
static const char *nextchar;

static int getopt_error(const char *prog, const char *msg, int c, int colon)
{
	optopt = c;
	if (opterr && !colon)
		fprintf(stderr, "%s: %s -- '%c'\n", prog, msg, c);
	return '?';
}

/* Start on the next argv element; 0 when options are over. */
static int getopt_next_word(int argc, char *const argv[])
{
	const char *arg;

	if (optind >= argc)
		return 0;
	arg = argv[optind];
	if (arg[0] != '-' || arg[1] == '\0')
		return 0;
	if (!strcmp(arg, "--")) {
		optind++;
		return 0;
	}
	nextchar = arg + 1;
	return 1;
}

int getopt(int argc, char *const argv[], const char *optstring)
{
	const char *spec;
	int colon, c;

	if (*optstring == '+' || *optstring == '-')
		optstring++; /* GNU's "don't permute": we never do */
	colon = *optstring == ':';

	optarg = NULL;
	if (optind == 0) { /* full reset, as glibc allows */
		optind = 1;
		nextchar = NULL;
	}
	if ((!nextchar || !*nextchar) && !getopt_next_word(argc, argv))
		return -1;
	c = (unsigned char)*nextchar++;
	spec = c == ':' ? NULL : strchr(optstring + colon, c);
	if (!*nextchar)
		optind++, nextchar = NULL;
	if (!spec)
		return getopt_error(argv[0], "invalid option", c, colon);
	if (spec[1] != ':')
		return c;
	if (nextchar) { /* "-ofile" */
		optarg = (char *)nextchar;
		optind++;
		nextchar = NULL;
	} else if (optind < argc) { /* "-o file" */
		optarg = argv[optind++];
	} else {
		getopt_error(argv[0], "option requires an argument", c, colon);
		return colon ? ':' : '?';
	}
	return c;
}
