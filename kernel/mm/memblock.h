/*
 * memblock.h - boot-time memory bookkeeping (Linux: include/linux/memblock.h).
 *
 * Before the buddy allocator exists the kernel still needs to know which
 * physical memory is RAM and which of it is already in use. memblock keeps
 * two sorted lists of [base, base + size) ranges:
 *
 *   memblock.memory    RAM the boot loader reported usable (e820 type 1)
 *   memblock.reserved  parts of it in use: first MiB, kernel image, the
 *                      multiboot info, command line, modules, mem_map
 *
 * Free memory = memory minus reserved. memblock_free_all() hands exactly that
 * to the page allocator; after that memblock is only read (meminfo, ioremap
 * refusing RAM). Boot only, one CPU, no locking.
 */
#ifndef RXOS_KERNEL_MM_MEMBLOCK_H
#define RXOS_KERNEL_MM_MEMBLOCK_H

#include "kernel/kernel.h"

/* 32 bits on i386 without PAE, as in Linux. */
typedef unsigned long phys_addr_t;

#define INIT_MEMBLOCK_REGIONS 64

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned long cnt; /* regions used, sorted by base, never touching */
	struct memblock_region regions[INIT_MEMBLOCK_REGIONS];
	const char *name;
};

struct memblock {
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;
/* Last usable pfn + 1 of low memory (set by setup_arch). */
extern unsigned long max_low_pfn;

/* 0, or -ENOMEM when the region table is full (the range is dropped). */
int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
/* Highest free aligned range of size bytes, reserved; 0 when none fits. */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
/* The same, as a zeroed direct-map pointer; NULL when none fits. */
void *memblock_alloc(phys_addr_t size, phys_addr_t align);
bool memblock_overlaps_region(const struct memblock_type *type,
			      phys_addr_t base, phys_addr_t size);
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_end_of_DRAM(void);
/* Pages of RAM memblock.memory holds (whole pages only). */
unsigned long memblock_physpages(void);
/* Forget everything (host unit tests). */
void memblock_reset(void);

/*
 * Walk free ranges (memory minus reserved) in ascending order:
 *     struct memblock_iter it = { 0 };
 *     while (__next_free_mem_range(&it, &start, &end)) ...
 * Linux packs the two indices in a u64 (for_each_free_mem_range).
 */
struct memblock_iter {
	unsigned long m; /* memory region */
	unsigned long r; /* gap between reserved regions r-1 and r */
};
bool __next_free_mem_range(struct memblock_iter *it, phys_addr_t *start,
			   phys_addr_t *end);

/* Free every free range to the buddy allocator; returns pages freed. */
unsigned long memblock_free_all(void);

#endif
