/*
 * mm_stubs.c - TEMPORARY stand-ins for the page allocator calls the VFS
 * makes (ramfs file pages), so the kernel links while kernel/mm is being
 * written on its own branch; net/core/weak_deps.c does the same for
 * kmalloc. They are weak: the real functions replace them at link time,
 * and until then a ramfs write fails cleanly with -ENOMEM (nothing calls
 * the VFS yet). Delete this file once kernel/mm is merged.
 */
#include "kernel/mm/gfp.h"

__attribute__((weak)) unsigned long get_zeroed_page(gfp_t gfp)
{
	return 0;
}

__attribute__((weak)) void free_pages(unsigned long addr, unsigned int order)
{
}
