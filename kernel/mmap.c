/*
 * mmap.c - the areas of a process's address space: brk(), mmap(),
 * munmap(), fork's copy and exit's teardown (Linux: mm/mmap.c, mm/nommu.c
 * for the simple list, kernel/fork.c dup_mm, mm/mprotect.c).
 *
 * Called from system calls and from exec/fork/exit, always in process
 * context on behalf of the mm's own task. Pages come from alloc_user_page()
 * and are handed to map_user_page(); from then on the page tables own them
 * (unmap_user_page and pgd_free free them).
 *
 * Invariants: areas are sorted, never overlap, page aligned, non-empty;
 * every page inside an area that is not PROT_NONE is mapped; total_vm is
 * the sum of area sizes in pages.
 */
#include "kernel/mm_types.h"
#include "kernel/errno.h"
#include "kernel/mmu_context.h"
#include "kernel/mm/gfp.h"
#include "kernel/mm/slab.h"
#include "kernel/sched/sched.h"
#include "kernel/uaccess.h"

#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4
#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_TYPE 0x0f
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_FIXED_NOREPLACE 0x100000

/* ---- pages ----------------------------------------------------------- */

unsigned long alloc_user_page(void)
{
	if (nr_free_pages() <= USER_RESERVE_PAGES)
		return 0;
	return get_zeroed_page(GFP_KERNEL);
}

static void unmap_range(struct mm_struct *mm, unsigned long start,
			unsigned long end)
{
	for (unsigned long a = start; a < end; a += PAGE_SIZE)
		unmap_user_page(mm->pgd, a); /* -ENOENT for PROT_NONE: fine */
}

/* Map fresh zeroed pages on [start, end); all or nothing. */
static int populate_range(struct mm_struct *mm, unsigned long start,
			  unsigned long end, int writable)
{
	for (unsigned long a = start; a < end; a += PAGE_SIZE) {
		unsigned long page = alloc_user_page();
		int err = page ? map_user_page(mm->pgd, a, page, writable)
			       : -ENOMEM;

		if (err) {
			if (page)
				free_page(page);
			unmap_range(mm, start, a);
			return err;
		}
	}
	return 0;
}

static int vma_populated(unsigned long vm_flags)
{
	return vm_flags & (VM_READ | VM_WRITE | VM_EXEC);
}

/* ---- the area list ------------------------------------------------------ */

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (vma->vm_end > addr)
			return vma;
	return NULL;
}

struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return vma && vma->vm_start < end ? vma : NULL;
}

static struct vm_area_struct *vma_prev(struct mm_struct *mm,
				       struct vm_area_struct *vma)
{
	if (vma->vm_list.prev == &mm->mmap)
		return NULL;
	return list_entry(vma->vm_list.prev, struct vm_area_struct, vm_list);
}

static void insert_vma(struct mm_struct *mm, struct vm_area_struct *new)
{
	struct vm_area_struct *vma = find_vma(mm, new->vm_start);

	list_add_tail(&new->vm_list, vma ? &vma->vm_list : &mm->mmap);
	mm->map_count++;
}

static void remove_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	list_del(&vma->vm_list);
	mm->map_count--;
	kfree(vma);
}

/* The area ending exactly at start, if it has the same flags: it can
 * simply grow (Linux: vma_merge). Keeps brk()'s heap one area. */
static struct vm_area_struct *mergeable_prev(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long vm_flags)
{
	struct vm_area_struct *vma, *prev = NULL;

	list_for_each_entry(vma, &mm->mmap, vm_list) {
		if (vma->vm_start >= start)
			break;
		prev = vma;
	}
	if (prev && prev->vm_end == start && prev->vm_flags == vm_flags)
		return prev;
	return NULL;
}

static int range_ok(unsigned long start, unsigned long end)
{
	return !(start & ~PAGE_MASK) && !(end & ~PAGE_MASK) && start < end &&
	       start >= MMAP_MIN_ADDR && end <= TASK_SIZE;
}

int vm_map_anon(struct mm_struct *mm, unsigned long start, unsigned long end,
		unsigned long vm_flags)
{
	struct vm_area_struct *vma;
	int err;

	if (!range_ok(start, end))
		return -EINVAL;
	if (find_vma_intersection(mm, start, end))
		return -EEXIST;
	if (vma_populated(vm_flags)) {
		err = populate_range(mm, start, end, vm_flags & VM_WRITE);
		if (err)
			return err;
	}
	vma = mergeable_prev(mm, start, vm_flags);
	if (vma) {
		vma->vm_end = end;
	} else {
		vma = kzalloc(sizeof(*vma), GFP_KERNEL);
		if (!vma) {
			unmap_range(mm, start, end);
			return -ENOMEM;
		}
		vma->vm_start = start;
		vma->vm_end = end;
		vma->vm_flags = vm_flags;
		insert_vma(mm, vma);
	}
	mm->total_vm += (end - start) >> PAGE_SHIFT;
	return 0;
}

