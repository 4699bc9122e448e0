/*
 * echo - print the arguments, separated by spaces, then a newline.
 *
 * Options, as coreutils and bash's builtin: -n no newline, -e interpret
 * backslash escapes, -E don't (the default). An argument counts as
 * options only if every letter after '-' is one of n, e, E.
 */
#include <stdio.h>
#include <string.h>

static int is_option(const char *a)
{
	if (a[0] != '-' || !a[1])
		return 0;
	return strspn(a + 1, "neE") == strlen(a + 1);
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

/* Up to `max` digits of base 8 or 16 at *sp; moves *sp past them. */
static int read_number(const char **sp, int base, int max)
{
	int v = 0, d;

	while (max-- > 0 && (d = hexval((unsigned char)**sp)) >= 0 && d < base) {
		v = v * base + d;
		(*sp)++;
	}
	return v;
}

/* The escape after a backslash at *sp; -1 for \c (stop all output). */
static int escape(const char **sp)
{
	static const char from[] = "abefnrtv\\", to[] = "\a\b\033\f\n\r\t\v\\";
	char c = *(*sp)++;
	const char *p;

	if (c == 'c')
		return -1;
	if (c == '0')
		return read_number(sp, 8, 3);
	if (c == 'x' && hexval((unsigned char)**sp) >= 0)
		return read_number(sp, 16, 2);
	p = c ? strchr(from, c) : NULL;
	if (p)
		return (unsigned char)to[p - from];
	(*sp)--; /* not an escape: print the backslash itself */
	return '\\';
}

/* Print s; returns 0 if \c ended the output. */
static int print_arg(const char *s, int escapes)
{
	while (*s) {
		int c = (unsigned char)*s++;

		if (c == '\\' && escapes)
			c = escape(&s);
		if (c < 0)
			return 0;
		putchar(c);
	}
	return 1;
}

int main(int argc, char **argv)
{
	int newline = 1, escapes = 0, i;

	for (i = 1; i < argc && is_option(argv[i]); i++) {
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'n')
				newline = 0;
			else
				escapes = *p == 'e';
		}
	}
	for (; i < argc; i++) {
		if (!print_arg(argv[i], escapes))
			return fflush(stdout) ? 1 : 0;
		if (i + 1 < argc)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	return fflush(stdout) ? 1 : 0;
}
