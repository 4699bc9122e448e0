/*
 * heap.c - a first-fit allocator with an address-ordered free list
 * (the design of K&R's malloc, section 8.7).
 *
 *   free list:  base -> A -> B -> ... -> base   (circular, by address)
 *
 *   block:      [header: next, units][ user bytes ... ]
 *                                    ^ pointer handed out
 *
 * Invariants: free blocks are sorted by address and never adjacent (free()
 * merges neighbours); a block's units include its header. Allocation
 * splits the tail off a larger block so the free entry stays in place.
 * Pure code: single-threaded, no system calls of its own.
 */
#include <stdint.h>
#include <string.h>

#include "heap.h"

#define UNIT sizeof(union heap_header)
#define MIN_GROW_UNITS 1024 /* ask the system for 16 KiB at least */

typedef union heap_header hdr_t;

void heap_init(struct heap *h, void *(*morecore)(size_t, size_t *))
{
	h->base.s.next = &h->base;
	h->base.s.units = 0;
	h->freep = &h->base;
	h->morecore = morecore;
	h->bad_frees = 0;
}

/* Is bp inside the free block p (a sign of a double free)? */
static int inside(const hdr_t *p, const hdr_t *bp)
{
	return p->s.units && bp >= p && bp < p + p->s.units;
}

/* Put block bp on the free list, merging it with free neighbours. */
static void heap_insert(struct heap *h, hdr_t *bp)
{
	hdr_t *p = h->freep;

	/* Find p with p < bp < p->next, allowing for the wrap at the end. */
	for (; !(bp > p && bp < p->s.next); p = p->s.next)
		if (p >= p->s.next && (bp > p || bp < p->s.next))
			break;
	if (bp == p || inside(p, bp) || inside(bp, p->s.next)) {
		h->bad_frees++; /* overlaps a free block: a double free */
		return;
	}
	if (bp + bp->s.units == p->s.next) { /* merge with the upper one */
		bp->s.units += p->s.next->s.units;
		bp->s.next = p->s.next->s.next;
	} else {
		bp->s.next = p->s.next;
	}
	if (p != &h->base && p + p->s.units == bp) { /* and the lower one */
		p->s.units += bp->s.units;
		p->s.next = bp->s.next;
	} else {
		p->s.next = bp;
	}
	h->freep = p;
}

/* Get memory from the system, aligned to UNIT, onto the free list. */
static int heap_grow(struct heap *h, size_t units)
{
	size_t got = 0;
	uintptr_t mem, start;
	hdr_t *bp;

	if (units < MIN_GROW_UNITS)
		units = MIN_GROW_UNITS;
	mem = (uintptr_t)h->morecore((units + 1) * UNIT, &got);
	if (!mem)
		return 0;
	start = (mem + UNIT - 1) & ~(uintptr_t)(UNIT - 1);
	if (got < start - mem + 2 * UNIT)
		return 0;
	bp = (hdr_t *)start;
	bp->s.units = (got - (start - mem)) / UNIT;
	heap_insert(h, bp);
	return 1;
}

/* Take `units` from free block p (whose predecessor is prev). */
static void *take_block(struct heap *h, hdr_t *prev, hdr_t *p, size_t units)
{
	if (p->s.units == units) {
		prev->s.next = p->s.next;
	} else {
		p->s.units -= units;
		p += p->s.units;
		p->s.units = units;
	}
	h->freep = prev;
	p->s.next = NULL;
	return p + 1;
}

void *heap_alloc(struct heap *h, size_t n)
{
	hdr_t *prev = h->freep, *p;
	size_t units;

	if (n > SIZE_MAX / 2)
		return NULL;
	units = (n + UNIT - 1) / UNIT + 1;
	for (p = prev->s.next;; prev = p, p = p->s.next) {
		if (p->s.units >= units)
			return take_block(h, prev, p, units);
		if (p == h->freep) { /* went all the way round */
			if (!heap_grow(h, units))
				return NULL;
			p = h->freep; /* the search goes on after the new block's predecessor */
		}
	}
}

void heap_free(struct heap *h, void *ptr)
{
	hdr_t *bp;

	if (!ptr)
		return;
	bp = (hdr_t *)ptr - 1;
	if (((uintptr_t)ptr & (UNIT - 1)) || bp->s.units == 0 ||
	    bp->s.next != NULL) {
		h->bad_frees++; /* not a block we handed out */
		return;
	}
	heap_insert(h, bp);
}

size_t heap_usable(const void *p)
{
	return (((const hdr_t *)p - 1)->s.units - 1) * UNIT;
}

void *heap_realloc(struct heap *h, void *p, size_t n)
{
	void *q;

	if (!p)
		return heap_alloc(h, n);
	if (n == 0) {
		heap_free(h, p);
		return NULL;
	}
	if (n <= heap_usable(p))
		return p;
	q = heap_alloc(h, n);
	if (!q)
		return NULL;
	memcpy(q, p, heap_usable(p));
	heap_free(h, p);
	return q;
}
