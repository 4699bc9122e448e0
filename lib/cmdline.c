/*
 * cmdline.c - the word splitter behind kernel command-line parsing.
 *
 * Called by parse_early_params()/parse_args() in kernel/params.c at boot,
 * in process context before interrupts are on. No allocation.
 */
#include "lib/cmdline.h"

#include <stddef.h>

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static char *skip_spaces(char *s)
{
	while (is_space(*s))
		s++;
	return s;
}

/* Remove every '"' from the word [s, end) in place; returns new end. */
static char *unquote(char *s, char *end)
{
	char *w = s;

	for (char *r = s; r < end; r++)
		if (*r != '"')
			*w++ = *r;
	return w;
}

char *next_arg(char *args, char **param, char **val)
{
	char *s = skip_spaces(args), *p, *end, *eq = NULL;
	int in_quote = 0;

	for (p = s; *p; p++) {
		if (*p == '"')
			in_quote = !in_quote;
		else if (is_space(*p) && !in_quote)
			break;
		else if (*p == '=' && !eq)
			eq = p;
	}
	end = p;
	if (*p)
		p++;
	if (eq) {
		*eq = '\0';
		*unquote(s, eq) = '\0';
		*unquote(eq + 1, end) = '\0';
		*val = eq + 1;
	} else {
		*unquote(s, end) = '\0';
		*val = NULL;
	}
	*param = s;
	return skip_spaces(p);
}
