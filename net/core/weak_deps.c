/*
 * weak_deps.c - TEMPORARY link-time stand-ins for interfaces other
 * branches implement: the slab allocator (kernel/mm/slab.h) and softirqs
 * (kernel/interrupt.h).
 *
 * The network core calls them, but their code is not merged yet; without
 * these the kernel would not link. Each is weak, so the real definition
 * replaces it as soon as it is in the tree. They fail every allocation and
 * run no softirq, and nothing reaches them: skb_init() and net_dev_init()
 * are not called from start_kernel until the real ones exist.
 * Delete this file once kernel/mm and the softirq code are merged.
 */
#include "kernel/interrupt.h"
#include "kernel/mm/slab.h"

#define WEAK __attribute__((weak))

WEAK struct kmem_cache *kmem_cache_create(const char *name, size_t size,
					  size_t align, unsigned long flags,
					  void (*ctor)(void *))
{
	return NULL;
}

WEAK void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp)
{
	return NULL;
}

WEAK void kmem_cache_free(struct kmem_cache *cache, void *obj)
{
}

WEAK unsigned long kmem_cache_active(struct kmem_cache *cache)
{
	return 0;
}

WEAK void *kmalloc(size_t size, gfp_t gfp)
{
	return NULL;
}

WEAK void *kzalloc(size_t size, gfp_t gfp)
{
	return NULL;
}

WEAK void kfree(const void *p)
{
}

WEAK void open_softirq(int nr, void (*action)(struct softirq_action *))
{
}

WEAK void __raise_softirq_irqoff(unsigned int nr)
{
}

WEAK void do_softirq(void)
{
}

WEAK void local_bh_disable(void)
{
}

WEAK void local_bh_enable(void)
{
}
