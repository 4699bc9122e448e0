/*
 * Host tests for kernel/sched/core.c: the round-robin run queue, wakeups,
 * the timeslice and the idle task. The stack switch is simulated: the
 * __switch_to_asm shim only records the switch, so after schedule() returns
 * "current" is the task that was picked, as it would be on the CPU.
 */
#define panic unit_default_panic /* this test defines its own panic */
#include "tests/unit/unit.h"
#undef panic
#include <setjmp.h>

#include "lib/string.c"
#include "kernel/sched/core.c"
#include "kernel/sched/cputime.c"
#include "kernel/sched/loadavg.c"
#include "kernel/sched/wait.c"

volatile unsigned long jiffies;
volatile unsigned int __preempt_count;
char boot_stack_bottom[THREAD_SIZE], boot_stack_top[1];

int printk(const char *fmt, ...) { return 0; }
void fpu_init(void) {}
void fpu_switch(struct task_struct *prev, struct task_struct *next) {}

static unsigned long tss_sp0;
void tss_set_kernel_stack(unsigned long sp0) { tss_sp0 = sp0; }

static struct mm_struct *loaded_mm;
void activate_mm(struct mm_struct *mm) { loaded_mm = mm; }

static int puts_of_dead;
void put_task_struct(struct task_struct *p) { puts_of_dead++; }

/* The tick's interrupted registers: user or kernel mode. */
static struct pt_regs tick_regs;
struct pt_regs *get_irq_regs(void) { return &tick_regs; }

/* One timer interrupt, as do_IRQ would run it. */
static void tick(int user)
{
	tick_regs.cs = user ? __USER_CS : __KERNEL_CS;
	__preempt_count += HARDIRQ_OFFSET;
	scheduler_tick();
	__preempt_count -= HARDIRQ_OFFSET;
}

static int nr_switches_seen;
struct task_struct *__switch_to_asm(struct task_struct *prev,
				    struct task_struct *next)
{
	nr_switches_seen++;
	return __switch_to(prev, next);
}

/* A panic must not abort the test binary when a test expects one. */
static jmp_buf panic_jmp;
static int expect_panic;
__attribute__((noreturn)) void panic(const char *fmt, ...)
{
	if (expect_panic)
		longjmp(panic_jmp, 1);
	printf("FAIL unexpected panic: %s\n", fmt);
	abort();
}

static struct task_struct tasks[4];
static unsigned long stacks[4][THREAD_SIZE / sizeof(unsigned long)];

/* Fresh scheduler with three sleeping tasks A, B, C (pids 1..3). */
static void setup(void)
{
	memset(&init_task, 0, sizeof(init_task));
	memset(tasks, 0, sizeof(tasks));
	INIT_LIST_HEAD(&runqueue.queue);
	runqueue.nr_queued = 0;
	runqueue.lock.locked = 0;
	sched_init();
	for (int i = 1; i < 4; i++) {
		struct task_struct *p = &tasks[i];

		p->pid = i;
		p->stack = stacks[i];
		stacks[i][0] = STACK_END_MAGIC;
		p->thread.sp0 = (unsigned long)stacks[i] + THREAD_SIZE;
		p->state = TASK_INTERRUPTIBLE;
		p->time_slice = RR_TIMESLICE;
		INIT_LIST_HEAD(&p->run_list);
	}
	puts_of_dead = 0;
	nr_switches_seen = 0;
	memset(&kcpustat_cpu, 0, sizeof(kcpustat_cpu));
	__preempt_count = 0;
}

#define A (&tasks[1])
#define B (&tasks[2])
#define C (&tasks[3])

TEST(boot_context_becomes_idle_task_pid_0)
{
	setup();
	CHECK(current == &init_task);
	CHECK_EQ(current->pid, 0);
	CHECK_STR(current->comm, "swapper/0");
	CHECK(current->flags & PF_KTHREAD);
	CHECK_EQ(nr_running(), 0);
}

TEST(woken_tasks_run_in_fifo_order_then_round_robin)
{
	setup();
	wake_up_process(B);
	wake_up_process(A);
	wake_up_process(C);
	CHECK_EQ(nr_running(), 3);
	schedule();
	CHECK(current == B);
	schedule(); /* B still runnable: goes to the back */
	CHECK(current == A);
	schedule();
	CHECK(current == C);
	schedule();
	CHECK(current == B);
	CHECK_EQ(nr_running(), 3);
}

TEST(switch_loads_next_kernel_stack_into_tss)
{
	setup();
	wake_up_process(A);
	schedule();
	CHECK_EQ(tss_sp0, A->thread.sp0);
	CHECK_EQ(nr_switches_seen, 1);
}

TEST(sleeping_task_leaves_the_queue_and_idle_runs)
{
	setup();
	wake_up_process(A);
	schedule();
	CHECK(current == A);
	set_current_state(TASK_INTERRUPTIBLE);
	schedule();
	CHECK(current == &init_task);
	CHECK(!A->on_rq);
	CHECK_EQ(nr_running(), 0);
	CHECK_EQ(A->nvcsw, 1);
}

TEST(wakeup_asks_the_running_task_to_reschedule)
{
	setup();
	CHECK(!need_resched());
	CHECK_EQ(wake_up_process(A), 1);
	CHECK(need_resched());
	schedule();
	CHECK(current == A);
	CHECK(!test_tsk_thread_flag(&init_task, TIF_NEED_RESCHED));
}

TEST(waking_a_running_task_is_a_no_op)
{
	setup();
	wake_up_process(A);
	CHECK_EQ(wake_up_process(A), 0);
	CHECK_EQ(runqueue.nr_queued, 1);
}

