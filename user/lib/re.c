/*
 * re.c - basic regular expressions (POSIX BRE subset), see re.h.
 *
 * Syntax: c (literal), . (any byte), [set] [^set] with ranges a-z and
 * classes [:alpha:] [:digit:] [:alnum:] [:space:] [:upper:] [:lower:]
 * [:punct:] [:xdigit:], * after an atom (a leading * is literal),
 * ^ at the start and $ at the end of the pattern as anchors, \c for a
 * literal c. GNU's \+ and \? repeat once-or-more / at-most-once; with
 * RE_EXTENDED, + ? and * are unescaped. No groups, alternation, intervals
 * or back-references: grep's use in this system does not need them.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "re.h"

#define REPEAT_MANY 0x7fffffff

enum re_type { RE_LIT, RE_ANY, RE_SET };

struct re_node {
	enum re_type type;
	unsigned char ch;     /* RE_LIT */
	unsigned char set[32]; /* RE_SET: bit per byte value */
	int min, max;         /* repeat range; 1,1 for a plain atom */
};

struct re_prog {
	int bol, eol;         /* anchored at ^ / $ */
	int icase;
	int n;
	struct re_node nodes[];
};

static void set_add(struct re_node *nd, int c, int icase)
{
	nd->set[c >> 3] |= (unsigned char)(1u << (c & 7));
	if (icase && isalpha(c)) {
		int o = islower(c) ? toupper(c) : tolower(c);
		nd->set[o >> 3] |= (unsigned char)(1u << (o & 7));
	}
}

static int set_has(const struct re_node *nd, int c)
{
	return nd->set[c >> 3] & (1u << (c & 7));
}

static const struct {
	const char *name;
	int (*fn)(int);
} re_classes[] = {
	{ "alpha", isalpha }, { "digit", isdigit }, { "alnum", isalnum },
	{ "space", isspace }, { "upper", isupper }, { "lower", islower },
	{ "punct", ispunct }, { "xdigit", isxdigit }, { "blank", isblank },
	{ "print", isprint }, { "cntrl", iscntrl }, { "graph", isgraph },
};

/* "[:name:]" at p: add the class, return the text after it (or NULL). */
static const char *parse_class(const char *p, struct re_node *nd, int icase)
{
	for (size_t i = 0; i < sizeof(re_classes) / sizeof(re_classes[0]); i++) {
		size_t len = strlen(re_classes[i].name);

		if (strncmp(p + 2, re_classes[i].name, len) || strncmp(p + 2 + len, ":]", 2))
			continue;
		for (int c = 1; c < 256; c++)
			if (re_classes[i].fn(c))
				set_add(nd, c, icase);
		return p + 2 + len + 2;
	}
	return NULL;
}

/* A bracket expression starting after '['; returns the text after ']'. */
static const char *parse_set(const char *p, struct re_node *nd, int icase)
{
	int negate = *p == '^', first = 1;

	nd->type = RE_SET;
	if (negate)
		p++;
	for (; *p && (first || *p != ']'); first = 0) {
		const char *after = p[0] == '[' && p[1] == ':' ? parse_class(p, nd, icase) : NULL;

		if (after) {
			p = after;
		} else if (p[1] == '-' && p[2] && p[2] != ']') {
			for (int c = (unsigned char)p[0]; c <= (unsigned char)p[2]; c++)
				set_add(nd, c, icase);
			p += 3;
		} else {
			set_add(nd, (unsigned char)*p++, icase);
		}
	}
	if (*p != ']')
		return NULL;
	if (negate)
		for (int i = 0; i < 32; i++)
			nd->set[i] = (unsigned char)~nd->set[i];
	nd->set[0] &= (unsigned char)~1u; /* never match the NUL terminator */
	return p + 1;
}

/* The repeat operator at p, if any: sets min/max, returns its length. */
static int parse_repeat(const char *p, struct re_node *nd, int ext)
{
	char op = 0;
	int len = 1;

	if (*p == '*')
		op = '*';
	else if (ext && (*p == '+' || *p == '?'))
		op = *p;
	else if (!ext && p[0] == '\\' && (p[1] == '+' || p[1] == '?'))
		op = p[1], len = 2;
	if (!op)
		return 0;
	nd->min = op == '+' ? 1 : 0;
	nd->max = op == '?' ? 1 : REPEAT_MANY;
	return len;
}

/* One atom at p into nd; returns the text after it, or NULL + *err. */
static const char *parse_atom(const char *p, struct re_node *nd, int icase, int *err)
{
	nd->min = nd->max = 1;
	if (*p == '.') {
		nd->type = RE_ANY;
		return p + 1;
	}
	if (*p == '[') {
		p = parse_set(p + 1, nd, icase);
		if (!p)
			*err = RE_ERR_BRACK;
		return p;
	}
	if (*p == '\\' && !*++p) {
		*err = RE_ERR_ESCAPE;
		return NULL;
	}
	nd->type = RE_LIT;
	nd->ch = (unsigned char)(icase ? tolower((unsigned char)*p) : *p);
	return p + 1;
}

static int compile_nodes(struct re_prog *prog, const char *p, int flags)
{
	int ext = flags & RE_EXTENDED, err = RE_OK;

	while (*p) {
		struct re_node *nd = &prog->nodes[prog->n];

		if (p[0] == '$' && !p[1]) {
			prog->eol = 1;
			break;
		}
		p = parse_atom(p, nd, prog->icase, &err);
		if (!p)
			return err;
		p += parse_repeat(p, nd, ext);
		prog->n++;
	}
	return RE_OK;
}

int re_compile(struct re_prog **out, const char *pattern, int flags)
{
	size_t len = strlen(pattern);
	struct re_prog *prog = calloc(1, sizeof(*prog) + (len + 1) * sizeof(struct re_node));
	int err;

	if (!prog)
		return RE_ERR_NOMEM;
	prog->icase = flags & RE_ICASE;
	prog->bol = pattern[0] == '^';
	err = compile_nodes(prog, pattern + prog->bol, flags);
	if (err) {
		free(prog);
		return err;
	}
	*out = prog;
	return RE_OK;
}

void re_free(struct re_prog *p)
{
	free(p);
}

static int node_matches(const struct re_prog *p, const struct re_node *nd, int c)
{
	if (c == '\0')
		return 0;
	switch (nd->type) {
	case RE_ANY:
		return 1;
	case RE_SET:
		return set_has(nd, c);
	default:
		return (p->icase ? tolower(c) : c) == nd->ch;
	}
}

/* Does nodes[i..] match at text? Sets *end past the match. */
static int match_here(const struct re_prog *p, int i, const char *text, const char **end)
{
	const struct re_node *nd;
	int count = 0;

	if (i == p->n) {
		if (p->eol && *text)
			return 0;
		*end = text;
		return 1;
	}
	nd = &p->nodes[i];
	while (count < nd->max && node_matches(p, nd, (unsigned char)text[count]))
		count++;
	for (; count >= nd->min; count--) /* longest first, then back off */
		if (match_here(p, i + 1, text + count, end))
			return 1;
	return 0;
}

int re_exec(const struct re_prog *p, const char *text, int *so, int *eo)
{
	const char *start = text, *end;

	do {
		if (match_here(p, 0, start, &end)) {
			*so = (int)(start - text);
			*eo = (int)(end - text);
			return 1;
		}
	} while (!p->bol && *start++);
	return 0;
}
