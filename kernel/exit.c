/*
 * exit.c - ending tasks and waiting for children: exit(), exit_group(),
 * wait4(), waitpid() (Linux: kernel/exit.c).
 *
 * A task ends in do_exit(): it gives back its address space, files and
 * cwd, hands its children to init, tells its parent (SIGCHLD and a wakeup
 * of wait4), and schedules away for good as a zombie. The zombie keeps
 * only its task_struct and kernel stack, so the parent can read the exit
 * status; wait4() then reaps it (release_task). If the parent ignores
 * SIGCHLD explicitly (SIG_IGN or SA_NOCLDWAIT) - kthreadd does - the task
 * reaps itself.
 *
 *   running --do_exit--> EXIT_ZOMBIE --wait4--> EXIT_DEAD --> freed
 *                    \-------(parent ignores SIGCHLD)-----/
 *
 * The exit status has wait()'s encoding: (code & 0xff) << 8 for exit(code),
 * the signal number for a death by signal.
 * Process context; the lists change with interrupts off (tasklist_lock).
 */
#include "kernel/sched/task.h"
#include "kernel/errno.h"
#include "kernel/fdtable.h"
#include "kernel/mm_types.h"
#include "kernel/mmu_context.h"
#include "kernel/preempt.h"
#include "kernel/printk.h"
#include "kernel/signal.h"
#include "kernel/timer.h"

#define WNOHANG 0x00000001
#define WUNTRACED 0x00000002
#define WCONTINUED 0x00000008
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000

/* ---- giving resources back ------------------------------------------------- */

static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;
	int zero = 0;

	if (!mm)
		return;
	/* set_tid_address(): tell a waiter we are gone (Linux also futex-wakes) */
	if (tsk->clear_child_tid)
		copy_to_user(tsk->clear_child_tid, &zero, sizeof(zero));
	activate_kernel_mm(); /* never free the page tables we run on */
	tsk->mm = NULL;
	mmput(mm);
}

void release_task(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p->exit_state = EXIT_DEAD;
	list_del_init(&p->tasks);
	list_del_init(&p->sibling);
	nr_threads--;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_task_struct(p);
}

/* ---- telling the family ------------------------------------------------------ */

/*
 * Send the parent its exit_signal with the child's status and wake its
 * wait4(). Returns 1 if the child should reap itself (the parent set
 * SIGCHLD to SIG_IGN or SA_NOCLDWAIT, as POSIX says).
 */
static int do_notify_parent(struct task_struct *tsk, int sig)
{
	struct task_struct *parent = tsk->real_parent;
	struct k_sigaction *psig = &parent->action[SIGCHLD - 1];
	kernel_siginfo_t info = { .si_signo = sig };
	int autoreap = 0;

	info.sigchld.pid = tsk->pid;
	info.sigchld.utime = tsk->utime;
	info.sigchld.stime = tsk->stime;
	if (tsk->exit_code & 0x7f) {
		info.si_code = CLD_KILLED;
		info.sigchld.status = tsk->exit_code & 0x7f;
	} else {
		info.si_code = CLD_EXITED;
		info.sigchld.status = tsk->exit_code >> 8;
	}
	if (sig == SIGCHLD && (psig->sa.sa_handler == SIG_IGN ||
			       (psig->sa.sa_flags & SA_NOCLDWAIT))) {
		autoreap = 1;
		if (psig->sa.sa_handler == SIG_IGN)
			sig = 0;
	}
	if (valid_signal(sig) && sig)
		send_signal_info(sig, &info, parent);
	wake_up_interruptible_all(&parent->wait_chldexit);
	return autoreap;
}

/*
 * Orphans go to init (Linux: forget_original_parent / find_new_reaper).
 * A child that is already a zombie is announced to init, which reaps it.
 */
static void forget_original_parent(struct task_struct *father)
{
	struct task_struct *reaper = child_reaper();
	struct task_struct *p, *n;
	unsigned long flags;

	if (!reaper || reaper == father)
		panic("Attempted to kill init! exitcode=0x%08x", father->exit_code);
	list_for_each_entry_safe(p, n, &father->children, sibling) {
		spin_lock_irqsave(&tasklist_lock, flags);
		p->real_parent = reaper;
		list_move_tail(&p->sibling, &reaper->children);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (p->exit_state == EXIT_ZOMBIE && do_notify_parent(p, SIGCHLD))
			release_task(p);
	}
}

