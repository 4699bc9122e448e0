/*
 * desc.h - segment descriptors, gates and the TSS (Linux:
 * arch/x86/include/asm/desc.h, desc_defs.h, processor.h).
 *
 * The GDT (gdt.c) says what each segment selector means; the IDT (idt.c)
 * says which entry point the CPU jumps to for each of the 256 vectors; the
 * TSS tells the CPU which stack (ss0:esp0) to switch to when an interrupt or
 * int 0x80 arrives while it runs ring 3 code.
 *
 * Vectors:  0x00-0x1f  CPU exceptions (traps.c)
 *           0x20-0x2f  IRQ 0-15 from the two 8259 PICs (irq.c)
 *           0x80       int $0x80 system call, callable from ring 3
 */
#ifndef RXOS_KERNEL_DESC_H
#define RXOS_KERNEL_DESC_H

#include "kernel/kernel.h"
#include "kernel/segment.h"

#define NR_VECTORS 256
#define NR_EXCEPTION_VECTORS 32
#define FIRST_EXTERNAL_VECTOR 0x20 /* IRQ 0; the PIC is remapped here */
#define IA32_SYSCALL_VECTOR 0x80

/* An 8-byte GDT entry, field by field as the Intel SDM (vol. 3, 3.4.5) draws it. */
struct desc_struct {
	uint16_t limit0;
	uint16_t base0;
	uint16_t base1 : 8, type : 4, s : 1, dpl : 2, p : 1;
	uint16_t limit1 : 4, avl : 1, l : 1, d : 1, g : 1, base2 : 8;
} __packed;

/* An 8-byte IDT entry: where to jump (segment:offset) and who may `int` it. */
struct gate_struct {
	uint16_t offset_low;
	uint16_t segment;
	uint8_t reserved;
	uint8_t type : 4, zero : 1, dpl : 2, p : 1;
	uint16_t offset_high;
} __packed;

#define GATE_INTERRUPT 0xE /* 32-bit interrupt gate: CPU clears IF */
#define GATE_TRAP 0xF	   /* 32-bit trap gate: IF unchanged */

/* The operand of lgdt/lidt. */
struct desc_ptr {
	uint16_t size; /* bytes - 1 */
	uint32_t address;
} __packed;

/*
 * The 32-bit hardware TSS (Intel SDM vol. 3, 7.2.1). rxos switches tasks in
 * software, as Linux does, so only sp0/ss0 (the ring 0 stack for entries
 * from ring 3) and io_bitmap_base matter; the rest is what a hardware task
 * switch would save.
 */
struct x86_hw_tss {
	uint16_t back_link, __blh;
	uint32_t sp0;
	uint16_t ss0, __ss0h;
	uint32_t sp1;
	uint16_t ss1, __ss1h;
	uint32_t sp2;
	uint16_t ss2, __ss2h;
	uint32_t __cr3, ip, flags;
	uint32_t ax, cx, dx, bx, sp, bp, si, di;
	uint16_t es, __esh, cs, __csh, ss, __ssh, ds, __dsh;
	uint16_t fs, __fsh, gs, __gsh, ldt, __ldth;
	uint16_t trace;
	uint16_t io_bitmap_base; /* past the limit: no I/O ports for ring 3 */
} __packed;

extern struct desc_struct gdt_table[GDT_ENTRIES];
extern struct x86_hw_tss cpu_tss;

/* gdt.c: load the GDT, reload every segment register, load TR. Boot, once. */
void cpu_init(void);
/*
 * Stack the CPU switches to on an interrupt/exception/int 0x80 from ring 3
 * (TSS.esp0). The scheduler calls it at every switch to a user task with the
 * top of that task's kernel stack. Any context, interrupts off.
 */
void tss_set_kernel_stack(unsigned long esp0);

/* idt.c: fill and load the IDT (exceptions, IRQs, int 0x80). Boot, once. */
void idt_setup(void);

#endif
