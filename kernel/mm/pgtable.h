/*
 * pgtable.h - i386 two-level paging: the kernel's page directory, ioremap(),
 * and user address spaces (Linux: arch/x86/include/asm/pgtable*.h,
 * pgalloc.h, mmu_context.h, io.h).
 *
 * A 32-bit virtual address splits into 10 + 10 + 12 bits:
 *
 *     31        22 21        12 11          0
 *    [ pgd_index ][ pte_index  ][   offset   ]
 *
 * CR3 points at a page directory (1024 pgd_t); an entry either maps 4 MiB
 * directly (_PAGE_PSE, CR4.PSE is on since head.asm) or points at a page
 * table (1024 pte_t) mapping 4 KiB pages.
 *
 * Virtual memory layout (the 3G/1G split of Linux i386):
 *
 *   0x00000000 - 0xBFFFFFFF  user space (TASK_SIZE), 4 KiB pages, U/S set,
 *                            one set of page tables per process
 *   0xC0000000 - 0xEFFFFFFF  lowmem: direct map of RAM, virtual =
 *                            PAGE_OFFSET + physical, 4 MiB pages,
 *                            supervisor-only, writable (at most 768 MiB)
 *   0xF0000000 - 0xF3FFFFFF  ioremap(): device MMIO, uncached, 4 KiB pages
 *   0xF4000000 - 0xFFFFFFFF  unused (Linux: more vmalloc, fixmap, pkmap)
 *
 * THE RULE for the kernel half (pgd entries 768..1023): they are all
 * written by paging_init() and never change afterwards. pgd_alloc() copies
 * them into every process page directory, so a kernel entry added later
 * would be missing from processes that already exist. That is why the page
 * tables of the ioremap region are allocated at boot (static, 64 KiB):
 * ioremap() only fills PTEs in tables all page directories already share.
 * Linux instead syncs new kernel entries lazily (vmalloc_fault, then
 * sync_global_pgds / preallocated PMDs).
 */
#ifndef RXOS_KERNEL_MM_PGTABLE_H
#define RXOS_KERNEL_MM_PGTABLE_H

#include <stdint.h>

#include "kernel/kernel.h"

typedef uint32_t pgd_t; /* Linux wraps these in structs for type checking */
typedef uint32_t pte_t;

#define PTRS_PER_PGD 1024
#define PTRS_PER_PTE 1024
#define PGDIR_SHIFT 22
#define PGDIR_SIZE (1UL << PGDIR_SHIFT) /* 4 MiB */
#define pgd_index(addr) (((unsigned long)(addr) >> PGDIR_SHIFT) & 1023)
#define pte_index(addr) (((unsigned long)(addr) >> PAGE_SHIFT) & 1023)

#define TASK_SIZE PAGE_OFFSET
#define USER_PTRS_PER_PGD (TASK_SIZE / PGDIR_SIZE) /* 768 */

#define IOREMAP_START 0xF0000000UL
#define IOREMAP_SIZE (64UL << 20)
#define IOREMAP_END (IOREMAP_START + IOREMAP_SIZE)
/* Low memory ends where the ioremap region begins: 768 MiB of RAM. */
#define MAXMEM (IOREMAP_START - PAGE_OFFSET)
/* What head.asm maps before paging_init (BOOT_MAPPED_MB). */
#define BOOT_MAPPED_END (16UL << 20)

/* Entry bits (Intel SDM vol. 3, 4.3). */
#define _PAGE_PRESENT 0x001
#define _PAGE_RW 0x002
#define _PAGE_USER 0x004
#define _PAGE_PWT 0x008 /* write-through */
#define _PAGE_PCD 0x010 /* cache disabled: with PWT, uncached (UC) */
#define _PAGE_ACCESSED 0x020
#define _PAGE_DIRTY 0x040
#define _PAGE_PSE 0x080 /* in a pgd entry: maps 4 MiB */
/* Software bit in a not-present PTE: the guard page after an ioremap area. */
#define _PAGE_IOREMAP_GUARD 0x200

#define _PAGE_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define _KERNPG_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED)
#define _PAGE_KERNEL_LARGE \
	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_PSE)
#define _PAGE_KERNEL_NOCACHE                                             \
	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_PCD | \
	 _PAGE_PWT)

/* The kernel's page directory (Linux: swapper_pg_dir / init_mm.pgd). */
extern pgd_t swapper_pg_dir[PTRS_PER_PGD];
/* End of the direct map: __va(max_low_pfn << PAGE_SHIFT). */
extern void *high_memory;

/* Boot: map low memory, prepare the ioremap tables, load CR3. */
void paging_init(void);

/*
 * Map device memory [phys, phys + size) uncached; returns its virtual
 * address (phys's offset in the page kept) or NULL. RAM is refused; the
 * legacy ISA hole (VGA at 0xB8000) is already in the direct map and is
 * returned from there. Any context after paging_init. iounmap() undoes it.
 */
void *ioremap(unsigned long phys, unsigned long size);
void iounmap(volatile void *addr);

/*
 * User address spaces, for the process code (Linux: pgd_alloc, mm/memory.c).
 * Process context; each returns an error instead of corrupting anything.
 * Ownership: a page given to map_user_page() belongs to the address space
 * from then on; unmap_user_page() and pgd_free() free it. (Linux counts
 * references per page so pages can be shared; rxos copies them on fork.)
 */
pgd_t *pgd_alloc(void); /* kernel half copied, user half empty; NULL */
void pgd_free(pgd_t *pgd); /* user pages, their tables, the directory */
/* 0, -EINVAL (bad address), -ENOMEM (no page table), -EEXIST (mapped). */
int map_user_page(pgd_t *pgd, unsigned long vaddr, unsigned long page_kvaddr,
		  int writable);
/* 0 or -EINVAL/-ENOENT; the page is freed and the TLB entry flushed. */
int unmap_user_page(pgd_t *pgd, unsigned long vaddr);
/* Kernel address of the byte at uaddr, or 0 (unmapped, read-only for a
 * write, kernel address). copy_{from,to}_user walk pages with it. */
unsigned long user_virt_to_kernel(pgd_t *pgd, unsigned long uaddr, int write);
/* fork: a new directory with a private copy of every user page; NULL. */
pgd_t *copy_user_pgd(pgd_t *src);
/* Load CR3 with __pa(pgd); NULL means swapper_pg_dir (kernel threads).
 * Linux: switch_mm(prev, next, tsk) on mm_structs. */
void switch_mm(pgd_t *pgd);

/* ---- CR3 and TLB ----------------------------------------------------------- */
#ifdef RXOS_HOST_TEST
extern unsigned long host_test_cr3;
static inline void load_cr3(pgd_t *pgd)
{
	host_test_cr3 = (unsigned long)__pa(pgd);
}
static inline unsigned long __read_cr3(void)
{
	return host_test_cr3;
}
static inline void __flush_tlb_one(unsigned long addr)
{
}
#else
static inline void load_cr3(pgd_t *pgd)
{
	asm volatile("mov %0, %%cr3" : : "r"(__pa(pgd)) : "memory");
}
static inline unsigned long __read_cr3(void)
{
	unsigned long v;

	asm volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}
/* Drop one translation after a present entry changed or went away. */
static inline void __flush_tlb_one(unsigned long addr)
{
	asm volatile("invlpg (%0)" : : "r"(addr) : "memory");
}
#endif

#endif
