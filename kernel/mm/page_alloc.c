/*
 * page_alloc.c - the buddy allocator: physical memory in blocks of 2^order
 * pages (Linux: mm/page_alloc.c).
 *
 * Who calls it: the slab allocator (slabs), kmalloc > 4 KiB, page tables,
 * drivers (DMA rings), and at boot memblock_free_all(), which hands over all
 * free RAM. Any context: the zone lock is taken with interrupts off, so a
 * softirq refilling a NIC ring may allocate while process context frees.
 *
 * The idea: a free block of order n is 2^n pages starting at a pfn that is a
 * multiple of 2^n. Its "buddy" is the neighbour it was split from:
 * buddy_pfn = pfn ^ (1 << n). Freeing a block whose buddy is also free of
 * the same order merges the two into one block of order n+1, and again up to
 * MAX_ORDER - 1; allocating takes the smallest free block big enough and
 * splits off the halves it does not need (expand()).
 *
 *     order 2 block:  [ 0 1 2 3 ]      alloc order 0 -> page 0;
 *     split:          [0][1][2 3]      1 goes to free_area[0], 2-3 to [1]
 *
 * Invariants (zone.lock held):
 *  - a free block's first page has PG_buddy, private = order, and is on
 *    free_area[order].free_list; its other pages have no flags;
 *  - an allocated block's first page has PG_head, private = order;
 *  - PG_reserved pages are never on a free list;
 *  - zone.nr_free == sum over orders of free_area[o].nr_free << o.
 * The flags let free_pages() catch double frees, wrong orders and frees of
 * memory that never came from here (bad_page()), instead of corrupting a
 * free list. Linux has several zones, per-CPU page lists, watermarks and
 * reclaim; rxos has one zone ("Normal", all of low memory) and fails at 0.
 */
#include "kernel/mm/gfp.h"
#include "kernel/mm/mm.h"
#include "kernel/printk.h"
#include "kernel/spinlock.h"
#include "kernel/stacktrace.h"
#include "lib/string.h"
#include "lib/vsprintf.h"

struct free_area {
	struct list_head free_list;
	unsigned long nr_free; /* blocks of this order */
};

struct zone {
	const char *name;
	spinlock_t lock; /* protects everything below and struct page buddy fields */
	struct free_area free_area[MAX_ORDER];
	unsigned long nr_free;	      /* free pages */
	unsigned long managed_pages;  /* pages ever given to us: totalram */
};

struct page *mem_map;
unsigned long max_mapnr;
unsigned long nr_bad_pages;

static struct zone zone_normal = {
	.name = "Normal",
	.lock = __SPIN_LOCK_UNLOCKED(zone_normal.lock),
};
static unsigned long vm_node_stat[NR_VM_NODE_STAT_ITEMS];

void __init free_area_init(struct page *map, unsigned long nr_pages)
{
	struct zone *zone = &zone_normal;

	mem_map = map;
	max_mapnr = nr_pages;
	for (unsigned long pfn = 0; pfn < nr_pages; pfn++)
		map[pfn] = (struct page){ .flags = PG_reserved };
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		INIT_LIST_HEAD(&zone->free_area[o].free_list);
		zone->free_area[o].nr_free = 0;
	}
	zone->nr_free = 0;
	zone->managed_pages = 0;
}

/* ---- free lists ---------------------------------------------------------- */

static void add_to_free_list(struct zone *zone, struct page *page,
			     unsigned int order)
{
	page->flags |= PG_buddy;
	page->private = order;
	list_add(&page->lru, &zone->free_area[order].free_list);
	zone->free_area[order].nr_free++;
	zone->nr_free += 1UL << order;
}

static void del_page_from_free_list(struct zone *zone, struct page *page,
				    unsigned int order)
{
	list_del(&page->lru);
	page->flags &= ~PG_buddy;
	zone->free_area[order].nr_free--;
	zone->nr_free -= 1UL << order;
}

