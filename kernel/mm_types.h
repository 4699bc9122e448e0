/*
 * mm_types.h - a process's address space: mm_struct and its areas
 * (Linux: include/linux/mm_types.h, mm/mmap.c, mm/mmap_lock...).
 *
 * The page tables (kernel/mm/pgtable.h) say which user pages exist; the
 * mm_struct says what the process asked for: a sorted list of areas
 * (vm_area_struct) - the program's segments, the heap that brk() moves, the
 * stack, the mmap() regions - plus the boundaries /proc and brk need.
 *
 * rxos maps pages eagerly: mmap(), brk() and execve() allocate and zero
 * every page of an area at once, and fork copies them all
 * (copy_user_pgd). So a user access outside the areas is always a SIGSEGV,
 * and running out of memory is an -ENOMEM from the system call, never a
 * fault later. The only area that grows on a fault is the stack
 * (VM_GROWSDOWN), up to STACK_LIMIT. Linux instead fills pages on first
 * touch (do_anonymous_page) and shares them copy-on-write after fork.
 *
 * Locking: an mm is only changed by its one task, in process context.
 */
#ifndef RXOS_KERNEL_MM_TYPES_H
#define RXOS_KERNEL_MM_TYPES_H

#include "kernel/kernel.h"
#include "kernel/list.h"
#include "kernel/mm/mm.h"
#include "kernel/mm/pgtable.h"

#define VM_READ 0x00000001u
#define VM_WRITE 0x00000002u
#define VM_EXEC 0x00000004u
#define VM_GROWSDOWN 0x00000100u

/* Layout of a process (Linux i386's legacy bottom-up layout). */
#define STACK_TOP TASK_SIZE
#define STACK_INIT_SIZE (128 * 1024)	     /* mapped at execve */
#define STACK_LIMIT (8UL * 1024 * 1024) /* RLIMIT_STACK's default */
#define TASK_UNMAPPED_BASE (TASK_SIZE / 3) /* first mmap() address */
#define MMAP_MIN_ADDR PAGE_SIZE /* page 0 stays unmapped: NULL faults */

/* Pages a user allocation may not take: the kernel must keep working when a
 * process eats all memory (Linux: the min_free_kbytes watermark). */
#define USER_RESERVE_PAGES 512

struct vm_area_struct {
	unsigned long vm_start, vm_end; /* [start, end), page aligned */
	unsigned long vm_flags;	/* VM_* */
	struct list_head vm_list;	/* mm->mmap, sorted by address */
};

struct mm_struct {
	pgd_t *pgd;
	struct list_head mmap; /* areas, lowest first */
	int map_count;
	int mm_users;	       /* tasks using it (rxos: always 1) */
	unsigned long total_vm; /* pages in all areas */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk; /* heap: [start_brk, brk) */
	unsigned long start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
};

#define PAGE_ALIGN(x) ALIGN_UP((unsigned long)(x), PAGE_SIZE)

/* mmap.c ---------------------------------------------------------------- */
struct mm_struct *mm_alloc(void);
/* Drop a user; the last one frees every page and the page tables. */
void mmput(struct mm_struct *mm);
/* fork: a copy of every area and page; NULL when out of memory. */
struct mm_struct *dup_mm(struct mm_struct *old);

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end);
/* Add [start, end) as a new area, pages allocated and zeroed.
 * 0, -ENOMEM, -EEXIST (overlaps an area), -EINVAL. */
int vm_map_anon(struct mm_struct *mm, unsigned long start, unsigned long end,
		unsigned long vm_flags);
/* Record an area the caller mapped itself (execve); 0, -EINVAL, -ENOMEM. */
int insert_vm_area(struct mm_struct *mm, unsigned long start, unsigned long end,
		   unsigned long vm_flags);
/* Remove [start, start + len) from every area it touches, freeing pages. */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
/* Grow the stack area down to cover addr; 0 or -EFAULT/-ENOMEM. */
int expand_stack(struct mm_struct *mm, unsigned long addr);
/* A zeroed page for user memory, or 0 below the reserve. */
unsigned long alloc_user_page(void);

long sys_brk(unsigned long brk);
long sys_mmap_pgoff(unsigned long addr, unsigned long len, unsigned long prot,
		    unsigned long flags, unsigned long fd, unsigned long pgoff);
long sys_old_mmap(unsigned long arg_user);
long sys_munmap(unsigned long addr, unsigned long len);
long sys_mprotect(unsigned long start, unsigned long len, unsigned long prot);

#endif
