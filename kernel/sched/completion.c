/*
 * completion.c - see completion.h (Linux: kernel/sched/completion.c).
 *
 * `done` is read and changed under the wait queue's lock, with interrupts
 * off, so complete() may come from an interrupt handler.
 */
#include "kernel/sched/completion.h"
#include "kernel/sched/sched.h"

#define COMPLETE_ALL 0x7fffffffu

void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != COMPLETE_ALL)
		x->done++;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	wake_up(&x->wait);
}

void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = COMPLETE_ALL;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	wake_up_all(&x->wait);
}

/* Take one "done" if there is one. */
static int try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != COMPLETE_ALL)
			x->done--;
		ret = 1;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}

void wait_for_completion(struct completion *x)
{
	wait_event(x->wait, try_wait_for_completion(x));
}
