/*
 * idt.c - the Interrupt Descriptor Table (Linux: arch/x86/kernel/idt.c).
 *
 * One gate per vector tells the CPU where to jump and who may use the vector
 * with an `int n` instruction. Called once at boot (trap_init), interrupts
 * off; the table never changes afterwards.
 *
 *   vector     entry (entry.asm)           gate       DPL
 *   0-31       asm_exc_* (exceptions)       interrupt  0 (3 for int3, into)
 *   0x20-0x2f  irq_entry_N (IRQ 0-15)       interrupt  0
 *   0x80       entry_INT80_32 (syscall)     trap       3
 *   others     not present: `int n` gives #GP
 *
 * Interrupt gates clear IF, so a handler starts with interrupts off and no
 * IRQ can arrive before it has saved the registers. The syscall gate is a
 * trap gate as in Linux 2.6 (today Linux uses an interrupt gate and turns
 * interrupts back on in C): system calls run with interrupts enabled.
 * DPL 3 lets ring 3 execute `int $0x80` (and int3/into, as debuggers and
 * Linux expect); from any other gate ring 3 gets #GP instead.
 */
#include "kernel/desc.h"
#include "kernel/traps.h"

static struct gate_struct idt_table[NR_VECTORS] __aligned(8);

/* entry.asm */
extern const unsigned long exception_entries[NR_EXCEPTION_VECTORS];
extern const unsigned long irq_entries[16];
extern char entry_INT80_32[];

static void set_gate(unsigned int vector, unsigned long addr,
		     unsigned int type, unsigned int dpl)
{
	struct gate_struct *g = &idt_table[vector];

	g->offset_low = addr & 0xFFFF;
	g->offset_high = addr >> 16;
	g->segment = __KERNEL_CS;
	g->reserved = 0;
	g->type = type;
	g->zero = 0;
	g->dpl = dpl;
	g->p = 1;
}

static void idt_setup_traps(void)
{
	for (unsigned int v = 0; v < NR_EXCEPTION_VECTORS; v++) {
		int user_ok = v == X86_TRAP_BP || v == X86_TRAP_OF;

		set_gate(v, exception_entries[v], GATE_INTERRUPT, user_ok ? 3 : 0);
	}
	set_gate(IA32_SYSCALL_VECTOR, (unsigned long)entry_INT80_32, GATE_TRAP, 3);
}

static void idt_setup_irq_gates(void)
{
	for (unsigned int irq = 0; irq < 16; irq++)
		set_gate(FIRST_EXTERNAL_VECTOR + irq, irq_entries[irq],
			 GATE_INTERRUPT, 0);
}

static void load_idt(void)
{
	struct desc_ptr idt_descr = {
		.size = sizeof(idt_table) - 1,
		.address = (uint32_t)idt_table,
	};

	asm volatile("lidt %0" : : "m"(idt_descr));
}

void idt_setup(void)
{
	idt_setup_traps();
	idt_setup_irq_gates();
	load_idt();
}
