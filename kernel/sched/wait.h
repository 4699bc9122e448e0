/*
 * wait.h - wait queues: how a task sleeps until something happens
 * (Linux: include/linux/wait.h, kernel/sched/wait.c).
 *
 * A wait_queue_head is a list of wait_queue_entry. A sleeper puts an entry
 * for itself on the list, marks itself asleep and calls schedule(); whoever
 * makes the awaited thing happen calls wake_up() on the head, which calls
 * each entry's func. For a sleeping task func is default_wake_function
 * (make the task runnable again); epoll hooks its own func
 * (ep_poll_callback) into a socket's queue the same way, and poll/select
 * use pollwake.
 *
 *   sleeper (process context)            waker (any context)
 *   -------------------------            -------------------
 *   prepare_to_wait(q, &w, state)        make condition true
 *   if (!condition) schedule();          wake_up(q)
 *   finish_wait(q, &w)                     -> w.func(...) -> try_to_wake_up
 *
 * Setting the state before testing the condition closes the race with a
 * wake_up that happens in between: the waker then sets us TASK_RUNNING and
 * schedule() returns at once. wait_event*() below wrap that loop.
 *
 * Context: the wake_up* calls are legal in process, softirq and hardirq
 * context - that is how the UART interrupt wakes a tty reader and how
 * NET_RX (a softirq) wakes a process in recvfrom(). They never sleep.
 * Everything that sleeps (wait_event*, schedule_timeout, msleep) is for
 * process context only and BUGs in interrupt context.
 *
 * Locking: the head's lock is taken with interrupts off, so a hard IRQ can
 * wake up a queue while a process is adding itself to it.
 */
#ifndef RXOS_KERNEL_SCHED_WAIT_H
#define RXOS_KERNEL_SCHED_WAIT_H

#include "kernel/list.h"
#include "kernel/sched/state.h"
#include "kernel/spinlock.h"

struct task_struct;
struct wait_queue_entry;

/*
 * Called by __wake_up for each entry. mode: the task states to wake
 * (TASK_NORMAL, TASK_INTERRUPTIBLE); key: event detail (poll mask, or NULL).
 * Returns non-zero if it woke something: that counts against nr_exclusive.
 */
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry,
				 unsigned int mode, int flags, void *key);

#define WQ_FLAG_EXCLUSIVE 0x01 /* wake only one of these (accept, ...) */

struct wait_queue_entry {
	unsigned int flags;
	void *private; /* the task to wake, for the default funcs */
	wait_queue_func_t func;
	struct list_head entry; /* on wait_queue_head.head */
};
typedef struct wait_queue_entry wait_queue_entry_t;

struct wait_queue_head {
	spinlock_t lock; /* protects head; taken with IRQs off */
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) \
	{ __SPIN_LOCK_UNLOCKED(name.lock), LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(wait_queue_head_t *wq_head);

int default_wake_function(wait_queue_entry_t *wq_entry, unsigned int mode,
			  int flags, void *key);
/* default_wake_function, then take the entry off the queue if it woke. */
int autoremove_wake_function(wait_queue_entry_t *wq_entry, unsigned int mode,
			     int flags, void *key);

/* An entry for `current` that removes itself when woken (Linux DEFINE_WAIT). */
#define DEFINE_WAIT_FUNC(name, function)                        \
	wait_queue_entry_t name = { .private = current_task,    \
				    .func = function,           \
				    .entry = LIST_HEAD_INIT((name).entry) }
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)

void init_waitqueue_entry(wait_queue_entry_t *wq_entry, struct task_struct *p);
void init_waitqueue_func_entry(wait_queue_entry_t *wq_entry,
			       wait_queue_func_t func);

void add_wait_queue(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry);
void add_wait_queue_exclusive(wait_queue_head_t *wq_head,
			      wait_queue_entry_t *wq_entry);
void remove_wait_queue(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry);
/* Non-zero if someone waits on the queue (a hint; take the lock to be sure). */
int waitqueue_active(wait_queue_head_t *wq_head);

