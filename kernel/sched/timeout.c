/*
 * timeout.c - sleeping for a while (Linux: schedule_timeout() in
 * kernel/time/timer.c, msleep() in kernel/time/sleep_timeout.c).
 *
 * schedule_timeout arms a timer on the caller's stack whose function wakes
 * the caller, then schedules. The timer fires in softirq context
 * (TIMER_SOFTIRQ), so this is also the simplest example of a softirq
 * waking a process. Process context only.
 */
#include "kernel/sched/sched.h"
#include "kernel/printk.h"
#include "kernel/timer.h"

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

/* Softirq context. */
static void process_timeout(struct timer_list *t)
{
	struct process_timer *timeout = container_of(t, struct process_timer, timer);

	wake_up_process(timeout->task);
}

/*
 * The caller has set current->state. Returns 0 when the time ran out, or
 * the jiffies that were left when something else woke us.
 */
long schedule_timeout(long timeout)
{
	struct process_timer timer;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("schedule_timeout: wrong timeout value %lx\n", timeout);
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = jiffies + timeout;
	timer.task = current;
	timer_setup(&timer.timer, process_timeout, 0);
	mod_timer(&timer.timer, expire);
	schedule();
	del_timer(&timer.timer);
	timeout = (long)(expire - jiffies);
	return timeout < 0 ? 0 : timeout;
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

/* At least msecs: +1 because the current tick is already partly gone. */
void msleep(unsigned int msecs)
{
	long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}

unsigned long msleep_interruptible(unsigned int msecs)
{
	long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout && !signal_pending(current))
		timeout = schedule_timeout_interruptible(timeout);
	return jiffies_to_msecs(timeout);
}
