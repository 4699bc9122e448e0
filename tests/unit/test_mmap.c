/*
 * Host tests for kernel/mmap.c: the area list of an address space under
 * mmap, munmap, brk and stack growth - splits, merges, fixed mappings,
 * and out-of-memory that leaves nothing half done. The page tables are a
 * fake: a table of (address, page) pairs with the mm branch's semantics.
 */
#include "tests/unit/unit.h"
#include <stdint.h>

#include "lib/string.c"
#include "kernel/mm_types.h"
#include "kernel/sched/sched.h"
#include "kernel/errno.h"

/* ---- the fake page tables and allocators ------------------------------- */

#define MAX_MAPPED 8192
static struct {
	unsigned long vaddr, page;
	int writable;
} ptes[MAX_MAPPED];
static int nptes;
static long pages_left = 100000; /* the "free memory" */
static long pages_allocated;

unsigned long nr_free_pages(void) { return pages_left; }
unsigned long totalram_pages(void) { return 65536; }

unsigned long get_zeroed_page(gfp_t gfp)
{
	void *p;

	if (pages_left <= 0)
		return 0;
	pages_left--;
	pages_allocated++;
	p = aligned_alloc(4096, 4096);
	memset(p, 0, 4096);
	return (unsigned long)p;
}

void free_pages(unsigned long addr, unsigned int order)
{
	pages_left++;
	pages_allocated--;
	free((void *)addr);
}

static int find_pte(unsigned long vaddr)
{
	for (int i = 0; i < nptes; i++)
		if (ptes[i].vaddr == vaddr)
			return i;
	return -1;
}

int map_user_page(pgd_t *pgd, unsigned long vaddr, unsigned long page, int w)
{
	if (vaddr >= TASK_SIZE || (vaddr & 4095))
		return -EINVAL;
	if (find_pte(vaddr) >= 0)
		return -EEXIST;
	ptes[nptes++] = (typeof(ptes[0])){ vaddr, page, w };
	return 0;
}

int unmap_user_page(pgd_t *pgd, unsigned long vaddr)
{
	int i = find_pte(vaddr);

	if (i < 0)
		return -ENOENT;
	free_pages(ptes[i].page, 0);
	ptes[i] = ptes[--nptes];
	return 0;
}

unsigned long user_virt_to_kernel(pgd_t *pgd, unsigned long uaddr, int write)
{
	int i = find_pte(uaddr & ~4095UL);

	if (i < 0 || (write && !ptes[i].writable))
		return 0;
	return ptes[i].page + (uaddr & 4095);
}

static pgd_t fake_pgd[1];
pgd_t *pgd_alloc(void) { return fake_pgd; }
void pgd_free(pgd_t *pgd)
{
	while (nptes)
		unmap_user_page(pgd, ptes[0].vaddr);
}
pgd_t *copy_user_pgd(pgd_t *src) { return fake_pgd; }
void switch_mm(pgd_t *pgd) {}

void *kmalloc(size_t size, gfp_t gfp) { return malloc(size); }
void *kzalloc(size_t size, gfp_t gfp) { return calloc(1, size); }
void kfree(const void *p) { free((void *)p); }

static struct task_struct task;
struct task_struct *current_task = &task;
unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

#include "kernel/mmap.c"

/* ---- helpers ------------------------------------------------------------------ */

#define PROT_RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)
#define MB (1024UL * 1024)

static struct mm_struct *mm;

static void setup(void)
{
	if (mm)
		mmput(mm);
	nptes = 0;
	pages_left = 100000;
	mm = mm_alloc();
	task.mm = mm;
	/* a program: text, data, heap starting after it, and a stack */
	vm_map_anon(mm, 0x08048000, 0x0804a000, VM_READ | VM_EXEC);
	vm_map_anon(mm, 0x0804a000, 0x0804b000, VM_READ | VM_WRITE | VM_EXEC);
	mm->start_brk = mm->brk = 0x0804c000;
	vm_map_anon(mm, STACK_TOP - STACK_INIT_SIZE, STACK_TOP,
		    VM_READ | VM_WRITE | VM_GROWSDOWN);
}

