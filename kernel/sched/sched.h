/*
 * sched.h - tasks and the scheduler (Linux: include/linux/sched.h,
 * kernel/sched/core.c, arch/x86/include/asm/switch_to.h).
 *
 * Every thread of execution is a task_struct: user processes, kernel threads
 * (ksoftirqd/0, kthreadd) and the idle task (pid 0, "swapper/0", the boot
 * context). Each has its own kernel stack of THREAD_SIZE bytes; a user
 * process enters the kernel on that stack (the TSS's esp0 points at its top)
 * and its user registers are saved there as a struct pt_regs.
 *
 * One CPU, one run queue, round robin: runnable tasks wait in FIFO order;
 * the timer tick takes RR_TIMESLICE ticks off the running task and then
 * asks for a reschedule. Kernel code is never preempted (Linux's
 * CONFIG_PREEMPT_NONE): a reschedule request (TIF_NEED_RESCHED) is honoured
 * when the task calls schedule() itself (it sleeps) or when it is about to
 * return to user mode from a system call or an interrupt. So kernel data
 * shared only between tasks needs no lock; data shared with interrupt
 * handlers needs interrupts off (spin_lock_irqsave).
 *
 * `current` is the running task. It is a plain global here (Linux: the
 * per-CPU variable current_task); in gdb: `p *current_task`.
 */
#ifndef RXOS_KERNEL_SCHED_SCHED_H
#define RXOS_KERNEL_SCHED_SCHED_H

#include "kernel/kernel.h"
#include "kernel/list.h"
#include "kernel/sched/state.h"
#include "kernel/sched/wait.h"
#include "kernel/signal_types.h"
#include "kernel/time.h"
#include "kernel/timer.h"

typedef int pid_t; /* C11 allows the host's identical typedef too */

#define THREAD_SIZE_ORDER 2
#define THREAD_SIZE (PAGE_SIZE << THREAD_SIZE_ORDER) /* 16 KiB kernel stack */
#define TASK_COMM_LEN 16
#define RR_TIMESLICE (100 * HZ / 1000) /* 100 ms, as Linux's SCHED_RR */
#define PID_MAX_DEFAULT 32768
#define STACK_END_MAGIC 0x57AC6E9DUL /* at the lowest word of every stack */

/* task->flags (Linux PF_*) */
#define PF_IDLE 0x00000002u
#define PF_EXITING 0x00000004u
#define PF_FORKNOEXEC 0x00000040u /* forked but did not exec */
#define PF_SIGNALED 0x00000400u   /* killed by a signal */
#define PF_KTHREAD 0x00200000u

/* task->thread_flags bits (Linux: thread_info.flags, TIF_*) */
#define TIF_SIGPENDING 2
#define TIF_NEED_RESCHED 3

/*
 * CPU state of a task that is not running (Linux: struct thread_struct).
 * switch_to saves callee-saved registers on the kernel stack and the stack
 * pointer in sp; the rest of the registers are already on that stack.
 */
struct thread_struct {
	unsigned long sp;  /* kernel esp while switched out */
	unsigned long sp0; /* top of the kernel stack: TSS.esp0 while running */
	/* the last user-mode exception, for the signal frame (sigcontext) */
	unsigned long cr2, trap_nr, error_code;
	/* x87 state saved with fnsave on every switch; 108 bytes */
	uint8_t fpu_state[108] __aligned(16);
};

struct mm_struct;
struct files_struct;
struct fs_struct;
struct tty_struct;
struct kthread;

struct task_struct {
	/* must stay first: switch_32.asm finds thread.sp at offset 0 */
	struct thread_struct thread;

	/* --- scheduler state; changed with interrupts off (wakeups may come
	 *     from IRQs) --- */
	volatile long state;	    /* TASK_RUNNING, TASK_INTERRUPTIBLE, ... */
	unsigned long thread_flags; /* TIF_NEED_RESCHED, TIF_SIGPENDING */
	unsigned int flags;	    /* PF_* */
	int on_rq;		    /* queued on the run queue */
	struct list_head run_list;  /* run queue link */
	unsigned int time_slice;    /* ticks left before preemption */
	void *stack;		    /* lowest address of the kernel stack */
	int usage;		    /* references; freed at 0 */

	/* --- identity --- */
	pid_t pid;
	pid_t tgid; /* = pid: rxos has no multi-threaded processes */
	char comm[TASK_COMM_LEN];

	/* --- family; process context only (fork, exit, wait, setpgid) --- */
	struct task_struct *real_parent; /* who forked us, or init */
	struct list_head children;	/* our children: their sibling */
	struct list_head sibling;
	struct list_head tasks; /* every task, from init_task */
	pid_t pgrp, session;
	struct tty_struct *tty; /* controlling terminal, or NULL */
	int exit_state;		/* EXIT_ZOMBIE, EXIT_DEAD, or 0 */
	int exit_code;		/* wait status, as wait4() returns it */
	int exit_signal;	/* sent to the parent at exit: SIGCHLD */
	wait_queue_head_t wait_chldexit; /* we sleep here in wait4() */

	/* --- accounting, in jiffies; start_time in ns since boot --- */
	unsigned long utime, stime;
	unsigned long cutime, cstime; /* reaped children's */
	unsigned long nvcsw, nivcsw; /* voluntary, involuntary switches */
	unsigned long min_flt;
	uint64_t start_time;

	/* --- resources; NULL in kernel threads (mm), shared never --- */
	struct mm_struct *mm;
	struct files_struct *files;
	struct fs_struct *fs;

