/*
 * selftests.c - in-kernel tests of the scheduler, wait queues and kernel
 * threads (selftest=NAME; see kernel/selftest.h).
 *
 * They run in kernel_init (pid 1) before init starts, so they may sleep,
 * create threads and wait for timers. Each prints what it saw, so a
 * failing integration test shows why.
 */
#include "kernel/interrupt.h"
#include "kernel/kthread.h"
#include "kernel/preempt.h"
#include "kernel/printk.h"
#include "kernel/sched/task.h"
#include "kernel/selftest.h"
#include "kernel/timer.h"
#include "lib/string.h"

#define FAIL(...)                                     \
	do {                                          \
		printk(KERN_ERR "selftest: " __VA_ARGS__); \
		return 1;                             \
	} while (0)

/* ---- kernel threads ---------------------------------------------------------- */

static volatile int kthread_loops;

static int looping_thread(void *data)
{
	while (!kthread_should_stop()) {
		kthread_loops++;
		msleep(10);
	}
	return (int)(unsigned long)data;
}

SELFTEST(kthread_run_stop)
{
	struct task_struct *t;
	pid_t pid;
	int ret;

	kthread_loops = 0;
	t = kthread_run(looping_thread, (void *)42UL, "selftest/%d", 7);
	if (IS_ERR(t))
		FAIL("kthread_run: %ld\n", PTR_ERR(t));
	pid = t->pid;
	pr_info("kthread_run_stop: [%s] pid %d ppid %d\n", t->comm, pid,
		t->real_parent->pid);
	if (strcmp(t->comm, "selftest/7") || t->real_parent != kthreadd_task ||
	    !(t->flags & PF_KTHREAD))
		FAIL("wrong name, parent or flags\n");
	msleep(50);
	ret = kthread_stop(t);
	pr_info("kthread_run_stop: %d loops, returned %d\n", kthread_loops, ret);
	if (ret != 42 || kthread_loops < 1)
		FAIL("thread did not run, or bad return value\n");
	if (find_task_by_pid(pid))
		FAIL("stopped thread was not reaped\n");
	return 0;
}

/* ---- a softirq wakes a sleeping task -------------------------------------------- */

static DECLARE_WAIT_QUEUE_HEAD(softirq_wq);
static volatile int softirq_flag, woken_in_softirq;

/* TIMER_SOFTIRQ context. */
static void wake_from_timer(struct timer_list *t)
{
	woken_in_softirq = in_serving_softirq() && !in_irq();
	softirq_flag = 1;
	wake_up_interruptible(&softirq_wq);
}

SELFTEST(wait_event_from_softirq)
{
	struct timer_list timer;
	unsigned long t0 = jiffies;
	long left;

	softirq_flag = woken_in_softirq = 0;
	timer_setup(&timer, wake_from_timer, 0);
	mod_timer(&timer, jiffies + 5);
	left = wait_event_interruptible_timeout(softirq_wq, softirq_flag, 5 * HZ);
	del_timer(&timer);
	pr_info("wait_event_from_softirq: woken after %lu ticks, %ld left, in softirq: %d\n",
		jiffies - t0, left, woken_in_softirq);
	if (left <= 0 || !softirq_flag || !woken_in_softirq)
		FAIL("not woken by the timer softirq\n");
	return 0;
}

/* ---- sleeping for a time ------------------------------------------------------------ */

static DECLARE_WAIT_QUEUE_HEAD(never_wq);

SELFTEST(schedule_timeout_sleeps)
{
	unsigned long t0 = jiffies, slept;
	long left = schedule_timeout_uninterruptible(20);
	long ret;

	slept = jiffies - t0;
	pr_info("schedule_timeout_sleeps: 20 ticks asked, %lu slept, %ld left\n",
		slept, left);
	if (left || slept < 20)
		FAIL("woke early\n");
	t0 = jiffies;
	ret = wait_event_interruptible_timeout(never_wq, 0, 5);
	if (ret || jiffies - t0 < 5)
		FAIL("wait_event timeout returned %ld after %lu ticks\n", ret,
		     jiffies - t0);
	t0 = jiffies;
	msleep(100);
	if (jiffies - t0 < msecs_to_jiffies(100))
		FAIL("msleep(100) took %lu ticks\n", jiffies - t0);
	return 0;
}

/* ---- ksoftirqd ----------------------------------------------------------------------- */

static char softirq_ran_in[TASK_COMM_LEN];

static void record_softirq_task(struct softirq_action *h)
{
	strlcpy(softirq_ran_in, current->comm, sizeof(softirq_ran_in));
}

/*
 * Raised in process context, a softirq is handed to ksoftirqd/0. With
 * interrupts off from the raise to the switch, no irq_exit can serve it
 * first: the next task to run is the woken thread.
 */
SELFTEST(ksoftirqd_serves_process_raise)
{
	softirq_ran_in[0] = '\0';
	open_softirq(HI_SOFTIRQ, record_softirq_task);
	local_irq_disable();
	raise_softirq_irqoff(HI_SOFTIRQ);
	schedule(); /* still runnable: back of the queue, after ksoftirqd */
	msleep(20);
	open_softirq(HI_SOFTIRQ, NULL);
	pr_info("ksoftirqd_serves_process_raise: ran in [%s]\n", softirq_ran_in);
	if (strcmp(softirq_ran_in, "ksoftirqd/0"))
		FAIL("softirq was not run by ksoftirqd/0\n");
	return 0;
}
