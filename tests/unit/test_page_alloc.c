/*
 * Host tests for the boot memory map (memblock.c), the buddy allocator
 * (page_alloc.c) and /proc/meminfo (meminfo.c), over an 8 MiB fake RAM.
 */
#include "tests/unit/shim_mm.h"

/* ---- memblock ---------------------------------------------------------------- */

static int region_is(const struct memblock_type *t, unsigned long i,
		     phys_addr_t base, phys_addr_t end)
{
	return i < t->cnt && t->regions[i].base == base &&
	       t->regions[i].base + t->regions[i].size == end;
}

TEST(memblock_merges_touching_and_overlapping_ranges_in_order)
{
	memblock_reset();
	memblock_add(0x3000, 0x2000);
	memblock_add(0x1000, 0x1000);
	memblock_add(0x9000, 0x1000);
	memblock_add(0x2000, 0x1800); /* touches the first, overlaps the second */
	CHECK_EQ(memblock.memory.cnt, 2);
	CHECK(region_is(&memblock.memory, 0, 0x1000, 0x5000));
	CHECK(region_is(&memblock.memory, 1, 0x9000, 0xa000));
	CHECK_EQ(memblock_phys_mem_size(), 0x5000);
	CHECK_EQ(memblock_end_of_DRAM(), 0xa000);
}

TEST(memblock_free_ranges_are_memory_minus_reserved)
{
	struct memblock_iter it = { 0 };
	phys_addr_t s, e, want[][2] = { { 0, 0x1000 }, { 0x3000, 0x80000 },
					  { 0x210000, 0x300000 } };
	unsigned int n = 0;

	memblock_reset();
	memblock_add(0, 0x100000);
	memblock_add(0x200000, 0x100000);
	memblock_reserve(0x1000, 0x2000);
	memblock_reserve(0x80000, 0x190000); /* spans the hole */
	while (__next_free_mem_range(&it, &s, &e)) {
		CHECK(n < 3 && s == want[n][0] && e == want[n][1]);
		n++;
	}
	CHECK_EQ(n, 3);
}

TEST(memblock_alloc_is_top_down_aligned_and_reserved)
{
	phys_addr_t a, b, c;

	memblock_reset();
	memblock_add(0, 0x100000);
	memblock_reserve(0, 0x1000);
	memblock_reserve(0xff000, 0x1000);
	a = memblock_phys_alloc(0x3000, 0x8000);
	CHECK_EQ(a, 0xf8000);		/* highest 32K-aligned fit */
	b = memblock_phys_alloc(0x3000, 0x1000);
	CHECK_EQ(b, 0xfc000);		/* the gap above a */
	c = memblock_phys_alloc(0x3000, 0x1000);
	CHECK_EQ(c, 0xf5000);		/* that gap is full now: below a */
	CHECK(memblock_overlaps_region(&memblock.reserved, a, 1));
	CHECK_EQ(memblock_phys_alloc(0x200000, 0x1000), 0); /* too big */
}

TEST(memblock_full_table_drops_range_with_an_error)
{
	memblock_reset();
	log_clear();
	for (unsigned long i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		CHECK_EQ(memblock_add(i * 0x10000, 0x1000), 0);
	CHECK_EQ(memblock_add(0x7000000, 0x1000), -ENOMEM);
	CHECK(log_has("memblock: memory table full"));
	CHECK_EQ(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);
	CHECK_EQ(memblock_add(0x1000, 0x1000), 0); /* merging still works */
}

TEST(memblock_free_all_keeps_partly_reserved_pages)
{
	mm_test_boot(0);
	memblock_reserve(0x1800, 0x1000); /* half of page 1, half of page 2 */
	free_area_init(host_mem_map, ARENA_PAGES);
	CHECK_EQ(memblock_free_all(), ARENA_PAGES - 2);
	CHECK(PageReserved(pfn_to_page(1)) && PageReserved(pfn_to_page(2)));
	CHECK(!PageReserved(pfn_to_page(3)));
	CHECK_EQ(nr_free_pages(), ARENA_PAGES - 2);
	CHECK_EQ(totalram_pages(), ARENA_PAGES - 2);
}

/* ---- buddy allocator ------------------------------------------------------------ */

TEST(boot_hands_all_free_ram_to_the_buddy_allocator)
{
	mm_test_boot(16);
	CHECK_EQ(nr_free_pages(), ARENA_PAGES - 16);
	CHECK_EQ(totalram_pages(), ARENA_PAGES - 16);
	CHECK(PageReserved(pfn_to_page(15)) && !PageReserved(pfn_to_page(16)));
	/* 16..2047 in maximal aligned blocks: 16,32,..,512 then one 1024 */
	CHECK_STR(free_blocks(), "0 0 0 0 1 1 1 1 1 1 1");
}

TEST(alloc_splits_a_large_block_and_free_merges_it_back)
{
	unsigned long p;

	mm_test_boot(0);
	CHECK_STR(free_blocks(), "0 0 0 0 0 0 0 0 0 0 2");
	p = __get_free_page(GFP_KERNEL);
	CHECK(p);
	CHECK_STR(free_blocks(), "1 1 1 1 1 1 1 1 1 1 1");
	CHECK_EQ(nr_free_pages(), ARENA_PAGES - 1);
	free_page(p);
	CHECK_STR(free_blocks(), "0 0 0 0 0 0 0 0 0 0 2");
	CHECK_EQ(nr_free_pages(), ARENA_PAGES);
	CHECK_EQ(nr_bad_pages, 0);
}

TEST(blocks_are_aligned_to_their_order_and_inside_ram)
{
	mm_test_boot(3);
	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		unsigned long p = __get_free_pages(GFP_KERNEL, order);

		CHECK(p);
		CHECK_EQ(virt_to_pfn((void *)p) % (1UL << order), 0);
		CHECK(virt_to_pfn((void *)p) + (1UL << order) <= ARENA_PAGES);
		CHECK(virt_to_pfn((void *)p) >= 3);
		free_pages(p, order);
	}
	CHECK_EQ(nr_free_pages(), ARENA_PAGES - 3);
}

