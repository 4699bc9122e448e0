/*
 * gdt.c - the Global Descriptor Table and the TSS (Linux:
 * arch/x86/kernel/cpu/common.c: cpu_init(), switch_to_new_gdt(); the table
 * itself is gdt_page there).
 *
 * The loader (GRUB or QEMU) left its own GDT in memory we do not own, with
 * selectors of its choosing. cpu_init() runs first thing in start_kernel,
 * interrupts off, and replaces it with ours: flat ring 0 and ring 3
 * code/data segments at Linux i386's slots (see segment.h) and a TSS whose
 * ss0:esp0 is the stack the CPU switches to when ring 3 is interrupted.
 *
 * Invariants: every code/data descriptor is created "accessed", so the CPU
 * never writes to the GDT; TR is loaded exactly once (ltr marks the TSS
 * descriptor busy, and loading a busy TSS faults).
 */
#include "kernel/desc.h"
#include "kernel/printk.h"

/* Descriptor types (S=1: code/data; S=0: system). */
#define DESC_CODE_XR_A 0xB /* code: execute/read, accessed */
#define DESC_DATA_RW_A 0x3 /* data: read/write, accessed */
#define DESC_TSS32_AVAIL 0x9

struct desc_struct gdt_table[GDT_ENTRIES] __aligned(8);
struct x86_hw_tss cpu_tss __aligned(16);

extern char boot_stack_top[]; /* head.asm: the boot (later: idle) stack */

static struct desc_struct make_desc(uint32_t base, uint32_t limit,
				    unsigned int type, unsigned int s,
				    unsigned int dpl)
{
	struct desc_struct d = {
		.limit0 = limit & 0xFFFF,
		.limit1 = (limit >> 16) & 0xF,
		.base0 = base & 0xFFFF,
		.base1 = (base >> 16) & 0xFF,
		.base2 = base >> 24,
		.type = type,
		.s = s,
		.dpl = dpl,
		.p = 1,
	};
	return d;
}

/* Base 0, 0xFFFFF pages of 4 KiB: the whole 4 GiB, 32-bit operands. */
static struct desc_struct flat_segment(unsigned int type, unsigned int dpl)
{
	struct desc_struct d = make_desc(0, 0xFFFFF, type, 1, dpl);

	d.g = 1;
	d.d = 1;
	return d;
}

static void setup_gdt_entries(void)
{
	gdt_table[GDT_ENTRY_KERNEL_CS] = flat_segment(DESC_CODE_XR_A, 0);
	gdt_table[GDT_ENTRY_KERNEL_DS] = flat_segment(DESC_DATA_RW_A, 0);
	gdt_table[GDT_ENTRY_DEFAULT_USER_CS] = flat_segment(DESC_CODE_XR_A, 3);
	gdt_table[GDT_ENTRY_DEFAULT_USER_DS] = flat_segment(DESC_DATA_RW_A, 3);
	gdt_table[GDT_ENTRY_TSS] = make_desc((uint32_t)&cpu_tss,
					     sizeof(cpu_tss) - 1,
					     DESC_TSS32_AVAIL, 0, 0);
}

/*
 * lgdt only tells the CPU where the table is; each segment register keeps
 * its cached descriptor until reloaded. CS can only be reloaded by a far
 * jump. fs/gs get the null selector: the kernel does not use them (Linux
 * keeps per-CPU data in fs), and user space loads its own TLS selector.
 */
static void switch_to_new_gdt(void)
{
	struct desc_ptr gdt_descr = {
		.size = sizeof(gdt_table) - 1,
		.address = (uint32_t)gdt_table,
	};

	asm volatile("lgdt %0" : : "m"(gdt_descr));
	asm volatile("ljmp %0, $1f\n1:" : : "i"(__KERNEL_CS));
	asm volatile("movw %w0, %%ds\n\t"
		     "movw %w0, %%es\n\t"
		     "movw %w0, %%ss" : : "r"(__KERNEL_DS));
	asm volatile("movw %w0, %%fs\n\t"
		     "movw %w0, %%gs" : : "r"(0));
}

/* Linux: load_TR_desc(). No I/O bitmap: ring 3 in/out faults (IOPL 0). */
static void load_TR_desc(void)
{
	cpu_tss.ss0 = __KERNEL_DS;
	cpu_tss.sp0 = (uint32_t)boot_stack_top;
	cpu_tss.io_bitmap_base = sizeof(cpu_tss);
	asm volatile("ltr %w0" : : "r"(GDT_TSS_SELECTOR));
}

void cpu_init(void)
{
	setup_gdt_entries();
	switch_to_new_gdt();
	load_TR_desc();
	pr_info("GDT loaded: kernel CS 0x%02x DS 0x%02x, user CS 0x%02x DS 0x%02x, TSS 0x%02x (esp0 %08x)\n",
		__KERNEL_CS, __KERNEL_DS, __USER_CS, __USER_DS,
		GDT_TSS_SELECTOR, (unsigned int)cpu_tss.sp0);
}

/* Linux: update_task_stack() / load_sp0(). */
void tss_set_kernel_stack(unsigned long esp0)
{
	cpu_tss.sp0 = esp0;
}
