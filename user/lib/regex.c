/*
 * regex.c - POSIX regcomp/regexec over the engine in re.c.
 * The compiled program hangs off regex_t.__prog.
 */
#include <regex.h>
#include <string.h>

#include "re.h"

int regcomp(regex_t *re, const char *pattern, int cflags)
{
	struct re_prog *prog;
	int flags = (cflags & REG_ICASE ? RE_ICASE : 0) |
		    (cflags & REG_EXTENDED ? RE_EXTENDED : 0);

	switch (re_compile(&prog, pattern, flags)) {
	case RE_OK:
		break;
	case RE_ERR_BRACK:
		return REG_EBRACK;
	case RE_ERR_NOMEM:
		return REG_ESPACE;
	default:
		return REG_BADPAT;
	}
	re->re_nsub = 0;
	re->__prog = prog;
	return 0;
}

int regexec(const regex_t *re, const char *s, size_t nmatch,
	    regmatch_t pmatch[], int eflags)
{
	int so, eo;

	(void)eflags; /* REG_NOTBOL/REG_NOTEOL: not supported */
	if (!re_exec(re->__prog, s, &so, &eo))
		return REG_NOMATCH;
	if (nmatch > 0) {
		pmatch[0].rm_so = so;
		pmatch[0].rm_eo = eo;
		for (size_t i = 1; i < nmatch; i++)
			pmatch[i].rm_so = pmatch[i].rm_eo = -1;
	}
	return 0;
}

void regfree(regex_t *re)
{
	re_free(re->__prog);
	re->__prog = NULL;
}

size_t regerror(int err, const regex_t *re, char *buf, size_t size)
{
	const char *msg = err == REG_EBRACK   ? "Unmatched [ or [^"
			  : err == REG_ESPACE ? "Memory exhausted"
			  : err == REG_NOMATCH ? "No match"
					       : "Invalid regular expression";

	(void)re;
	if (size) {
		strncpy(buf, msg, size - 1);
		buf[size - 1] = '\0';
	}
	return strlen(msg) + 1;
}
