/*
 * irq.h - IRQ descriptors and the hardware-interrupt entry (Linux:
 * include/linux/irqdesc.h, irq.h, include/asm-generic/irq_regs.h).
 *
 * One irq_desc per 8259 line holds the handlers registered with
 * request_irq() and the counters /proc/interrupts shows. Drivers use the
 * API in interrupt.h; this header is for the interrupt core, the timer code
 * and tests.
 *
 * Protection: descriptors change only with interrupts off (request_irq and
 * friends use local_irq_save), and do_IRQ runs with interrupts off, so on
 * one CPU a handler list is never seen half-updated. Linux has a per-
 * descriptor raw spinlock and synchronize_irq() for the same reason on SMP.
 */
#ifndef RXOS_KERNEL_IRQ_H
#define RXOS_KERNEL_IRQ_H

#include "kernel/interrupt.h"
#include "kernel/ptrace.h"

struct irqaction {
	irq_handler_t handler; /* NULL: this pool slot is free */
	void *dev_id;	       /* the driver's cookie; identifies it to free_irq */
	struct irqaction *next; /* the next handler sharing this line */
	unsigned int irq;
	unsigned long flags; /* IRQF_* */
	const char *name;    /* shown in /proc/interrupts */
};

struct irq_desc {
	struct irqaction *action; /* handlers, in the order requested */
	unsigned int depth;	  /* disable_irq() nesting; 1 while no handler */
	unsigned long kstat_irqs; /* interrupts taken (not spurious ones) */
	/* the "nobody cared" detector: of the last irq_count, how many unclaimed */
	unsigned int irq_count;
	unsigned int irqs_unhandled;
};

extern struct irq_desc irq_desc[NR_IRQS];
/* Spurious 8259 interrupts (IRQ 7/15 not in service): ERR: in /proc/interrupts. */
extern unsigned long irq_err_count;

/* Boot, interrupts off: remap the PIC, register the cascade on IRQ 2. */
void init_IRQ(void);
/* entry.asm (common_interrupt): hardirq, interrupts off. irq = ~regs->orig_ax. */
void do_IRQ(struct pt_regs *regs);
/* Registers of the code the current hard IRQ interrupted (NULL outside one). */
struct pt_regs *get_irq_regs(void);

#endif
