/*
 * memblock.c - boot-time ranges of RAM and of what is already used in it
 * (Linux: mm/memblock.c).
 *
 * Called by setup_arch() (memory map, reservations) and mem_init()
 * (mem_map, memblock_free_all), once, at boot, on one CPU with interrupts
 * off: no locking. Invariant of both lists: sorted by base, no two regions
 * overlap or touch (memblock_add_range merges them), at most
 * INIT_MEMBLOCK_REGIONS entries. Linux grows the arrays once the slab is up
 * and keeps per-region flags and NUMA node ids; rxos needs neither.
 */
#include "kernel/mm/memblock.h"
#include "kernel/errno.h"
#include "kernel/mm/mm.h"
#include "kernel/printk.h"
#include "lib/string.h"

struct memblock memblock = {
	.memory = { .name = "memory" },
	.reserved = { .name = "reserved" },
};
unsigned long max_low_pfn;

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

static void memblock_remove_region(struct memblock_type *type, unsigned long i)
{
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

static void memblock_insert_region(struct memblock_type *type, phys_addr_t base,
				   phys_addr_t size)
{
	unsigned long i = 0;

	while (i < type->cnt && type->regions[i].base < base)
		i++;
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i] = (struct memblock_region){ base, size };
	type->cnt++;
}

/*
 * Add [base, base + size), swallowing every region it overlaps or touches,
 * so the list stays sorted and disjoint. A full table drops the new range
 * with an error: better to lose some RAM than to corrupt the list.
 */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size)
{
	phys_addr_t end = base + size;
	unsigned long i = 0;

	if (!size)
		return 0;
	if (end < base) /* wraps past 4 GiB */
		end = (phys_addr_t)-1;
	while (i < type->cnt) {
		struct memblock_region *r = &type->regions[i];

		if (r->base > end || region_end(r) < base) {
			i++;
			continue;
		}
		base = min(base, r->base);
		end = max(end, region_end(r));
		memblock_remove_region(type, i);
	}
	if (type->cnt == INIT_MEMBLOCK_REGIONS) {
		pr_err("memblock: %s table full, dropping [mem 0x%08lx-0x%08lx]\n",
		       type->name, base, end - 1);
		return -ENOMEM;
	}
	memblock_insert_region(type, base, end - base);
	return 0;
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

/* Gap r lies between reserved regions r-1 and r (open at both ends). */
static phys_addr_t gap_start(unsigned long r)
{
	return r ? region_end(&memblock.reserved.regions[r - 1]) : 0;
}

static phys_addr_t gap_end(unsigned long r)
{
	return r < memblock.reserved.cnt ? memblock.reserved.regions[r].base
					  : (phys_addr_t)-1;
}

/*
 * Free ranges are the intersections of memory regions with reserved gaps;
 * both lists are sorted, so one merge-like pass finds them in order.
 */
bool __next_free_mem_range(struct memblock_iter *it, phys_addr_t *start,
			   phys_addr_t *end)
{
	const struct memblock_type *mem = &memblock.memory;

	for (; it->m < mem->cnt; it->m++) {
		phys_addr_t m_start = mem->regions[it->m].base;
		phys_addr_t m_end = region_end(&mem->regions[it->m]);

		for (; it->r <= memblock.reserved.cnt; it->r++) {
			phys_addr_t g_start = gap_start(it->r), g_end = gap_end(it->r);

			if (g_start >= m_end)
				break;	/* gap is past this region */
			if (g_end <= m_start)
				continue; /* gap is before it */
			*start = max(m_start, g_start);
			*end = min(m_end, g_end);
			if (m_end <= g_end)
				it->m++; /* the gap may reach into the next region */
			else
				it->r++;
			return true;
		}
	}
	return false;
}

/* Top-down, as Linux: early allocations stay clear of low DMA-able memory. */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	struct memblock_iter it = { 0 };
	phys_addr_t start, end, found = 0;

	while (__next_free_mem_range(&it, &start, &end)) {
		phys_addr_t cand;

		if (end - start < size)
			continue;
		cand = ALIGN_DOWN(end - size, align);
		if (cand >= start)
			found = cand; /* later ranges are higher */
	}
	/* 0 means failure: physical page 0 is always reserved (first MiB). */
	if (found && memblock_reserve(found, size))
		return 0;
	return found;
}

void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t phys = memblock_phys_alloc(size, align);

	if (!phys)
		return NULL;
	memset(__va(phys), 0, size);
	return __va(phys);
}

bool memblock_overlaps_region(const struct memblock_type *type,
			      phys_addr_t base, phys_addr_t size)
{
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (r->base < base + size && base < region_end(r))
			return true;
	}
	return false;
}

phys_addr_t memblock_phys_mem_size(void)
{
	phys_addr_t total = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++)
		total += memblock.memory.regions[i].size;
	return total;
}

phys_addr_t memblock_end_of_DRAM(void)
{
	unsigned long n = memblock.memory.cnt;

	return n ? region_end(&memblock.memory.regions[n - 1]) : 0;
}

unsigned long memblock_physpages(void)
{
	unsigned long pages = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		pages += PFN_DOWN(region_end(r)) - PFN_UP(r->base);
	}
	return pages;
}

void memblock_reset(void)
{
	memblock.memory.cnt = 0;
	memblock.reserved.cnt = 0;
}

/*
 * The hand-over: every whole free page goes to the buddy allocator. Pages
 * only partly free (a reservation ends mid-page) stay reserved.
 */
unsigned long __init memblock_free_all(void)
{
	struct memblock_iter it = { 0 };
	phys_addr_t start, end;
	unsigned long pages = 0;

	while (__next_free_mem_range(&it, &start, &end)) {
		unsigned long s = PFN_UP(start), e = PFN_DOWN(end);

		if (s >= e)
			continue;
		__free_pages_memory(s, e);
		pages += e - s;
	}
	return pages;
}