static int nr_areas(void)
{
	struct vm_area_struct *v;
	int n = 0;

	list_for_each_entry(v, &mm->mmap, vm_list)
		n++;
	return n;
}

static int mapped(unsigned long addr)
{
	return user_virt_to_kernel(mm->pgd, addr, 0) != 0;
}

/* The invariants: sorted, disjoint, every non-PROT_NONE page mapped,
 * total_vm the sum. */
static int areas_consistent(void)
{
	struct vm_area_struct *v;
	unsigned long prev_end = 0, pages = 0;

	list_for_each_entry(v, &mm->mmap, vm_list) {
		if (v->vm_start < prev_end || v->vm_start >= v->vm_end)
			return 0;
		for (unsigned long a = v->vm_start; a < v->vm_end; a += PAGE_SIZE)
			if (vma_populated(v->vm_flags) && !mapped(a))
				return 0;
		pages += (v->vm_end - v->vm_start) >> PAGE_SHIFT;
		prev_end = v->vm_end;
	}
	return pages == mm->total_vm;
}

/* ---- tests ------------------------------------------------------------------------- */

TEST(anonymous_mmap_gets_zeroed_pages_above_the_mmap_base)
{
	long a;

	setup();
	a = sys_mmap_pgoff(0, 3 * PAGE_SIZE, PROT_RW, ANON, -1, 0);
	CHECK_EQ(a, TASK_UNMAPPED_BASE);
	CHECK(mapped(a) && mapped(a + 2 * PAGE_SIZE) && !mapped(a + 3 * PAGE_SIZE));
	CHECK_EQ(*(int *)user_virt_to_kernel(mm->pgd, a + 100, 1), 0);
	CHECK(areas_consistent());
}

TEST(adjacent_mappings_with_the_same_protection_merge)
{
	long a, b;

	setup();
	a = sys_mmap_pgoff(0, PAGE_SIZE, PROT_RW, ANON, -1, 0);
	b = sys_mmap_pgoff(0, PAGE_SIZE, PROT_RW, ANON, -1, 0);
	CHECK_EQ(b, a + (long)PAGE_SIZE);
	CHECK_EQ(nr_areas(), 4); /* text, data, the merged one, stack */
	CHECK(areas_consistent());
}

TEST(munmap_in_the_middle_splits_the_area_and_frees_its_pages)
{
	long a;
	long before;

	setup();
	a = sys_mmap_pgoff(0, 4 * PAGE_SIZE, PROT_RW, ANON, -1, 0);
	before = pages_left;
	CHECK_EQ(sys_munmap(a + PAGE_SIZE, 2 * PAGE_SIZE), 0);
	CHECK_EQ(pages_left, before + 2);
	CHECK(mapped(a) && !mapped(a + PAGE_SIZE) && !mapped(a + 2 * PAGE_SIZE));
	CHECK(mapped(a + 3 * PAGE_SIZE));
	CHECK_EQ(nr_areas(), 5);
	CHECK(areas_consistent());
}

TEST(munmap_of_head_tail_and_several_areas_trims_them)
{
	long a, b;

	setup();
	a = sys_mmap_pgoff(0, 2 * PAGE_SIZE, PROT_RW, ANON, -1, 0);
	b = sys_mmap_pgoff(0, 2 * PAGE_SIZE, PROT_READ, ANON, -1, 0);
	/* one call across the end of a and the start of b */
	CHECK_EQ(sys_munmap(a + PAGE_SIZE, 2 * PAGE_SIZE), 0);
	CHECK(mapped(a) && !mapped(a + PAGE_SIZE) && !mapped(b));
	CHECK(mapped(b + PAGE_SIZE));
	CHECK(areas_consistent());
	CHECK_EQ(sys_munmap(a, 4 * PAGE_SIZE), 0); /* all, holes included */
	CHECK_EQ(nr_areas(), 3);
}

