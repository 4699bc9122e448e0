/*
 * regex.h - rxos user libc: POSIX basic regular expressions, a subset
 * (user/lib/regex.c): literals, . * ^ $ [...] [^...] [a-z] [[:class:]]
 * and backslash escapes. No groups, intervals or back-references.
 */
#ifndef _RXOS_REGEX_H
#define _RXOS_REGEX_H

#include <stddef.h>

typedef int regoff_t;

typedef struct {
	size_t re_nsub;
	void *__prog; /* struct re_prog, see user/lib/re.h */
} regex_t;

typedef struct {
	regoff_t rm_so;
	regoff_t rm_eo;
} regmatch_t;

#define REG_EXTENDED 1
#define REG_ICASE 2
#define REG_NEWLINE 4
#define REG_NOSUB 8
#define REG_NOTBOL 1
#define REG_NOTEOL 2

#define REG_NOMATCH 1
#define REG_BADPAT 2
#define REG_EBRACK 7
#define REG_ESPACE 12
#define REG_BADRPT 13

int regcomp(regex_t *re, const char *pattern, int cflags);
int regexec(const regex_t *re, const char *s, size_t nmatch,
	    regmatch_t pmatch[], int eflags);
void regfree(regex_t *re);
size_t regerror(int err, const regex_t *re, char *buf, size_t size);

#endif
