/*
 * irq.c - hardware interrupt dispatch and the request_irq() API (Linux:
 * kernel/irq/manage.c, chip.c, handle.c, spurious.c, proc.c and
 * arch/x86/kernel/irq.c, condensed for one CPU and one interrupt chip).
 *
 * The path of a device interrupt, as in the receive-path table (stage 3):
 *
 *   device raises its line -> 8259 -> CPU vector 0x20+irq -> irq_entry_N
 *   -> common_interrupt (entry.asm) -> do_IRQ(regs)        [hardirq, IF=0]
 *        irq_enter()                     preempt_count += HARDIRQ_OFFSET
 *        handle_level_irq(irq)           mask+EOI, run every handler, unmask
 *        irq_exit()                      softirqs, with interrupts on
 *
 * Handlers run with interrupts off and must not sleep. The line is masked
 * and acknowledged before the handlers run, so the PIC can deliver other
 * lines as soon as irq_exit() turns interrupts on; a new edge on the same
 * line waits in the PIC's IRR until the unmask.
 *
 * request_irq() and friends are process-context calls (Linux's may sleep
 * to allocate); rxos takes irqactions from a static pool.
 */
#include "kernel/irq.h"
#include "kernel/errno.h"
#include "kernel/i8259.h"
#include "kernel/irqflags.h"
#include "kernel/kallsyms.h"
#include "kernel/printk.h"
#include "lib/vsprintf.h"

#define NR_IRQACTIONS 32
#define IRQ_SPURIOUS_WINDOW 100000 /* Linux: kernel/irq/spurious.c */
#define IRQ_SPURIOUS_LIMIT 99900

struct irq_desc irq_desc[NR_IRQS];
unsigned long irq_err_count;

static struct irqaction irqaction_pool[NR_IRQACTIONS];
static struct pt_regs *irq_regs;

struct pt_regs *get_irq_regs(void)
{
	return irq_regs;
}

unsigned long kstat_irqs(unsigned int irq)
{
	return irq < NR_IRQS ? irq_desc[irq].kstat_irqs : 0;
}

/* ---- the hardirq path -------------------------------------------------------- */

/* Linux: handle_irq_event(). Every handler runs: on a shared line any may own it. */
static irqreturn_t handle_irq_event(struct irq_desc *desc, unsigned int irq)
{
	irqreturn_t ret = IRQ_NONE;

	for (struct irqaction *a = desc->action; a; a = a->next)
		ret |= a->handler((int)irq, a->dev_id);
	return ret;
}

static void irq_nobody_cared(struct irq_desc *desc, unsigned int irq)
{
	char sym[96];

	pr_emerg("irq %u: nobody cared\n", irq);
	pr_emerg("handlers:\n");
	for (struct irqaction *a = desc->action; a; a = a->next) {
		sprint_symbol(sym, sizeof(sym), (unsigned long)a->handler);
		pr_emerg("[<%08lx>] %s\n", (unsigned long)a->handler, sym);
	}
	pr_emerg("Disabling IRQ #%u\n", irq);
	desc->depth++; /* handle_level_irq() now leaves it masked */
}

/*
 * A line that keeps firing while no handler claims it (a stuck device, a
 * wrong IRQ number) would eat the CPU: after 99,900 of 100,000 unclaimed,
 * disable it. Linux: note_interrupt().
 */
static void note_interrupt(struct irq_desc *desc, unsigned int irq,
			   irqreturn_t ret)
{
	if (ret == IRQ_NONE)
		desc->irqs_unhandled++;
	if (++desc->irq_count < IRQ_SPURIOUS_WINDOW)
		return;
	if (desc->irqs_unhandled > IRQ_SPURIOUS_LIMIT)
		irq_nobody_cared(desc, irq);
	desc->irq_count = 0;
	desc->irqs_unhandled = 0;
}

