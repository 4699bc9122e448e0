/*
 * core.c - the run queue, schedule() and wakeups (Linux: kernel/sched/core.c;
 * the policy is SCHED_RR's, from kernel/sched/rt.c).
 *
 *        wake_up_process / wake_up_new_task          schedule()
 *   asleep ---------------------------------> queue ------------> running
 *     ^                                        ^  |                 |
 *     |      state = TASK_INTERRUPTIBLE...     |  +--- preempted ---+
 *     +---------------- schedule() ------------|-------------------+
 *
 * The run queue holds the runnable tasks that are not running, in FIFO
 * order; the running task is rq.curr and is not on the queue. The idle task
 * is never queued: pick_next_task() returns it when the queue is empty.
 *
 * Who calls what, in which context:
 *   schedule()          process context, when a task sleeps or yields, and
 *                       on the way back to user mode if TIF_NEED_RESCHED
 *   try_to_wake_up()    any context (hardirq: a UART or NIC interrupt;
 *                       softirq: timers, NET_RX; process: pipes)
 *   scheduler_tick()    hardirq, from the timer interrupt, HZ times a second
 *
 * Locking: rq.lock with interrupts off, because wakeups come from IRQs.
 * schedule() takes it, switches stacks while holding it, and the task that
 * runs next releases it (finish_task_switch) - on one CPU the lock only
 * documents that nothing may run in between.
 *
 * What Linux adds: per-CPU run queues and load balancing, CFS's virtual
 * runtime instead of FIFO, priorities and nice, kernel preemption.
 */
#include "kernel/sched/sched.h"
#include "kernel/desc.h"
#include "kernel/irq.h"
#include "kernel/printk.h"
#include "kernel/ptrace.h"
#include "kernel/sched/cputime.h"
#include "kernel/sched/fpu.h"
#include "kernel/sched/loadavg.h"
#include "kernel/mmu_context.h"
#include "kernel/preempt.h"
#include "lib/string.h"

struct rq {
	spinlock_t lock;
	struct list_head queue; /* runnable tasks except curr */
	unsigned int nr_queued;
	struct task_struct *curr, *idle;
	unsigned long nr_switches;
};

static struct rq runqueue = {
	.lock = __SPIN_LOCK_UNLOCKED(runqueue.lock),
	.queue = LIST_HEAD_INIT(runqueue.queue),
};

struct task_struct init_task;
struct task_struct *current_task = &init_task;

/* ---- the queue ------------------------------------------------------- */

static void enqueue_task(struct rq *rq, struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq->queue);
	p->on_rq = 1;
	rq->nr_queued++;
}

static void dequeue_task(struct rq *rq, struct task_struct *p)
{
	list_del_init(&p->run_list);
	p->on_rq = 0;
	rq->nr_queued--;
}

/* Round robin: the task that has waited longest, else idle. */
static struct task_struct *pick_next_task(struct rq *rq)
{
	struct task_struct *p;

	if (list_empty(&rq->queue))
		return rq->idle;
	p = list_first_entry(&rq->queue, struct task_struct, run_list);
	dequeue_task(rq, p);
	return p;
}

/* Wakeup preemption: a task that was woken should not wait for the whole
 * timeslice of a CPU hog (CFS favours sleepers the same way). */
static void check_preempt_curr(struct rq *rq, struct task_struct *p)
{
	if (p != rq->curr)
		set_tsk_need_resched(rq->curr);
}

/* ---- switching ------------------------------------------------------- */

/* The C half of switch_to, on next's stack with interrupts off. */
struct task_struct *__switch_to(struct task_struct *prev,
				struct task_struct *next)
{
	fpu_switch(prev, next);
	tss_set_kernel_stack(next->thread.sp0);
	current_task = next;
	return prev;
}

/*
 * After the switch, in the context of the task that now runs: drop the
 * lock prev took and, if prev has exited, its "running" reference - the
 * last use of its kernel stack was the switch we just finished.
 */
static void finish_task_switch(struct task_struct *prev)
{
	long prev_state = prev->state;

	spin_unlock_irq(&runqueue.lock);
	if (prev_state == TASK_DEAD)
		put_task_struct(prev);
}

void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
}

/*
 * Kernel threads have no mm and keep whatever page directory is loaded
 * (Linux's lazy TLB): its kernel half is the same in every process, and
 * the owner of an mm switches away from it before freeing it.
 */
static void context_switch(struct rq *rq, struct task_struct *prev,
			   struct task_struct *next)
{
	if (next->mm)
		activate_mm(next->mm);
	prev = __switch_to_asm(prev, next);
	finish_task_switch(prev);
}

