/*
 * format.c - printf formatting (see format.h), and the string versions:
 * snprintf, vsnprintf, sprintf, vsprintf.
 *
 * Pure code: host unit tests compare it with glibc. Each conversion is
 * parsed into a struct fmt_spec, then one emit_* function renders it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "format.h"

struct fmt_spec {
	int left, plus, space, alt, zero;
	int width;
	int prec;   /* -1: not given */
	int length; /* 'H' hh, 'h', 0, 'l', 'q' ll, 'z' size_t, 'j', 't' */
};

static void emit(struct fmt_sink *sink, const char *s, size_t n)
{
	sink->write(sink, s, n);
	sink->count += n;
}

static void emit_pad(struct fmt_sink *sink, char c, int n)
{
	while (n-- > 0)
		emit(sink, &c, 1);
}

static const char *parse_flags(const char *f, struct fmt_spec *sp)
{
	for (;; f++) {
		switch (*f) {
		case '-': sp->left = 1; break;
		case '+': sp->plus = 1; break;
		case ' ': sp->space = 1; break;
		case '#': sp->alt = 1; break;
		case '0': sp->zero = 1; break;
		default: return f;
		}
	}
}

/* A width or precision: digits, or '*' taken from the arguments. */
static const char *parse_num(const char *f, int *out, va_list *ap)
{
	if (*f == '*') {
		*out = va_arg(*ap, int);
		return f + 1;
	}
	*out = 0;
	while (*f >= '0' && *f <= '9')
		*out = *out * 10 + (*f++ - '0');
	return f;
}

static const char *parse_length(const char *f, struct fmt_spec *sp)
{
	if (f[0] == 'h' && f[1] == 'h')
		return sp->length = 'H', f + 2;
	if (f[0] == 'l' && f[1] == 'l')
		return sp->length = 'q', f + 2;
	if (*f == 'h' || *f == 'l' || *f == 'z' || *f == 'j' || *f == 't')
		return sp->length = *f, f + 1;
	if (*f == 'L' || *f == 'q')
		return sp->length = 'q', f + 1;
	return f;
}

/* Parse everything between '%' and the conversion letter. */
static const char *parse_spec(const char *f, struct fmt_spec *sp, va_list *ap)
{
	memset(sp, 0, sizeof(*sp));
	sp->prec = -1;
	f = parse_flags(f, sp);
	f = parse_num(f, &sp->width, ap);
	if (sp->width < 0) { /* a negative '*' width means left-justify */
		sp->left = 1;
		sp->width = -sp->width;
	}
	if (*f == '.') {
		f = parse_num(f + 1, &sp->prec, ap);
		if (sp->prec < 0)
			sp->prec = -1;
	}
	return parse_length(f, sp);
}

static long long fetch_signed(const struct fmt_spec *sp, va_list *ap)
{
	switch (sp->length) {
	case 'H': return (signed char)va_arg(*ap, int);
	case 'h': return (short)va_arg(*ap, int);
	case 'l': return va_arg(*ap, long);
	case 'q': return va_arg(*ap, long long);
	case 'z': return (long long)va_arg(*ap, size_t);
	case 'j': return va_arg(*ap, intmax_t);
	case 't': return va_arg(*ap, ptrdiff_t);
	}
	return va_arg(*ap, int);
}

static unsigned long long fetch_unsigned(const struct fmt_spec *sp, va_list *ap)
{
	switch (sp->length) {
	case 'H': return (unsigned char)va_arg(*ap, unsigned int);
	case 'h': return (unsigned short)va_arg(*ap, unsigned int);
	case 'l': return va_arg(*ap, unsigned long);
	case 'q': return va_arg(*ap, unsigned long long);
	case 'z': return va_arg(*ap, size_t);
	case 'j': return va_arg(*ap, uintmax_t);
	case 't': return (unsigned long long)va_arg(*ap, ptrdiff_t);
	}
	return va_arg(*ap, unsigned int);
}

/* Digits of v in `base`, written backwards from the end of buf. */
static int utoa_rev(char *end, unsigned long long v, unsigned base, int upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0;

	while (v) {
		*--end = digits[v % base];
		v /= base;
		n++;
	}
	return n;
}

/*
 * Lay out [pad][prefix][zeros][digits][pad]. Precision is the minimum
 * number of digits ("%.0d" of 0 prints nothing); the '0' flag pads with
 * zeros only when no precision is given and not left-justified.
 */
