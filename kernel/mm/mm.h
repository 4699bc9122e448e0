/*
 * mm.h - struct page, page frame numbers and the memory subsystem's boot
 * entry points (Linux: include/linux/mm.h, mm_types.h, page-flags.h).
 *
 * Every physical page frame of low memory has one struct page in the array
 * mem_map[], indexed by its page frame number (pfn = physical >> 12). The
 * page allocator and the slab allocator keep their bookkeeping there, never
 * inside the pages they hand out, so a caller can scribble over its memory
 * without corrupting an allocator list.
 *
 * Addresses: kernel virtual (direct map) <-> physical <-> pfn <-> struct page.
 * Only the helpers below use __va()/__pa(); host unit tests redefine those
 * two macros to point at a malloc'd arena and the allocators work unchanged.
 *
 * Boot order (start_kernel calls these):
 *   setup_arch()   memory map -> memblock, paging_init(), boot reservations
 *   mm_core_init() mem_map, memblock_free_all() into the buddy allocator,
 *                  kmem_cache_init(); prints "Memory: NK/NK available"
 */
#ifndef RXOS_KERNEL_MM_MM_H
#define RXOS_KERNEL_MM_MM_H

#include "kernel/kernel.h"
#include "kernel/list.h"
#include "kernel/mm/gfp.h"

struct kmem_cache;
struct multiboot_info;

#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PFN_UP(x) (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)
#define PFN_PHYS(pfn) ((unsigned long)(pfn) << PAGE_SHIFT)

/*
 * struct page fields, grouped by owner. Linux overlays the owners' fields in
 * unions to keep struct page at 32 bytes on i386; rxos keeps them apart so
 * `p *page` in gdb shows everything (still 32 bytes on i386).
 * All fields are protected by the owner's lock: zone->lock for the buddy
 * fields, the cache's lock for the slab fields.
 */
struct page {
	unsigned long flags;	/* PG_* bits below */
	/* buddy allocator (PG_buddy: free block; PG_head: allocated block) */
	struct list_head lru;	/* free_area list, or the cache's slab list */
	unsigned int private;	/* order of the block starting here */
	/* slab allocator (PG_slab, set on every page of a slab) */
	struct kmem_cache *slab_cache;
	struct page *first_page; /* the slab's first page: its struct page
				    holds freelist and inuse */
	void *freelist;		/* first free object, NULL when full */
	unsigned int inuse;	/* objects handed out from this slab */
};
#ifndef RXOS_HOST_TEST
_Static_assert(sizeof(struct page) == 32, "mem_map costs 32 bytes per 4 KiB");
#endif

/*
 * Page flags. The allocators check them to turn a wrong free into a BUG
 * report instead of a corrupted free list (Linux: free_page_is_bad()).
 */
#define PG_reserved (1UL << 0)	/* not managed: holes, kernel, boot data */
#define PG_buddy (1UL << 1)	/* head of a free block, private = order */
#define PG_head (1UL << 2)	/* head of an allocated block, private = order */
#define PG_slab (1UL << 3)	/* belongs to a slab of page->slab_cache */
#define PG_large_kmalloc (1UL << 4) /* head of a kmalloc() > 4 KiB */

static inline bool PageReserved(const struct page *p)
{
	return p->flags & PG_reserved;
}
static inline bool PageBuddy(const struct page *p)
{
	return p->flags & PG_buddy;
}
static inline bool PageHead(const struct page *p)
{
	return p->flags & PG_head;
}
static inline bool PageSlab(const struct page *p)
{
	return p->flags & PG_slab;
}
static inline bool PageLargeKmalloc(const struct page *p)
{
	return p->flags & PG_large_kmalloc;
}

/* The flat memory model: one array from pfn 0 to max_mapnr - 1. */
extern struct page *mem_map;
extern unsigned long max_mapnr;

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_mapnr;
}
static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}
static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map);
}
static inline unsigned long virt_to_pfn(const void *addr)
{
	return PFN_DOWN((unsigned long)__pa(addr));
}
/* Is addr in the direct map of RAM that has a struct page? */
static inline bool virt_addr_valid(const void *addr)
{
	return pfn_valid(virt_to_pfn(addr));
}
static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(virt_to_pfn(addr));
}
static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

/* Smallest order whose block holds size bytes. */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/* ---- page allocator internals (page_alloc.c) ---------------------------- */
struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
/* Boot: take over mem_map (all pages start reserved), empty free lists. */
void free_area_init(struct page *map, unsigned long nr_pages);
/* Boot: hand pfns [start, end) to the buddy allocator (memblock_free_all). */
void __free_pages_memory(unsigned long start_pfn, unsigned long end_pfn);
/* Give reserved pages [start, end) (virtual) back; logs "Freeing s memory". */
unsigned long free_reserved_area(void *start, void *end, const char *s);
/* How many free/wrong frees bad_page() has reported (tests read it). */
extern unsigned long nr_bad_pages;
/* /proc/buddyinfo text: free blocks per order. Returns bytes written. */
int buddyinfo_show(char *buf, int len);
/* /proc/meminfo text in Linux's layout. Returns bytes written. */
int meminfo_show(char *buf, int len);

/*
 * Counters /proc/meminfo shows besides free/total (Linux: vmstat.h,
 * enum node_stat_item). Owners add and subtract with mod_node_page_state().
 */
enum node_stat_item {
	NR_SLAB_UNRECLAIMABLE, /* pages in slabs (slab.c) */
	NR_PAGETABLE,	       /* user page tables and directories (pgtable.c) */
	NR_KERNEL_STACK_KB,    /* kB of kernel stacks (process code) */
	NR_ANON_MAPPED,	       /* pages mapped into user space (pgtable.c) */
	NR_IOREMAP_PAGES,      /* pages mapped by ioremap() (Linux: vmalloc) */
	NR_VM_NODE_STAT_ITEMS
};
void mod_node_page_state(enum node_stat_item item, long delta);
unsigned long global_node_page_state(enum node_stat_item item);

/* ---- boot entry points --------------------------------------------------- */
/* setup.c: memory map, paging, reservations. Before anything allocates. */
void setup_arch(void);
/* e820.c: the loader's memory map into memblock.memory. */
void e820__memory_setup(const struct multiboot_info *mbi);
/* init.c: buddy allocator and slab up; after this kmalloc works. */
void mm_core_init(void);
void mem_init(void);
/* slab.c */
void kmem_cache_init(void);

#endif
