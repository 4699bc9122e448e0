/*
 * Host tests for user/lib/heap.c, malloc's allocator, over a fake
 * program break: a static array handed out by a morecore() that can be
 * told to fail or to leave gaps (like mmap'd chunks).
 */
#include <stdint.h>
#include <stdlib.h>
#include "tests/unit/unit.h"
#include "user/lib/heap.c"

static _Alignas(16) char arena[1 << 20];
static size_t arena_used, arena_limit = sizeof(arena), gap;
static int morecore_calls;

static void *fake_morecore(size_t want, size_t *got)
{
	char *p;

	morecore_calls++;
	arena_used += gap; /* simulate non-contiguous system memory */
	if (arena_used + want > arena_limit)
		return NULL;
	p = arena + arena_used + 3; /* misaligned on purpose: heap must align */
	arena_used += want + 3;
	*got = want;
	return p;
}

static struct heap h;

static void reset(size_t limit, size_t gap_bytes)
{
	arena_used = 0;
	arena_limit = limit;
	gap = gap_bytes;
	morecore_calls = 0;
	heap_init(&h, fake_morecore);
}

static int in_arena(const void *p, size_t n)
{
	return (const char *)p >= arena && (const char *)p + n <= arena + sizeof(arena);
}

TEST(user_heap_blocks_are_aligned_and_disjoint)
{
	char *p[64];

	reset(sizeof(arena), 0);
	for (int i = 0; i < 64; i++) {
		size_t n = (size_t)(i * 37 % 300) + 1;
		p[i] = heap_alloc(&h, n);
		CHECK(p[i] && in_arena(p[i], n));
		CHECK_EQ((uintptr_t)p[i] % 16, 0);
		CHECK(heap_usable(p[i]) >= n);
		memset(p[i], i, n);
	}
	for (int i = 0; i < 64; i++) {
		size_t n = (size_t)(i * 37 % 300) + 1;
		for (size_t k = 0; k < n; k++)
			if (p[i][k] != (char)i) {
				FAILF("block %d overwritten at %zu", i, k);
				return;
			}
	}
}

TEST(user_heap_reuses_freed_memory)
{
	void *a, *b;

	reset(sizeof(arena), 0);
	a = heap_alloc(&h, 100);
	heap_free(&h, a);
	b = heap_alloc(&h, 100);
	CHECK(a == b);
	CHECK_EQ(morecore_calls, 1);
}

TEST(user_heap_merges_neighbours_on_free)
{
	void *a, *b, *c, *big;

	/* One grow of 1024 units (16 KiB) + alignment slack: nothing more. */
	reset(16 * 1025 + 64, 0);
	a = heap_alloc(&h, 5000);
	b = heap_alloc(&h, 5000);
	c = heap_alloc(&h, 5000);
	CHECK(a && b && c);
	CHECK(heap_alloc(&h, 8000) == NULL); /* no room, morecore refuses */
	heap_free(&h, b);
	heap_free(&h, a);
	heap_free(&h, c);
	big = heap_alloc(&h, 15000); /* fits only if a, b, c merged */
	CHECK(big != NULL);
	CHECK_EQ(h.bad_frees, 0);
}

TEST(user_heap_handles_non_contiguous_memory)
{
	void *p[40];

	reset(sizeof(arena), 4096);
	for (int i = 0; i < 40; i++) {
		p[i] = heap_alloc(&h, 3000);
		CHECK(p[i] != NULL);
	}
	CHECK(morecore_calls > 1);
	for (int i = 0; i < 40; i += 2)
		heap_free(&h, p[i]);
	for (int i = 1; i < 40; i += 2)
		heap_free(&h, p[i]);
	CHECK_EQ(h.bad_frees, 0);
	CHECK(heap_alloc(&h, 3000) != NULL);
}

TEST(user_heap_out_of_memory_returns_null)
{
	reset(4096, 0); /* less than one grow */
	CHECK(heap_alloc(&h, 10) == NULL);
	reset(sizeof(arena), 0);
	CHECK(heap_alloc(&h, SIZE_MAX - 8) == NULL);
	CHECK(heap_alloc(&h, sizeof(arena)) == NULL);
}

TEST(user_heap_rejects_double_and_foreign_frees)
{
	static _Alignas(16) char foreign[64];
	void *a, *b;

	reset(sizeof(arena), 0);
	a = heap_alloc(&h, 64);
	b = heap_alloc(&h, 64);
	heap_free(&h, a);
	heap_free(&h, a);
	CHECK_EQ(h.bad_frees, 1);
	heap_free(&h, foreign + 16);
	heap_free(&h, (char *)b + 1);
	CHECK_EQ(h.bad_frees, 3);
	heap_free(&h, NULL);
	CHECK_EQ(h.bad_frees, 3);
	CHECK(heap_alloc(&h, 64) != NULL);
}

TEST(user_heap_realloc_keeps_contents)
{
	char *p, *q;

	reset(sizeof(arena), 0);
	p = heap_realloc(&h, NULL, 10);
	strcpy(p, "123456789");
	q = heap_realloc(&h, p, 8); /* shrinking keeps the block */
	CHECK(q == p);
	q = heap_realloc(&h, p, 5000);
	CHECK(q != NULL);
	CHECK_STR(q, "123456789");
	CHECK(heap_realloc(&h, q, 0) == NULL);
	CHECK_EQ(h.bad_frees, 0);
}

TEST(user_heap_survives_random_alloc_free_patterns)
{
	char *p[200] = { 0 };
	size_t sz[200] = { 0 };

	reset(sizeof(arena), 0);
	srand(7);
	for (int round = 0; round < 20000; round++) {
		int i = rand() % 200;
		if (p[i]) {
			for (size_t k = 0; k < sz[i]; k++)
				if (p[i][k] != (char)i) {
					FAILF("corrupted block %d", i);
					return;
				}
			heap_free(&h, p[i]);
			p[i] = NULL;
		} else {
			sz[i] = (size_t)(rand() % 2000);
			p[i] = heap_alloc(&h, sz[i]);
			if (!p[i]) {
				FAILF("out of memory at round %d", round);
				return;
			}
			memset(p[i], i, sz[i]);
		}
	}
	CHECK_EQ(h.bad_frees, 0);
}

RUN_TESTS()