/* Can `buddy` be merged with a block of `order`? Free, and the same size. */
static bool page_is_buddy(unsigned long buddy_pfn, unsigned int order)
{
	struct page *buddy;

	if (!pfn_valid(buddy_pfn))
		return false;
	buddy = pfn_to_page(buddy_pfn);
	return PageBuddy(buddy) && buddy->private == order;
}

/* Put a block back, merging with its buddy as long as the buddy is free. */
static void __free_one_page(struct zone *zone, unsigned long pfn,
			    unsigned int order)
{
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);

		if (!page_is_buddy(buddy_pfn, order))
			break;
		del_page_from_free_list(zone, pfn_to_page(buddy_pfn), order);
		pfn &= buddy_pfn; /* the merged block starts at the lower one */
		order++;
	}
	add_to_free_list(zone, pfn_to_page(pfn), order);
}

/* We took a block of order `high` for a request of `low`: free the rest. */
static void expand(struct zone *zone, struct page *page, unsigned int low,
		   unsigned int high)
{
	while (high > low) {
		high--;
		add_to_free_list(zone, page + (1UL << high), high);
	}
}

static struct page *__rmqueue(struct zone *zone, unsigned int order)
{
	for (unsigned int o = order; o < MAX_ORDER; o++) {
		struct free_area *area = &zone->free_area[o];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		del_page_from_free_list(zone, page, o);
		expand(zone, page, order, o);
		return page;
	}
	return NULL;
}

/* ---- allocation ----------------------------------------------------------- */

static void warn_alloc(gfp_t gfp, unsigned int order)
{
	if (gfp & __GFP_NOWARN)
		return;
	pr_warn("page allocation failure: order:%u, mode:%#x, free:%lu pages\n",
		order, gfp, zone_normal.nr_free);
}

static void prep_new_page(struct page *page, unsigned int order)
{
	page->flags |= PG_head;
	page->private = order;
}

/* Linux: alloc_pages() -> __alloc_pages() -> get_page_from_freelist(). */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct zone *zone = &zone_normal;
	struct page *page = NULL;
	unsigned long flags;

	if (order >= MAX_ORDER) {
		warn_alloc(gfp, order);
		return NULL;
	}
	spin_lock_irqsave(&zone->lock, flags);
	page = __rmqueue(zone, order);
	if (page)
		prep_new_page(page, order);
	spin_unlock_irqrestore(&zone->lock, flags);
	if (!page)
		warn_alloc(gfp, order);
	else if (gfp & __GFP_ZERO) /* outside the lock: IRQs stay off briefly */
		memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

/* ---- freeing -------------------------------------------------------------- */

/*
 * Report a wrong free and leak the block: a lost page is harmless, a page
 * on a free list twice is handed out twice. Linux: bad_page().
 */
static void bad_page(struct page *page, unsigned int order, const char *reason)
{
	nr_bad_pages++;
	pr_err("BUG: Bad page state: pfn:%05lx addr:%p flags:%#lx order:%u (freed with order %u)\n",
	       page_to_pfn(page), page_address(page), page->flags,
	       page->private, order);
	pr_err("page dumped because: %s\n", reason);
	dump_stack();
}

/* Called with zone->lock held; true when the block may be freed. */
static bool free_pages_check(struct page *page, unsigned int order)
{
	const char *bad = NULL;

	if (PageBuddy(page))
		bad = "double free: block is already free";
	else if (PageReserved(page))
		bad = "freeing a reserved page";
	else if (PageSlab(page))
		bad = "page still belongs to a slab cache";
	else if (!PageHead(page))
		bad = "not the start of an allocated block (double free?)";
	else if (page->private != order)
		bad = "freed with a different order than allocated";
	else if (page_to_pfn(page) & ((1UL << order) - 1))
		bad = "block not aligned to its order";
	if (bad) {
		bad_page(page, order, bad);
		return false;
	}
	return true;
}