/*
 * Record an area whose pages the caller has mapped itself (execve's ELF
 * segments). A first page shared with the area below is left to that area.
 */
int insert_vm_area(struct mm_struct *mm, unsigned long start,
		   unsigned long end, unsigned long vm_flags)
{
	struct vm_area_struct *below = find_vma(mm, start);
	struct vm_area_struct *vma;

	if (below && below->vm_start < start)
		start = below->vm_end;
	if (start >= end)
		return 0;
	if (find_vma_intersection(mm, start, end))
		return -EINVAL;
	vma = kzalloc(sizeof(*vma), GFP_KERNEL);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = vm_flags;
	insert_vma(mm, vma);
	mm->total_vm += (end - start) >> PAGE_SHIFT;
	return 0;
}

/* Cut [start, end) out of one area that overlaps it. */
static int vma_cut(struct mm_struct *mm, struct vm_area_struct *vma,
		   unsigned long start, unsigned long end)
{
	unsigned long from = max(start, vma->vm_start);
	unsigned long to = min(end, vma->vm_end);

	if (vma->vm_start < start && end < vma->vm_end) { /* a hole: split */
		struct vm_area_struct *tail = kzalloc(sizeof(*tail), GFP_KERNEL);

		if (!tail)
			return -ENOMEM;
		*tail = *vma;
		tail->vm_start = end;
		vma->vm_end = start;
		insert_vma(mm, tail);
	} else if (vma->vm_start < start) {
		vma->vm_end = start;
	} else if (end < vma->vm_end) {
		vma->vm_start = end;
	}
	unmap_range(mm, from, to);
	mm->total_vm -= (to - from) >> PAGE_SHIFT;
	if (from == vma->vm_start && to == vma->vm_end)
		remove_vma(mm, vma);
	return 0;
}

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	struct vm_area_struct *vma;
	unsigned long end;

	len = PAGE_ALIGN(len);
	end = start + len;
	if ((start & ~PAGE_MASK) || !len || end > TASK_SIZE || end < start)
		return -EINVAL;
	while ((vma = find_vma_intersection(mm, start, end))) {
		int err = vma_cut(mm, vma, start, end);

		if (err)
			return err;
	}
	return 0;
}

/* First gap of len bytes at or above TASK_UNMAPPED_BASE that leaves room
 * for the stack to grow; -ENOMEM if none. */
static long get_unmapped_area(struct mm_struct *mm, unsigned long len)
{
	unsigned long limit = STACK_TOP - STACK_LIMIT - PAGE_SIZE;
	unsigned long addr = TASK_UNMAPPED_BASE;
	struct vm_area_struct *vma;

	if (len > limit - addr)
		return -ENOMEM;
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		if (vma->vm_end <= addr)
			continue;
		if (addr + len <= vma->vm_start)
			break;
		addr = vma->vm_end;
		if (addr > limit || len > limit - addr)
			return -ENOMEM;
	}
	return addr;
}

int expand_stack(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	struct vm_area_struct *prev;
	unsigned long start = addr & PAGE_MASK;
	int err;

	if (!vma || !(vma->vm_flags & VM_GROWSDOWN))
		return -EFAULT;
	if (addr >= vma->vm_start)
		return 0;
	if (STACK_TOP - start > STACK_LIMIT)
		return -EFAULT;
	prev = vma_prev(mm, vma);
	if (prev && prev->vm_end + PAGE_SIZE > start) /* keep a guard page */
		return -EFAULT;
	err = populate_range(mm, start, vma->vm_start, 1);
	if (err)
		return err;
	mm->total_vm += (vma->vm_start - start) >> PAGE_SHIFT;
	vma->vm_start = start;
	return 0;
}

/* ---- whole address spaces ---------------------------------------------- */

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	INIT_LIST_HEAD(&mm->mmap);
	mm->mm_users = 1;
	return mm;
}

static void free_vmas(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *tmp;

	list_for_each_entry_safe(vma, tmp, &mm->mmap, vm_list)
		remove_vma(mm, vma);
}

void mmput(struct mm_struct *mm)
{
	if (--mm->mm_users)
		return;
	free_vmas(mm);
	pgd_free(mm->pgd); /* every user page, the tables, the directory */
	kfree(mm);
}

static int dup_vmas(struct mm_struct *mm, struct mm_struct *old)
{
	struct vm_area_struct *vma, *copy;

	list_for_each_entry(vma, &old->mmap, vm_list) {
		copy = kmalloc(sizeof(*copy), GFP_KERNEL);
		if (!copy)
			return -ENOMEM;
		*copy = *vma;
		list_add_tail(&copy->vm_list, &mm->mmap);
	}
	return 0;
}

