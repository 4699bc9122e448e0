/*
 * pid.c - process ids (Linux: kernel/pid.c).
 *
 * Pids are handed out in increasing order and wrap from PID_MAX_DEFAULT
 * back to RESERVED_PIDS, skipping numbers still in use as a pid, a process
 * group or a session - as Linux does, so a fresh pid never looks like an
 * old group. Lookup walks the task list (Linux: an IDR tree and struct pid
 * with hash lists per pid type).
 *
 * Process context, except find_task_in_pgrp which the tty's ^C calls
 * from its interrupt handler: the task list only changes with interrupts
 * off (tasklist_lock), so walking it with interrupts off is safe.
 */
#include "kernel/sched/task.h"
#include "kernel/errno.h"

#define RESERVED_PIDS 300

static pid_t last_pid_nr;

struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *p;

	if (pid <= 0)
		return NULL;
	for_each_process(p)
		if (p->pid == pid)
			return p;
	return NULL;
}

struct task_struct *find_task_in_pgrp(pid_t pgrp)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pgrp == pgrp && !p->exit_state)
			return p;
	return NULL;
}

static int pid_in_use(pid_t nr)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pid == nr || p->pgrp == nr || p->session == nr)
			return 1;
	return 0;
}

pid_t alloc_pid(void)
{
	pid_t nr = last_pid_nr;

	for (int tries = 0; tries < PID_MAX_DEFAULT; tries++) {
		nr = nr + 1 >= PID_MAX_DEFAULT ? RESERVED_PIDS : nr + 1;
		if (!pid_in_use(nr)) {
			last_pid_nr = nr;
			return nr;
		}
	}
	return -EAGAIN;
}

/* The pid handed out last (/proc/loadavg's last field). */
pid_t last_pid(void)
{
	return last_pid_nr;
}

struct task_struct *child_reaper(void)
{
	return find_task_by_pid(1);
}
