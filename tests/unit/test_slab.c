/*
 * Host tests for the slab allocator and kmalloc (slab.c) on top of the
 * buddy allocator, over an 8 MiB fake RAM (see shim_mm.h).
 */
#include "tests/unit/shim_mm.h"
#include "kernel/mm/slab.c"

static unsigned long free_at_boot;

/* A fresh page allocator with the kmalloc caches on it. */
static void slab_test_boot(void)
{
	mm_test_boot(0);
	kmem_cache_init();
	nr_slab_bugs = 0;
	free_at_boot = nr_free_pages();
	log_clear();
}

static struct kmem_cache *cache_of(const void *p)
{
	return virt_to_page(p)->slab_cache;
}

TEST(cache_objects_are_distinct_aligned_and_counted)
{
	static char *obj[1000];
	struct kmem_cache *c;
	int bad = 0;

	slab_test_boot();
	c = kmem_cache_create("test-100", 100, 0, 0, NULL);
	CHECK(c);
	for (int i = 0; i < 1000; i++) {
		obj[i] = kmem_cache_alloc(c, GFP_KERNEL);
		bad |= !obj[i] || ((uintptr_t)obj[i] % 8);
		if (obj[i])
			memset(obj[i], i & 0xff, 100);
	}
	for (int i = 0; i < 1000 && !bad; i++)
		for (int j = 0; j < 100; j++)
			bad |= (unsigned char)obj[i][j] != (i & 0xff); /* no overlap */
	CHECK_EQ(bad, 0);
	CHECK_EQ(kmem_cache_active(c), 1000);
	CHECK_EQ(c->size, 104);
	CHECK_EQ(c->nr_slabs, (1000 + c->objects - 1) / c->objects);
	for (int i = 0; i < 1000; i++)
		kmem_cache_free(c, obj[i]);
	CHECK_EQ(kmem_cache_active(c), 0);
	CHECK_EQ(c->nr_slabs, 0);
	kmem_cache_destroy(c);
	CHECK_EQ(nr_free_pages(), free_at_boot);
	CHECK_EQ(nr_slab_bugs, 0);
}

TEST(freed_object_is_reused_first)
{
	struct kmem_cache *c;
	void *a, *b, *a2;

	slab_test_boot();
	c = kmem_cache_create("test-reuse", 32, 0, 0, NULL);
	a = kmem_cache_alloc(c, GFP_KERNEL);
	b = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, a);
	a2 = kmem_cache_alloc(c, GFP_KERNEL);
	CHECK(a2 == a);
	CHECK(b != a);
	CHECK_EQ(kmem_cache_active(c), 2);
}

static int ctor_calls;
static void test_ctor(void *obj)
{
	ctor_calls++;
	*(int *)obj = 42;
}

TEST(zalloc_zeroes_and_ctor_runs)
{
	struct kmem_cache *c, *z;
	unsigned char *p;
	int nonzero = 0;

	slab_test_boot();
	z = kmem_cache_create("test-zero", 200, 0, 0, NULL);
	p = kmem_cache_alloc(z, GFP_KERNEL);
	memset(p, 0xff, 200);
	kmem_cache_free(z, p);
	p = kmem_cache_zalloc(z, GFP_KERNEL);
	for (int i = 0; i < 200; i++)
		nonzero |= p[i];
	CHECK_EQ(nonzero, 0);
	c = kmem_cache_create("test-ctor", 16, 0, 0, test_ctor);
	CHECK_EQ(*(int *)kmem_cache_alloc(c, GFP_KERNEL), 42);
	CHECK_EQ(ctor_calls, 1);
}

TEST(alignment_requests_are_honoured)
{
	struct kmem_cache *a64, *hw, *bad;
	void *p, *q;

	slab_test_boot();
	a64 = kmem_cache_create("test-a64", 40, 64, 0, NULL);
	hw = kmem_cache_create("test-hw", 100, 0, SLAB_HWCACHE_ALIGN, NULL);
	kmem_cache_alloc(a64, GFP_KERNEL);
	p = kmem_cache_alloc(a64, GFP_KERNEL);
	kmem_cache_alloc(hw, GFP_KERNEL);
	q = kmem_cache_alloc(hw, GFP_KERNEL);
	CHECK_EQ((uintptr_t)p % 64, 0);
	CHECK_EQ((uintptr_t)q % 64, 0);
	CHECK_EQ(a64->size, 64);
	CHECK_EQ(hw->size, 128);
	bad = kmem_cache_create("test-bad", 40, 48, 0, NULL); /* not a power of 2 */
	CHECK(!bad);
	CHECK(!kmem_cache_create("test-huge", 64 * 1024, 0, 0, NULL));
	CHECK(log_has("kmem_cache_create(test-bad): bad size"));
}

