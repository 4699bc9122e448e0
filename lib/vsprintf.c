/*
 * vsprintf.c - printf-style formatting into a bounded buffer.
 *
 * Used by printk, panic, /proc files and snprintf callers. Any context; it
 * never allocates. Host unit tests compare its output with glibc's.
 */
#include "lib/vsprintf.h"
#include "lib/string.h"

#include <stdint.h>

/* The output cursor: bytes past `size` are counted but not stored. */
struct out {
	char *buf;
	size_t size;
	size_t len;
};

struct spec {
	int left, zero, plus, space, alt;
	int width, prec; /* prec < 0: none given */
	int len;         /* 'H' hh, 'h', 0 int, 'l', 'L' ll, 'z' size_t */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_str(struct out *o, const struct spec *sp, const char *s)
{
	int n;

	if (!s)
		s = "(null)";
	n = (int)strnlen(s, sp->prec < 0 ? (size_t)-1 : (size_t)sp->prec);
	if (!sp->left)
		pad(o, ' ', sp->width - n);
	for (int i = 0; i < n; i++)
		put(o, s[i]);
	if (sp->left)
		pad(o, ' ', sp->width - n);
}

/* Render an unsigned number with sign/prefix, precision and width. */
static void put_num(struct out *o, const struct spec *sp, unsigned long long v,
		    int neg, unsigned base, int upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	const char *prefix = "";
	int n = 0, zeros, plen, total;

	while (v) {
		tmp[n++] = digits[v % base];
		v /= base;
	}
	if (n == 0 && sp->prec != 0)
		tmp[n++] = '0';
	if (neg)
		prefix = "-";
	else if (sp->plus)
		prefix = "+";
	else if (sp->space)
		prefix = " ";
	if (sp->alt && base == 16 && !(n == 1 && tmp[0] == '0'))
		prefix = upper ? "0X" : "0x";
	if (sp->alt && base == 8 && tmp[n - 1] != '0')
		prefix = "0";
	plen = (int)strlen(prefix);
	zeros = sp->prec > n ? sp->prec - n : 0;
	total = plen + zeros + n;
	if (sp->zero && !sp->left && sp->prec < 0 && sp->width > total) {
		zeros += sp->width - total;
		total = sp->width;
	}
	if (!sp->left)
		pad(o, ' ', sp->width - total);
	while (*prefix)
		put(o, *prefix++);
	pad(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (sp->left)
		pad(o, ' ', sp->width - total);
}

static const char *parse_flags(const char *f, struct spec *sp)
{
	for (;; f++) {
		switch (*f) {
		case '-': sp->left = 1; break;
		case '0': sp->zero = 1; break;
		case '+': sp->plus = 1; break;
		case ' ': sp->space = 1; break;
		case '#': sp->alt = 1; break;
		default: return f;
		}
	}
}

static const char *parse_int(const char *f, int *val, va_list *ap)
{
	if (*f == '*') {
		*val = va_arg(*ap, int);
		return f + 1;
	}
	*val = 0;
	while (*f >= '0' && *f <= '9')
		*val = *val * 10 + (*f++ - '0');
	return f;
}

static const char *parse_len(const char *f, struct spec *sp)
{
	if (f[0] == 'h' && f[1] == 'h')
		return sp->len = 'H', f + 2;
	if (f[0] == 'l' && f[1] == 'l')
		return sp->len = 'L', f + 2;
	if (*f == 'h' || *f == 'l' || *f == 'z' || *f == 't')
		return sp->len = (*f == 't' ? 'z' : *f), f + 1;
	sp->len = 0;
	return f;
}

static unsigned long long get_unsigned(const struct spec *sp, va_list *ap)
{
	switch (sp->len) {
	case 'H': return (unsigned char)va_arg(*ap, unsigned int);
	case 'h': return (unsigned short)va_arg(*ap, unsigned int);
	case 'l': return va_arg(*ap, unsigned long);
	case 'L': return va_arg(*ap, unsigned long long);
	case 'z': return va_arg(*ap, size_t);
	default: return va_arg(*ap, unsigned int);
	}
}

static long long get_signed(const struct spec *sp, va_list *ap)
{
	switch (sp->len) {
	case 'H': return (signed char)va_arg(*ap, int);
	case 'h': return (short)va_arg(*ap, int);
	case 'l': return va_arg(*ap, long);
	case 'L': return va_arg(*ap, long long);
	case 'z': return (long)va_arg(*ap, size_t);
	default: return va_arg(*ap, int);
	}
}

/* One conversion; returns the format position after it. */
static const char *convert(struct out *o, const char *f, va_list *ap)
{
	struct spec sp = { .prec = -1 };
	long long sv;

	f = parse_flags(f, &sp);
	f = parse_int(f, &sp.width, ap);
	if (sp.width < 0) {
		sp.left = 1;
		sp.width = -sp.width;
	}
	if (*f == '.')
		f = parse_int(f + 1, &sp.prec, ap);
	f = parse_len(f, &sp);
	switch (*f) {
	case 'd': case 'i':
		sv = get_signed(&sp, ap);
		put_num(o, &sp, sv < 0 ? -(unsigned long long)sv : (unsigned long long)sv,
			sv < 0, 10, 0);
		break;
	case 'u': put_num(o, &sp, get_unsigned(&sp, ap), 0, 10, 0); break;
	case 'x': put_num(o, &sp, get_unsigned(&sp, ap), 0, 16, 0); break;
	case 'X': put_num(o, &sp, get_unsigned(&sp, ap), 0, 16, 1); break;
	case 'o': put_num(o, &sp, get_unsigned(&sp, ap), 0, 8, 0); break;
	case 'p':
		sp.alt = 1;
		put_num(o, &sp, (uintptr_t)va_arg(*ap, void *), 0, 16, 0);
		break;
	case 'c': {
		char s[2] = { (char)va_arg(*ap, int), 0 };
		sp.prec = 1;
		put_str(o, &sp, s);
		break;
	}
	case 's': put_str(o, &sp, va_arg(*ap, const char *)); break;
	case '%': put(o, '%'); break;
	case '\0': return f; /* lone '%' at the end: stop */
	default: put(o, '%'); put(o, *f); break;
	}
	return f + 1;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	va_list aq;

	va_copy(aq, ap);
	while (*fmt) {
		if (*fmt != '%')
			put(&o, *fmt++);
		else
			fmt = convert(&o, fmt + 1, &aq);
	}
	va_end(aq);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	int n = vsnprintf(buf, size, fmt, ap);

	if (size == 0)
		return 0;
	return (size_t)n < size ? n : (int)size - 1;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
