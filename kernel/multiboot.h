/*
 * multiboot.h - the information GRUB (or QEMU -kernel) hands to head.asm.
 *
 * Layout from the Multiboot 0.6.96 specification, section 3.3. All addresses
 * in it are physical; use __va() to read them after paging is on.
 */
#ifndef RXOS_KERNEL_MULTIBOOT_H
#define RXOS_KERNEL_MULTIBOOT_H

#include <stdint.h>

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002

#define MULTIBOOT_INFO_MEMORY (1u << 0)
#define MULTIBOOT_INFO_CMDLINE (1u << 2)
#define MULTIBOOT_INFO_MODS (1u << 3)
#define MULTIBOOT_INFO_MEM_MAP (1u << 6)

struct multiboot_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper; /* KiB below 1 MiB, KiB above 1 MiB */
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
	uint32_t drives_length, drives_addr;
	uint32_t config_table;
	uint32_t boot_loader_name;
} __attribute__((packed));

struct multiboot_mod {
	uint32_t mod_start, mod_end;
	uint32_t string;
	uint32_t reserved;
} __attribute__((packed));

#define MULTIBOOT_MEMORY_AVAILABLE 1

/* `size` does not count itself: the next entry is at +size+4. */
struct multiboot_mmap_entry {
	uint32_t size;
	uint64_t addr, len;
	uint32_t type;
} __attribute__((packed));

/* Saved by start_kernel for the subsystems that need it later. */
extern struct multiboot_info *boot_mbi;

#endif
