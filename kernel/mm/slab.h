/*
 * slab.h - object caches and kmalloc (Linux: include/linux/slab.h).
 *
 * kmem_cache: many objects of one size carved from whole pages, so that
 * fixed-size objects (sk_buffs, sockets, tasks) are cheap and their number is
 * visible (/proc/slabinfo). kmalloc: general allocations, served from caches
 * of power-of-two sizes (8..4096 bytes), larger ones straight from the page
 * allocator. All return NULL on exhaustion, never panic.
 * Any context with GFP_ATOMIC.
 */
#ifndef RXOS_KERNEL_MM_SLAB_H
#define RXOS_KERNEL_MM_SLAB_H

#include <stddef.h>

#include "kernel/mm/gfp.h"

struct kmem_cache;

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

#endif