	/* --- signals; pending is changed with interrupts off --- */
	struct k_sigaction action[_NSIG]; /* Linux: sighand->action */
	sigset_t blocked;
	sigset_t saved_sigmask; /* restored after rt_sigsuspend */
	int restore_sigmask;
	struct sigpending pending;
	struct timer_list real_timer; /* alarm(): SIGALRM when it fires */

	/* --- kernel threads --- */
	struct kthread *kthread;
	void *set_child_tid, *clear_child_tid; /* set_tid_address() */
};

/* The idle task, pid 0: the boot context. Head of the task list. */
extern struct task_struct init_task;
extern struct task_struct *current_task;

static inline struct task_struct *get_current(void)
{
	return current_task;
}
#define current get_current()

#define for_each_process(p) \
	list_for_each_entry(p, &init_task.tasks, tasks)

static inline void set_tsk_thread_flag(struct task_struct *p, int flag)
{
	__atomic_or_fetch(&p->thread_flags, 1UL << flag, __ATOMIC_SEQ_CST);
}

static inline void clear_tsk_thread_flag(struct task_struct *p, int flag)
{
	__atomic_and_fetch(&p->thread_flags, ~(1UL << flag), __ATOMIC_SEQ_CST);
}

static inline int test_tsk_thread_flag(struct task_struct *p, int flag)
{
	return (p->thread_flags >> flag) & 1;
}

#define set_tsk_need_resched(p) set_tsk_thread_flag(p, TIF_NEED_RESCHED)
#define clear_tsk_need_resched(p) clear_tsk_thread_flag(p, TIF_NEED_RESCHED)
#define need_resched() test_tsk_thread_flag(current, TIF_NEED_RESCHED)
#define signal_pending(p) test_tsk_thread_flag(p, TIF_SIGPENDING)

/* Only a sleep that a signal may interrupt ends early on a signal. */
static inline int signal_pending_state(long state, struct task_struct *p)
{
	return (state & TASK_INTERRUPTIBLE) && signal_pending(p);
}

/* Set the state a sleeper will have once it calls schedule(). */
#define __set_current_state(s) (current->state = (s))
#define set_current_state(s)                              \
	do {                                              \
		current->state = (s);                     \
		__atomic_thread_fence(__ATOMIC_SEQ_CST); \
	} while (0)

static inline int is_idle_task(const struct task_struct *p)
{
	return p->pid == 0;
}

/* ---- core.c --------------------------------------------------------- */

/* Make the boot context the idle task (pid 0). Early in start_kernel. */
void sched_init(void);
/*
 * Give up the CPU. If current->state is not TASK_RUNNING the task sleeps
 * until try_to_wake_up(); otherwise it goes to the back of the run queue.
 * Process context only; returns with interrupts enabled.
 */
void schedule(void);
/* schedule() if a reschedule was asked for. The only preemption point in
 * long kernel loops. */
void cond_resched(void);
/* Wake p if its state is in `state` (TASK_NORMAL...). Any context. Returns
 * 1 if it was woken, 0 if it was not asleep in such a state. */
int try_to_wake_up(struct task_struct *p, unsigned int state);
int wake_up_process(struct task_struct *p);
/* Put a new task on the run queue for the first time. */
void wake_up_new_task(struct task_struct *p);
/* Timer interrupt, hardirq: charge the tick, expire the timeslice. */
void scheduler_tick(void);
/* Tasks runnable now, counting the running one (for /proc/loadavg). */
unsigned int nr_running(void);
unsigned long nr_context_switches(void);
/* sched_yield(): to the back of the queue. */
long sys_sched_yield(void);

/* ---- idle.c ---------------------------------------------------------- */
/* The boot context's last call: run the idle loop forever. */
__noreturn void cpu_startup_entry(void);

/* ---- timeout.c ------------------------------------------------------- */
/* Sleep for up to timeout jiffies in current->state (set by the caller);
 * returns the jiffies left if woken early, else 0. */
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
void msleep(unsigned int msecs);
/* Like msleep, but a signal ends it early; returns the ms left. */
unsigned long msleep_interruptible(unsigned int msecs);

/* ---- fork.c, pid.c, exit.c ------------------------------------------- */
/* References that keep a task_struct (and its stack) allocated. */
void get_task_struct(struct task_struct *p);
void put_task_struct(struct task_struct *p);
/* Stack top, where user registers are saved on kernel entry. */
#define task_pt_regs(p) \
	((struct pt_regs *)((unsigned long)(p)->stack + THREAD_SIZE) - 1)
#define current_pt_regs() task_pt_regs(current)
struct task_struct *find_task_by_pid(pid_t pid);
__noreturn void do_exit(long code);
__noreturn void do_group_exit(int exit_code);
/* Set comm (truncated to 15 chars). */
void set_task_comm(struct task_struct *p, const char *name);
/* The first task (in the task list) in process group pgrp, or NULL. */
struct task_struct *find_task_in_pgrp(pid_t pgrp);

/* ---- switch_32.asm ----------------------------------------------------- */
/* Switch stacks from prev to next; returns (in next's context) the task we
 * switched away from. Interrupts off. */
struct task_struct *__switch_to_asm(struct task_struct *prev,
				    struct task_struct *next);
/* Where a new task starts: finish the switch, then run ebx(edi) for a
 * kernel thread, or return to user mode with the registers at the top of
 * its stack. */
void ret_from_fork(void);

/* core.c: the C half of the switch, called by __switch_to_asm. */
struct task_struct *__switch_to(struct task_struct *prev,
				struct task_struct *next);
/* First thing a new task runs (from ret_from_fork). */
void schedule_tail(struct task_struct *prev);

#endif
