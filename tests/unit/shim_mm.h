/*
 * shim_mm.h - run the memory allocators on the host, over a fake RAM.
 *
 * "Physical memory" is a page-aligned malloc'd arena of ARENA_PAGES pages:
 * physical address 0 is its first byte. The allocators only turn physical
 * into virtual through __va()/__pa(), which are redefined here, so
 * page_alloc.c, memblock.c, slab.c and pgtable.c run unchanged; mem_map is
 * a host array. printk() output is captured so tests can assert that a
 * wrong free was reported (log_has("double free")).
 *
 * Include this first, then the test's own kernel .c files.
 */
#ifndef RXOS_TESTS_SHIM_MM_H
#define RXOS_TESTS_SHIM_MM_H

#include "tests/unit/unit.h"

#include <stdint.h>
#include <stdlib.h>

/*
 * Our own names for the two kernel symbols every host test needs, so they
 * cannot collide with shared definitions unit.h may carry.
 */
#define host_test_eflags mm_test_eflags
#define panic mm_test_panic
unsigned long mm_test_eflags = 0x200;
unsigned long host_test_cr3;

#include "kernel/kernel.h"

#undef __va
#undef __pa
static uintptr_t arena_base; /* host address of physical 0 */
#define __pa(v) ((uintptr_t)(v)-arena_base)
#define __va(p) ((void *)((uintptr_t)(p) + arena_base))

#include "lib/string.c"
#include "lib/vsprintf.c"
#include "kernel/mm/memblock.c"
#include "kernel/mm/page_alloc.c"
#include "kernel/mm/meminfo.c"

#define ARENA_PAGES 2048UL /* 8 MiB: two blocks of MAX_ORDER - 1 */
#define ARENA_BYTES (ARENA_PAGES * PAGE_SIZE)

static char *arena;
static struct page host_mem_map[ARENA_PAGES];
static char printk_log[1 << 16];
static size_t printk_len;

__attribute__((noreturn)) void mm_test_panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("FAIL kernel panic: ");
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
	fflush(stdout);
	abort();
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	if (fmt[0] == KERN_SOH[0] && fmt[1])
		fmt += 2;
	va_start(ap, fmt);
	n = vscnprintf(printk_log + printk_len, sizeof(printk_log) - printk_len,
		       fmt, ap);
	va_end(ap);
	printk_len += n;
	return n;
}

void dump_stack(void)
{
}

static int log_has(const char *s)
{
	return strstr(printk_log, s) != NULL;
}

static void log_clear(void)
{
	printk_len = 0;
	printk_log[0] = '\0';
}

/* A fresh machine: all arena RAM, the first `reserved` pages in use. */
static void mm_test_boot(unsigned long reserved)
{
	if (!arena)
		arena = aligned_alloc(PAGE_SIZE, ARENA_BYTES);
	arena_base = (uintptr_t)arena;
	memblock_reset();
	memblock_add(0, ARENA_BYTES);
	if (reserved)
		memblock_reserve(0, reserved * PAGE_SIZE);
	max_low_pfn = ARENA_PAGES;
	free_area_init(host_mem_map, ARENA_PAGES);
	memblock_free_all();
	memset(vm_node_stat, 0, sizeof(vm_node_stat));
	nr_bad_pages = 0;
	log_clear();
}

/* Free blocks of each order, as a string "o0 o1 ... o10". */
static const char *free_blocks(void)
{
	static char s[128];
	int n = 0;

	for (unsigned int o = 0; o < MAX_ORDER; o++)
		n += snprintf(s + n, sizeof(s) - n, o ? " %lu" : "%lu",
			      zone_normal.free_area[o].nr_free);
	return s;
}

#endif
