/*
 * Host tests for kernel/sched/wait.c and completion.c: who gets woken, in
 * which order, with which key, and what wait_event*() return. The scheduler
 * is a shim: schedule() runs `while_asleep`, the test's stand-in for the
 * interrupt or other task that acts while the sleeper is off the CPU.
 */
#include "tests/unit/unit.h"

#include "lib/string.c"
#include "kernel/sched/sched.h"
#include "kernel/sched/wait.c"
#include "kernel/sched/completion.c"

volatile unsigned int __preempt_count;
volatile unsigned long jiffies;
static struct task_struct task_a, task_b;
struct task_struct *current_task = &task_a;

static int woken[8], nwoken;
int try_to_wake_up(struct task_struct *p, unsigned int state)
{
	if (!(p->state & state))
		return 0;
	p->state = TASK_RUNNING;
	woken[nwoken++] = p->pid;
	return 1;
}

static void (*while_asleep)(void);
static int nr_schedules;
void schedule(void)
{
	nr_schedules++;
	if (nr_schedules > 100) {
		FAILF("sleeper never woken");
		current->state = TASK_RUNNING;
		return;
	}
	if (while_asleep)
		while_asleep();
}

/* Pretends `left` jiffies passed without a wakeup unless one came. */
long schedule_timeout(long timeout)
{
	schedule();
	if (current->state == TASK_RUNNING)
		return timeout / 2;
	current->state = TASK_RUNNING;
	return 0;
}

static void setup(void)
{
	memset(&task_a, 0, sizeof(task_a));
	memset(&task_b, 0, sizeof(task_b));
	task_a.pid = 1;
	task_b.pid = 2;
	nwoken = 0;
	nr_schedules = 0;
	while_asleep = NULL;
	current_task = &task_a;
}

static DECLARE_WAIT_QUEUE_HEAD(wq);
static int cond;

TEST(wake_up_wakes_every_plain_waiter_but_one_exclusive)
{
	wait_queue_entry_t e1, e2, x1, x2;
	struct task_struct t[4] = { { .pid = 11 }, { .pid = 12 }, { .pid = 13 },
				     { .pid = 14 } };

	setup();
	for (int i = 0; i < 4; i++)
		t[i].state = TASK_INTERRUPTIBLE;
	init_waitqueue_entry(&e1, &t[0]);
	init_waitqueue_entry(&e2, &t[1]);
	init_waitqueue_entry(&x1, &t[2]);
	init_waitqueue_entry(&x2, &t[3]);
	add_wait_queue_exclusive(&wq, &x1);
	add_wait_queue(&wq, &e1);
	add_wait_queue_exclusive(&wq, &x2);
	add_wait_queue(&wq, &e2);
	wake_up(&wq);
	CHECK_EQ(nwoken, 3);
	CHECK_EQ(woken[0], 12); /* plain waiters first, newest first */
	CHECK_EQ(woken[1], 11);
	CHECK_EQ(woken[2], 13); /* then exactly one exclusive */
	CHECK_EQ(t[3].state, TASK_INTERRUPTIBLE);
	wake_up_all(&wq);
	CHECK_EQ(nwoken, 4);
	CHECK_EQ(woken[3], 14);
	remove_wait_queue(&wq, &e1);
	remove_wait_queue(&wq, &e2);
	remove_wait_queue(&wq, &x1);
	remove_wait_queue(&wq, &x2);
	CHECK(!waitqueue_active(&wq));
}

TEST(interruptible_wakeup_leaves_uninterruptible_sleepers_alone)
{
	wait_queue_entry_t e;

	setup();
	task_b.state = TASK_UNINTERRUPTIBLE;
	init_waitqueue_entry(&e, &task_b);
	add_wait_queue(&wq, &e);
	wake_up_interruptible(&wq);
	CHECK_EQ(nwoken, 0);
	wake_up(&wq);
	CHECK_EQ(nwoken, 1);
	remove_wait_queue(&wq, &e);
}

static int cb_calls;
static unsigned long cb_key;
static int poll_callback(wait_queue_entry_t *w, unsigned int mode, int flags,
			 void *key)
{
	cb_calls++;
	cb_key = (unsigned long)key;
	return 1;
}