TEST(munmap_rejects_unaligned_empty_and_kernel_ranges)
{
	setup();
	CHECK_EQ(sys_munmap(0x40000001, PAGE_SIZE), -EINVAL);
	CHECK_EQ(sys_munmap(0x40000000, 0), -EINVAL);
	CHECK_EQ(sys_munmap(0xbffff000, 2 * PAGE_SIZE), -EINVAL);
	CHECK_EQ(sys_munmap(0x50000000, PAGE_SIZE), 0); /* nothing there: fine */
}

TEST(map_fixed_replaces_what_was_there)
{
	long a;

	setup();
	a = sys_mmap_pgoff(0, 3 * PAGE_SIZE, PROT_RW, ANON, -1, 0);
	*(int *)user_virt_to_kernel(mm->pgd, a + PAGE_SIZE, 1) = 7;
	CHECK_EQ(sys_mmap_pgoff(a + PAGE_SIZE, PAGE_SIZE, PROT_READ,
				ANON | MAP_FIXED, -1, 0), a + (long)PAGE_SIZE);
	CHECK_EQ(*(int *)user_virt_to_kernel(mm->pgd, a + PAGE_SIZE, 0), 0);
	CHECK(!user_virt_to_kernel(mm->pgd, a + PAGE_SIZE, 1)); /* read-only */
	CHECK(areas_consistent());
}

TEST(map_fixed_noreplace_and_bad_addresses_fail)
{
	long a;

	setup();
	a = sys_mmap_pgoff(0, PAGE_SIZE, PROT_RW, ANON, -1, 0);
	CHECK_EQ(sys_mmap_pgoff(a, PAGE_SIZE, PROT_RW, ANON | MAP_FIXED_NOREPLACE,
				-1, 0), -EEXIST);
	CHECK_EQ(sys_mmap_pgoff(a + 1, PAGE_SIZE, PROT_RW, ANON | MAP_FIXED, -1, 0),
		 -EINVAL);
	CHECK_EQ(sys_mmap_pgoff(0, PAGE_SIZE, PROT_RW, ANON | MAP_FIXED, -1, 0),
		 -EINVAL); /* page 0 stays unmapped */
	CHECK_EQ(sys_mmap_pgoff(0xc0000000, PAGE_SIZE, PROT_RW, ANON | MAP_FIXED,
				-1, 0), -EINVAL);
}

TEST(a_taken_hint_is_moved_a_free_one_is_used)
{
	long a;

	setup();
	a = sys_mmap_pgoff(0x08048000, PAGE_SIZE, PROT_RW, ANON, -1, 0);
	CHECK(a != 0x08048000 && a >= (long)TASK_UNMAPPED_BASE);
	CHECK_EQ(sys_mmap_pgoff(0x60000000, PAGE_SIZE, PROT_RW, ANON, -1, 0),
		 0x60000000);
}

TEST(file_mappings_and_bad_flags_are_refused)
{
	setup();
	CHECK_EQ(sys_mmap_pgoff(0, PAGE_SIZE, PROT_RW, MAP_PRIVATE, 3, 0), -ENODEV);
	CHECK_EQ(sys_mmap_pgoff(0, PAGE_SIZE, PROT_RW, MAP_ANONYMOUS, -1, 0), -EINVAL);
	CHECK_EQ(sys_mmap_pgoff(0, 0, PROT_RW, ANON, -1, 0), -EINVAL);
	CHECK_EQ(sys_mmap_pgoff(0, 0xfffff000, PROT_RW, ANON, -1, 0), -ENOMEM);
}

TEST(prot_none_area_reserves_addresses_without_pages)
{
	long a;

	setup();
	a = sys_mmap_pgoff(0, 2 * PAGE_SIZE, 0, ANON, -1, 0);
	CHECK(a > 0 && !mapped(a) && !mapped(a + PAGE_SIZE));
	CHECK_EQ(sys_mmap_pgoff(0, PAGE_SIZE, PROT_RW, ANON, -1, 0),
		 a + 2 * (long)PAGE_SIZE);
	CHECK(areas_consistent());
}