TEST(exhaustion_returns_0_and_freeing_everything_restores_counts)
{
	static unsigned long pages[ARENA_PAGES];
	unsigned long n = 0, p;

	mm_test_boot(5);
	while ((p = __get_free_page(GFP_KERNEL | __GFP_NOWARN)))
		pages[n++] = p;
	CHECK_EQ(n, ARENA_PAGES - 5);
	CHECK_EQ(nr_free_pages(), 0);
	CHECK_EQ(__get_free_page(GFP_KERNEL), 0);
	CHECK(log_has("page allocation failure: order:0"));
	CHECK_EQ(__get_free_pages(GFP_KERNEL, MAX_ORDER), 0);
	while (n)
		free_page(pages[--n]);
	CHECK_EQ(nr_free_pages(), ARENA_PAGES - 5);
	CHECK_STR(free_blocks(), "1 1 0 1 1 1 1 1 1 1 1"); /* 5, 6-7, 8-15, .. */
	CHECK_EQ(nr_bad_pages, 0);
}

TEST(get_zeroed_page_is_zero_even_after_reuse)
{
	unsigned long p, z;
	int nonzero = 0;

	mm_test_boot(0);
	p = __get_free_page(GFP_KERNEL);
	memset((void *)p, 0xaa, PAGE_SIZE);
	free_page(p);
	z = get_zeroed_page(GFP_KERNEL);
	CHECK_EQ(z, p); /* the same page came back */
	for (unsigned long i = 0; i < PAGE_SIZE; i++)
		nonzero |= ((unsigned char *)z)[i];
	CHECK_EQ(nonzero, 0);
}

TEST(double_free_is_reported_and_does_not_corrupt_the_lists)
{
	unsigned long p, q, n = 0;

	mm_test_boot(0);
	p = __get_free_page(GFP_KERNEL);
	q = __get_free_page(GFP_KERNEL);
	free_page(p);
	free_page(p);
	CHECK_EQ(nr_bad_pages, 1);
	CHECK(log_has("BUG: Bad page state"));
	CHECK(log_has("double free"));
	CHECK_EQ(nr_free_pages(), ARENA_PAGES - 1);
	free_page(q);
	free_page(q); /* q merged with p: no longer PG_buddy itself */
	CHECK_EQ(nr_bad_pages, 2);
	while (__get_free_page(GFP_KERNEL | __GFP_NOWARN))
		n++;
	CHECK_EQ(n, ARENA_PAGES); /* no page was on a list twice */
}

TEST(wrong_frees_are_reported_and_ignored)
{
	unsigned long q;

	mm_test_boot(4);
	q = __get_free_pages(GFP_KERNEL, 2);
	free_pages(q, 1);
	CHECK(log_has("freed with a different order"));
	free_pages(q + PAGE_SIZE, 0);
	CHECK(log_has("not the start of an allocated block"));
	free_pages(q + 100, 2);
	CHECK(log_has("not a page-aligned address"));
	free_page((unsigned long)__va(0)); /* reserved */
	CHECK(log_has("freeing a reserved page"));
	free_page((unsigned long)&q);	   /* not RAM at all */
	CHECK_EQ(nr_bad_pages, 5);
	CHECK_EQ(nr_free_pages(), ARENA_PAGES - 4 - 4);
	free_pages(q, 2);
	CHECK_EQ(nr_free_pages(), ARENA_PAGES - 4);
	free_pages(0, 3); /* like kfree(NULL) */
	CHECK_EQ(nr_bad_pages, 5);
}