TEST(func_entry_gets_the_poll_key_like_ep_poll_callback)
{
	wait_queue_entry_t e;

	setup();
	init_waitqueue_func_entry(&e, poll_callback);
	add_wait_queue(&wq, &e);
	cb_calls = 0;
	wake_up_interruptible_poll(&wq, 0x41);
	CHECK_EQ(cb_calls, 1);
	CHECK_EQ(cb_key, 0x41);
	wake_up(&wq);
	CHECK_EQ(cb_calls, 2);
	CHECK_EQ(cb_key, 0);
	remove_wait_queue(&wq, &e);
}

TEST(autoremove_entry_leaves_the_queue_when_it_wakes_the_task)
{
	DEFINE_WAIT(w);

	setup();
	prepare_to_wait(&wq, &w, TASK_INTERRUPTIBLE);
	CHECK_EQ(task_a.state, TASK_INTERRUPTIBLE);
	CHECK(waitqueue_active(&wq));
	wake_up(&wq);
	CHECK_EQ(task_a.state, TASK_RUNNING);
	CHECK(!waitqueue_active(&wq));
	finish_wait(&wq, &w);
}

TEST(prepare_to_wait_twice_queues_once)
{
	DEFINE_WAIT(w);

	setup();
	prepare_to_wait(&wq, &w, TASK_INTERRUPTIBLE);
	prepare_to_wait(&wq, &w, TASK_INTERRUPTIBLE);
	CHECK(wq.head.next == &w.entry && wq.head.prev == &w.entry);
	finish_wait(&wq, &w);
	CHECK(!waitqueue_active(&wq));
	CHECK_EQ(task_a.state, TASK_RUNNING);
}

static void irq_sets_cond_and_wakes(void)
{
	cond = 1;
	wake_up_interruptible(&wq);
}

TEST(wait_event_interruptible_sleeps_until_woken_with_condition)
{
	setup();
	cond = 0;
	while_asleep = irq_sets_cond_and_wakes;
	CHECK_EQ(wait_event_interruptible(wq, cond), 0);
	CHECK_EQ(nr_schedules, 1);
	CHECK_EQ(task_a.state, TASK_RUNNING);
	CHECK(!waitqueue_active(&wq));
}

TEST(wait_event_interruptible_with_true_condition_does_not_sleep)
{
	setup();
	cond = 1;
	CHECK_EQ(wait_event_interruptible(wq, cond), 0);
	CHECK_EQ(nr_schedules, 0);
}

static void signal_arrives(void)
{
	set_tsk_thread_flag(&task_a, TIF_SIGPENDING);
	try_to_wake_up(&task_a, TASK_INTERRUPTIBLE);
}

TEST(wait_event_interruptible_returns_erestartsys_on_signal)
{
	setup();
	cond = 0;
	while_asleep = signal_arrives;
	CHECK_EQ(wait_event_interruptible(wq, cond), -ERESTARTSYS);
	CHECK_EQ(task_a.state, TASK_RUNNING);
	CHECK(!waitqueue_active(&wq));
}

static int spurious;
static void spurious_then_real_wakeup(void)
{
	if (spurious++)
		cond = 1;
	wake_up(&wq);
}

TEST(wait_event_rechecks_condition_after_spurious_wakeup)
{
	setup();
	cond = 0;
	spurious = 0;
	while_asleep = spurious_then_real_wakeup;
	wait_event(wq, cond);
	CHECK_EQ(nr_schedules, 2);
}

static void nothing_happens(void) {}

TEST(wait_event_interruptible_timeout_returns_0_when_time_runs_out)
{
	setup();
	cond = 0;
	while_asleep = nothing_happens;
	CHECK_EQ(wait_event_interruptible_timeout(wq, cond, 10), 0);
	CHECK(!waitqueue_active(&wq));
}

TEST(wait_event_interruptible_timeout_returns_time_left_when_woken)
{
	setup();
	cond = 0;
	while_asleep = irq_sets_cond_and_wakes;
	CHECK_EQ(wait_event_interruptible_timeout(wq, cond, 10), 5);
}

TEST(completion_counts_completes_before_the_wait)
{
	struct completion done;

	setup();
	init_completion(&done);
	complete(&done);
	complete(&done);
	wait_for_completion(&done);
	wait_for_completion(&done);
	CHECK_EQ(nr_schedules, 0);
	CHECK_EQ(done.done, 0);
}

static struct completion later;
static void complete_later(void)
{
	complete(&later);
}

TEST(completion_wait_sleeps_until_complete)
{
	setup();
	init_completion(&later);
	while_asleep = complete_later;
	wait_for_completion(&later);
	CHECK_EQ(nr_schedules, 1);
	CHECK_EQ(later.done, 0);
}

RUN_TESTS()
