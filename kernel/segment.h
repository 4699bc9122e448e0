/*
 * segment.h - the GDT layout and segment selectors (Linux:
 * arch/x86/include/asm/segment.h, 32-bit part).
 *
 * rxos uses Linux i386's own GDT slots, so the selector values a student
 * sees in gdb (`info registers`: cs 0x60, user cs 0x73) are the ones a
 * 32-bit Linux shows:
 *
 *   entry  selector  use
 *     0      0x00    null descriptor (the CPU requires it)
 *    6-8   0x33-0x43 TLS slots for set_thread_area() (empty until then)
 *    12      0x60    __KERNEL_CS  ring 0 code, flat 4 GiB
 *    13      0x68    __KERNEL_DS  ring 0 data/stack, flat 4 GiB
 *    14      0x73    __USER_CS    ring 3 code, flat 4 GiB
 *    15      0x7b    __USER_DS    ring 3 data/stack, flat 4 GiB
 *    16      0x80    GDT_ENTRY_TSS: the task state segment (esp0/ss0)
 *
 * A selector is (entry << 3) | RPL; the low two bits are the privilege the
 * selector is used with, so user selectors end in 3. Segmentation is flat:
 * protection comes from paging (U/S bit) and the privilege level.
 * Linux also fills slots for the LDT, PnP/APM BIOS calls, ESPFIX, the
 * per-CPU segment (fs in the kernel) and the stack canary (gs); rxos leaves
 * them empty. entry.asm hard-codes __KERNEL_DS: keep the two in step.
 */
#ifndef RXOS_KERNEL_SEGMENT_H
#define RXOS_KERNEL_SEGMENT_H

#define GDT_ENTRY_TLS_MIN 6
#define GDT_ENTRY_TLS_ENTRIES 3
#define GDT_ENTRY_KERNEL_CS 12
#define GDT_ENTRY_KERNEL_DS 13
#define GDT_ENTRY_DEFAULT_USER_CS 14
#define GDT_ENTRY_DEFAULT_USER_DS 15
#define GDT_ENTRY_TSS 16
#define GDT_ENTRIES 32

#define __KERNEL_CS (GDT_ENTRY_KERNEL_CS * 8)		 /* 0x60 */
#define __KERNEL_DS (GDT_ENTRY_KERNEL_DS * 8)		 /* 0x68 */
#define __USER_CS (GDT_ENTRY_DEFAULT_USER_CS * 8 + 3) /* 0x73 */
#define __USER_DS (GDT_ENTRY_DEFAULT_USER_DS * 8 + 3) /* 0x7b */
#define GDT_TSS_SELECTOR (GDT_ENTRY_TSS * 8)		 /* 0x80 */

#define SEGMENT_RPL_MASK 0x3
#define USER_RPL 0x3

#endif
