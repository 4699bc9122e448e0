/*
 * pgtable.c - the kernel page directory, ioremap() and user page tables
 * (Linux: arch/x86/mm/init_32.c paging_init, ioremap.c, pgtable.c, and the
 * page-table walks of mm/memory.c).
 *
 * paging_init() runs once in setup_arch(), before anything allocates. It
 * builds swapper_pg_dir from scratch:
 *   - low memory at PAGE_OFFSET with 4 MiB pages (_PAGE_PSE; CR4.PSE was
 *     turned on by head.asm), supervisor-only and writable. The first 4 MiB
 *     include the VGA text buffer at 0xB8000, so vga.c keeps working;
 *   - the ioremap region's page tables, preallocated (see the rule in
 *     pgtable.h: kernel pgd entries never change after this function);
 *   - nothing at virtual 0: loading CR3 drops head.asm's identity map, so a
 *     NULL or physical-address dereference now page-faults.
 * The kernel image is mapped writable like the rest; Linux maps its text
 * read-only and non-executable data (mark_rodata_ro, NX with PAE).
 *
 * The user half is per process: pgd_alloc() copies the kernel half and
 * leaves the user half empty; map_user_page() adds 4 KiB pages with U/S set,
 * allocating page tables on demand. Callers are in process context and own
 * the pgd they pass (no lock: one CPU, and nothing in IRQ context touches
 * user page tables).
 */
#include "kernel/mm/pgtable.h"
#include "kernel/errno.h"
#include "kernel/mm/memblock.h"
#include "kernel/mm/mm.h"
#include "kernel/printk.h"
#include "kernel/spinlock.h"
#include "kernel/stacktrace.h"
#include "lib/string.h"

#define IOREMAP_PAGES (IOREMAP_SIZE >> PAGE_SHIFT)
#define IOREMAP_PGTABLES (IOREMAP_SIZE / PGDIR_SIZE)
#define ISA_START_ADDRESS 0xA0000UL
#define ISA_END_ADDRESS 0x100000UL

pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);
void *high_memory;

/* One flat array of PTEs covering the ioremap region; protected by the lock. */
static pte_t ioremap_pte[IOREMAP_PGTABLES][PTRS_PER_PTE] __aligned(PAGE_SIZE);
static DEFINE_SPINLOCK(ioremap_lock);

/* ---- boot ---------------------------------------------------------------- */

static void __init kernel_physical_mapping_init(pgd_t *pgd, unsigned long end_pfn)
{
	for (unsigned long phys = 0; phys < PFN_PHYS(end_pfn); phys += PGDIR_SIZE)
		pgd[pgd_index(PAGE_OFFSET + phys)] = phys | _PAGE_KERNEL_LARGE;
}

static void __init ioremap_pgtable_init(pgd_t *pgd)
{
	for (unsigned long i = 0; i < IOREMAP_PGTABLES; i++)
		pgd[pgd_index(IOREMAP_START) + i] =
			__pa(ioremap_pte[i]) | _KERNPG_TABLE;
}

void __init paging_init(void)
{
	kernel_physical_mapping_init(swapper_pg_dir, max_low_pfn);
	ioremap_pgtable_init(swapper_pg_dir);
	high_memory = __va(PFN_PHYS(max_low_pfn));
	load_cr3(swapper_pg_dir);
	pr_info("paging_init: lowmem 0x%08lx-0x%08lx mapped with 4 MiB pages, identity map dropped\n",
		PAGE_OFFSET, PAGE_OFFSET + ALIGN_UP(PFN_PHYS(max_low_pfn), PGDIR_SIZE) - 1);
}

/* ---- ioremap --------------------------------------------------------------- */

static pte_t *ioremap_ptep(unsigned long idx)
{
	return &ioremap_pte[0][0] + idx;
}

/*
 * First fit: a run of npages free PTEs plus one more for the guard page,
 * which stays unmapped so an overrun faults instead of hitting the next
 * device (Linux's vmalloc areas have the same guard).
 */
static long ioremap_find_area(unsigned long npages)
{
	unsigned long run = 0;

	for (unsigned long i = 0; i < IOREMAP_PAGES; i++) {
		run = *ioremap_ptep(i) ? 0 : run + 1;
		if (run == npages + 1)
			return (long)(i - npages);
	}
	return -1;
}

