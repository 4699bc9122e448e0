/*
 * qsort.c - sorting and searching arrays, and rand().
 *
 * qsort is a heapsort: O(n log n) in the worst case, no recursion and no
 * extra memory, at the cost of not being stable (neither is glibc's
 * guaranteed to be). Pure code.
 */
#include <stddef.h>
#include <stdlib.h>

static void swap_bytes(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

/* Move element `root` down until both children are not greater. */
static void sift_down(char *base, size_t root, size_t n, size_t size,
		      int (*cmp)(const void *, const void *))
{
	for (;;) {
		size_t child = 2 * root + 1, big = root;

		if (child < n && cmp(base + child * size, base + big * size) > 0)
			big = child;
		if (child + 1 < n &&
		    cmp(base + (child + 1) * size, base + big * size) > 0)
			big = child + 1;
		if (big == root)
			return;
		swap_bytes(base + root * size, base + big * size, size);
		root = big;
	}
}

void qsort(void *base, size_t n, size_t size,
	   int (*cmp)(const void *, const void *))
{
	char *b = base;

	if (n < 2)
		return;
	for (size_t i = n / 2; i-- > 0;)
		sift_down(b, i, n, size, cmp);
	for (size_t end = n - 1; end > 0; end--) {
		swap_bytes(b, b + end * size, size);
		sift_down(b, 0, end, size, cmp);
	}
}

void *bsearch(const void *key, const void *base, size_t n, size_t size,
	      int (*cmp)(const void *, const void *))
{
	const char *b = base;

	while (n) {
		const char *mid = b + (n / 2) * size;
		int c = cmp(key, mid);

		if (c == 0)
			return (void *)mid;
		if (c > 0) {
			b = mid + size;
			n -= n / 2 + 1;
		} else {
			n /= 2;
		}
	}
	return NULL;
}

static unsigned long rand_state = 1;

/* A linear congruential generator (the constants of POSIX's example). */
int rand(void)
{
	rand_state = rand_state * 1103515245 + 12345;
	return (int)((rand_state / 65536) % 32768);
}

void srand(unsigned int seed)
{
	rand_state = seed;
}
