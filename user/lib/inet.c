/*
 * inet.c - IPv4 (and IPv6 text) address conversion: inet_pton, inet_ntop,
 * inet_aton, inet_addr, inet_ntoa. Pure code; addresses stay in network
 * byte order in memory, so conversion works on the bytes.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Dotted quad "a.b.c.d", each 0..255, no leading zeros beyond "0". */
static int pton4(const char *s, unsigned char out[4])
{
	for (int i = 0; i < 4; i++) {
		int v = 0, digits = 0;

		for (; *s >= '0' && *s <= '9'; s++, digits++) {
			if (digits && v == 0)
				return 0;
			v = v * 10 + (*s - '0');
			if (v > 255)
				return 0;
		}
		if (!digits || *s != (i < 3 ? '.' : '\0'))
			return 0;
		out[i] = (unsigned char)v;
		s++;
	}
	return 1;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* IPv6 "x:x:...": up to 8 groups, one "::" run of zeros. No embedded IPv4. */
static int pton6(const char *s, unsigned char out[16])
{
	unsigned short g[8];
	int n = 0, gap = -1;

	if (s[0] == ':' && s[1] == ':')
		gap = 0, s += 2;
	while (*s && n < 8) {
		int v = 0, d = 0;

		for (; hexval((unsigned char)*s) >= 0 && d < 4; s++, d++)
			v = v * 16 + hexval((unsigned char)*s);
		if (!d)
			return 0;
		g[n++] = (unsigned short)v;
		if (*s == ':' && s[1] == ':' && gap < 0)
			gap = n, s += 2;
		else if (*s == ':' && s[1])
			s++;
		else if (*s)
			return 0;
	}
	if (*s || (gap < 0 && n != 8) || (gap >= 0 && n == 8))
		return 0;
	memset(out, 0, 16);
	for (int i = 0; i < n; i++) {
		int pos = gap >= 0 && i >= gap ? 8 - n + i : i;
		out[2 * pos] = (unsigned char)(g[i] >> 8);
		out[2 * pos + 1] = (unsigned char)g[i];
	}
	return 1;
}

int inet_pton(int af, const char *src, void *dst)
{
	if (af == AF_INET)
		return pton4(src, dst);
	if (af == AF_INET6)
		return pton6(src, dst);
	errno = EAFNOSUPPORT;
	return -1;
}

/* IPv6 output: plain groups, with the longest run of zero groups as "::". */
static void ntop6(const unsigned char *a, char *buf)
{
	int best = -1, bestlen = 1, i = 0;
	char *p = buf;

	for (int s = 0; s < 8; s++) {
		int len = 0;
		while (s + len < 8 && !a[2 * (s + len)] && !a[2 * (s + len) + 1])
			len++;
		if (len > bestlen)
			best = s, bestlen = len;
	}
	while (i < 8) {
		if (i == best) {
			p += sprintf(p, i == 0 ? "::" : ":");
			i += bestlen;
			continue;
		}
		p += sprintf(p, "%x%s", a[2 * i] << 8 | a[2 * i + 1], i < 7 ? ":" : "");
		i++;
	}
	*p = '\0';
}

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
	char buf[INET6_ADDRSTRLEN];
	const unsigned char *a = src;

	if (af == AF_INET)
		snprintf(buf, sizeof(buf), "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	else if (af == AF_INET6)
		ntop6(a, buf);
	else
		return errno = EAFNOSUPPORT, NULL;
	if (strlen(buf) >= size)
		return errno = ENOSPC, NULL;
	strcpy(dst, buf);
	return dst;
}

int inet_aton(const char *s, struct in_addr *a)
{
	return pton4(s, (unsigned char *)&a->s_addr);
}

in_addr_t inet_addr(const char *s)
{
	struct in_addr a;

	return inet_aton(s, &a) ? a.s_addr : INADDR_NONE;
}

char *inet_ntoa(struct in_addr a)
{
	static char buf[INET_ADDRSTRLEN];

	return (char *)inet_ntop(AF_INET, &a, buf, sizeof(buf));
}