static void *ioremap_map_area(unsigned long phys, unsigned long npages)
{
	unsigned long flags;
	long idx;

	spin_lock_irqsave(&ioremap_lock, flags);
	idx = ioremap_find_area(npages);
	if (idx >= 0) {
		for (unsigned long i = 0; i < npages; i++)
			*ioremap_ptep(idx + i) =
				(phys + PFN_PHYS(i)) | _PAGE_KERNEL_NOCACHE;
		*ioremap_ptep(idx + npages) = _PAGE_IOREMAP_GUARD;
	}
	spin_unlock_irqrestore(&ioremap_lock, flags);
	if (idx < 0)
		return NULL;
	mod_node_page_state(NR_IOREMAP_PAGES, npages);
	return (void *)(IOREMAP_START + PFN_PHYS(idx));
}

void *ioremap(unsigned long phys, unsigned long size)
{
	unsigned long offset = phys & ~PAGE_MASK, last = phys + size - 1;
	unsigned long npages = PFN_UP(offset + size);
	void *vaddr;

	if (!size || (uint64_t)phys + size > (1ULL << 32)) { /* 32-bit physical */
		pr_err("ioremap: bad range %#lx size %#lx\n", phys, size);
		return NULL;
	}
	if (phys >= ISA_START_ADDRESS && last < ISA_END_ADDRESS)
		return __va(phys);
	if (memblock_overlaps_region(&memblock.memory, phys - offset,
				     PFN_PHYS(npages))) {
		pr_err("ioremap: refusing to map RAM at %#lx\n", phys);
		return NULL;
	}
	vaddr = ioremap_map_area(phys - offset, npages);
	if (!vaddr) {
		pr_err("ioremap: no room for %lu pages at %#lx\n", npages, phys);
		return NULL;
	}
	return (char *)vaddr + offset;
}

static void iounmap_bad(volatile void *addr)
{
	pr_err("BUG: iounmap(%p): not an address ioremap() returned\n",
	       (void *)addr);
	dump_stack();
}

void iounmap(volatile void *addr)
{
	unsigned long va = (unsigned long)addr & PAGE_MASK, idx, n = 0, flags;

	if (va < IOREMAP_START || va >= IOREMAP_END) {
		if (!virt_addr_valid((void *)va)) /* else: the ISA hole, kept */
			iounmap_bad(addr);
		return;
	}
	idx = (va - IOREMAP_START) >> PAGE_SHIFT;
	spin_lock_irqsave(&ioremap_lock, flags);
	if (!(*ioremap_ptep(idx) & _PAGE_PRESENT) ||
	    (idx && (*ioremap_ptep(idx - 1) & _PAGE_PRESENT))) {
		spin_unlock_irqrestore(&ioremap_lock, flags);
		iounmap_bad(addr);
		return;
	}
	for (; *ioremap_ptep(idx) & _PAGE_PRESENT; idx++, n++) {
		*ioremap_ptep(idx) = 0;
		__flush_tlb_one(IOREMAP_START + PFN_PHYS(idx));
	}
	*ioremap_ptep(idx) = 0; /* the guard */
	spin_unlock_irqrestore(&ioremap_lock, flags);
	mod_node_page_state(NR_IOREMAP_PAGES, -(long)n);
}

/* ---- user address spaces ---------------------------------------------------- */

static pte_t *pte_table(pgd_t pde)
{
	return (pte_t *)__va(pde & PAGE_MASK);
}

static bool pgd_is_current(pgd_t *pgd)
{
	return __read_cr3() == (unsigned long)__pa(pgd);
}

/* The PTE for addr, or NULL when there is no page table for it. */
static pte_t *lookup_pte(pgd_t *pgd, unsigned long addr)
{
	pgd_t pde = pgd[pgd_index(addr)];

	return (pde & _PAGE_PRESENT) ? pte_table(pde) + pte_index(addr) : NULL;
}

/* The PTE for addr, allocating its page table; NULL when out of memory. */
static pte_t *pte_alloc(pgd_t *pgd, unsigned long addr)
{
	pgd_t *pde = &pgd[pgd_index(addr)];

	if (!(*pde & _PAGE_PRESENT)) {
		unsigned long table = get_zeroed_page(GFP_KERNEL);

		if (!table)
			return NULL;
		*pde = __pa(table) | _PAGE_TABLE;
		mod_node_page_state(NR_PAGETABLE, 1);
	}
	return pte_table(*pde) + pte_index(addr);
}

pgd_t *pgd_alloc(void)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	if (!pgd)
		return NULL;
	memcpy(pgd + USER_PTRS_PER_PGD, swapper_pg_dir + USER_PTRS_PER_PGD,
	       (PTRS_PER_PGD - USER_PTRS_PER_PGD) * sizeof(pgd_t));
	mod_node_page_state(NR_PAGETABLE, 1);
	return pgd;
}

