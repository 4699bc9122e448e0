/*
 * initrd.h - where the boot loader left the initramfs (Linux:
 * include/linux/initrd.h).
 *
 * setup_arch() takes the first multiboot module as the initramfs (GRUB:
 * `module /boot/initramfs.cpio`, QEMU: -initrd), reserves its pages and sets
 * [initrd_start, initrd_end) to its direct-map address. Both are 0 when the
 * loader gave no usable module (logged; boot continues). The VFS unpacks the
 * cpio archive from there, then calls free_initrd_mem() so its pages join
 * the free memory ("Freeing initrd memory: NK").
 */
#ifndef RXOS_KERNEL_MM_INITRD_H
#define RXOS_KERNEL_MM_INITRD_H

#include "kernel/mm/memblock.h"

extern unsigned long initrd_start, initrd_end; /* virtual; 0: none */
extern phys_addr_t phys_initrd_start;
extern unsigned long phys_initrd_size;

/* Process context, after mm_core_init(). Zeroes initrd_start/initrd_end;
 * a second call does nothing. Linux: free_initrd_mem(start, end). */
void free_initrd_mem(void);

#endif