/* Queue the entry (once) and set current->state = state. Process context. */
void prepare_to_wait(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry,
		     int state);
void prepare_to_wait_exclusive(wait_queue_head_t *wq_head,
			       wait_queue_entry_t *wq_entry, int state);
/* prepare_to_wait, but returns -ERESTARTSYS (and stays TASK_RUNNING) when
 * state is interruptible and a signal is pending. */
long prepare_to_wait_event(wait_queue_head_t *wq_head,
			   wait_queue_entry_t *wq_entry, int state);
/* current->state = TASK_RUNNING and dequeue the entry if still queued. */
void finish_wait(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry);

/*
 * Wake up to nr_exclusive exclusive waiters (0: all) and every non-exclusive
 * one, in queue order. Any context.
 */
void __wake_up(wait_queue_head_t *wq_head, unsigned int mode, int nr_exclusive,
	       void *key);
#define wake_up(x) __wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr) __wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x) __wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)
/* With a poll mask as key, so poll/epoll callbacks can filter events. */
#define wake_up_interruptible_poll(x, m) \
	__wake_up(x, TASK_INTERRUPTIBLE, 1, (void *)(unsigned long)(m))

/* From sched.h, repeated so the macros below need only this header. */
extern struct task_struct *current_task;
void schedule(void);
long schedule_timeout(long timeout);
#define MAX_SCHEDULE_TIMEOUT 0x7fffffffL

/*
 * Sleep until condition is true. The condition is re-tested after every
 * wakeup, so a wake_up without the condition true just loops.
 */
#define wait_event(wq_head, condition)                                    \
	do {                                                              \
		DEFINE_WAIT(__wait);                                      \
		for (;;) {                                                \
			prepare_to_wait(&(wq_head), &__wait,              \
					TASK_UNINTERRUPTIBLE);            \
			if (condition)                                    \
				break;                                    \
			schedule();                                       \
		}                                                         \
		finish_wait(&(wq_head), &__wait);                         \
	} while (0)

/*
 * Returns 0 when condition became true, -ERESTARTSYS when a signal arrived
 * first. System calls return that code: signal delivery turns it into
 * -EINTR (or restarts the call under SA_RESTART).
 */
#define wait_event_interruptible(wq_head, condition)                      \
	({                                                                \
		long __ret = 0;                                           \
		DEFINE_WAIT(__wait);                                      \
		for (;;) {                                                \
			__ret = prepare_to_wait_event(&(wq_head), &__wait, \
						      TASK_INTERRUPTIBLE);  \
			if (condition) {                                  \
				__ret = 0;                                \
				break;                                    \
			}                                                 \
			if (__ret)                                        \
				break;                                    \
			schedule();                                       \
		}                                                         \
		finish_wait(&(wq_head), &__wait);                         \
		(int)__ret;                                               \
	})

/*
 * Like wait_event_interruptible, but gives up after timeout jiffies.
 * Returns 0 if the time ran out with condition still false, the jiffies
 * left (at least 1) if it became true, -ERESTARTSYS on a signal.
 */
#define wait_event_interruptible_timeout(wq_head, condition, timeout)     \
	({                                                                \
		long __ret = (timeout), __int;                            \
		DEFINE_WAIT(__wait);                                      \
		for (;;) {                                                \
			__int = prepare_to_wait_event(&(wq_head), &__wait, \
						      TASK_INTERRUPTIBLE);  \
			if (condition) {                                  \
				if (!__ret)                               \
					__ret = 1;                        \
				break;                                    \
			}                                                 \
			if (__int) {                                      \
				__ret = __int;                            \
				break;                                    \
			}                                                 \
			if (!__ret)                                       \
				break;                                    \
			__ret = schedule_timeout(__ret);                  \
		}                                                         \
		finish_wait(&(wq_head), &__wait);                         \
		__ret;                                                    \
	})

#endif
