/*
 * heap.h - the allocator behind malloc, as a pure data structure over
 * memory that a `morecore` callback supplies (user/lib/heap.c).
 *
 * malloc_brk.c instantiates one heap whose morecore is brk (or mmap when
 * brk is refused); host unit tests instantiate heaps over static arrays.
 */
#ifndef RXOS_USER_HEAP_H
#define RXOS_USER_HEAP_H

#include <stddef.h>

/* Every block starts with one header; sizes count 16-byte units. */
union heap_header {
	struct {
		union heap_header *next; /* next free block, address order */
		size_t units;            /* block size, this header included */
	} s;
	char align[16];
};

struct heap {
	union heap_header base;   /* zero-sized list head */
	union heap_header *freep; /* roving start of the next search */
	/* Return at least `want` new bytes and store how many in *got; NULL
	 * when the system has no more. Blocks need not be contiguous. */
	void *(*morecore)(size_t want, size_t *got);
	size_t bad_frees;         /* free() of pointers we never gave out */
};

void heap_init(struct heap *h, void *(*morecore)(size_t, size_t *));
void *heap_alloc(struct heap *h, size_t n);
void heap_free(struct heap *h, void *p);
void *heap_realloc(struct heap *h, void *p, size_t n);
/* Bytes the caller may use in block p (at least what it asked for). */
size_t heap_usable(const void *p);

#endif
