/*
 * strtol.c - text to integers: strtol, strtoul, strtoll, strtoull, atoi.
 *
 * Pure code (host unit tests include it). C semantics: leading white
 * space, an optional sign, base 0 picks 8/10/16 from a 0 or 0x prefix;
 * *end points past the last digit used, or at the start when there was
 * none; out-of-range values clamp and set errno = ERANGE; a minus sign on
 * an unsigned conversion negates the result.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isalpha(c))
		return tolower(c) - 'a' + 10;
	return 99;
}

/* Skip space and sign, settle the base; returns where the digits start. */
static const char *scan_prefix(const char *s, int *base, int *neg)
{
	while (isspace((unsigned char)*s))
		s++;
	*neg = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	if ((*base == 0 || *base == 16) && s[0] == '0' &&
	    (s[1] == 'x' || s[1] == 'X') && isxdigit((unsigned char)s[2]))
		return *base = 16, s + 2;
	if (*base == 0)
		*base = s[0] == '0' ? 8 : 10;
	return s;
}

/*
 * The magnitude of the number at s, clamped to `lim_pos` (or `lim_neg`
 * after a minus sign) with errno = ERANGE.
 */
static unsigned long long strto_core(const char *nptr, char **end, int base,
				     unsigned long long lim_pos,
				     unsigned long long lim_neg, int *neg)
{
	const char *s;
	unsigned long long v = 0, lim;
	int d, any = 0, over = 0;

	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		base = 10;
	}
	s = scan_prefix(nptr, &base, neg);
	lim = *neg ? lim_neg : lim_pos;
	for (; (d = digit_value((unsigned char)*s)) < base; s++, any = 1) {
		if (v > (lim - (unsigned)d) / (unsigned)base)
			over = 1;
		else
			v = v * (unsigned)base + (unsigned)d;
	}
	if (end)
		*end = (char *)(any ? s : nptr);
	if (over) {
		errno = ERANGE;
		v = lim;
	}
	return v;
}

long strtol(const char *s, char **end, int base)
{
	int neg;
	unsigned long long v = strto_core(s, end, base, LONG_MAX,
					  (unsigned long long)LONG_MAX + 1, &neg);

	return neg ? (long)(0 - v) : (long)v;
}

long long strtoll(const char *s, char **end, int base)
{
	int neg;
	unsigned long long v = strto_core(s, end, base, LLONG_MAX,
					  (unsigned long long)LLONG_MAX + 1, &neg);

	return neg ? (long long)(0 - v) : (long long)v;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	int neg;
	unsigned long long v = strto_core(s, end, base, ULONG_MAX, ULONG_MAX, &neg);

	return neg && v != ULONG_MAX ? (unsigned long)(0 - v) : (unsigned long)v;
}

unsigned long long strtoull(const char *s, char **end, int base)
{
	int neg;
	unsigned long long v = strto_core(s, end, base, ULLONG_MAX, ULLONG_MAX, &neg);

	return neg && v != ULLONG_MAX ? 0 - v : v;
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

int abs(int x)
{
	return x < 0 ? -x : x;
}

long labs(long x)
{
	return x < 0 ? -x : x;
}
