/*
 * ksoftirqd.c - the ksoftirqd/0 thread (Linux: kernel/softirq.c,
 * run_ksoftirqd and the smpboot thread around it).
 *
 * Softirqs normally run at the end of a hard interrupt (irq_exit). When
 * they keep raising themselves - a flood of packets keeps NET_RX busy -
 * __do_softirq gives up after MAX_SOFTIRQ_RESTART rounds or 2 ms and calls
 * wakeup_softirqd(): the rest is done here, in a thread the scheduler
 * shares fairly with user processes. That is the [ksoftirqd/0] that
 * `ps -ef | grep ksoftirqd` shows, and the CPU time it accumulates is the
 * softirq load the seed articles talk about.
 *
 * wakeup_softirqd() runs in hardirq or softirq context; the thread itself
 * is process context that enters softirq context inside __do_softirq.
 */
#include "kernel/interrupt.h"
#include "kernel/kthread.h"
#include "kernel/printk.h"

static struct task_struct *ksoftirqd;

/* Replaces the weak default in kernel/softirq.c. Any context. */
void wakeup_softirqd(void)
{
	if (ksoftirqd)
		wake_up_process(ksoftirqd);
}

static int ksoftirqd_should_run(void)
{
	return local_softirq_pending() != 0;
}

/* One round, as Linux's run_ksoftirqd; do_softirq() turns interrupts off
 * around the pending check and runs __do_softirq. Then let a user task
 * in if the round took long - that is the whole point of the thread. */
/* DOC: run_ksoftirqd */
static void run_ksoftirqd(void)
{
	do_softirq();
	cond_resched();
}

static int ksoftirqd_thread(void *unused)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!ksoftirqd_should_run())
			schedule();
		__set_current_state(TASK_RUNNING);
		while (ksoftirqd_should_run())
			run_ksoftirqd();
	}
	return 0;
}

/* Linux: spawn_ksoftirqd, an early_initcall. From kernel_init. */
void spawn_ksoftirqd(void)
{
	struct task_struct *t = kthread_run(ksoftirqd_thread, NULL, "ksoftirqd/%d", 0);

	if (IS_ERR(t)) {
		pr_err("ksoftirqd: cannot create thread (%ld)\n", PTR_ERR(t));
		return;
	}
	ksoftirqd = t;
}
