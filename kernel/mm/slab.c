/*
 * slab.c - object caches and kmalloc (Linux: mm/slub.c, mm/slab_common.c).
 *
 * A cache hands out objects of one size. It gets memory from the buddy
 * allocator one slab at a time (2^order pages) and cuts it into objects:
 *
 *     slab (order 0, kmalloc-1024):
 *     [ obj 0 | obj 1 | obj 2 | obj 3 ]      page->freelist -> obj 2 -> obj 0
 *
 * Free objects are chained through their own first 8 bytes (struct
 * slab_free_obj: offset of the next free object, and a magic word). All
 * other bookkeeping lives in the slab's struct page (slab_cache, freelist,
 * inuse), so kfree(p) finds everything from the address alone:
 * virt_to_page(p)->first_page is the slab, ->slab_cache its cache.
 *
 * Lists (cache->lock held, interrupts off): slabs_partial has slabs with
 * free objects, slabs_full the rest. A slab that becomes empty goes straight
 * back to the page allocator (Linux SLUB keeps a few, per-CPU slabs, and
 * lock-free fast paths). kmalloc(size) uses the cache kmalloc-2^n that fits;
 * above 4096 bytes it takes pages directly, marked PG_large_kmalloc with
 * the order in the struct page, which is what kfree()/ksize() read.
 *
 * Checks instead of corruption (Linux: slub_debug): a free of an address
 * that is not a live object of this cache is reported with the address and
 * ignored. A free object carries SLAB_FREE_MAGIC; when an object being freed
 * has it, the slab's free list is walked to tell a double free from user
 * data that happens to look like the magic.
 *
 * Context: any, with GFP_ATOMIC. kmem_cache_create/destroy: process context.
 */
#include "kernel/mm/slab.h"
#include "kernel/mm/mm.h"
#include "kernel/printk.h"
#include "kernel/spinlock.h"
#include "kernel/stacktrace.h"
#include "lib/string.h"
#include "lib/vsprintf.h"

#define SLAB_MIN_ALIGN 8 /* Linux: ARCH_SLAB_MINALIGN */
#define SLAB_MAX_ORDER 3 /* slabs of at most 32 KiB */
#define SLAB_MIN_OBJECTS 8
#define CACHE_LINE_SIZE 64
#define KMALLOC_CACHES 10 /* kmalloc-8 .. kmalloc-4096 */
#define SLAB_FREE_END 0xffffffffu
#define SLAB_FREE_MAGIC 0x6b6bf1eeu

struct kmem_cache {
	char name[32];
	unsigned int object_size; /* what the creator asked for */
	unsigned int size;	  /* object stride: aligned, >= 8 */
	unsigned int align;
	unsigned int order;	  /* a slab is 2^order pages */
	unsigned int objects;	  /* per slab */
	void (*ctor)(void *);
	spinlock_t lock;	  /* the lists, counters and slabs' freelists */
	struct list_head slabs_partial;
	struct list_head slabs_full;
	unsigned long nr_slabs;
	unsigned long active_objs;
	struct list_head list;	  /* on slab_caches, under slab_caches_lock */
};

/* What a free object holds; 8 bytes on i386 and on a 64-bit test host. */
struct slab_free_obj {
	uint32_t next;	/* offset of the next free object in the slab */
	uint32_t magic; /* SLAB_FREE_MAGIC */
};

unsigned long nr_slab_bugs;

static struct kmem_cache kmem_cache_boot; /* the cache of struct kmem_cache */
static struct kmem_cache *kmalloc_caches[KMALLOC_CACHES];
static LIST_HEAD(slab_caches);
static DEFINE_SPINLOCK(slab_caches_lock);

/* ---- cache geometry --------------------------------------------------------- */

/* Linux calculate_alignment(): small objects need not fill a cache line. */
static unsigned int calculate_alignment(unsigned long flags, unsigned int align,
					unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = CACHE_LINE_SIZE;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	return max(align, (unsigned int)SLAB_MIN_ALIGN);
}

