/*
 * state.h - the states a task can be in (Linux: include/linux/sched.h).
 *
 * Kept apart from sched.h so that wait.h, which needs them for its macros,
 * does not have to pull in the whole task_struct.
 *
 *   task->state (what the scheduler looks at):
 *     TASK_RUNNING          on the run queue, or the one running now
 *     TASK_INTERRUPTIBLE    asleep; a wake_up or a signal wakes it
 *     TASK_UNINTERRUPTIBLE  asleep; only a wake_up wakes it ("D" in ps)
 *     TASK_DEAD             has run for the last time (set by do_exit)
 *
 *   task->exit_state (after do_exit):
 *     EXIT_ZOMBIE           dead, parent has not called wait() yet ("Z")
 *     EXIT_DEAD             being reaped; gone from every list soon
 */
#ifndef RXOS_KERNEL_SCHED_STATE_H
#define RXOS_KERNEL_SCHED_STATE_H

#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define TASK_STOPPED 0x0004 /* not used: rxos has no job-control stop */
#define TASK_DEAD 0x0080
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define EXIT_DEAD 0x0010
#define EXIT_ZOMBIE 0x0020

/* Kernel-internal "restart me" codes (Linux: include/linux/errno.h). They
 * never reach user space: signal delivery turns them into -EINTR or into a
 * restart of the system call. */
#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ERESTART_RESTARTBLOCK 516

#endif
