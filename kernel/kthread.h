/*
 * kthread.h - kernel threads (Linux: include/linux/kthread.h).
 *
 * A kernel thread is a task with no user address space that runs one
 * kernel function, scheduled like any process: ksoftirqd/0 runs softirqs
 * that would not fit in irq_exit; a driver may run a polling loop. All are
 * children of kthreadd (pid 2), so `ps -ef` shows them as [name] with
 * PPID 2, as on Linux.
 *
 *   struct task_struct *t = kthread_run(my_thread, data, "mythread/%d", n);
 *   ...                                   my_thread(data) runs until it
 *   kthread_stop(t);                      returns or sees kthread_should_stop()
 *
 * Process context only (kthread_create sleeps until kthreadd made the task).
 */
#ifndef RXOS_KERNEL_KTHREAD_H
#define RXOS_KERNEL_KTHREAD_H

#include "kernel/err.h"
#include "kernel/sched/sched.h"

/* A new, not yet running thread named like printf(namefmt, ...); wake it
 * with wake_up_process(). ERR_PTR(-ENOMEM) on failure. */
__printf(3, 4) struct task_struct *kthread_create(int (*threadfn)(void *data),
						  void *data,
						  const char *namefmt, ...);

#define kthread_run(threadfn, data, namefmt, ...)                          \
	({                                                                 \
		struct task_struct *__k =                                  \
			kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
		if (!IS_ERR(__k))                                          \
			wake_up_process(__k);                              \
		__k;                                                       \
	})

/* In the thread's loop: has kthread_stop() been called on us? */
int kthread_should_stop(void);
/* Ask the thread to stop, wake it, wait for it to exit; its return value
 * (or -EINTR if it never ran). */
int kthread_stop(struct task_struct *k);

/* pid 2's loop, started by rest_init(). */
int kthreadd(void *unused);
extern struct task_struct *kthreadd_task;

#endif
