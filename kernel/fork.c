/*
 * fork.c - creating tasks: fork(), vfork(), clone() and kernel threads
 * (Linux: kernel/fork.c, arch/x86/kernel/process_32.c copy_thread).
 *
 * Everything goes through kernel_clone(): copy_process() makes the child -
 * a copy of current's task_struct on a fresh kernel stack, with its own
 * copies of the address space, file table, cwd and signal handlers - and
 * wake_up_new_task() puts it on the run queue. The parent returns the
 * child's pid; the child starts in ret_from_fork and returns 0 from the
 * same system call, with the parent's saved user registers.
 *
 * Process context. The task list and children lists change with
 * interrupts off (tasklist_lock), because the tty's ^C walks the task list
 * from its interrupt handler (kill_pgrp).
 */
#include "kernel/sched/sched.h"
#include "kernel/err.h"
#include "kernel/errno.h"
#include "kernel/fdtable.h"
#include "kernel/mm/gfp.h"
#include "kernel/mm/slab.h"
#include "kernel/mm_types.h"
#include "kernel/printk.h"
#include "kernel/ptrace.h"
#include "kernel/sched/fpu.h"
#include "kernel/sched/task.h"
#include "kernel/signal.h"
#include "kernel/uaccess.h"
#include "lib/string.h"

DEFINE_SPINLOCK(tasklist_lock);
int nr_threads = 1;	       /* tasks alive, the idle task included */
unsigned long total_forks; /* /proc/stat "processes" */

/* ---- task_struct lifetime --------------------------------------------- */

void get_task_struct(struct task_struct *p)
{
	p->usage++;
}

/* The last reference: free the stack and the task (Linux: __put_task_struct). */
void put_task_struct(struct task_struct *p)
{
	if (--p->usage)
		return;
	BUG_ON(p == current || is_idle_task(p));
	free_kthread_struct(p);
	free_pages((unsigned long)p->stack, THREAD_SIZE_ORDER);
	kfree(p);
}

static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *tsk = kmalloc(sizeof(*tsk), GFP_KERNEL);
	void *stack;

	if (!tsk)
		return NULL;
	stack = (void *)__get_free_pages(GFP_KERNEL, THREAD_SIZE_ORDER);
	if (!stack) {
		kfree(tsk);
		return NULL;
	}
	memcpy(tsk, orig, sizeof(*tsk));
	tsk->stack = stack;
	*(unsigned long *)stack = STACK_END_MAGIC;
	/* one for being alive until reaped, one for running until the last
	 * switch away (dropped in finish_task_switch) */
	tsk->usage = 2;
	tsk->thread_flags = 0;
	return tsk;
}

/* ---- the pieces a child gets ------------------------------------------- */

static int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
	if (!current->mm) /* kernel thread */
		return 0;
	tsk->mm = dup_mm(current->mm);
	return tsk->mm ? 0 : -ENOMEM;
}

/* The child's signal state: handlers and mask inherited, nothing pending. */
static void copy_sighand(struct task_struct *p)
{
	sigemptyset(&p->pending.signal);
	p->restore_sigmask = 0;
}

/*
 * Build the stack the child will first switch to (see switch_32.asm):
 * its pt_regs at the top, below them the switch frame returning into
 * ret_from_fork. A kernel thread gets fn/arg in ebx/edi; a user child
 * gets the parent's registers with eax = 0, its fork() return value.
 */
static void copy_thread(struct task_struct *p, struct kernel_clone_args *args)
{
	struct fork_frame *frame =
		container_of(task_pt_regs(p), struct fork_frame, regs);
	struct inactive_task_frame *f = &frame->frame;

	memset(f, 0, sizeof(*f));
	f->ret_addr = (unsigned long)ret_from_fork;
	p->thread.sp = (unsigned long)f;
	p->thread.sp0 = (unsigned long)p->stack + THREAD_SIZE;
	if (args->fn) {
		memset(&frame->regs, 0, sizeof(frame->regs));
		f->bx = (unsigned long)args->fn;
		f->di = (unsigned long)args->fn_arg;
	} else {
		frame->regs = *current_pt_regs();
		frame->regs.ax = 0;
		if (args->stack)
			frame->regs.sp = args->stack;
	}
	fpu_clone(p);
}