static void schedule_debug(struct task_struct *prev)
{
	if (unlikely(in_interrupt()))
		panic("BUG: scheduling while atomic: %s/%d/0x%08x", prev->comm,
		      prev->pid, preempt_count());
	if (unlikely(*(unsigned long *)prev->stack != STACK_END_MAGIC))
		panic("corrupted stack end detected inside scheduler (%s/%d)",
		      prev->comm, prev->pid);
}

/* prev stops running: requeue it if still runnable, else let it sleep -
 * unless a signal arrived for an interruptible sleeper meanwhile. */
static void put_prev_task(struct rq *rq, struct task_struct *prev)
{
	if (prev->state != TASK_RUNNING &&
	    signal_pending_state(prev->state, prev))
		prev->state = TASK_RUNNING;
	if (prev->state == TASK_RUNNING && !is_idle_task(prev))
		enqueue_task(rq, prev);
}

void schedule(void)
{
	struct rq *rq = &runqueue;
	struct task_struct *prev = current, *next;

	schedule_debug(prev);
	local_irq_disable();
	spin_lock(&rq->lock);
	clear_tsk_need_resched(prev);
	put_prev_task(rq, prev);
	next = pick_next_task(rq);
	if (next == prev) {
		spin_unlock_irq(&rq->lock);
		return;
	}
	if (prev->state == TASK_RUNNING)
		prev->nivcsw++;
	else
		prev->nvcsw++;
	rq->nr_switches++;
	rq->curr = next;
	context_switch(rq, prev, next);
}

void cond_resched(void)
{
	if (need_resched())
		schedule();
}

long sys_sched_yield(void)
{
	schedule();
	return 0;
}

/* ---- wakeups ----------------------------------------------------------- */

int try_to_wake_up(struct task_struct *p, unsigned int state)
{
	struct rq *rq = &runqueue;
	unsigned long flags;
	int success = 0;

	spin_lock_irqsave(&rq->lock, flags);
	if (p->state & state) {
		p->state = TASK_RUNNING;
		/* current being woken before it reached schedule(): it
		 * simply keeps running */
		if (!p->on_rq && p != rq->curr)
			enqueue_task(rq, p);
		check_preempt_curr(rq, p);
		success = 1;
	}
	spin_unlock_irqrestore(&rq->lock, flags);
	return success;
}

int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL);
}

/* The child of fork runs when its turn comes; the parent goes on. */
void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&runqueue.lock, flags);
	p->state = TASK_RUNNING;
	p->time_slice = RR_TIMESLICE;
	enqueue_task(&runqueue, p);
	spin_unlock_irqrestore(&runqueue.lock, flags);
}

/* ---- the tick ------------------------------------------------------------ */

/* Did the tick interrupt user mode? */
static int user_tick(void)
{
	struct pt_regs *regs = get_irq_regs();

	return regs && user_mode(regs);
}

/*
 * Hardirq, from update_process_times(). The timeslice ends only if someone
 * else wants the CPU; the actual switch happens later, at the next return
 * to user mode or when the kernel code sleeps.
 */
void scheduler_tick(void)
{
	struct rq *rq = &runqueue;
	struct task_struct *curr = rq->curr;

	account_process_tick(curr, user_tick());
	calc_global_load_tick(nr_running());
	if (is_idle_task(curr)) {
		if (rq->nr_queued)
			set_tsk_need_resched(curr);
		return;
	}
	if (--curr->time_slice)
		return;
	curr->time_slice = RR_TIMESLICE;
	if (rq->nr_queued)
		set_tsk_need_resched(curr);
}

unsigned int nr_running(void)
{
	return runqueue.nr_queued + !is_idle_task(runqueue.curr);
}

unsigned long nr_context_switches(void)
{
	return runqueue.nr_switches;
}

/* ---- boot ------------------------------------------------------------------ */

extern char boot_stack_bottom[], boot_stack_top[];

/* The boot context becomes pid 0, the idle task. */
void sched_init(void)
{
	struct task_struct *idle = &init_task;

	idle->stack = boot_stack_bottom;
	idle->thread.sp0 = (unsigned long)boot_stack_top;
	*(unsigned long *)idle->stack = STACK_END_MAGIC;
	idle->state = TASK_RUNNING;
	idle->flags = PF_KTHREAD | PF_IDLE;
	idle->usage = 1;
	idle->time_slice = RR_TIMESLICE;
	strlcpy(idle->comm, "swapper/0", TASK_COMM_LEN);
	INIT_LIST_HEAD(&idle->run_list);
	INIT_LIST_HEAD(&idle->children);
	INIT_LIST_HEAD(&idle->sibling);
	INIT_LIST_HEAD(&idle->tasks);
	init_waitqueue_head(&idle->wait_chldexit);
	runqueue.curr = runqueue.idle = idle;
	current_task = idle;
	fpu_init();
	pr_info("sched: round robin, timeslice %d ms, kernel not preemptible\n",
		RR_TIMESLICE * 1000 / HZ);
}