/* Smallest slab with SLAB_MIN_OBJECTS and at most 1/8 wasted at the end. */
static int calculate_order(struct kmem_cache *c)
{
	for (unsigned int order = 0; order <= SLAB_MAX_ORDER; order++) {
		unsigned long bytes = PAGE_SIZE << order;
		unsigned long n = bytes / c->size;

		if ((n >= SLAB_MIN_OBJECTS && bytes - n * c->size <= bytes / 8) ||
		    (order == SLAB_MAX_ORDER && n)) {
			c->order = order;
			c->objects = n;
			return 0;
		}
	}
	return -1;
}

static int __kmem_cache_setup(struct kmem_cache *c, const char *name,
			      size_t size, size_t align, unsigned long flags,
			      void (*ctor)(void *))
{
	if (!size || size > (PAGE_SIZE << SLAB_MAX_ORDER) || (align & (align - 1))) {
		pr_err("kmem_cache_create(%s): bad size %zu or align %zu\n",
		       name, size, align);
		return -1;
	}
	memset(c, 0, sizeof(*c));
	strlcpy(c->name, name ? name : "?", sizeof(c->name));
	c->object_size = size;
	c->align = calculate_alignment(flags, align, size);
	c->size = ALIGN_UP(max((unsigned int)size, (unsigned int)sizeof(struct slab_free_obj)),
			   c->align);
	c->ctor = ctor;
	spin_lock_init(&c->lock);
	INIT_LIST_HEAD(&c->slabs_partial);
	INIT_LIST_HEAD(&c->slabs_full);
	return calculate_order(c);
}

/* ---- slabs ------------------------------------------------------------------- */

static struct slab_free_obj *slab_obj(struct page *slab, uint32_t offset)
{
	return (struct slab_free_obj *)((char *)page_address(slab) + offset);
}

static uint32_t slab_offset(struct page *slab, const void *obj)
{
	return (uint32_t)((const char *)obj - (char *)page_address(slab));
}

static void slab_init_freelist(struct kmem_cache *c, struct page *slab)
{
	for (unsigned int i = 0; i < c->objects; i++) {
		struct slab_free_obj *o = slab_obj(slab, i * c->size);

		o->next = i + 1 < c->objects ? (i + 1) * c->size : SLAB_FREE_END;
		o->magic = SLAB_FREE_MAGIC;
	}
	slab->freelist = page_address(slab);
	slab->inuse = 0;
}

static struct page *allocate_slab(struct kmem_cache *c, gfp_t gfp)
{
	struct page *slab = alloc_pages(gfp & ~__GFP_ZERO, c->order);

	if (!slab)
		return NULL;
	for (unsigned long i = 0; i < (1UL << c->order); i++) {
		slab[i].flags |= PG_slab;
		slab[i].slab_cache = c;
		slab[i].first_page = slab;
	}
	slab_init_freelist(c, slab);
	c->nr_slabs++;
	mod_node_page_state(NR_SLAB_UNRECLAIMABLE, 1L << c->order);
	return slab;
}

static void free_slab(struct kmem_cache *c, struct page *slab)
{
	for (unsigned long i = 0; i < (1UL << c->order); i++) {
		slab[i].flags &= ~PG_slab;
		slab[i].slab_cache = NULL;
		slab[i].first_page = NULL;
	}
	c->nr_slabs--;
	mod_node_page_state(NR_SLAB_UNRECLAIMABLE, -(1L << c->order));
	__free_pages(slab, c->order);
}

/* Pop the slab's first free object (cache lock held). */
static void *slab_take_object(struct kmem_cache *c, struct page *slab)
{
	struct slab_free_obj *o = slab->freelist;

	slab->freelist = o->next == SLAB_FREE_END ? NULL : slab_obj(slab, o->next);
	o->magic = 0;
	slab->inuse++;
	c->active_objs++;
	if (!slab->freelist)
		list_move_tail(&slab->lru, &c->slabs_full);
	return o;
}

/* Push an object back; an empty slab returns to the page allocator. */
static void slab_put_object(struct kmem_cache *c, struct page *slab, void *obj)
{
	struct slab_free_obj *o = obj;

	o->next = slab->freelist ? slab_offset(slab, slab->freelist) : SLAB_FREE_END;
	o->magic = SLAB_FREE_MAGIC;
	if (!slab->freelist)
		list_move_tail(&slab->lru, &c->slabs_partial);
	slab->freelist = o;
	slab->inuse--;
	c->active_objs--;
	if (!slab->inuse) {
		list_del(&slab->lru);
		free_slab(c, slab);
	}
}