/* Not a real interrupt: count it (ERR:), say so once per line, run nothing. */
static void spurious_8259A_irq(unsigned int irq)
{
	static unsigned int logged_mask;

	ack_spurious_8259A(irq);
	irq_err_count++;
	if (!(logged_mask & (1u << irq))) {
		logged_mask |= 1u << irq;
		pr_info("spurious 8259A interrupt: IRQ%u.\n", irq);
	}
}

/* Linux: handle_level_irq() with the i8259 chip's irq_mask_ack/irq_unmask. */
static void handle_level_irq(unsigned int irq)
{
	struct irq_desc *desc = &irq_desc[irq];
	irqreturn_t ret;

	if ((irq == 7 || irq == 15) && !i8259A_irq_real(irq)) {
		spurious_8259A_irq(irq);
		return;
	}
	mask_and_ack_8259A(irq);
	desc->kstat_irqs++;
	ret = handle_irq_event(desc, irq);
	note_interrupt(desc, irq, ret);
	if (!desc->depth && desc->action)
		unmask_8259A_irq(irq);
}

/* DOC: do_IRQ */
void do_IRQ(struct pt_regs *regs)
{
	unsigned int irq = ~regs->orig_ax;
	struct pt_regs *old_regs = irq_regs;

	irq_regs = regs;
	irq_enter();
	BUG_ON(!irqs_disabled());
	if (irq < NR_IRQS)
		handle_level_irq(irq);
	else
		pr_emerg("do_IRQ: no such irq %u (orig_ax %08lx)\n", irq,
			 regs->orig_ax);
	irq_exit();
	irq_regs = old_regs;
}

/* ---- request_irq and friends (process context) ------------------------------ */

static struct irqaction *alloc_irqaction(void)
{
	for (int i = 0; i < NR_IRQACTIONS; i++)
		if (!irqaction_pool[i].handler)
			return &irqaction_pool[i];
	return NULL;
}

/* Both the old and the new handler must agree to share. */
static int can_share(struct irq_desc *desc, unsigned int irq,
		     unsigned long flags, const char *name)
{
	struct irqaction *old = desc->action;

	if (!old)
		return 1;
	if (old->flags & flags & IRQF_SHARED)
		return 1;
	pr_err("genirq: Flags mismatch irq %u. %08lx (%s) vs. %08lx (%s)\n",
	       irq, flags, name, old->flags, old->name);
	return 0;
}

static void append_action(struct irq_desc *desc, struct irqaction *new)
{
	struct irqaction **pp = &desc->action;

	while (*pp)
		pp = &(*pp)->next;
	*pp = new;
}

/* The first handler starts the line (Linux: irq_startup()). */
static void irq_startup(struct irq_desc *desc, unsigned int irq)
{
	desc->depth = 0;
	desc->irq_count = 0;
	desc->irqs_unhandled = 0;
	unmask_8259A_irq(irq);
}

static int __setup_irq(unsigned int irq, struct irqaction *new)
{
	struct irq_desc *desc = &irq_desc[irq];
	unsigned long flags;
	int first;

	local_irq_save(flags);
	if (!can_share(desc, irq, new->flags, new->name)) {
		local_irq_restore(flags);
		return -EBUSY;
	}
	first = !desc->action;
	append_action(desc, new);
	if (first)
		irq_startup(desc, irq);
	local_irq_restore(flags);
	return 0;
}

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	struct irqaction *action;
	int err;

	BUG_ON(in_interrupt());
	if (irq >= NR_IRQS || !handler || ((flags & IRQF_SHARED) && !dev_id))
		return -EINVAL;
	action = alloc_irqaction();
	if (!action)
		return -ENOMEM;
	*action = (struct irqaction){ .handler = handler, .dev_id = dev_id,
				      .irq = irq, .flags = flags,
				      .name = name };
	err = __setup_irq(irq, action);
	if (err)
		action->handler = NULL; /* back to the pool */
	return err;
}