static void free_pte_table(pgd_t pde)
{
	pte_t *pte = pte_table(pde);

	for (int i = 0; i < PTRS_PER_PTE; i++) {
		if (!(pte[i] & _PAGE_PRESENT))
			continue;
		free_page((unsigned long)__va(pte[i] & PAGE_MASK));
		mod_node_page_state(NR_ANON_MAPPED, -1);
	}
	free_page((unsigned long)pte);
	mod_node_page_state(NR_PAGETABLE, -1);
}

void pgd_free(pgd_t *pgd)
{
	if (!pgd)
		return;
	if (pgd_is_current(pgd)) /* an exiting process frees its own mm */
		load_cr3(swapper_pg_dir);
	for (unsigned long i = 0; i < USER_PTRS_PER_PGD; i++)
		if (pgd[i] & _PAGE_PRESENT)
			free_pte_table(pgd[i]);
	free_page((unsigned long)pgd);
	mod_node_page_state(NR_PAGETABLE, -1);
}

static bool user_addr_ok(unsigned long vaddr)
{
	return vaddr < TASK_SIZE && !(vaddr & ~PAGE_MASK);
}

int map_user_page(pgd_t *pgd, unsigned long vaddr, unsigned long page_kvaddr,
		  int writable)
{
	pte_t *pte;

	if (!user_addr_ok(vaddr) || (page_kvaddr & ~PAGE_MASK) ||
	    !virt_addr_valid((void *)page_kvaddr))
		return -EINVAL;
	pte = pte_alloc(pgd, vaddr);
	if (!pte)
		return -ENOMEM;
	if (*pte & _PAGE_PRESENT)
		return -EEXIST;
	/* not-present -> present needs no TLB flush: misses are not cached */
	*pte = __pa(page_kvaddr) | _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED |
	       (writable ? _PAGE_RW : 0);
	mod_node_page_state(NR_ANON_MAPPED, 1);
	return 0;
}

int unmap_user_page(pgd_t *pgd, unsigned long vaddr)
{
	pte_t *pte;
	unsigned long page;

	if (!user_addr_ok(vaddr))
		return -EINVAL;
	pte = lookup_pte(pgd, vaddr);
	if (!pte || !(*pte & _PAGE_PRESENT))
		return -ENOENT;
	page = (unsigned long)__va(*pte & PAGE_MASK);
	*pte = 0;
	if (pgd_is_current(pgd))
		__flush_tlb_one(vaddr);
	free_page(page);
	mod_node_page_state(NR_ANON_MAPPED, -1);
	return 0;
}

unsigned long user_virt_to_kernel(pgd_t *pgd, unsigned long uaddr, int write)
{
	pte_t *pte;

	if (uaddr >= TASK_SIZE)
		return 0;
	pte = lookup_pte(pgd, uaddr);
	if (!pte || !(*pte & _PAGE_PRESENT) || !(*pte & _PAGE_USER))
		return 0;
	if (write && !(*pte & _PAGE_RW))
		return 0;
	return (unsigned long)__va(*pte & PAGE_MASK) + (uaddr & ~PAGE_MASK);
}

/* fork, eagerly: every user page gets a private copy (Linux: COW). */
static int copy_pte_table(pgd_t *dst, pgd_t pde, unsigned long base)
{
	pte_t *pte = pte_table(pde);

	for (unsigned long i = 0; i < PTRS_PER_PTE; i++) {
		unsigned long copy;

		if (!(pte[i] & _PAGE_PRESENT))
			continue;
		copy = __get_free_page(GFP_KERNEL);
		if (!copy)
			return -ENOMEM;
		memcpy((void *)copy, __va(pte[i] & PAGE_MASK), PAGE_SIZE);
		if (map_user_page(dst, base + PFN_PHYS(i), copy,
				  pte[i] & _PAGE_RW)) {
			free_page(copy);
			return -ENOMEM;
		}
	}
	return 0;
}

pgd_t *copy_user_pgd(pgd_t *src)
{
	pgd_t *dst = pgd_alloc();

	if (!dst)
		return NULL;
	for (unsigned long i = 0; i < USER_PTRS_PER_PGD; i++) {
		if (!(src[i] & _PAGE_PRESENT))
			continue;
		if (copy_pte_table(dst, src[i], i * PGDIR_SIZE)) {
			pgd_free(dst);
			return NULL;
		}
	}
	return dst;
}

void switch_mm(pgd_t *pgd)
{
	load_cr3(pgd ? pgd : swapper_pg_dir);
}