TEST(kmalloc_uses_the_smallest_fitting_size_class)
{
	static const struct { size_t ask, got; const char *cache; } t[] = {
		{ 1, 8, "kmalloc-8" },	    { 8, 8, "kmalloc-8" },
		{ 9, 16, "kmalloc-16" },    { 63, 64, "kmalloc-64" },
		{ 64, 64, "kmalloc-64" },   { 65, 128, "kmalloc-128" },
		{ 1000, 1024, "kmalloc-1024" }, { 4096, 4096, "kmalloc-4096" },
	};

	slab_test_boot();
	for (unsigned int i = 0; i < ARRAY_SIZE(t); i++) {
		void *p = kmalloc(t[i].ask, GFP_KERNEL);

		CHECK(p);
		CHECK_EQ(ksize(p), t[i].got);
		CHECK_STR(cache_of(p)->name, t[i].cache);
		kfree(p);
	}
	CHECK_EQ(nr_free_pages(), free_at_boot);
}

TEST(kmalloc_above_4096_takes_whole_pages)
{
	void *a, *b;

	slab_test_boot();
	a = kmalloc(4097, GFP_KERNEL);
	CHECK(a && ((uintptr_t)a % PAGE_SIZE) == 0);
	CHECK_EQ(ksize(a), 8192);
	b = kzalloc(100000, GFP_KERNEL);
	CHECK_EQ(ksize(b), 131072);
	CHECK_EQ(nr_free_pages(), free_at_boot - 2 - 32);
	CHECK_EQ(((char *)b)[99999], 0);
	kfree(a);
	kfree(b);
	CHECK_EQ(nr_free_pages(), free_at_boot);
	CHECK(!kmalloc(8 << 20, GFP_KERNEL | __GFP_NOWARN)); /* > MAX_ORDER */
	CHECK_EQ(nr_slab_bugs, 0);
}

TEST(kmalloc_zero_and_kfree_null_are_harmless)
{
	slab_test_boot();
	CHECK(kmalloc(0, GFP_KERNEL) == ZERO_SIZE_PTR);
	kfree(NULL);
	kfree(ZERO_SIZE_PTR);
	CHECK_EQ(ksize(NULL), 0);
	CHECK_EQ(nr_slab_bugs, 0);
}

TEST(kcalloc_zeroes_and_refuses_overflow)
{
	int *p;

	slab_test_boot();
	CHECK(!kcalloc((size_t)-1 / 2, 4, GFP_KERNEL));
	p = kcalloc(10, sizeof(int), GFP_KERNEL);
	CHECK(p && p[0] == 0 && p[9] == 0);
}

TEST(double_kfree_is_reported_and_object_not_handed_out_twice)
{
	void *a, *keep, *x, *y;

	slab_test_boot();
	keep = kmalloc(64, GFP_KERNEL); /* keeps the slab alive */
	a = kmalloc(64, GFP_KERNEL);
	kfree(a);
	kfree(a);
	CHECK_EQ(nr_slab_bugs, 1);
	CHECK(log_has("BUG kmalloc-64: object already free (double free)"));
	x = kmalloc(64, GFP_KERNEL);
	y = kmalloc(64, GFP_KERNEL);
	CHECK(x == a && y != a);
	CHECK_EQ(kmem_cache_active(kmalloc_caches[3]), 3);
	kfree(keep);
}

TEST(object_that_looks_free_is_still_freed_normally)
{
	uint32_t *p;

	slab_test_boot();
	kmalloc(16, GFP_KERNEL);
	p = kmalloc(16, GFP_KERNEL);
	p[1] = SLAB_FREE_MAGIC; /* user data that mimics the free marker */
	kfree(p);
	CHECK_EQ(nr_slab_bugs, 0);
	CHECK_EQ(kmem_cache_active(kmalloc_caches[1]), 1);
}

