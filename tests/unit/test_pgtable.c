/*
 * Host tests for pgtable.c: the kernel page directory paging_init() builds,
 * ioremap()'s area allocation, and the user address-space API the process
 * code uses, over an 8 MiB fake RAM (see shim_mm.h). CR3 is a variable here.
 */
#include "tests/unit/shim_mm.h"
#include "kernel/mm/pgtable.c"

#define UADDR 0x08048000UL

static unsigned long free0;

static void pgtable_test_boot(void)
{
	mm_test_boot(0);
	memset(swapper_pg_dir, 0, sizeof(swapper_pg_dir));
	memset(ioremap_pte, 0, sizeof(ioremap_pte));
	paging_init();
	free0 = nr_free_pages();
}

static unsigned long page_with(const char *text)
{
	unsigned long p = get_zeroed_page(GFP_KERNEL);

	strlcpy((char *)p, text, PAGE_SIZE);
	return p;
}

/* A fresh machine, an empty user space and one page ready to map. */
static pgd_t *boot_with_pgd(unsigned long *page)
{
	pgtable_test_boot();
	*page = page_with("x");
	return pgd_alloc();
}

TEST(paging_init_maps_lowmem_supervisor_only_and_nothing_at_0)
{
	pgd_t k = _PAGE_PRESENT | _PAGE_RW | _PAGE_PSE;

	pgtable_test_boot();
	CHECK_EQ(host_test_cr3, __pa(swapper_pg_dir));
	CHECK_EQ(swapper_pg_dir[768] & (k | _PAGE_USER), k);
	CHECK_EQ(swapper_pg_dir[768] & PAGE_MASK, 0);
	CHECK_EQ(swapper_pg_dir[769] & PAGE_MASK, 0x400000); /* 8 MiB: 2 entries */
	CHECK_EQ(swapper_pg_dir[770], 0);
	for (unsigned long i = 0; i < USER_PTRS_PER_PGD; i++)
		CHECK_EQ(swapper_pg_dir[i], 0);
	for (unsigned long i = 0; i < IOREMAP_PGTABLES; i++)
		CHECK_EQ(swapper_pg_dir[pgd_index(IOREMAP_START) + i] &
				 (_PAGE_PRESENT | _PAGE_PSE | _PAGE_USER), _PAGE_PRESENT);
	CHECK_EQ(swapper_pg_dir[pgd_index(IOREMAP_END)], 0);
	CHECK(log_has("identity map dropped"));
}

TEST(pgd_alloc_copies_the_kernel_half_and_leaves_user_half_empty)
{
	pgd_t *pgd;
	int user = 0;

	pgtable_test_boot();
	pgd = pgd_alloc();
	CHECK(pgd);
	CHECK(!memcmp(pgd + 768, swapper_pg_dir + 768, 256 * sizeof(pgd_t)));
	for (unsigned long i = 0; i < USER_PTRS_PER_PGD; i++)
		user |= pgd[i];
	CHECK_EQ(user, 0);
	pgd_free(pgd);
	CHECK_EQ(nr_free_pages(), free0);
}

TEST(map_user_page_sets_user_bit_and_lookup_respects_write)
{
	pgd_t *pgd;
	unsigned long rw, ro;
	pte_t pte;

	pgtable_test_boot();
	pgd = pgd_alloc();
	rw = page_with("data");
	ro = page_with("text");
	CHECK_EQ(map_user_page(pgd, UADDR, rw, 1), 0);
	CHECK_EQ(map_user_page(pgd, UADDR + PAGE_SIZE, ro, 0), 0);
	pte = lookup_pte(pgd, UADDR)[0];
	CHECK_EQ(pte & (_PAGE_PRESENT | _PAGE_USER | _PAGE_RW),
		 _PAGE_PRESENT | _PAGE_USER | _PAGE_RW);
	CHECK_EQ(pgd[pgd_index(UADDR)] & _PAGE_USER, _PAGE_USER);
	CHECK_EQ(user_virt_to_kernel(pgd, UADDR + 3, 1), rw + 3);
	CHECK_EQ(user_virt_to_kernel(pgd, UADDR + PAGE_SIZE + 1, 0), ro + 1);
	CHECK_EQ(user_virt_to_kernel(pgd, UADDR + PAGE_SIZE, 1), 0);
	CHECK_EQ(user_virt_to_kernel(pgd, UADDR + 2 * PAGE_SIZE, 0), 0);
	CHECK_EQ(user_virt_to_kernel(pgd, 0, 0), 0);
	CHECK_EQ(user_virt_to_kernel(pgd, PAGE_OFFSET + 0x1000, 0), 0);
	CHECK_EQ(global_node_page_state(NR_ANON_MAPPED), 2);
	CHECK_EQ(global_node_page_state(NR_PAGETABLE), 2); /* pgd + 1 table */
	pgd_free(pgd);
	CHECK_EQ(nr_free_pages(), free0);
	CHECK_EQ(global_node_page_state(NR_ANON_MAPPED), 0);
	CHECK_EQ(global_node_page_state(NR_PAGETABLE), 0);
	CHECK_EQ(nr_bad_pages, 0);
}

