/*
 * vsprintf.h - formatted output into a buffer (Linux: lib/vsprintf.c).
 *
 * Supports flags "-0+ #", width and precision (also '*'), length modifiers
 * hh h l ll z t, and conversions d i u x X o c s p %. Returns what C99's
 * vsnprintf returns: the length the full output would have had.
 */
#ifndef RXOS_LIB_VSPRINTF_H
#define RXOS_LIB_VSPRINTF_H

#include <stdarg.h>
#include <stddef.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Like vsnprintf but returns the number of bytes actually stored. */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int scnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
