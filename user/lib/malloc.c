/*
 * malloc.c - malloc, free, calloc, realloc: one heap (heap.c) fed by the
 * program break.
 *
 * morecore first moves the break with brk(2) (sbrk); if the kernel
 * refuses, it maps anonymous memory with mmap2 instead, which is what glibc
 * falls back to as well. Freed memory is kept for reuse, never returned.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "heap.h"

static struct heap heap;
static int heap_ready;

static void *brk_morecore(size_t want, size_t *got)
{
	void *p;

	want = (want + 4095) & ~(size_t)4095;
	p = sbrk((intptr_t)want);
	if (p == (void *)-1)
		p = mmap(NULL, want, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	*got = want;
	return p;
}

static struct heap *the_heap(void)
{
	if (!heap_ready) {
		heap_init(&heap, brk_morecore);
		heap_ready = 1;
	}
	return &heap;
}

void *malloc(size_t n)
{
	void *p = heap_alloc(the_heap(), n);

	if (!p)
		errno = ENOMEM;
	return p;
}

void free(void *p)
{
	heap_free(the_heap(), p);
}

void *calloc(size_t nmemb, size_t size)
{
	void *p;

	if (size && nmemb > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(nmemb * size);
	if (p)
		memset(p, 0, nmemb * size);
	return p;
}

void *realloc(void *p, size_t n)
{
	void *q = heap_realloc(the_heap(), p, n);

	if (!q && n)
		errno = ENOMEM;
	return q;
}