static void init_child_fields(struct task_struct *p,
			      struct kernel_clone_args *args)
{
	p->state = TASK_UNINTERRUPTIBLE; /* not runnable until woken */
	p->flags &= ~(PF_IDLE | PF_EXITING | PF_SIGNALED);
	p->flags |= PF_FORKNOEXEC;
	if (args->fn)
		p->flags |= PF_KTHREAD;
	p->on_rq = 0;
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	init_waitqueue_head(&p->wait_chldexit);
	p->exit_state = 0;
	p->exit_code = 0;
	p->exit_signal = args->exit_signal;
	p->utime = p->stime = p->cutime = p->cstime = 0;
	p->nvcsw = p->nivcsw = p->min_flt = 0;
	p->start_time = local_clock();
	p->kthread = NULL;
	p->set_child_tid = (args->flags & CLONE_CHILD_SETTID) ? args->child_tid : NULL;
	p->clear_child_tid = (args->flags & CLONE_CHILD_CLEARTID) ? args->child_tid : NULL;
	p->mm = NULL;
	memset(&p->real_timer, 0, sizeof(p->real_timer)); /* no alarm */
	copy_sighand(p);
}

/* Make the child visible: pid, parent, task list. Cannot fail. */
static void attach_child(struct task_struct *p, struct kernel_clone_args *args,
			 pid_t pid)
{
	unsigned long flags;

	p->pid = p->tgid = pid;
	p->real_parent = (args->flags & CLONE_PARENT) ? current->real_parent
						      : current;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_add_tail(&p->sibling, &p->real_parent->children);
	list_add_tail(&p->tasks, &init_task.tasks);
	nr_threads++;
	total_forks++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

static struct task_struct *copy_process(struct kernel_clone_args *args)
{
	struct task_struct *p;
	pid_t pid = alloc_pid();
	int err = -ENOMEM;

	if (pid < 0)
		return ERR_PTR(pid);
	p = dup_task_struct(current);
	if (!p)
		return ERR_PTR(-ENOMEM);
	init_child_fields(p, args);
	err = copy_files(args->flags, p);
	if (err)
		goto bad_free;
	err = copy_fs(args->flags, p);
	if (err)
		goto bad_files;
	err = copy_mm(args->flags, p);
	if (err)
		goto bad_fs;
	copy_thread(p, args);
	attach_child(p, args, pid);
	return p;

bad_fs:
	exit_fs(p);
bad_files:
	exit_files(p);
bad_free:
	free_pages((unsigned long)p->stack, THREAD_SIZE_ORDER);
	kfree(p);
	return ERR_PTR(err);
}

/*
 * What rxos can do of clone(): processes, not threads - no CLONE_THREAD,
 * CLONE_SIGHAND, CLONE_SETTLS or namespaces. CLONE_VM only as vfork uses
 * it (posix_spawn): the child gets a copy, which works just as well.
 */
#define CLONE_SUPPORTED                                                    \
	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_VFORK | CLONE_PARENT |  \
	 CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | \
	 CLONE_DETACHED | CLONE_UNTRACED | CLONE_PTRACE | CLONE_SYSVSEM)

static int clone_flags_supported(unsigned long flags)
{
	if (flags & ~(unsigned long)CLONE_SUPPORTED)
		return 0;
	return !(flags & CLONE_VM) || (flags & CLONE_VFORK);
}

pid_t kernel_clone(struct kernel_clone_args *args)
{
	struct task_struct *p;
	pid_t pid;

	if (!clone_flags_supported(args->flags))
		return -EINVAL;
	p = copy_process(args);
	if (IS_ERR(p))
		return PTR_ERR(p);
	pid = p->pid;
	if (args->flags & CLONE_PARENT_SETTID)
		put_user(pid, args->parent_tid);
	if (p->set_child_tid)
		copy_to_mm(p->mm, (unsigned long)p->set_child_tid, &pid,
			   sizeof(pid));
	wake_up_new_task(p);
	return pid;
}

pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name,
		    unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = flags & ~CSIGNAL,
		.exit_signal = flags & CSIGNAL,
		.fn = fn,
		.fn_arg = arg,
	};
	pid_t pid = kernel_clone(&args);

	if (pid > 0 && name)
		set_task_comm(find_task_by_pid(pid), name);
	return pid;
}

long sys_fork(void)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	return kernel_clone(&args);
}

/* Linux shares the address space and stops the parent until the child
 * execs or exits; a full copy gives the same results to a correct program. */
long sys_vfork(void)
{
	return sys_fork();
}

/* i386 argument order (CONFIG_CLONE_BACKWARDS): flags, stack, parent_tid,
 * tls, child_tid. */
long sys_clone(unsigned long clone_flags, unsigned long newsp,
	       int __user *parent_tidptr, unsigned long tls,
	       int __user *child_tidptr)
{
	struct kernel_clone_args args = {
		.flags = clone_flags & ~CSIGNAL,
		.exit_signal = clone_flags & CSIGNAL,
		.stack = newsp,
		.parent_tid = parent_tidptr,
		.child_tid = child_tidptr,
	};

	if (args.exit_signal >= _NSIG)
		return -EINVAL;
	return kernel_clone(&args);
}

long sys_set_tid_address(int __user *tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

void set_task_comm(struct task_struct *p, const char *name)
{
	if (p)
		strlcpy(p->comm, name, TASK_COMM_LEN);
}
