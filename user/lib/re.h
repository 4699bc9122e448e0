/*
 * re.h - the regular expression engine under regcomp/regexec (and grep).
 *
 * A pattern compiles into a flat array of nodes, each one "atom" (a
 * literal byte, '.', or a bracket set) with a repeat count range taken
 * from a following '*' (or '\+' '\?', or '+' '?' in extended syntax).
 * Matching backtracks over the repeat counts, longest first. Pure code.
 */
#ifndef RXOS_USER_RE_H
#define RXOS_USER_RE_H

#define RE_ICASE 1
#define RE_EXTENDED 2

/* Compile errors (regex.c maps them onto REG_*). */
#define RE_OK 0
#define RE_ERR_BRACK 1  /* unmatched [ */
#define RE_ERR_NOMEM 2
#define RE_ERR_ESCAPE 3 /* trailing backslash */

struct re_prog;

int re_compile(struct re_prog **out, const char *pattern, int flags);
/* 1 and the match's [*so, *eo) if text matches anywhere, else 0. */
int re_exec(const struct re_prog *p, const char *text, int *so, int *eo);
void re_free(struct re_prog *p);

#endif