TEST(out_of_memory_mmap_fails_whole_and_frees_what_it_took)
{
	long before;

	setup();
	pages_left = USER_RESERVE_PAGES + 10;
	before = pages_left;
	CHECK_EQ(sys_mmap_pgoff(0, 20 * PAGE_SIZE, PROT_RW, ANON, -1, 0), -ENOMEM);
	CHECK_EQ(pages_left, before);
	CHECK_EQ(nr_areas(), 3);
	CHECK_EQ(sys_mmap_pgoff(0, 5 * PAGE_SIZE, PROT_RW, ANON, -1, 0),
		 TASK_UNMAPPED_BASE); /* smaller still fits */
}

TEST(brk_grows_and_shrinks_the_heap_area)
{
	unsigned long b;

	setup();
	CHECK_EQ(sys_brk(0), 0x0804c000);
	b = sys_brk(0x0804c000 + 10000);
	CHECK_EQ(b, 0x0804c000 + 10000);
	CHECK(mapped(0x0804e000) && !mapped(0x0804f000));
	CHECK_EQ(sys_brk(0x0804c000 + 100), 0x0804c000 + 100);
	CHECK(mapped(0x0804c000) && !mapped(0x0804d000));
	CHECK_EQ(sys_brk(0x08000000), 0x0804c000 + 100); /* below the start */
	CHECK(areas_consistent());
}

TEST(brk_into_another_area_or_out_of_memory_keeps_the_old_end)
{
	setup();
	sys_mmap_pgoff(0x08050000, PAGE_SIZE, PROT_RW, ANON | MAP_FIXED, -1, 0);
	CHECK_EQ(sys_brk(0x08051000), 0x0804c000);
	pages_left = USER_RESERVE_PAGES + 1;
	CHECK_EQ(sys_brk(0x0804e000), 0x0804c000);
	CHECK_EQ(nptes, 3 + 1 + STACK_INIT_SIZE / PAGE_SIZE); /* nothing leaked */
}

TEST(stack_grows_down_to_its_limit_and_no_further)
{
	unsigned long bottom = STACK_TOP - STACK_INIT_SIZE;

	setup();
	CHECK_EQ(expand_stack(mm, bottom - 3 * PAGE_SIZE + 8), 0);
	CHECK(mapped(bottom - 3 * PAGE_SIZE) && mapped(bottom - PAGE_SIZE));
	CHECK_EQ(expand_stack(mm, STACK_TOP - STACK_LIMIT), 0);
	CHECK_EQ(expand_stack(mm, STACK_TOP - STACK_LIMIT - 1), -EFAULT);
	CHECK_EQ(expand_stack(mm, 0x40000000), -EFAULT); /* not near the stack */
	CHECK(areas_consistent());
}

TEST(stack_keeps_a_guard_page_from_the_area_below)
{
	unsigned long below = STACK_TOP - STACK_INIT_SIZE - 3 * PAGE_SIZE;

	setup();
	sys_mmap_pgoff(below, PAGE_SIZE, PROT_RW, ANON | MAP_FIXED, -1, 0);
	CHECK_EQ(expand_stack(mm, below + PAGE_SIZE), -EFAULT);
	CHECK_EQ(expand_stack(mm, below + 2 * PAGE_SIZE), 0);
}

TEST(fork_copy_has_the_same_areas_and_exit_frees_every_page)
{
	struct mm_struct *child;

	setup();
	sys_mmap_pgoff(0, 2 * PAGE_SIZE, PROT_RW, ANON, -1, 0);
	sys_brk(0x0804d000);
	child = dup_mm(mm);
	CHECK(child != NULL);
	CHECK_EQ(child->total_vm, mm->total_vm);
	CHECK_EQ(child->brk, 0x0804d000);
	free_vmas(child);
	kfree(child);
	mmput(mm);
	mm = NULL;
	CHECK_EQ(nptes, 0);
	CHECK_EQ(pages_allocated, 0);
}

RUN_TESTS()
