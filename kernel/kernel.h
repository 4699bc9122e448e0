/*
 * kernel.h - small helpers every kernel file uses.
 *
 * Linux spreads these over include/linux/kernel.h, compiler.h, bug.h and
 * asm/page.h; rxos keeps the handful it needs in one place.
 */
#ifndef RXOS_KERNEL_KERNEL_H
#define RXOS_KERNEL_KERNEL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define __init __attribute__((section(".text.init")))
#define __noreturn __attribute__((noreturn))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __packed __attribute__((packed))
#define __aligned(n) __attribute__((aligned(n)))

#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define ALIGN_UP(x, a) (((x) + ((a)-1)) & ~((a)-1))
#define ALIGN_DOWN(x, a) ((x) & ~((a)-1))

/* Memory layout: the 3G/1G split of Linux i386. */
#define PAGE_OFFSET 0xC0000000UL
#define PAGE_SIZE 4096UL
#define PAGE_SHIFT 12
#define __pa(v) ((uintptr_t)(v)-PAGE_OFFSET)
#define __va(p) ((void *)((uintptr_t)(p) + PAGE_OFFSET))

/* Linker-script symbols. */
extern char _text[], _etext[], _end[], __bss_start[], __bss_stop[];

__noreturn __printf(1, 2) void panic(const char *fmt, ...);
/* Non-zero while an oops is being reported (panic then skips its trace). */
extern int oops_in_progress;

#define BUG() panic("BUG at %s:%d (%s)", __FILE__, __LINE__, __func__)
#define BUG_ON(cond)               \
	do {                       \
		if (unlikely(cond)) \
			BUG();     \
	} while (0)

#endif
