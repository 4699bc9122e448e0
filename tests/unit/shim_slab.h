/*
 * shim_slab.h - kmem_cache and kmalloc for host unit tests, on malloc.
 *
 * Counts what is live so a test can prove nothing leaked
 * (kmem_cache_active, host_kmalloc_live), and can make the Nth allocation
 * from now fail (host_alloc_fail_in = N) to drive the out-of-memory paths.
 * Run the tests under ASan to catch double frees as well.
 */
#ifndef RXOS_TESTS_UNIT_SHIM_SLAB_H
#define RXOS_TESTS_UNIT_SHIM_SLAB_H

#include <stdlib.h>
#include <string.h>

#include "kernel/mm/slab.h"

struct kmem_cache {
	const char *name;
	size_t size;
	unsigned long active;
};

static long host_kmalloc_live; /* kmalloc'd blocks not yet kfree'd */
static int host_alloc_fail_in; /* > 0: that allocation from now fails */

static int host_alloc_should_fail(void)
{
	return host_alloc_fail_in > 0 && --host_alloc_fail_in == 0;
}

struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align, unsigned long flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *c = calloc(1, sizeof(*c));

	c->name = name;
	c->size = size;
	return c;
}

void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp)
{
	void *p;

	if (host_alloc_should_fail())
		return NULL;
	p = malloc(cache->size);
	if (gfp & __GFP_ZERO)
		memset(p, 0, cache->size);
	cache->active++;
	return p;
}

void *kmem_cache_zalloc(struct kmem_cache *cache, gfp_t gfp)
{
	return kmem_cache_alloc(cache, gfp | __GFP_ZERO);
}

void kmem_cache_free(struct kmem_cache *cache, void *obj)
{
	cache->active--;
	free(obj);
}

unsigned long kmem_cache_active(struct kmem_cache *cache)
{
	return cache->active;
}

void kmem_cache_destroy(struct kmem_cache *cache)
{
	free(cache);
}

void *kmalloc(size_t size, gfp_t gfp)
{
	void *p;

	if (host_alloc_should_fail())
		return NULL;
	p = malloc(size ? size : 1);
	if (gfp & __GFP_ZERO)
		memset(p, 0, size);
	host_kmalloc_live++;
	return p;
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	return kzalloc(n * size, gfp);
}

void kfree(const void *p)
{
	if (!p)
		return;
	host_kmalloc_live--;
	free((void *)p);
}

#endif
