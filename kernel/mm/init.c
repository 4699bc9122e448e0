/*
 * init.c - bringing up the allocators: mm_core_init(), mem_init() and the
 * release of boot memory (Linux: mm/mm_init.c, arch/x86/mm/init_32.c,
 * init/initramfs.c free_initrd).
 *
 * start_kernel calls mm_core_init() once, after setup_arch() and the command
 * line, before anything allocates; interrupts are still off. mem_init()
 * places mem_map (one struct page per low-memory page frame) with memblock,
 * then memblock_free_all() gives every free page to the buddy allocator.
 * From then on memblock is read-only history and alloc_pages()/kmalloc()
 * are the only allocators.
 */
#include "kernel/mm/initrd.h"
#include "kernel/mm/memblock.h"
#include "kernel/mm/mm.h"
#include "kernel/mm/pgtable.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"

#define K(pages) ((pages) << (PAGE_SHIFT - 10))

static unsigned long size_kb(const char *start, const char *end)
{
	return (unsigned long)(end - start) >> 10;
}

static void __init print_layout_line(const char *name, unsigned long start,
			      unsigned long end, bool mb)
{
	pr_info("    %-7s : 0x%08lx - 0x%08lx   (%4lu %s)\n", name, start, end,
		mb ? (end - start) >> 20 : (end - start) >> 10, mb ? "MB" : "kB");
}

/* Linux printed this map on 32-bit until 4.x; students want to see it. */
static void __init print_virtual_layout(void)
{
	pr_info("virtual kernel memory layout:\n");
	print_layout_line("ioremap", IOREMAP_START, IOREMAP_END, true);
	print_layout_line("lowmem", PAGE_OFFSET, (unsigned long)high_memory, true);
	print_layout_line("  .bss", (unsigned long)__bss_start,
			  (unsigned long)__bss_stop, false);
	print_layout_line("  .data", (unsigned long)_etext,
			  (unsigned long)__bss_start, false);
	print_layout_line("  .text", (unsigned long)_text,
			  (unsigned long)_etext, false);
}

static void __init mem_init_print_info(void)
{
	unsigned long physpages = memblock_physpages();

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK data, %luK bss, %luK reserved, 0K highmem)\n",
		K(nr_free_pages()), K(physpages), size_kb(_text, _etext),
		size_kb(_etext, __bss_start), size_kb(__bss_start, __bss_stop),
		K(physpages - nr_free_pages()));
	print_virtual_layout();
}

void __init mem_init(void)
{
	unsigned long bytes = max_low_pfn * sizeof(struct page);
	struct page *map = memblock_alloc(bytes, PAGE_SIZE);

	if (!map)
		panic("mem_init: no room for mem_map (%lu bytes)", bytes);
	free_area_init(map, max_low_pfn);
	memblock_free_all();
	mem_init_print_info();
}

void __init mm_core_init(void)
{
	mem_init();
	kmem_cache_init();
}

void free_initrd_mem(void)
{
	if (!initrd_start)
		return;
	if (!totalram_pages()) {
		pr_err("free_initrd_mem: called before mem_init, initrd kept\n");
		return;
	}
	free_reserved_area((void *)initrd_start, (void *)initrd_end, "initrd");
	initrd_start = initrd_end = 0;
}