TEST(map_user_page_rejects_bad_arguments)
{
	unsigned long p;
	pgd_t *pgd = boot_with_pgd(&p);

	CHECK_EQ(map_user_page(pgd, PAGE_OFFSET, p, 1), -EINVAL);
	CHECK_EQ(map_user_page(pgd, UADDR + 1, p, 1), -EINVAL);
	CHECK_EQ(map_user_page(pgd, UADDR, p + 8, 1), -EINVAL);
	CHECK_EQ(map_user_page(pgd, UADDR, (unsigned long)&p & PAGE_MASK, 1), -EINVAL);
	CHECK_EQ(map_user_page(pgd, UADDR, p, 1), 0);
	CHECK_EQ(map_user_page(pgd, UADDR, p, 1), -EEXIST);
	CHECK_EQ(unmap_user_page(pgd, UADDR + 5), -EINVAL);
	CHECK_EQ(unmap_user_page(pgd, UADDR + PAGE_SIZE), -ENOENT);
	CHECK_EQ(unmap_user_page(pgd, 0x40000000), -ENOENT); /* no table */
	CHECK_EQ(unmap_user_page(pgd, UADDR), 0);
	CHECK_EQ(user_virt_to_kernel(pgd, UADDR, 0), 0);
	pgd_free(pgd);
	CHECK_EQ(nr_free_pages(), free0);
}

TEST(map_user_page_fails_cleanly_without_memory_for_a_table)
{
	unsigned long p;
	pgd_t *pgd = boot_with_pgd(&p);

	while (__get_free_page(GFP_KERNEL | __GFP_NOWARN))
		;
	CHECK_EQ(map_user_page(pgd, UADDR, p, 1), -ENOMEM);
	CHECK_EQ(pgd[pgd_index(UADDR)], 0);
}

TEST(copy_user_pgd_gives_the_child_private_copies)
{
	pgd_t *parent, *child;
	unsigned long c;

	pgtable_test_boot();
	parent = pgd_alloc();
	map_user_page(parent, UADDR, page_with("parent data"), 1);
	map_user_page(parent, 0x40000000, page_with("ro"), 0); /* 2nd table */
	child = copy_user_pgd(parent);
	CHECK(child);
	c = user_virt_to_kernel(child, UADDR, 1);
	CHECK(c && c != user_virt_to_kernel(parent, UADDR, 1));
	CHECK_STR((char *)c, "parent data");
	strlcpy((char *)c, "child data", 16);
	CHECK_STR((char *)user_virt_to_kernel(parent, UADDR, 0), "parent data");
	CHECK_EQ(user_virt_to_kernel(child, 0x40000000, 1), 0); /* still ro */
	CHECK_STR((char *)user_virt_to_kernel(child, 0x40000000, 0), "ro");
	CHECK(!memcmp(child + 768, swapper_pg_dir + 768, 256 * sizeof(pgd_t)));
	pgd_free(child);
	pgd_free(parent);
	CHECK_EQ(nr_free_pages(), free0);
}

