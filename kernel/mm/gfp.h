/*
 * gfp.h - the page allocator's interface (Linux: include/linux/gfp.h).
 *
 * Physical memory is handed out in blocks of 2^order pages by a buddy
 * allocator (kernel/mm/page_alloc.c). Addresses returned are kernel virtual
 * addresses in the direct map (PAGE_OFFSET + physical); __pa() gives the
 * physical address a device needs for DMA.
 *
 * gfp flags say where the caller is: GFP_KERNEL may sleep (process context
 * only, once there are processes), GFP_ATOMIC never sleeps (IRQ/softirq).
 * Allocation failure returns 0/NULL; callers must handle it (tests check).
 */
#ifndef RXOS_KERNEL_MM_GFP_H
#define RXOS_KERNEL_MM_GFP_H

#include <stdint.h>

typedef unsigned int gfp_t;
#define __GFP_ZERO 0x100u
#define __GFP_NOWARN 0x200u /* failure is expected: no warning */
#define GFP_ATOMIC 0x01u
#define GFP_KERNEL 0x02u
#define GFP_DMA32 0x04u /* rxos: all of low memory qualifies */

#define MAX_ORDER 11 /* blocks of 1..1024 pages (4 KiB..4 MiB) */

unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);
#define __get_free_page(gfp) __get_free_pages((gfp), 0)
#define free_page(addr) free_pages((addr), 0)

/* Counters for /proc/meminfo, in pages. */
unsigned long totalram_pages(void);
unsigned long nr_free_pages(void);

#endif
