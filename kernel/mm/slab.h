/*
 * slab.h - object caches and kmalloc (Linux: include/linux/slab.h).
 *
 * kmem_cache: many objects of one size carved from whole pages, so that
 * fixed-size objects (sk_buffs, sockets, tasks) are cheap and their number is
 * visible (/proc/slabinfo). kmalloc: general allocations, served from caches
 * of power-of-two sizes (8..4096 bytes), larger ones straight from the page
 * allocator. All return NULL on exhaustion, never panic.
 * Any context with GFP_ATOMIC. A wrong free (double free, a pointer that
 * kmalloc never returned) is reported as a BUG with the address and
 * ignored, never silently corrupting a free list.
 */
#ifndef RXOS_KERNEL_MM_SLAB_H
#define RXOS_KERNEL_MM_SLAB_H

#include <stddef.h>

#include "kernel/mm/gfp.h"

struct kmem_cache;

/* kmem_cache_create() flags (Linux's values). */
#define SLAB_HWCACHE_ALIGN 0x00002000UL /* objects start on a cache line */
#define SLAB_PANIC 0x00040000UL		/* boot-time caches: panic on failure */

#define KMALLOC_MIN_SIZE 8
#define KMALLOC_MAX_CACHE_SIZE 4096 /* larger: whole pages (order <= 10) */

/* kmalloc(0) returns this: not NULL, but faults when used. kfree() takes it. */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align, unsigned long flags,
				     void (*ctor)(void *));
void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp);
void *kmem_cache_zalloc(struct kmem_cache *cache, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *cache, void *obj);
void kmem_cache_destroy(struct kmem_cache *cache);
/* Objects currently allocated from the cache (for leak checks). */
unsigned long kmem_cache_active(struct kmem_cache *cache);

void *kmalloc(size_t size, gfp_t gfp);
void *kzalloc(size_t size, gfp_t gfp);
void *kcalloc(size_t n, size_t size, gfp_t gfp);
void kfree(const void *p);
/* Usable size of a kmalloc'd block. */
size_t ksize(const void *p);

/* /proc/slabinfo text (format "slabinfo - version: 2.1"); bytes written. */
int slabinfo_show(char *buf, int len);
/* Wrong frees reported (double free, foreign pointer); tests read it. */
extern unsigned long nr_slab_bugs;

#endif
