/*
 * completion.h - "wait until that is done" (Linux: include/linux/completion.h).
 *
 * A counter and a wait queue: complete() adds one and wakes a waiter,
 * wait_for_completion() sleeps until the counter is positive and takes one.
 * Used by kthread_create (wait for the new thread to exist) and
 * kthread_stop (wait for it to have exited). complete() is legal in any
 * context; waiting is process context only.
 */
#ifndef RXOS_KERNEL_SCHED_COMPLETION_H
#define RXOS_KERNEL_SCHED_COMPLETION_H

#include "kernel/sched/wait.h"

struct completion {
	unsigned int done;
	wait_queue_head_t wait;
};

void init_completion(struct completion *x);
void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);

#endif
