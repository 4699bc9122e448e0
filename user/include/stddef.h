/* stddef.h - rxos user libc (i386). Types come from the compiler's builtins. */
#ifndef _RXOS_STDDEF_H
#define _RXOS_STDDEF_H

typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
typedef __WCHAR_TYPE__ wchar_t;
/* i386 gcc aligns max_align_t to 16; no long double member, since user
 * code is built with -mgeneral-regs-only (no x87 state). */
typedef struct {
	long long __ll;
} __attribute__((aligned(16))) max_align_t;

#define NULL ((void *)0)
#define offsetof(type, member) __builtin_offsetof(type, member)

#endif