struct mm_struct *dup_mm(struct mm_struct *old)
{
	struct mm_struct *mm = kmalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	*mm = *old;
	INIT_LIST_HEAD(&mm->mmap);
	mm->mm_users = 1;
	mm->pgd = NULL;
	if (nr_free_pages() >= USER_RESERVE_PAGES + old->total_vm)
		mm->pgd = copy_user_pgd(old->pgd);
	if (!mm->pgd || dup_vmas(mm, old)) {
		free_vmas(mm);
		if (mm->pgd)
			pgd_free(mm->pgd);
		kfree(mm);
		return NULL;
	}
	return mm;
}

void activate_mm(struct mm_struct *mm)
{
	switch_mm(mm->pgd);
}

void activate_kernel_mm(void)
{
	switch_mm(NULL);
}

/* ---- system calls -------------------------------------------------------- */

/*
 * brk(0) asks where the heap ends; brk(x) moves the end. Failure is not an
 * error code: the old end comes back and the C library sees it did not
 * move (Linux does the same).
 */
long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long oldbrk = PAGE_ALIGN(mm->brk), newbrk = PAGE_ALIGN(brk);

	if (brk < mm->start_brk || brk > STACK_TOP - STACK_LIMIT)
		return mm->brk;
	if (newbrk < oldbrk)
		do_munmap(mm, newbrk, oldbrk - newbrk);
	else if (newbrk > oldbrk &&
		 (find_vma_intersection(mm, oldbrk, newbrk + PAGE_SIZE) ||
		  vm_map_anon(mm, oldbrk, newbrk, VM_READ | VM_WRITE)))
		return mm->brk;
	mm->brk = brk;
	return brk;
}

static unsigned long prot_to_vm_flags(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) |
	       (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

/* Where the new area goes: exactly addr (MAP_FIXED*), else the hint if it
 * is free, else the first gap. */
static long mmap_region_start(struct mm_struct *mm, unsigned long addr,
			      unsigned long len, unsigned long flags)
{
	int fixed = flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);

	if (fixed || addr) {
		if ((addr & ~PAGE_MASK) || !range_ok(addr, addr + len))
			return fixed ? -EINVAL : get_unmapped_area(mm, len);
		if (flags & MAP_FIXED)
			return do_munmap(mm, addr, len) ?: (long)addr;
		if (!find_vma_intersection(mm, addr, addr + len))
			return addr;
		if (fixed)
			return -EEXIST;
	}
	return get_unmapped_area(mm, len);
}

/*
 * Anonymous private memory only: MAP_SHARED|MAP_ANONYMOUS is accepted but
 * is private after fork (the pages are copied); file mappings are refused
 * with -ENODEV (Linux maps the page cache).
 */
long sys_mmap_pgoff(unsigned long addr, unsigned long len, unsigned long prot,
		    unsigned long flags, unsigned long fd, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long type = flags & MAP_TYPE;
	long start;
	int err;

	if (!len || (type != MAP_PRIVATE && type != MAP_SHARED))
		return -EINVAL;
	if (PAGE_ALIGN(len) < len || PAGE_ALIGN(len) > TASK_SIZE)
		return -ENOMEM;
	if (!(flags & MAP_ANONYMOUS))
		return -ENODEV;
	len = PAGE_ALIGN(len);
	start = mmap_region_start(mm, addr, len, flags);
	if (start < 0)
		return start;
	err = vm_map_anon(mm, start, start + len, prot_to_vm_flags(prot));
	return err ? err : start;
}

/* __NR_mmap on i386 passes a pointer to the six arguments. */
long sys_old_mmap(unsigned long arg_user)
{
	struct {
		unsigned long addr, len, prot, flags, fd, offset;
	} a;

	if (copy_from_user(&a, (void __user *)arg_user, sizeof(a)))
		return -EFAULT;
	if (a.offset & ~PAGE_MASK)
		return -EINVAL;
	return sys_mmap_pgoff(a.addr, a.len, a.prot, a.flags, a.fd,
			      a.offset >> PAGE_SHIFT);
}

long sys_munmap(unsigned long addr, unsigned long len)
{
	return do_munmap(current->mm, addr, len);
}

/*
 * The page-table interface cannot change a page's protection, so this
 * only checks that the range is mapped (as Linux's -ENOMEM rule says) and
 * records nothing: rxos does not enforce mprotect.
 */
long sys_mprotect(unsigned long start, unsigned long len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long end = start + PAGE_ALIGN(len);

	if ((start & ~PAGE_MASK) || end < start || end > TASK_SIZE)
		return -EINVAL;
	while (start < end) {
		struct vm_area_struct *vma = find_vma(mm, start);

		if (!vma || vma->vm_start > start)
			return -ENOMEM;
		start = vma->vm_end;
	}
	return 0;
}