/* ---- object checks ------------------------------------------------------------ */

/* The slab holding obj, or NULL when obj is not in slab memory. */
static struct page *virt_to_slab(const void *obj)
{
	struct page *page;

	if (!virt_addr_valid(obj))
		return NULL;
	page = virt_to_page(obj);
	return PageSlab(page) ? page->first_page : NULL;
}

static bool slab_obj_on_freelist(struct page *slab, const void *obj)
{
	const struct slab_free_obj *o = slab->freelist;

	for (; o; o = o->next == SLAB_FREE_END ? NULL : slab_obj(slab, o->next))
		if (o == obj)
			return true;
	return false;
}

/* Why obj cannot be freed to its slab, or NULL when it can (lock held). */
static const char *slab_free_check(struct kmem_cache *c, struct page *slab,
				   const void *obj)
{
	uint32_t off = slab_offset(slab, obj);

	if (off % c->size || off / c->size >= c->objects)
		return "pointer is not the start of an object";
	if (((const struct slab_free_obj *)obj)->magic == SLAB_FREE_MAGIC &&
	    slab_obj_on_freelist(slab, obj))
		return "object already free (double free)";
	return NULL;
}

static void slab_bug(const char *cache, const void *obj, const char *why)
{
	nr_slab_bugs++;
	pr_err("BUG %s: %s: %p\n", cache, why, obj);
	dump_stack();
}

/* ---- caches -------------------------------------------------------------------- */

struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align, unsigned long flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *c = kmem_cache_alloc(&kmem_cache_boot, GFP_KERNEL);
	unsigned long irqflags;

	if (c && __kmem_cache_setup(c, name, size, align, flags, ctor)) {
		kmem_cache_free(&kmem_cache_boot, c);
		c = NULL;
	}
	if (!c) {
		if (flags & SLAB_PANIC)
			panic("kmem_cache_create: failed to create slab '%s'", name);
		return NULL;
	}
	spin_lock_irqsave(&slab_caches_lock, irqflags);
	list_add_tail(&c->list, &slab_caches);
	spin_unlock_irqrestore(&slab_caches_lock, irqflags);
	return c;
}

void *kmem_cache_alloc(struct kmem_cache *c, gfp_t gfp)
{
	struct page *slab = NULL;
	void *obj = NULL;
	unsigned long flags;

	if (!c || !c->size) {
		pr_err("kmem_cache_alloc: no cache (before kmem_cache_init?)\n");
		return NULL;
	}
	spin_lock_irqsave(&c->lock, flags);
	if (list_empty(&c->slabs_partial)) {
		slab = allocate_slab(c, gfp);
		if (slab)
			list_add(&slab->lru, &c->slabs_partial);
	}
	if (!list_empty(&c->slabs_partial))
		obj = slab_take_object(c, list_first_entry(&c->slabs_partial,
							   struct page, lru));
	spin_unlock_irqrestore(&c->lock, flags);
	if (obj && (gfp & __GFP_ZERO))
		memset(obj, 0, c->object_size);
	/* Linux runs ctor once per object when the slab is made */
	if (obj && c->ctor)
		c->ctor(obj);
	return obj;
}

void *kmem_cache_zalloc(struct kmem_cache *c, gfp_t gfp)
{
	return kmem_cache_alloc(c, gfp | __GFP_ZERO);
}

void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	struct page *slab;
	const char *bad;
	unsigned long flags;

	if (!obj)
		return;
	slab = virt_to_slab(obj);
	if (!slab || slab->slab_cache != c) {
		slab_bug(c ? c->name : "?", obj, slab ? "object belongs to another cache"
						       : "not a slab object");
		return;
	}
	spin_lock_irqsave(&c->lock, flags);
	bad = slab_free_check(c, slab, obj);
	if (!bad)
		slab_put_object(c, slab, obj);
	spin_unlock_irqrestore(&c->lock, flags);
	if (bad)
		slab_bug(c->name, obj, bad);
}

unsigned long kmem_cache_active(struct kmem_cache *c)
{
	return c ? c->active_objs : 0;
}

