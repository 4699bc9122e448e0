/*
 * e820.c - the firmware's memory map, as the boot loader passed it, into
 * memblock.memory (Linux: arch/x86/kernel/e820.c).
 *
 * The PC BIOS describes RAM with INT 15h/E820 ranges (usable, reserved,
 * ACPI, ...); GRUB and QEMU copy them into the multiboot info's mmap.
 * e820__memory_setup() prints them as Linux does ("BIOS-provided physical
 * RAM map:") and adds the usable ones to memblock, clipped to the 768 MiB
 * rxos can map (no HIGHMEM). Older loaders only give mem_lower/mem_upper
 * (the BIOS e801 call); that is the fallback.
 *
 * Called once from setup_arch() before paging_init(), so only the 16 MiB
 * head.asm mapped are readable: the map must lie there (it always does with
 * GRUB and QEMU; otherwise we say so and fall back). Linux also sanitizes
 * overlapping entries (e820__update_table); rxos trusts the loader's order
 * and only adds usable ranges, so an overlap can only lose memory.
 */
#include "kernel/mm/memblock.h"
#include "kernel/mm/mm.h"
#include "kernel/mm/pgtable.h"
#include "kernel/multiboot.h"
#include "kernel/printk.h"

#define E820_TYPE_RAM 1

static uint64_t e820_ignored; /* usable bytes above MAXMEM */

static const char *e820_type_to_string(uint32_t type)
{
	switch (type) {
	case 1: return "usable";
	case 2: return "reserved";
	case 3: return "ACPI data";
	case 4: return "ACPI NVS";
	case 5: return "unusable";
	default: return "type unknown";
	}
}

static void __init e820_print_range(const char *who, uint64_t addr, uint64_t len,
			     uint32_t type)
{
	pr_info("%s: [mem 0x%016llx-0x%016llx] %s\n", who, addr, addr + len - 1,
		e820_type_to_string(type));
}

static void __init e820_add_usable(uint64_t addr, uint64_t len)
{
	uint64_t end = addr + len;

	if (end > MAXMEM) {
		e820_ignored += end - max(addr, (uint64_t)MAXMEM);
		end = MAXMEM;
	}
	if (addr < end)
		memblock_add((phys_addr_t)addr, (phys_addr_t)(end - addr));
}

/* Is [phys, phys + len) inside what head.asm mapped? */
static bool boot_mapped(uint64_t phys, uint64_t len)
{
	return phys + len >= phys && phys + len <= BOOT_MAPPED_END;
}

static bool __init e820_from_mmap(const struct multiboot_info *mbi)
{
	const char *p, *end;
	bool any = false;

	if (!(mbi->flags & MULTIBOOT_INFO_MEM_MAP))
		return false;
	if (!boot_mapped(mbi->mmap_addr, mbi->mmap_length)) {
		pr_err("e820: memory map at %#x is outside the boot mapping, ignored\n",
		       mbi->mmap_addr);
		return false;
	}
	p = __va(mbi->mmap_addr);
	end = p + mbi->mmap_length;
	pr_info("BIOS-provided physical RAM map:\n");
	for (; p + 4 <= end; p += ((const struct multiboot_mmap_entry *)p)->size + 4) {
		const struct multiboot_mmap_entry *e = (const void *)p;

		if (e->size < 20 || p + 4 + e->size > end) {
			pr_err("e820: malformed map entry (size %u), rest ignored\n", e->size);
			break;
		}
		if (!e->len)
			continue;
		e820_print_range("BIOS-e820", e->addr, e->len, e->type);
		if (e->type == E820_TYPE_RAM)
			e820_add_usable(e->addr, e->len);
		any = true;
	}
	return any;
}

/* mem_lower: KiB from 0 (at most 640); mem_upper: KiB from 1 MiB. */
static bool __init e820_from_e801(const struct multiboot_info *mbi)
{
	uint64_t lower = (uint64_t)mbi->mem_lower << 10;
	uint64_t upper = (uint64_t)mbi->mem_upper << 10;

	if (!(mbi->flags & MULTIBOOT_INFO_MEMORY))
		return false;
	pr_info("BIOS-provided physical RAM map (mem_lower/mem_upper only):\n");
	e820_print_range("BIOS-e801", 0, lower, E820_TYPE_RAM);
	e820_print_range("BIOS-e801", 0x100000, upper, E820_TYPE_RAM);
	e820_add_usable(0, min(lower, (uint64_t)0xA0000));
	e820_add_usable(0x100000, upper);
	return true;
}

void __init e820__memory_setup(const struct multiboot_info *mbi)
{
	bool ok = mbi && boot_mapped(__pa(mbi), sizeof(*mbi));

	if (!(ok && (e820_from_mmap(mbi) || e820_from_e801(mbi)))) {
		/* head.asm already relies on 16 MiB existing; assume no more */
		pr_err("e820: no memory map from the boot loader, assuming 640K + 15M\n");
		e820_add_usable(0, 0xA0000);
		e820_add_usable(0x100000, BOOT_MAPPED_END - 0x100000);
	}
	if (e820_ignored)
		pr_warn("Warning: only %luMB will be used, %lluMB above it ignored (rxos has no HIGHMEM)\n",
			MAXMEM >> 20, e820_ignored >> 20);
}