void __free_pages(struct page *page, unsigned int order)
{
	struct zone *zone = &zone_normal;
	unsigned long flags;

	if (order >= MAX_ORDER) {
		bad_page(page, order, "order too large");
		return;
	}
	spin_lock_irqsave(&zone->lock, flags);
	if (free_pages_check(page, order)) {
		page->flags &= ~(PG_head | PG_large_kmalloc);
		__free_one_page(zone, page_to_pfn(page), order);
	}
	spin_unlock_irqrestore(&zone->lock, flags);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return; /* like kfree(NULL) */
	if ((addr & ~PAGE_MASK) || !virt_addr_valid((void *)addr)) {
		nr_bad_pages++;
		pr_err("BUG: free_pages(%#lx, %u): not a page-aligned address in the direct map\n",
		       addr, order);
		dump_stack();
		return;
	}
	__free_pages(virt_to_page((void *)addr), order);
}

/* ---- boot: memory comes in ------------------------------------------------ */

/* A reserved block becomes managed memory (Linux: __free_pages_core). */
static void __free_pages_core(struct page *page, unsigned int order)
{
	struct zone *zone = &zone_normal;
	unsigned long flags;

	for (unsigned long i = 0; i < (1UL << order); i++)
		page[i].flags &= ~PG_reserved;
	spin_lock_irqsave(&zone->lock, flags);
	zone->managed_pages += 1UL << order;
	__free_one_page(zone, page_to_pfn(page), order);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/* Largest order that starts at pfn (alignment) and fits before end. */
static unsigned int max_order_at(unsigned long pfn, unsigned long end)
{
	unsigned int order = 0;

	while (order < MAX_ORDER - 1 && !(pfn & (1UL << order)) &&
	       pfn + (2UL << order) <= end)
		order++;
	return order;
}

void __init __free_pages_memory(unsigned long start, unsigned long end)
{
	end = min(end, max_mapnr);
	while (start < end) {
		unsigned int order = max_order_at(start, end);

		__free_pages_core(pfn_to_page(start), order);
		start += 1UL << order;
	}
}

/* Pages that were reserved at boot (the initrd) join the free memory. */
unsigned long free_reserved_area(void *start, void *end, const char *s)
{
	unsigned long pfn = PFN_UP((unsigned long)__pa(start));
	unsigned long last = PFN_DOWN((unsigned long)__pa(end));
	unsigned long pages = 0;

	for (; pfn < last && pfn_valid(pfn); pfn++, pages++) {
		if (!PageReserved(pfn_to_page(pfn))) {
			bad_page(pfn_to_page(pfn), 0, "free_reserved_area of a page not reserved");
			break;
		}
		__free_pages_core(pfn_to_page(pfn), 0);
	}
	if (pages && s)
		pr_info("Freeing %s memory: %luK\n", s, pages << (PAGE_SHIFT - 10));
	return pages;
}

/* ---- counters --------------------------------------------------------------- */

unsigned long totalram_pages(void)
{
	return zone_normal.managed_pages;
}

unsigned long nr_free_pages(void)
{
	return zone_normal.nr_free;
}

void mod_node_page_state(enum node_stat_item item, long delta)
{
	unsigned long flags;

	local_irq_save(flags);
	vm_node_stat[item] += delta;
	local_irq_restore(flags);
}

unsigned long global_node_page_state(enum node_stat_item item)
{
	return vm_node_stat[item];
}

/* /proc/buddyinfo: "Node 0, zone   Normal      3      1 ..." per order. */
int buddyinfo_show(char *buf, int len)
{
	struct zone *zone = &zone_normal;
	unsigned long counts[MAX_ORDER];
	unsigned long flags;
	int n;

	spin_lock_irqsave(&zone->lock, flags);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		counts[o] = zone->free_area[o].nr_free;
	spin_unlock_irqrestore(&zone->lock, flags);
	n = scnprintf(buf, len, "Node 0, zone %8s ", zone->name);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		n += scnprintf(buf + n, len - n, "%6lu ", counts[o]);
	n += scnprintf(buf + n, len - n, "\n");
	return n;
}