TEST(wakeup_before_schedule_keeps_the_sleeper_running)
{
	setup();
	wake_up_process(A);
	schedule();
	set_current_state(TASK_INTERRUPTIBLE);
	/* an IRQ makes the condition true and wakes A here */
	CHECK_EQ(wake_up_process(A), 1);
	CHECK(!A->on_rq); /* the running task is never queued */
	schedule();
	CHECK(current == A);
	CHECK_EQ(A->state, TASK_RUNNING);
}

TEST(interruptible_sleeper_with_pending_signal_does_not_sleep)
{
	setup();
	wake_up_process(A);
	schedule();
	set_current_state(TASK_INTERRUPTIBLE);
	set_tsk_thread_flag(A, TIF_SIGPENDING);
	schedule();
	CHECK(current == A);
	CHECK_EQ(A->state, TASK_RUNNING);
}

TEST(uninterruptible_sleeper_ignores_signals_and_interruptible_wakeups)
{
	setup();
	wake_up_process(A);
	schedule();
	set_current_state(TASK_UNINTERRUPTIBLE);
	set_tsk_thread_flag(A, TIF_SIGPENDING);
	schedule();
	CHECK(current == &init_task);
	CHECK_EQ(try_to_wake_up(A, TASK_INTERRUPTIBLE), 0);
	CHECK_EQ(try_to_wake_up(A, TASK_NORMAL), 1);
	CHECK(A->on_rq);
}

TEST(timeslice_expiry_preempts_only_when_others_wait)
{
	setup();
	wake_up_process(A);
	schedule();
	clear_tsk_need_resched(A);
	for (int i = 0; i < RR_TIMESLICE; i++)
		tick(1);
	CHECK(!need_resched()); /* alone: keeps the CPU */
	CHECK_EQ(A->utime, RR_TIMESLICE);
	wake_up_process(B);
	clear_tsk_need_resched(A);
	for (int i = 0; i < RR_TIMESLICE - 1; i++)
		tick(0);
	CHECK(!need_resched());
	tick(0);
	CHECK(need_resched());
	CHECK_EQ(A->stime, RR_TIMESLICE);
	schedule();
	CHECK(current == B);
	CHECK_EQ(A->nivcsw, 1);
}

TEST(idle_tick_with_queued_task_asks_for_reschedule)
{
	setup();
	wake_up_process(A);
	clear_tsk_need_resched(current);
	tick(0);
	CHECK(need_resched());
}

TEST(ticks_are_charged_to_user_system_softirq_irq_or_idle)
{
	setup();
	tick(0); /* idle, nothing else running */
	CHECK_EQ(kcpustat_cpu.cpustat[CPUTIME_IDLE], 1);
	CHECK_EQ(init_task.stime, 0);
	__preempt_count = SOFTIRQ_OFFSET; /* idle was serving NET_RX */
	tick(0);
	CHECK_EQ(kcpustat_cpu.cpustat[CPUTIME_SOFTIRQ], 1);
	__preempt_count = HARDIRQ_OFFSET; /* a nested hard IRQ */
	tick(0);
	CHECK_EQ(kcpustat_cpu.cpustat[CPUTIME_IRQ], 1);
	__preempt_count = 0;
	wake_up_process(A);
	schedule();
	tick(1);
	tick(0);
	CHECK_EQ(kcpustat_cpu.cpustat[CPUTIME_USER], 1);
	CHECK_EQ(kcpustat_cpu.cpustat[CPUTIME_SYSTEM], 1);
	CHECK_EQ(A->utime, 1);
	CHECK_EQ(A->stime, 1);
}

TEST(load_average_follows_linux_fixed_point)
{
	unsigned long load = 0;

	/* one runnable task for a minute: the 1-minute average nears 1 */
	for (int i = 0; i < 12; i++)
		load = calc_load(load, EXP_1, FIXED_1);
	CHECK_EQ(LOAD_INT(load), 0);
	CHECK(LOAD_FRAC(load) >= 60 && LOAD_FRAC(load) <= 65); /* 1 - 1/e */
	for (int i = 0; i < 120; i++)
		load = calc_load(load, EXP_1, 0);
	CHECK(load < FIXED_1 / 100);
}

TEST(dead_task_is_released_after_the_switch_away)
{
	setup();
	wake_up_process(A);
	schedule();
	A->state = TASK_DEAD;
	schedule();
	CHECK(current == &init_task);
	CHECK_EQ(puts_of_dead, 1);
}

TEST(scheduling_in_interrupt_context_panics)
{
	setup();
	__preempt_count = HARDIRQ_OFFSET;
	expect_panic = 1;
	if (!setjmp(panic_jmp)) {
		schedule();
		FAILF("schedule() in hardirq did not panic");
	}
	expect_panic = 0;
	__preempt_count = 0;
	runqueue.lock.locked = 0;
}

TEST(overwritten_stack_end_is_caught_by_schedule)
{
	setup();
	wake_up_process(A);
	schedule();
	stacks[1][0] = 0; /* as if a deep recursion ran off the stack */
	expect_panic = 1;
	if (!setjmp(panic_jmp)) {
		schedule();
		FAILF("corrupted stack not detected");
	}
	expect_panic = 0;
	runqueue.lock.locked = 0;
}

TEST(wake_up_on_a_wait_queue_makes_the_sleeper_runnable)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	wait_queue_entry_t w;

	setup();
	wake_up_process(A);
	schedule();
	init_waitqueue_entry(&w, A);
	prepare_to_wait(&wq, &w, TASK_INTERRUPTIBLE);
	schedule();
	CHECK(current == &init_task);
	wake_up_interruptible(&wq);
	CHECK(A->on_rq);
	CHECK(need_resched());
	schedule();
	CHECK(current == A);
	finish_wait(&wq, &w);
	CHECK(list_empty(&wq.head));
}

RUN_TESTS()