static struct irqaction *unlink_action(struct irq_desc *desc, void *dev_id)
{
	for (struct irqaction **pp = &desc->action; *pp; pp = &(*pp)->next) {
		struct irqaction *a = *pp;

		if (a->dev_id == dev_id) {
			*pp = a->next;
			return a;
		}
	}
	return NULL;
}

void free_irq(unsigned int irq, void *dev_id)
{
	struct irq_desc *desc;
	struct irqaction *a;
	unsigned long flags;

	BUG_ON(in_interrupt());
	if (irq >= NR_IRQS)
		return;
	desc = &irq_desc[irq];
	local_irq_save(flags);
	a = unlink_action(desc, dev_id);
	if (a && !desc->action) { /* last one: shut the line (irq_shutdown) */
		desc->depth = 1;
		mask_8259A_irq(irq);
	}
	local_irq_restore(flags);
	if (!a) {
		pr_warn("Trying to free already-free IRQ %u\n", irq);
		return;
	}
	a->handler = NULL;
}

void disable_irq_nosync(unsigned int irq)
{
	unsigned long flags;

	if (irq >= NR_IRQS)
		return;
	local_irq_save(flags);
	if (irq_desc[irq].depth++ == 0)
		mask_8259A_irq(irq);
	local_irq_restore(flags);
}

void disable_irq(unsigned int irq)
{
	disable_irq_nosync(irq);
}

void enable_irq(unsigned int irq)
{
	struct irq_desc *desc;
	unsigned long flags;

	if (irq >= NR_IRQS)
		return;
	desc = &irq_desc[irq];
	local_irq_save(flags);
	if (desc->depth == 0)
		pr_warn("Unbalanced enable for IRQ %u\n", irq);
	else if (--desc->depth == 0 && desc->action)
		unmask_8259A_irq(irq);
	local_irq_restore(flags);
}

/* ---- boot -------------------------------------------------------------------------- */

/* IRQ 2 never fires itself: it is the slave PIC's input. Linux: no_action. */
static irqreturn_t no_action(int irq, void *dev_id)
{
	return IRQ_NONE;
}

void init_IRQ(void)
{
	for (unsigned int irq = 0; irq < NR_IRQS; irq++)
		irq_desc[irq].depth = 1; /* no handler yet: masked */
	init_8259A();
	if (request_irq(PIC_CASCADE_IR, no_action, 0, "cascade", NULL))
		panic("init_IRQ: cannot claim the cascade IRQ 2");
}

/* ---- /proc/interrupts ---------------------------------------------------------- */

/*
 * Linux's layout (kernel/irq/proc.c): irq number, one count column per CPU,
 * the chip name, then the handler names. A line with neither a handler nor
 * a count is left out. prec = 3 digits of irq number for up to 1000 IRQs.
 */
static int show_irq_line(char *buf, int len, unsigned int irq)
{
	struct irq_desc *desc = &irq_desc[irq];
	int n;

	if (!desc->action && !desc->kstat_irqs)
		return 0;
	n = scnprintf(buf, len, "%*u: %10lu  %8s %*s", 3, irq,
		      desc->kstat_irqs, "XT-PIC", 3, "");
	for (struct irqaction *a = desc->action; a; a = a->next)
		n += scnprintf(buf + n, len - n, a == desc->action ? "  %s" : ", %s",
			       a->name);
	return n + scnprintf(buf + n, len - n, "\n");
}

int show_interrupts(char *buf, int len)
{
	int n;

	if (len <= 0)
		return 0;
	n = scnprintf(buf, len, "%*s", 3 + 8, "");
	n += scnprintf(buf + n, len - n, "CPU%-8d\n", 0);
	for (unsigned int irq = 0; irq < NR_IRQS; irq++)
		n += show_irq_line(buf + n, len - n, irq);
	n += scnprintf(buf + n, len - n, "%*s: %10lu\n", 3, "ERR", irq_err_count);
	return n;
}
