/*
 * interrupt.h - hard IRQs and softirqs (Linux: include/linux/interrupt.h).
 *
 * Hard IRQ: a device raised its line; do_IRQ() runs the handlers registered
 * with request_irq() with interrupts off, then irq_exit() runs pending
 * softirqs with interrupts on. A handler should do the minimum (ack the
 * device, schedule NAPI) and leave the rest to a softirq.
 *
 * Softirq: deferred work raised with raise_softirq(nr), run by irq_exit(),
 * by local_bh_enable(), or by the ksoftirqd/0 thread when it keeps coming
 * back (MAX_SOFTIRQ_RESTART rounds, as Linux).
 */
#ifndef RXOS_KERNEL_INTERRUPT_H
#define RXOS_KERNEL_INTERRUPT_H

#include "kernel/preempt.h"

#define NR_IRQS 16 /* the two 8259 PICs */

typedef enum irqreturn {
	IRQ_NONE = 0,	 /* not our device */
	IRQ_HANDLED = 1,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED 0x80u

/* 0 or -EBUSY/-EINVAL/-ENOMEM. Shared lines need IRQF_SHARED on both. */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);
void free_irq(unsigned int irq, void *dev_id);
/*
 * Nesting: each disable_irq() masks the line until the matching
 * enable_irq(). One CPU, so nothing to wait for: _nosync is the same call
 * (Linux's disable_irq() waits for a handler running on another CPU).
 */
void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);
/* Per-IRQ count of interrupts taken (for /proc/interrupts). */
unsigned long kstat_irqs(unsigned int irq);
/*
 * /proc/interrupts and /proc/softirqs, in Linux's layout, into buf (at most
 * len bytes, NUL-terminated). Return the bytes stored. Process context.
 */
int show_interrupts(char *buf, int len);
int show_softirqs(char *buf, int len);

/* Linux's softirq numbers and order, as /proc/softirqs lists them. */
enum {
	HI_SOFTIRQ = 0,
	TIMER_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	BLOCK_SOFTIRQ,
	IRQ_POLL_SOFTIRQ,
	TASKLET_SOFTIRQ,
	SCHED_SOFTIRQ,
	HRTIMER_SOFTIRQ,
	RCU_SOFTIRQ,
	NR_SOFTIRQS
};
extern const char *const softirq_to_name[NR_SOFTIRQS];

struct softirq_action {
	void (*action)(struct softirq_action *);
};

void open_softirq(int nr, void (*action)(struct softirq_action *));
void raise_softirq(unsigned int nr);	     /* any context */
void raise_softirq_irqoff(unsigned int nr); /* interrupts already off */
void __raise_softirq_irqoff(unsigned int nr);
void irq_enter(void);
void irq_exit(void);
void do_softirq(void);
void local_bh_disable(void);
void local_bh_enable(void);
unsigned long kstat_softirqs(unsigned int nr); /* times each ran */
unsigned long local_softirq_pending(void);    /* bit nr set: raised, not run */
/*
 * Called when softirqs are still pending after MAX_SOFTIRQ_RESTART rounds
 * or 2 ms, and when one is raised from process context: wakes ksoftirqd/0.
 * softirq.c has a weak no-op default (the bits wait for the next
 * irq_exit); the process code replaces it with the real thread's wakeup.
 * Called with interrupts off.
 */
void wakeup_softirqd(void);
/* How often softirq.c asked for ksoftirqd (the "handovers"). */
extern unsigned long softirqd_wakeups;

#endif
