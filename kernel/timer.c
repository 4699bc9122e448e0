/*
 * timer.c - kernel timers and the per-tick bookkeeping (Linux:
 * kernel/time/timer.c).
 *
 * Who calls what, and in which context:
 *   tick (hardirq, time.c) -> update_process_times() -> run_local_timers():
 *       raise TIMER_SOFTIRQ when the earliest timer is due
 *   irq_exit (softirq)     -> run_timer_softirq() -> __run_timers():
 *       call every expired timer's function, interrupts on
 *   anyone (any context)   -> add_timer / mod_timer / del_timer
 *
 * The pending timers sit on one list sorted by `expires` (equal expiries in
 * arming order), so the due ones are always at the front. That costs a list
 * walk per mod_timer; Linux uses a hierarchical timer wheel instead, O(1)
 * for the thousands of TCP and neighbour timers of a busy host.
 *
 * Protection: timer_lock, taken with interrupts off, guards the list and
 * every timer's `entry`. A callback runs without the lock, so it may re-arm
 * or delete any timer, itself included. Invariant: a timer is pending
 * (timer_pending() true) from mod_timer until its callback starts or
 * del_timer removes it.
 */
#include "kernel/timer.h"
#include "kernel/interrupt.h"
#include "kernel/spinlock.h"
#include "kernel/time.h"

static LIST_HEAD(pending_timers);
static DEFINE_SPINLOCK(timer_lock);

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *),
		 unsigned int flags)
{
	INIT_LIST_HEAD(&t->entry);
	t->function = fn;
	t->flags = flags;
	t->expires = 0;
}

/* A zeroed, never set-up timer (entry.next == NULL) is not pending either. */
int timer_pending(const struct timer_list *t)
{
	return t->entry.next && !list_empty(&t->entry);
}

/* Insert after the last timer that expires no later: the list stays sorted. */
static void enqueue_timer(struct timer_list *t)
{
	struct list_head *pos;

	for (pos = pending_timers.prev; pos != &pending_timers; pos = pos->prev)
		if (time_before_eq(list_entry(pos, struct timer_list, entry)->expires,
				   t->expires))
			break;
	__list_add(&t->entry, pos, pos->next);
}

static int detach_if_pending(struct timer_list *t)
{
	if (!timer_pending(t))
		return 0;
	list_del_init(&t->entry);
	return 1;
}

int mod_timer(struct timer_list *t, unsigned long expires)
{
	unsigned long flags;
	int was_pending;

	BUG_ON(!t->function); /* timer_setup() first */
	spin_lock_irqsave(&timer_lock, flags);
	was_pending = detach_if_pending(t);
	t->expires = expires;
	enqueue_timer(t);
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

void add_timer(struct timer_list *t)
{
	BUG_ON(timer_pending(t));
	mod_timer(t, t->expires);
}

int del_timer(struct timer_list *t)
{
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&timer_lock, flags);
	was_pending = detach_if_pending(t);
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

/*
 * On one CPU a callback cannot be running while process context calls this
 * (the softirq finishes before the process resumes), so there is nothing
 * to wait for. Not from the timer's own callback, as in Linux.
 */
int del_timer_sync(struct timer_list *t)
{
	return del_timer(t);
}

static int first_timer_due(void)
{
	struct timer_list *t;

	if (list_empty(&pending_timers))
		return 0;
	t = list_first_entry(&pending_timers, struct timer_list, entry);
	return time_after_eq(jiffies, t->expires);
}

/*
 * Move every due timer to `expired` first, then run them: a callback that
 * re-arms for a time already past lands back on pending_timers and runs on
 * the next tick instead of looping here. Linux: collect_expired_timers().
 */
static void __run_timers(void)
{
	LIST_HEAD(expired);
	unsigned long flags;

	spin_lock_irqsave(&timer_lock, flags);
	while (first_timer_due())
		list_move_tail(pending_timers.next, &expired);
	while (!list_empty(&expired)) {
		struct timer_list *t =
			list_first_entry(&expired, struct timer_list, entry);
		void (*fn)(struct timer_list *) = t->function;

		list_del_init(&t->entry);
		spin_unlock_irqrestore(&timer_lock, flags);
		fn(t);
		spin_lock_irqsave(&timer_lock, flags);
	}
	spin_unlock_irqrestore(&timer_lock, flags);
}

/* TIMER_SOFTIRQ: softirq context, interrupts on. */
static void run_timer_softirq(struct softirq_action *h)
{
	BUG_ON(!in_serving_softirq());
	__run_timers();
}

/* Every tick, hardirq: wake the softirq only when there is work. */
void run_local_timers(void)
{
	if (first_timer_due())
		raise_softirq_irqoff(TIMER_SOFTIRQ);
}

/*
 * Weak default until the scheduler exists. The real one (kernel/sched)
 * charges the tick to the current task (user_mode(get_irq_regs()) tells
 * user from system time) and sets need_resched when its slice is used up.
 * Hardirq context.
 */
__attribute__((weak)) void scheduler_tick(void)
{
}

/* Linux: called by tick_periodic() for the CPU's share of the tick. */
void update_process_times(int user_tick)
{
	run_local_timers();
	scheduler_tick();
}

void init_timers(void)
{
	open_softirq(TIMER_SOFTIRQ, run_timer_softirq);
}
