/*
 * head - print the first lines of files: head [-n N | -N] [file...].
 * With more than one file each gets a "==> name <==" header, as coreutils.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_count(const char *s, long *n)
{
	char *end;

	if (!isdigit((unsigned char)*s))
		return 0;
	*n = strtol(s, &end, 10);
	return *end == '\0';
}

static int head_stream(FILE *f, long lines)
{
	int c;

	while (lines > 0 && (c = getc(f)) != EOF) {
		putchar(c);
		if (c == '\n')
			lines--;
	}
	return ferror(f) ? 1 : 0;
}

static int head_file(const char *name, long lines, int header, int first)
{
	FILE *f = strcmp(name, "-") ? fopen(name, "r") : stdin;
	int r;

	if (!f) {
		fprintf(stderr, "head: cannot open '%s' for reading: %s\n", name,
			strerror(errno));
		return 1;
	}
	if (header)
		printf("%s==> %s <==\n", first ? "" : "\n",
		       f == stdin ? "standard input" : name);
	r = head_stream(f, lines);
	if (f != stdin)
		fclose(f);
	return r;
}

int main(int argc, char **argv)
{
	long lines = 10;
	int i = 1, status = 0, nfiles;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *a = argv[i] + 1, *num = a;

		if (!strcmp(a, "-")) {
			i++;
			break;
		}
		if (*a == 'n')
			num = a[1] ? a + 1 : (i + 1 < argc ? argv[++i] : "");
		if (!parse_count(num, &lines)) {
			fprintf(stderr, "head: invalid number of lines: '%s'\n", num);
			return 1;
		}
	}
	nfiles = argc - i;
	if (nfiles == 0)
		return head_stream(stdin, lines);
	for (int k = i; k < argc; k++)
		status |= head_file(argv[k], lines, nfiles > 1, k == i);
	return status;
}