TEST(foreign_and_interior_pointers_are_reported)
{
	struct kmem_cache *c;
	char *p, *big;
	int local;

	slab_test_boot();
	c = kmem_cache_create("test-other", 64, 0, 0, NULL);
	p = kmalloc(64, GFP_KERNEL);
	big = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	kfree(p + 4);
	CHECK(log_has("not the start of an object"));
	kfree(&local);
	CHECK(log_has("not a kmalloc'd address"));
	kfree(__va(0)); /* RAM, but a free page, not kmalloc's */
	kfree(big + PAGE_SIZE);
	kmem_cache_free(c, p);
	CHECK(log_has("BUG test-other: object belongs to another cache"));
	CHECK_EQ(nr_slab_bugs, 5);
	kfree(big);
	kfree(big); /* large double free */
	CHECK_EQ(nr_slab_bugs, 6);
	CHECK_EQ(kmem_cache_active(kmalloc_caches[3]), 1); /* p still live */
	kfree(p);
	CHECK_EQ(nr_free_pages(), free_at_boot);
	CHECK_EQ(nr_bad_pages, 0);
}

/* Allocate until NULL, chaining objects through their first word. */
static void **grab_all(struct kmem_cache *c, size_t size, unsigned long *n)
{
	void **head = NULL, **obj;

	for (*n = 0; (obj = c ? kmem_cache_alloc(c, GFP_KERNEL | __GFP_NOWARN)
			     : kmalloc(size, GFP_KERNEL | __GFP_NOWARN)); (*n)++) {
		*obj = head;
		head = obj;
	}
	return head;
}

static void free_all(struct kmem_cache *c, void **head)
{
	while (head) {
		void **next = *head;

		c ? kmem_cache_free(c, head) : kfree(head);
		head = next;
	}
}

TEST(exhaustion_returns_null_and_freeing_recovers_every_page)
{
	struct kmem_cache *c;
	unsigned long n, n_small, start;
	void **objs, **small;

	slab_test_boot();
	c = kmem_cache_create("test-2000", 2000, 0, 0, NULL);
	start = nr_free_pages();
	objs = grab_all(c, 0, &n);
	CHECK_EQ(kmem_cache_active(c), n);
	CHECK_EQ(n, (start / 4) * 8); /* order-2 slabs of 8 objects */
	small = grab_all(NULL, 100, &n_small); /* order-0 slabs: the rest */
	CHECK_EQ(nr_free_pages(), 0);
	CHECK_EQ(n_small, (start % 4) * 32);
	free_all(c, objs);
	free_all(NULL, small);
	CHECK_EQ(kmem_cache_active(c), 0);
	CHECK_EQ(nr_free_pages(), start);
	CHECK_EQ(nr_slab_bugs, 0);
}

TEST(destroy_refuses_a_cache_with_live_objects)
{
	struct kmem_cache *c;
	char buf[4096];
	void *p;

	slab_test_boot();
	c = kmem_cache_create("test-live", 24, 0, 0, NULL);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_destroy(c);
	CHECK(log_has("kmem_cache_destroy test-live: Slab cache still has objects (1)"));
	slabinfo_show(buf, sizeof(buf));
	CHECK(strstr(buf, "\ntest-live "));
	kmem_cache_free(c, p);
	kmem_cache_destroy(c);
	slabinfo_show(buf, sizeof(buf));
	CHECK(!strstr(buf, "\ntest-live "));
	kmem_cache_destroy(NULL);
}

TEST(slabinfo_has_the_2_1_header_and_columns)
{
	static const char hdr[] =
		"slabinfo - version: 2.1\n"
		"# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
		" : tunables <limit> <batchcount> <sharedfactor>"
		" : slabdata <active_slabs> <num_slabs> <sharedavail>\n";
	char buf[4096];

	slab_test_boot();
	kmalloc(64, GFP_KERNEL);
	kmalloc(64, GFP_KERNEL);
	kmalloc(64, GFP_KERNEL);
	CHECK_EQ(slabinfo_show(buf, sizeof(buf)), (int)strlen(buf));
	CHECK(!strncmp(buf, hdr, strlen(hdr)));
	CHECK(strstr(buf, "\nkmalloc-64             3     64     64   64    1 : tunables    0    0    0 : slabdata      1      1      0\n"));
	CHECK(strstr(buf, "\nkmalloc-4096           0      0   4096    8    8 : tunables    0    0    0 : slabdata      0      0      0\n"));
	CHECK_EQ(slabinfo_show(buf, 10), 9);
}

TEST(slab_pages_show_in_meminfo)
{
	char buf[2048];
	unsigned long slab0;

	slab_test_boot();
	slab0 = global_node_page_state(NR_SLAB_UNRECLAIMABLE);
	kmalloc(4096, GFP_KERNEL); /* one order-3 slab */
	CHECK_EQ(global_node_page_state(NR_SLAB_UNRECLAIMABLE), slab0 + 8);
	meminfo_show(buf, sizeof(buf));
	CHECK(strstr(buf, "\nSlab:                 36 kB\n")); /* kmem_cache + 8 */
}

RUN_TESTS()
