/*
 * setup.c - setup_arch(): the memory part of Linux's arch/x86/kernel/setup.c.
 *
 * Called once by start_kernel right after the banner, on the boot stack with
 * interrupts off and only head.asm's 16 MiB mapped. In order:
 *   1. e820__memory_setup()  the loader's memory map -> memblock.memory
 *   2. max_low_pfn           end of RAM we map (at most 768 MiB)
 *   3. paging_init()         swapper_pg_dir: all low memory mapped, the
 *                            identity map gone
 *   4. reservations          memblock.reserved gets everything in use: the
 *                            first MiB (BIOS data, real-mode IVT, VGA hole),
 *                            the kernel image, the multiboot info, command
 *                            line, memory map, module list and modules
 * Invariant: nothing allocates until mem_init() (mm_core_init), so the
 * reservations are complete before the first page is handed out;
 * paging_init() needs no memory because its tables are static.
 *
 * Everything the loader hands us is checked before use: a module that is
 * empty or lies beyond low memory is logged and skipped, never trusted.
 */
#include "kernel/mm/initrd.h"
#include "kernel/mm/memblock.h"
#include "kernel/mm/mm.h"
#include "kernel/mm/pgtable.h"
#include "kernel/multiboot.h"
#include "kernel/printk.h"
#include "lib/string.h"

#define MAX_BOOT_MODULES 16

unsigned long initrd_start, initrd_end;
phys_addr_t phys_initrd_start;
unsigned long phys_initrd_size;

/* Readable through the direct map once paging_init() ran? */
static bool lowmem_ok(uint64_t phys, uint64_t len)
{
	return phys + len >= phys && phys + len <= PFN_PHYS(max_low_pfn);
}

static void __init reserve_range(uint64_t phys, uint64_t len, const char *what)
{
	if (!lowmem_ok(phys, len)) {
		pr_err("setup: %s [mem 0x%08llx-0x%08llx] is outside low memory\n",
		       what, phys, phys + len - 1);
		return;
	}
	pr_debug("setup: reserve %s [mem 0x%08llx-0x%08llx]\n", what, phys,
		 phys + len - 1);
	memblock_reserve((phys_addr_t)phys, (phys_addr_t)len);
}

static void __init early_reserve_memory(void)
{
	reserve_range(0, 0x100000, "first 1 MiB");
	reserve_range(__pa(_text), _end - _text, "kernel image");
}

/* The loader's strings: bounded, and only where we can read them. */
static const char *boot_string(uint32_t phys)
{
	if (!phys || !lowmem_ok(phys, 1))
		return "";
	return __va(phys);
}

static void __init reserve_multiboot(const struct multiboot_info *mbi)
{
	reserve_range(__pa(mbi), sizeof(*mbi), "multiboot info");
	if ((mbi->flags & MULTIBOOT_INFO_CMDLINE) && lowmem_ok(mbi->cmdline, 1))
		reserve_range(mbi->cmdline,
			      strnlen(boot_string(mbi->cmdline), PAGE_SIZE) + 1,
			      "command line");
	if (mbi->flags & MULTIBOOT_INFO_MEM_MAP)
		reserve_range(mbi->mmap_addr, mbi->mmap_length, "memory map");
	if (mbi->flags & MULTIBOOT_INFO_MODS)
		reserve_range(mbi->mods_addr,
			      (uint64_t)mbi->mods_count * sizeof(struct multiboot_mod),
			      "module list");
}

/* Reserve one module; the first usable one becomes the initrd. */
static void __init reserve_module(unsigned int i, const struct multiboot_mod *mod)
{
	const char *name = boot_string(mod->string);
	uint32_t start = mod->mod_start, end = mod->mod_end;

	if (end <= start || !lowmem_ok(start, end - start)) {
		pr_err("multiboot: module %u [mem 0x%08x-0x%08x] \"%.64s\" is empty or beyond low memory, ignored\n",
		       i, start, end - 1, name);
		return;
	}
	reserve_range(start, end - start, "module");
	if (initrd_start) {
		pr_info("multiboot: module %u \"%.64s\" kept reserved, unused\n", i, name);
		return;
	}
	phys_initrd_start = start;
	phys_initrd_size = end - start;
	initrd_start = (unsigned long)__va(start);
	initrd_end = (unsigned long)__va(end);
	pr_info("RAMDISK: [mem 0x%08x-0x%08x] \"%.64s\"\n", start, end - 1, name);
}

static const struct multiboot_mod *__init boot_modules(const struct multiboot_info *mbi,
					       unsigned int *count)
{
	uint64_t bytes;

	*count = 0;
	if (!mbi || !(mbi->flags & MULTIBOOT_INFO_MODS) || !mbi->mods_count)
		return NULL;
	bytes = (uint64_t)mbi->mods_count * sizeof(struct multiboot_mod);
	if (!lowmem_ok(mbi->mods_addr, bytes)) {
		pr_err("multiboot: module list at %#x is unreadable, ignored\n",
		       mbi->mods_addr);
		return NULL;
	}
	*count = min(mbi->mods_count, (uint32_t)MAX_BOOT_MODULES);
	if (*count < mbi->mods_count)
		pr_warn("multiboot: %u modules, only the first %u are looked at\n",
			mbi->mods_count, *count);
	return __va(mbi->mods_addr);
}

/* Linux: reserve_initrd(). */
static void __init reserve_initrd(const struct multiboot_info *mbi)
{
	unsigned int count;
	const struct multiboot_mod *mods = boot_modules(mbi, &count);

	for (unsigned int i = 0; i < count; i++)
		reserve_module(i, &mods[i]);
	if (!initrd_start)
		pr_notice("initrd: no initramfs module from the boot loader, continuing without one\n");
}

void __init setup_arch(void)
{
	const struct multiboot_info *mbi;

	e820__memory_setup(boot_mbi);
	max_low_pfn = PFN_DOWN(memblock_end_of_DRAM());
	if (max_low_pfn < PFN_UP(__pa(_end)))
		panic("memory map lists %luK of RAM, less than the kernel image needs",
		      max_low_pfn << (PAGE_SHIFT - 10));
	pr_info("%luMB LOWMEM available.\n", max_low_pfn >> (20 - PAGE_SHIFT));
	paging_init();
	early_reserve_memory();
	mbi = boot_mbi && lowmem_ok(__pa(boot_mbi), sizeof(*mbi)) ? boot_mbi : NULL;
	if (mbi)
		reserve_multiboot(mbi);
	reserve_initrd(mbi);
}