static void emit_number(struct fmt_sink *sink, const struct fmt_spec *sp,
			unsigned long long v, const char *prefix,
			unsigned base, int upper)
{
	char buf[24];
	int ndig = utoa_rev(buf + sizeof(buf), v, base, upper);
	int plen = (int)strlen(prefix), zeros = 0, total;

	if (sp->prec > ndig)
		zeros = sp->prec - ndig;
	else if (sp->prec < 0 && v == 0)
		zeros = 1; /* "0" */
	if (base == 8 && sp->alt && zeros == 0 && (v || sp->prec == 0))
		zeros = 1; /* '#' makes octal start with 0 */
	total = plen + zeros + ndig;
	if (sp->zero && !sp->left && sp->prec < 0 && sp->width > total)
		zeros += sp->width - total, total = sp->width;
	if (!sp->left)
		emit_pad(sink, ' ', sp->width - total);
	emit(sink, prefix, (size_t)plen);
	emit_pad(sink, '0', zeros);
	emit(sink, buf + sizeof(buf) - ndig, (size_t)ndig);
	if (sp->left)
		emit_pad(sink, ' ', sp->width - total);
}

static void emit_signed(struct fmt_sink *sink, const struct fmt_spec *sp,
			long long v)
{
	const char *prefix = v < 0 ? "-" : sp->plus ? "+" : sp->space ? " " : "";
	unsigned long long mag = v < 0 ? 0 - (unsigned long long)v
				       : (unsigned long long)v;

	emit_number(sink, sp, mag, prefix, 10, 0);
}

static void emit_string(struct fmt_sink *sink, const struct fmt_spec *sp,
			const char *s)
{
	int n;

	if (!s)
		s = "(null)";
	n = (int)strnlen(s, sp->prec < 0 ? SIZE_MAX : (size_t)sp->prec);
	if (!sp->left)
		emit_pad(sink, ' ', sp->width - n);
	emit(sink, s, (size_t)n);
	if (sp->left)
		emit_pad(sink, ' ', sp->width - n);
}

/* %p as glibc prints it: 0x-prefixed hex, "(nil)" for NULL. */
static void emit_pointer(struct fmt_sink *sink, struct fmt_spec *sp, void *p)
{
	if (!p) {
		sp->prec = -1;
		emit_string(sink, sp, "(nil)");
		return;
	}
	emit_number(sink, sp, (uintptr_t)p, "0x", 16, 0);
}

/* Render one conversion `c` whose spec has been parsed. */
static void emit_conv(struct fmt_sink *sink, struct fmt_spec *sp, char c,
		      va_list *ap)
{
	unsigned long long u;
	char ch;

	switch (c) {
	case 'd':
	case 'i':
		emit_signed(sink, sp, fetch_signed(sp, ap));
		break;
	case 'u':
		emit_number(sink, sp, fetch_unsigned(sp, ap), "", 10, 0);
		break;
	case 'o':
		emit_number(sink, sp, fetch_unsigned(sp, ap), "", 8, 0);
		break;
	case 'x':
	case 'X':
		u = fetch_unsigned(sp, ap);
		emit_number(sink, sp, u, sp->alt && u ? (c == 'x' ? "0x" : "0X") : "",
			    16, c == 'X');
		break;
	case 'c': /* not via emit_string: the char may be NUL */
		ch = (char)va_arg(*ap, int);
		if (!sp->left)
			emit_pad(sink, ' ', sp->width - 1);
		emit(sink, &ch, 1);
		if (sp->left)
			emit_pad(sink, ' ', sp->width - 1);
		break;
	case 's':
		emit_string(sink, sp, va_arg(*ap, const char *));
		break;
	case 'p':
		emit_pointer(sink, sp, va_arg(*ap, void *));
		break;
	default: /* '%', or an unknown conversion: print it as it stands */
		emit(sink, &c, 1);
	}
}

int vformat(struct fmt_sink *sink, const char *fmt, va_list ap)
{
	struct fmt_spec sp;
	va_list args;

	va_copy(args, ap); /* a va_list we may take the address of */
	while (*fmt) {
		const char *pct = strchr(fmt, '%');
		size_t lit = pct ? (size_t)(pct - fmt) : strlen(fmt);

		emit(sink, fmt, lit);
		fmt += lit;
		if (!*fmt)
			break;
		fmt = parse_spec(fmt + 1, &sp, &args);
		if (!*fmt)
			break;
		emit_conv(sink, &sp, *fmt++, &args);
	}
	va_end(args);
	return (int)sink->count;
}

/* ---- into a buffer ---------------------------------------------------- */

struct buf_sink {
	struct fmt_sink sink;
	char *buf;
	size_t size; /* room including the terminating NUL */
};

static void buf_write(struct fmt_sink *sink, const char *s, size_t n)
{
	struct buf_sink *b = (struct buf_sink *)sink;
	size_t room = b->size ? b->size - 1 : 0;

	for (size_t i = 0; i < n; i++)
		if (sink->count + i < room)
			b->buf[sink->count + i] = s[i];
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct buf_sink b = { { buf_write, 0 }, buf, size };
	int n = vformat(&b.sink, fmt, ap);

	if (size)
		buf[(size_t)n < size ? (size_t)n : size - 1] = '\0';
	return n;
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

int vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vsnprintf(buf, SIZE_MAX, fmt, ap);
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsprintf(buf, fmt, ap);
	va_end(ap);
	return n;
}
