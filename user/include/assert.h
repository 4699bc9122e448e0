/* assert.h - rxos user libc. */
#ifndef _RXOS_ASSERT_H
#define _RXOS_ASSERT_H

void __assert_fail(const char *expr, const char *file, int line,
		   const char *func) __attribute__((noreturn));

#ifdef NDEBUG
#define assert(x) ((void)0)
#else
#define assert(x) ((x) ? (void)0 : __assert_fail(#x, __FILE__, __LINE__, __func__))
#endif
#define static_assert _Static_assert

#endif
