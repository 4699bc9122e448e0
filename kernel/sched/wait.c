/*
 * wait.c - wait queues (Linux: kernel/sched/wait.c); see wait.h.
 *
 * The sleeping side (prepare_to_wait, finish_wait) runs in process context;
 * the waking side (__wake_up and the wake functions) in any context. Every
 * list change holds the head's lock with interrupts off.
 */
#include "kernel/sched/sched.h"
#include "kernel/preempt.h"

void init_waitqueue_head(wait_queue_head_t *wq_head)
{
	spin_lock_init(&wq_head->lock);
	wq_head->lock.name = "wq_head";
	INIT_LIST_HEAD(&wq_head->head);
}

void init_waitqueue_entry(wait_queue_entry_t *wq_entry, struct task_struct *p)
{
	wq_entry->flags = 0;
	wq_entry->private = p;
	wq_entry->func = default_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

/* An entry that wakes no task but runs func (epoll's, for example). */
void init_waitqueue_func_entry(wait_queue_entry_t *wq_entry,
			       wait_queue_func_t func)
{
	wq_entry->flags = 0;
	wq_entry->private = NULL;
	wq_entry->func = func;
	INIT_LIST_HEAD(&wq_entry->entry);
}

/* Exclusive waiters go last so that __wake_up meets the others first. */
static void __add_wait_queue(wait_queue_head_t *wq_head,
			     wait_queue_entry_t *wq_entry)
{
	if (wq_entry->flags & WQ_FLAG_EXCLUSIVE)
		list_add_tail(&wq_entry->entry, &wq_head->head);
	else
		list_add(&wq_entry->entry, &wq_head->head);
}

void add_wait_queue(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	__add_wait_queue(wq_head, wq_entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void add_wait_queue_exclusive(wait_queue_head_t *wq_head,
			      wait_queue_entry_t *wq_entry)
{
	unsigned long flags;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	__add_wait_queue(wq_head, wq_entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void remove_wait_queue(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_del_init(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

int waitqueue_active(wait_queue_head_t *wq_head)
{
	return !list_empty(&wq_head->head);
}

static void __prepare_to_wait(wait_queue_head_t *wq_head,
			      wait_queue_entry_t *wq_entry, int state,
			      unsigned int excl)
{
	unsigned long flags;

	BUG_ON(in_interrupt()); /* only a task can sleep */
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry)) {
		wq_entry->flags = (wq_entry->flags & ~WQ_FLAG_EXCLUSIVE) | excl;
		__add_wait_queue(wq_head, wq_entry);
	}
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void prepare_to_wait(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry,
		     int state)
{
	__prepare_to_wait(wq_head, wq_entry, state, 0);
}

void prepare_to_wait_exclusive(wait_queue_head_t *wq_head,
			       wait_queue_entry_t *wq_entry, int state)
{
	__prepare_to_wait(wq_head, wq_entry, state, WQ_FLAG_EXCLUSIVE);
}

long prepare_to_wait_event(wait_queue_head_t *wq_head,
			   wait_queue_entry_t *wq_entry, int state)
{
	unsigned long flags;

	if (signal_pending_state(state, current)) {
		/* leave the queue so a wake_up is not lost on us */
		spin_lock_irqsave(&wq_head->lock, flags);
		list_del_init(&wq_entry->entry);
		spin_unlock_irqrestore(&wq_head->lock, flags);
		return -ERESTARTSYS;
	}
	__prepare_to_wait(wq_head, wq_entry, state, 0);
	return 0;
}

/*
 * The list_empty test without the lock is safe: only autoremove can empty
 * it behind our back, and then it is already off the queue.
 */
void finish_wait(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	if (!list_empty(&wq_entry->entry)) {
		spin_lock_irqsave(&wq_head->lock, flags);
		list_del_init(&wq_entry->entry);
		spin_unlock_irqrestore(&wq_head->lock, flags);
	}
}

int default_wake_function(wait_queue_entry_t *wq_entry, unsigned int mode,
			  int flags, void *key)
{
	return try_to_wake_up(wq_entry->private, mode);
}

int autoremove_wake_function(wait_queue_entry_t *wq_entry, unsigned int mode,
			     int flags, void *key)
{
	int ret = default_wake_function(wq_entry, mode, flags, key);

	if (ret)
		list_del_init(&wq_entry->entry);
	return ret;
}

/*
 * Call every entry's func; stop after nr_exclusive exclusive entries said
 * they woke someone. The _safe walk lets a func remove its own entry.
 */
static void __wake_up_common(wait_queue_head_t *wq_head, unsigned int mode,
			     int nr_exclusive, void *key)
{
	wait_queue_entry_t *curr, *next;

	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int excl = curr->flags & WQ_FLAG_EXCLUSIVE;
		int ret = curr->func(curr, mode, 0, key);

		if (ret < 0)
			break;
		if (ret && excl && !--nr_exclusive)
			break;
	}
}

void __wake_up(wait_queue_head_t *wq_head, unsigned int mode, int nr_exclusive,
	       void *key)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	__wake_up_common(wq_head, mode, nr_exclusive, key);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
