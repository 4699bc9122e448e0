/*
 * format.h - the printf engine shared by snprintf and the stdio printf
 * family. Output goes to a sink: a function that takes a run of bytes.
 * Pure code, included by host unit tests.
 */
#ifndef RXOS_USER_FORMAT_H
#define RXOS_USER_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

struct fmt_sink {
	void (*write)(struct fmt_sink *sink, const char *s, size_t n);
	size_t count; /* bytes produced so far, stored or not */
};

/*
 * Format like vprintf into `sink`; returns the number of bytes produced.
 * Flags "-+ #0", width and precision (also '*'), lengths hh h l ll z j t,
 * conversions d i u o x X c s p %. No floating point.
 */
int vformat(struct fmt_sink *sink, const char *fmt, va_list ap);

#endif