/* A cache with live objects is kept (and reported): they point into it. */
void kmem_cache_destroy(struct kmem_cache *c)
{
	unsigned long flags;

	if (!c)
		return;
	if (c->active_objs || c == &kmem_cache_boot) {
		pr_err("kmem_cache_destroy %s: Slab cache still has objects (%lu), not destroyed\n",
		       c->name, c->active_objs);
		dump_stack();
		return;
	}
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_del(&c->list);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	kmem_cache_free(&kmem_cache_boot, c);
}

/* ---- kmalloc --------------------------------------------------------------------- */

static unsigned int kmalloc_index(size_t size)
{
	unsigned int i = 0;

	while ((size_t)(KMALLOC_MIN_SIZE << i) < size)
		i++;
	return i;
}

static void *kmalloc_large(size_t size, gfp_t gfp)
{
	struct page *page = alloc_pages(gfp, get_order(size));

	if (!page)
		return NULL;
	page->flags |= PG_large_kmalloc;
	return page_address(page);
}

void *kmalloc(size_t size, gfp_t gfp)
{
	if (!size)
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(size, gfp);
	return kmem_cache_alloc(kmalloc_caches[kmalloc_index(size)], gfp);
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	if (size && n > (size_t)-1 / size)
		return NULL;
	return kzalloc(n * size, gfp);
}

/* The head page of a live large kmalloc block at p, or NULL. */
static struct page *large_kmalloc_page(const void *p)
{
	struct page *page = virt_to_page(p);

	return PageLargeKmalloc(page) && page_address(page) == p ? page : NULL;
}

void kfree(const void *p)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(p))
		return;
	if (!virt_addr_valid(p)) {
		slab_bug("kfree", p, "not a kmalloc'd address");
		return;
	}
	page = virt_to_page(p);
	if (PageSlab(page))
		kmem_cache_free(page->slab_cache, (void *)p);
	else if (large_kmalloc_page(p))
		__free_pages(page, page->private); /* clears PG_large_kmalloc */
	else
		slab_bug("kfree", p, "not allocated by kmalloc (double free?)");
}

size_t ksize(const void *p)
{
	struct page *slab;

	if (ZERO_OR_NULL_PTR(p))
		return 0;
	slab = virt_to_slab(p);
	if (slab)
		return slab->slab_cache->object_size;
	if (virt_addr_valid(p) && large_kmalloc_page(p))
		return PAGE_SIZE << virt_to_page(p)->private;
	slab_bug("ksize", p, "not a kmalloc'd address");
	return 0;
}

/* ---- boot and /proc/slabinfo ---------------------------------------------------- */

/* Linux bootstraps the same way: the cache of caches is static. */
void __init kmem_cache_init(void)
{
	char name[32];

	INIT_LIST_HEAD(&slab_caches);
	__kmem_cache_setup(&kmem_cache_boot, "kmem_cache", sizeof(struct kmem_cache),
			   0, SLAB_HWCACHE_ALIGN, NULL);
	list_add_tail(&kmem_cache_boot.list, &slab_caches);
	for (unsigned int i = 0; i < KMALLOC_CACHES; i++) {
		snprintf(name, sizeof(name), "kmalloc-%u", KMALLOC_MIN_SIZE << i);
		kmalloc_caches[i] = kmem_cache_create(name, KMALLOC_MIN_SIZE << i,
						      0, SLAB_PANIC, NULL);
	}
	pr_info("slab: kmalloc-%u .. kmalloc-%u caches, slabs of order 0-%u\n",
		KMALLOC_MIN_SIZE, KMALLOC_MAX_CACHE_SIZE, SLAB_MAX_ORDER);
}

static int slabinfo_cache(char *buf, int len, const struct kmem_cache *c)
{
	return scnprintf(buf, len,
			 "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu\n",
			 c->name, c->active_objs, c->nr_slabs * c->objects,
			 c->size, c->objects, 1 << c->order, 0, 0, 0,
			 c->nr_slabs, c->nr_slabs, 0UL);
}

int slabinfo_show(char *buf, int len)
{
	struct kmem_cache *c;
	unsigned long flags;
	int n;

	if (len <= 0)
		return 0;
	n = scnprintf(buf, len, "slabinfo - version: 2.1\n"
		      "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
		      " : tunables <limit> <batchcount> <sharedfactor>"
		      " : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(c, &slab_caches, list)
		n += slabinfo_cache(buf + n, len - n, c);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return n;
}