static void exit_notify(struct task_struct *tsk)
{
	int autoreap;

	if (!list_empty(&tsk->children))
		forget_original_parent(tsk);
	autoreap = do_notify_parent(tsk, tsk->exit_signal);
	tsk->exit_state = EXIT_ZOMBIE;
	if (autoreap)
		release_task(tsk);
}

/* Our last schedule(): finish_task_switch drops the running reference. */
static __noreturn void do_task_dead(void)
{
	set_current_state(TASK_DEAD);
	schedule();
	panic("do_task_dead: dead task %d ran again", current->pid);
}

__noreturn void do_exit(long code)
{
	struct task_struct *tsk = current;

	if (unlikely(in_interrupt()))
		panic("Aiee, killing interrupt handler!");
	if (unlikely(is_idle_task(tsk)))
		panic("Attempted to kill the idle task!");
	if (unlikely(tsk->pid == 1))
		panic("Attempted to kill init! exitcode=0x%08lx", code);
	if (tsk->flags & PF_EXITING)
		panic("recursive do_exit in %s[%d]", tsk->comm, tsk->pid);
	tsk->flags |= PF_EXITING;
	tsk->exit_code = code;
	del_timer(&tsk->real_timer); /* a pending alarm() must not fire on us */
	exit_mm(tsk);
	exit_files(tsk);
	exit_fs(tsk);
	if (tsk->kthread)
		kthread_exit_notify(tsk, code);
	exit_notify(tsk);
	do_task_dead();
}

/* One thread per process in rxos, so the group is just us. */
__noreturn void do_group_exit(int exit_code)
{
	do_exit(exit_code);
}

long sys_exit(int error_code)
{
	do_exit((error_code & 0xff) << 8);
}

long sys_exit_group(int error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

/* ---- waiting ------------------------------------------------------------------- */

/* i386 struct rusage: two struct timeval, then 14 longs. */
struct rusage32 {
	long ru_utime_sec, ru_utime_usec, ru_stime_sec, ru_stime_usec;
	long rest[14];
};

static int fill_rusage(struct task_struct *p, void __user *ru)
{
	struct rusage32 r = { 0 };

	if (!ru)
		return 0;
	r.ru_utime_sec = p->utime / HZ;
	r.ru_utime_usec = (p->utime % HZ) * (1000000 / HZ);
	r.ru_stime_sec = p->stime / HZ;
	r.ru_stime_usec = (p->stime % HZ) * (1000000 / HZ);
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

/* Which children does wait4's pid argument select? */
static int eligible_child(struct task_struct *p, pid_t upid)
{
	if (upid > 0)
		return p->pid == upid;
	if (upid == 0)
		return p->pgrp == current->pgrp;
	if (upid == -1)
		return 1;
	return p->pgrp == -upid;
}

/* Report and reap a zombie; its pid, or -EFAULT (it stays a zombie). */
static pid_t wait_task_zombie(struct task_struct *p, int __user *stat_addr,
			      void __user *ru)
{
	pid_t pid = p->pid;

	if (stat_addr && put_user(p->exit_code, stat_addr))
		return -EFAULT;
	if (fill_rusage(p, ru))
		return -EFAULT;
	current->cutime += p->utime + p->cutime;
	current->cstime += p->stime + p->cstime;
	release_task(p);
	return pid;
}

/*
 * One pass over our children: a reaped pid, 0 if some eligible child is
 * still running, -ECHILD if there is none.
 */
static pid_t do_wait_thread(pid_t upid, int __user *stat_addr, void __user *ru)
{
	struct task_struct *p;
	pid_t ret = -ECHILD;

	list_for_each_entry(p, &current->children, sibling) {
		if (!eligible_child(p, upid))
			continue;
		if (p->exit_state == EXIT_ZOMBIE)
			return wait_task_zombie(p, stat_addr, ru);
		ret = 0;
	}
	return ret;
}

long sys_wait4(pid_t upid, int __user *stat_addr, int options,
	       void __user *ru)
{
	DEFINE_WAIT_FUNC(wait, default_wake_function);
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	add_wait_queue(&current->wait_chldexit, &wait);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		ret = do_wait_thread(upid, stat_addr, ru);
		if (ret || (options & WNOHANG))
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	remove_wait_queue(&current->wait_chldexit, &wait);
	return ret;
}

long sys_waitpid(pid_t pid, int __user *stat_addr, int options)
{
	return sys_wait4(pid, stat_addr, options, NULL);
}