TEST(copy_user_pgd_out_of_memory_returns_null_and_leaks_nothing)
{
	static unsigned long hog[ARENA_PAGES];
	unsigned long n = 0, before;
	pgd_t *parent;

	pgtable_test_boot();
	parent = pgd_alloc();
	for (int i = 0; i < 8; i++)
		map_user_page(parent, UADDR + i * PAGE_SIZE, page_with("p"), 1);
	while ((hog[n] = __get_free_page(GFP_KERNEL | __GFP_NOWARN)))
		n++;
	free_page(hog[--n]); /* room for the pgd, a table and 3 pages */
	free_page(hog[--n]);
	free_page(hog[--n]);
	free_page(hog[--n]);
	free_page(hog[--n]);
	before = nr_free_pages();
	CHECK(copy_user_pgd(parent) == NULL);
	CHECK_EQ(nr_free_pages(), before);
	while (n)
		free_page(hog[--n]);
	pgd_free(parent);
	CHECK_EQ(nr_free_pages(), free0);
}

TEST(switch_mm_loads_cr3_and_pgd_free_of_current_falls_back)
{
	pgd_t *pgd;

	pgtable_test_boot();
	pgd = pgd_alloc();
	switch_mm(pgd);
	CHECK_EQ(host_test_cr3, __pa(pgd));
	pgd_free(pgd); /* an exiting process freeing its own directory */
	CHECK_EQ(host_test_cr3, __pa(swapper_pg_dir));
	switch_mm(NULL);
	CHECK_EQ(host_test_cr3, __pa(swapper_pg_dir));
}

TEST(ioremap_maps_uncached_with_guard_pages_and_reuses_space)
{
	char *a, *b, *c;
	pte_t pte;

	pgtable_test_boot();
	a = ioremap(0xFEBC0000, 0x20000); /* an e1000 BAR: 32 pages */
	b = ioremap(0xFEBF0010, 4);
	CHECK(a == (char *)IOREMAP_START);
	CHECK(b == (char *)IOREMAP_START + 33 * PAGE_SIZE + 0x10); /* after a's guard */
	pte = *ioremap_ptep(0);
	CHECK_EQ(pte & PAGE_MASK, 0xFEBC0000);
	CHECK_EQ(pte & (_PAGE_PRESENT | _PAGE_RW | _PAGE_PCD | _PAGE_PWT | _PAGE_USER),
		 _PAGE_PRESENT | _PAGE_RW | _PAGE_PCD | _PAGE_PWT);
	CHECK_EQ(*ioremap_ptep(32), _PAGE_IOREMAP_GUARD);
	CHECK_EQ(global_node_page_state(NR_IOREMAP_PAGES), 33);
	iounmap(a);
	CHECK_EQ(*ioremap_ptep(0), 0);
	CHECK_EQ(*ioremap_ptep(32), 0);
	c = ioremap(0xFEE00000, PAGE_SIZE);
	CHECK(c == (char *)IOREMAP_START); /* a's space again */
	iounmap(b);
	iounmap(c);
	CHECK_EQ(global_node_page_state(NR_IOREMAP_PAGES), 0);
}

TEST(ioremap_refuses_ram_and_bad_ranges_and_serves_isa_from_direct_map)
{
	pgtable_test_boot();
	CHECK(!ioremap(0x100000, PAGE_SIZE)); /* RAM of the arena */
	CHECK(log_has("ioremap: refusing to map RAM"));
	CHECK(!ioremap(0xFEC00000, 0));
	CHECK(!ioremap(0xFFFFF000, 0x2000)); /* wraps */
	CHECK(!ioremap(0xE0000000, IOREMAP_SIZE)); /* no room for the guard */
	CHECK(ioremap(0xB8000, 4000) == __va(0xB8000));
	iounmap(__va(0xB8000)); /* nothing to undo, no complaint */
	CHECK(!log_has("BUG"));
}

TEST(iounmap_of_a_wrong_address_is_reported)
{
	char *a;

	pgtable_test_boot();
	a = ioremap(0xFEB00000, 3 * PAGE_SIZE);
	iounmap(a + PAGE_SIZE); /* inside the area */
	CHECK(log_has("BUG: iounmap"));
	iounmap((void *)(IOREMAP_START + 0x100000)); /* never mapped */
	iounmap((void *)0x1234);
	CHECK_EQ(global_node_page_state(NR_IOREMAP_PAGES), 3);
	iounmap(a);
	CHECK_EQ(global_node_page_state(NR_IOREMAP_PAGES), 0);
}

RUN_TESTS()
