/*
 * timer.h - kernel timers (Linux: include/linux/timer.h).
 *
 * A timer_list runs its function once, in softirq context (TIMER_SOFTIRQ),
 * at the first tick at or after `expires` (in jiffies). Re-arm from the
 * callback with mod_timer() for periodic work. The timer must stay allocated
 * while pending; del_timer() before freeing it.
 */
#ifndef RXOS_KERNEL_TIMER_H
#define RXOS_KERNEL_TIMER_H

#include "kernel/kernel.h"
#include "kernel/list.h"
#include "kernel/time.h"

struct timer_list {
	struct list_head entry; /* on the pending list while armed */
	unsigned long expires;  /* jiffies */
	void (*function)(struct timer_list *);
	unsigned int flags;
};

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *),
		 unsigned int flags);
void add_timer(struct timer_list *t);
/* Returns 1 if the timer was pending (now re-armed), else 0. */
int mod_timer(struct timer_list *t, unsigned long expires);
/* Returns 1 if the timer was pending (now cancelled), else 0. */
int del_timer(struct timer_list *t);
int timer_pending(const struct timer_list *t);
/* del_timer(); on one CPU no callback can be running meanwhile. */
int del_timer_sync(struct timer_list *t);

/* Boot: open TIMER_SOFTIRQ. */
void init_timers(void);
/* From the tick, hardirq: raise TIMER_SOFTIRQ if a timer is due. */
void run_local_timers(void);
/* From the tick, hardirq: timers, then scheduler_tick(). */
void update_process_times(int user_tick);
/* Per-tick scheduler hook, hardirq; a weak no-op until kernel/sched defines it. */
void scheduler_tick(void);

/* Wrap-safe jiffies comparisons, as Linux's. */
#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define msecs_to_jiffies(ms) (((unsigned long)(ms) * HZ + 999) / 1000)
#define jiffies_to_msecs(j) ((unsigned long)(j) * (1000 / HZ))

#endif