/* Random orders, random frees: blocks never overlap, counts always add up. */
TEST(random_alloc_free_keeps_blocks_disjoint_and_counts_exact)
{
	static unsigned char owner[ARENA_PAGES];
	struct { unsigned long addr; unsigned int order; } live[512];
	unsigned int nlive = 0, seed = 12345;
	unsigned long used = 0;
	int overlap = 0;

	mm_test_boot(0);
	memset(owner, 0, sizeof(owner));
	for (int step = 0; step < 20000; step++) {
		seed = seed * 1103515245 + 12345;
		if (nlive < 512 && (seed >> 16) % 3) {
			unsigned int order = (seed >> 8) % 6;
			unsigned long a = __get_free_pages(GFP_KERNEL | __GFP_NOWARN, order);

			if (!a)
				continue;
			for (unsigned long i = 0; i < (1UL << order); i++)
				overlap |= owner[virt_to_pfn((void *)a) + i]++;
			live[nlive].addr = a;
			live[nlive++].order = order;
			used += 1UL << order;
		} else if (nlive) {
			unsigned int k = (seed >> 4) % nlive;

			for (unsigned long i = 0; i < (1UL << live[k].order); i++)
				owner[virt_to_pfn((void *)live[k].addr) + i] = 0;
			free_pages(live[k].addr, live[k].order);
			used -= 1UL << live[k].order;
			live[k] = live[--nlive];
		}
		if (nr_free_pages() != ARENA_PAGES - used)
			overlap = 1;
	}
	CHECK_EQ(overlap, 0);
	while (nlive) {
		nlive--;
		free_pages(live[nlive].addr, live[nlive].order);
	}
	CHECK_STR(free_blocks(), "0 0 0 0 0 0 0 0 0 0 2");
	CHECK_EQ(nr_bad_pages, 0);
}

TEST(free_reserved_area_gives_whole_reserved_pages_back)
{
	mm_test_boot(32);
	/* an "initrd" from page 16 + 100 bytes to page 32: pages 17..31 */
	CHECK_EQ(free_reserved_area(__va(16 * PAGE_SIZE + 100), __va(32 * PAGE_SIZE),
				    "initrd"), 15);
	CHECK(log_has("Freeing initrd memory: 60K"));
	CHECK_EQ(totalram_pages(), ARENA_PAGES - 32 + 15);
	CHECK_EQ(nr_free_pages(), ARENA_PAGES - 32 + 15);
	CHECK(PageReserved(pfn_to_page(16)) && !PageReserved(pfn_to_page(17)));
}

/* ---- /proc text --------------------------------------------------------------------- */

TEST(meminfo_uses_linux_layout_and_real_counts)
{
	char buf[2048];
	int n;

	mm_test_boot(0);
	__get_free_pages(GFP_KERNEL, 2);
	mod_node_page_state(NR_SLAB_UNRECLAIMABLE, 3);
	n = meminfo_show(buf, sizeof(buf));
	CHECK_EQ(n, (int)strlen(buf));
	CHECK(!strncmp(buf, "MemTotal:           8192 kB\n"
			    "MemFree:            8176 kB\n"
			    "MemAvailable:       8176 kB\n"
			    "Buffers:               0 kB\n", 112));
	CHECK(strstr(buf, "\nSlab:                 12 kB\n"));
	CHECK(strstr(buf, "\nVmallocTotal:      65536 kB\n"));
}

TEST(meminfo_truncates_safely_in_a_small_buffer)
{
	char buf[20];

	mm_test_boot(0);
	memset(buf, 'x', sizeof(buf));
	CHECK_EQ(meminfo_show(buf, sizeof(buf)), 19);
	CHECK_EQ(buf[19], '\0');
	CHECK_EQ(meminfo_show(buf, 0), 0);
}

TEST(buddyinfo_lists_free_blocks_per_order)
{
	char buf[200];

	mm_test_boot(0);
	__get_free_page(GFP_KERNEL);
	buddyinfo_show(buf, sizeof(buf));
	CHECK_STR(buf, "Node 0, zone   Normal      1      1      1      1      1      1      1      1      1      1      1 \n");
}

RUN_TESTS()
