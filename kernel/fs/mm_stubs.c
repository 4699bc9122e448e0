/*
 * mm_stubs.c - TEMPORARY stand-ins for the allocator, so the kernel links
 * while kernel/mm/slab.c and page_alloc.c are being written on their own
 * branch. They are weak: the real functions replace them at link time.
 * Until then every VFS allocation fails cleanly with -ENOMEM (nothing calls
 * the VFS yet). Delete this file once the mm branch is merged.
 */
#include "kernel/mm/slab.h"

__attribute__((weak)) void *kmalloc(size_t size, gfp_t gfp)
{
	return NULL;
}

__attribute__((weak)) void *kzalloc(size_t size, gfp_t gfp)
{
	return NULL;
}

__attribute__((weak)) void kfree(const void *p)
{
}

__attribute__((weak)) unsigned long get_zeroed_page(gfp_t gfp)
{
	return 0;
}

__attribute__((weak)) void free_pages(unsigned long addr, unsigned int order)
{
}
