/*
 * task.h - creating and ending tasks (Linux: include/linux/sched/task.h,
 * include/uapi/linux/sched.h for the CLONE_* values).
 */
#ifndef RXOS_KERNEL_SCHED_TASK_H
#define RXOS_KERNEL_SCHED_TASK_H

#include "kernel/ptrace.h"
#include "kernel/sched/sched.h"
#include "kernel/spinlock.h"
#include "kernel/uaccess.h"

#define CSIGNAL 0x000000ff /* signal to send the parent at exit */
#define CLONE_VM 0x00000100
#define CLONE_FS 0x00000200
#define CLONE_FILES 0x00000400
#define CLONE_SIGHAND 0x00000800
#define CLONE_PTRACE 0x00002000
#define CLONE_VFORK 0x00004000
#define CLONE_PARENT 0x00008000
#define CLONE_THREAD 0x00010000
#define CLONE_NEWNS 0x00020000
#define CLONE_SYSVSEM 0x00040000
#define CLONE_SETTLS 0x00080000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_DETACHED 0x00400000
#define CLONE_UNTRACED 0x00800000
#define CLONE_CHILD_SETTID 0x01000000

struct kernel_clone_args {
	unsigned long flags; /* CLONE_*, without the signal byte */
	int exit_signal;
	unsigned long stack; /* child's user esp, 0: the parent's */
	int __user *parent_tid, *child_tid;
	int (*fn)(void *);   /* kernel thread: runs fn(fn_arg) */
	void *fn_arg;
};

/* What __switch_to_asm pops (see switch_32.asm). */
struct inactive_task_frame {
	unsigned long si, di, bx, bp;
	unsigned long ret_addr;
};

/* A new task's stack top: the switch frame, then the user registers. */
struct fork_frame {
	struct inactive_task_frame frame;
	struct pt_regs regs;
};

/* Taken with interrupts off around changes to the task list and the
 * children lists (Linux: write_lock_irq(&tasklist_lock)). */
extern spinlock_t tasklist_lock;
extern int nr_threads;
extern unsigned long total_forks;

pid_t kernel_clone(struct kernel_clone_args *args);
/* A kernel thread running fn(arg), named name; flags CLONE_*|SIGCHLD.
 * Returns its pid or -errno. Most callers want kthread_create(). */
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name,
		    unsigned long flags);
pid_t alloc_pid(void);
pid_t last_pid(void);
/* Unlink a dead task and drop the reference its being alive held. */
void release_task(struct task_struct *p);
/* pid 1, the reaper of orphans. */
struct task_struct *child_reaper(void);

long sys_fork(void);
long sys_vfork(void);
long sys_clone(unsigned long clone_flags, unsigned long newsp,
	       int __user *parent_tidptr, unsigned long tls,
	       int __user *child_tidptr);
long sys_set_tid_address(int __user *tidptr);
long sys_exit(int error_code);
long sys_exit_group(int error_code);
long sys_wait4(pid_t upid, int __user *stat_addr, int options,
	       void __user *ru);
long sys_waitpid(pid_t pid, int __user *stat_addr, int options);

/* kthread.c: the struct kthread of a dying kernel thread. */
void free_kthread_struct(struct task_struct *p);
void kthread_exit_notify(struct task_struct *p, long code);

#endif
