/*
 * proc_pid.c - the /proc/PID directories: stat, status, cmdline, comm,
 * maps (Linux: fs/proc/base.c, fs/proc/array.c, fs/proc/task_mmu.c).
 *
 * The VFS's procfs asks us (proc_register_pid_dir) which pids exist and
 * calls one show function per file when it is opened; each writes the
 * whole text in Linux's format, so ps, top and a student's own scripts
 * parse it as on Linux. Kernel threads have no mm: their cmdline is empty
 * (ps shows [name]) and their memory fields are 0. Zombies are listed
 * (state Z) until reaped. Process context, at open().
 */
#include "kernel/errno.h"
#include "kernel/fdtable.h"
#include "kernel/fs/proc_fs.h"
#include "kernel/init.h"
#include "kernel/mm_types.h"
#include "kernel/printk.h"
#include "kernel/sched/task.h"
#include "kernel/signal.h"
#include "kernel/uaccess.h"

#define NSEC_PER_TICK (1000000000ULL / HZ)
#define RLIM_INFINITY_32 4294967295UL

/* Weak hooks for the tty layer: the controlling terminal's device number
 * and foreground process group, for ps's TTY column (Linux: tty_devnum,
 * tty_get_pgrp). Without a tty: none. */
__attribute__((weak)) unsigned int tty_devnum(struct tty_struct *tty)
{
	return 0;
}

__attribute__((weak)) int tty_get_pgrp(struct tty_struct *tty)
{
	return -1;
}

/* ---- which pids exist -------------------------------------------------------- */

static int pid_alive(int pid)
{
	return find_task_by_pid(pid) != NULL;
}

static int next_pid(int after)
{
	struct task_struct *p;
	int best = -1;

	for_each_process(p)
		if (p->pid > after && (best < 0 || p->pid < best))
			best = p->pid;
	return best;
}

static int current_pid(void)
{
	return current->tgid;
}

/* ---- state ------------------------------------------------------------------------ */

/* Linux's letters: R running, S sleeping, D disk sleep, Z zombie, X dead. */
static const char *task_state(struct task_struct *p)
{
	if (p->exit_state == EXIT_ZOMBIE)
		return "Z (zombie)";
	if (p->exit_state == EXIT_DEAD)
		return "X (dead)";
	if (p->state == TASK_RUNNING)
		return "R (running)";
	if (p->state & TASK_INTERRUPTIBLE)
		return "S (sleeping)";
	/* kernel threads idling uninterruptibly are not "load" (Linux I) */
	if ((p->flags & PF_KTHREAD) && (p->state & TASK_UNINTERRUPTIBLE))
		return "I (idle)";
	return "D (disk sleep)";
}

static unsigned long vsize(struct task_struct *p)
{
	return p->mm ? p->mm->total_vm * PAGE_SIZE : 0;
}

/* ---- /proc/PID/stat ------------------------------------------------------------------ */

/* The signal sets as Linux prints them here: the first 32 bits, decimal. */
static void sig_ign_catch(struct task_struct *p, unsigned long *ign,
			  unsigned long *catch)
{
	*ign = *catch = 0;
	for (int sig = 1; sig <= 32; sig++) {
		__sighandler_t h = p->action[sig - 1].sa.sa_handler;

		if (h == SIG_IGN)
			*ign |= sigmask(sig);
		else if (h != SIG_DFL)
			*catch |= sigmask(sig);
	}
}

/* Fields 1-24: identity, family, times, sizes. */
static int stat_head(struct task_struct *p, char *buf, int len)
{
	struct mm_struct *mm = p->mm;
	int tpgid = p->tty ? tty_get_pgrp(p->tty) : -1;

	return proc_printf(buf, len, 0,
			   "%d (%s) %c %d %d %d %u %d %u %lu 0 0 0 %lu %lu %lu %lu "
			   "20 0 1 0 %llu %lu %lu %lu ",
			   p->pid, p->comm, task_state(p)[0],
			   p->real_parent ? p->real_parent->tgid : 0, p->pgrp,
			   p->session, p->tty ? tty_devnum(p->tty) : 0, tpgid,
			   p->flags, p->min_flt, p->utime, p->stime, p->cutime,
			   p->cstime, p->start_time / NSEC_PER_TICK, vsize(p),
			   mm ? mm->total_vm : 0, RLIM_INFINITY_32);
}

/* Fields 25-52: layout, signals, scheduling, exit. */
static int stat_tail(struct task_struct *p, char *buf, int len, int pos)
{
	struct mm_struct *mm = p->mm;
	struct mm_struct none = { 0 };
	unsigned long ign, catch;

	if (!mm)
		mm = &none;
	sig_ign_catch(p, &ign, &catch);
	return proc_printf(buf, len, pos,
			   "%lu %lu %lu 0 0 %lu %lu %lu %lu 0 0 0 %d 0 0 0 0 0 0 "
			   "%lu %lu %lu %lu %lu %lu %lu %d\n",
			   mm->start_code, mm->end_code, mm->start_stack,
			   p->pending.signal.sig[0], p->blocked.sig[0], ign, catch,
			   p->exit_signal, mm->start_data, mm->end_data,
			   mm->start_brk, mm->arg_start, mm->arg_end, mm->env_start,
			   mm->env_end, p->exit_state ? p->exit_code : 0);
}

static int proc_pid_stat(int pid, char *buf, int len)
{
	struct task_struct *p = find_task_by_pid(pid);
	int n;

	if (!p)
		return -ESRCH;
	n = stat_head(p, buf, len);
	return stat_tail(p, buf, len, n);
}

/* ---- /proc/PID/status ------------------------------------------------------------------ */

static int status_sigs(struct task_struct *p, char *buf, int len, int n)
{
	unsigned long ign, catch;

	sig_ign_catch(p, &ign, &catch);
	return proc_printf(buf, len, n,
			   "SigPnd:\t%08lx%08lx\nShdPnd:\t0000000000000000\n"
			   "SigBlk:\t%08lx%08lx\nSigIgn:\t00000000%08lx\n"
			   "SigCgt:\t00000000%08lx\n",
			   p->pending.signal.sig[1], p->pending.signal.sig[0],
			   p->blocked.sig[1], p->blocked.sig[0], ign, catch);
}

static int proc_pid_status(int pid, char *buf, int len)
{
	struct task_struct *p = find_task_by_pid(pid);
	unsigned long kb;
	int n;

	if (!p)
		return -ESRCH;
	kb = vsize(p) / 1024;
	n = proc_printf(buf, len, 0,
			"Name:\t%s\nUmask:\t%04o\nState:\t%s\nTgid:\t%d\nNgid:\t0\n"
			"Pid:\t%d\nPPid:\t%d\nTracerPid:\t0\nUid:\t0\t0\t0\t0\n"
			"Gid:\t0\t0\t0\t0\nFDSize:\t%d\nGroups:\t\n",
			p->comm, p->fs ? p->fs->umask : 022, task_state(p),
			p->tgid, p->pid, p->real_parent ? p->real_parent->tgid : 0,
			p->files ? NR_OPEN_DEFAULT : 0);
	if (p->mm)
		n = proc_printf(buf, len, n, "VmSize:\t%8lu kB\nVmRSS:\t%8lu kB\n",
				kb, kb);
	n = proc_printf(buf, len, n, "Threads:\t1\n");
	n = status_sigs(p, buf, len, n);
	return proc_printf(buf, len, n,
			   "voluntary_ctxt_switches:\t%lu\n"
			   "nonvoluntary_ctxt_switches:\t%lu\n",
			   p->nvcsw, p->nivcsw);
}

/* ---- cmdline, comm, maps ------------------------------------------------------------------ */

/* The argument strings, NUL-separated, read from the process's memory. */
static int proc_pid_cmdline(int pid, char *buf, int len)
{
	struct task_struct *p = find_task_by_pid(pid);
	unsigned long size;

	if (!p)
		return -ESRCH;
	if (!p->mm || p->mm->arg_end <= p->mm->arg_start)
		return 0;
	size = p->mm->arg_end - p->mm->arg_start;
	access_process_vm(p, p->mm->arg_start, buf, min(size, (unsigned long)len),
			  0);
	return size; /* the full length: procfs retries with room for it */
}

static int proc_pid_comm(int pid, char *buf, int len)
{
	struct task_struct *p = find_task_by_pid(pid);

	return p ? proc_printf(buf, len, 0, "%s\n", p->comm) : -ESRCH;
}

/* One line per area, as /proc/PID/maps (anonymous: no file, inode 0). */
static int proc_pid_maps(int pid, char *buf, int len)
{
	struct task_struct *p = find_task_by_pid(pid);
	struct vm_area_struct *vma;
	int n = 0;

	if (!p)
		return -ESRCH;
	if (!p->mm)
		return 0;
	list_for_each_entry(vma, &p->mm->mmap, vm_list) {
		const char *name = vma->vm_flags & VM_GROWSDOWN ? "[stack]" :
				   vma->vm_start == p->mm->start_brk ? "[heap]" : "";

		n = proc_printf(buf, len, n, "%08lx-%08lx %c%c%cp 00000000 00:00 0 %s%s\n",
				vma->vm_start, vma->vm_end,
				vma->vm_flags & VM_READ ? 'r' : '-',
				vma->vm_flags & VM_WRITE ? 'w' : '-',
				vma->vm_flags & VM_EXEC ? 'x' : '-',
				*name ? "                          " : "", name);
	}
	return n;
}

static const struct pid_entry tgid_base_stuff[] = {
	{ "cmdline", 0444, proc_pid_cmdline },
	{ "comm", 0444, proc_pid_comm },
	{ "maps", 0444, proc_pid_maps },
	{ "stat", 0444, proc_pid_stat },
	{ "status", 0444, proc_pid_status },
};

static const struct proc_pid_ops pid_ops = {
	.pid_alive = pid_alive,
	.next_pid = next_pid,
	.current_pid = current_pid,
	.entries = tgid_base_stuff,
	.nr_entries = ARRAY_SIZE(tgid_base_stuff),
};

void proc_pid_init(void)
{
	proc_register_pid_dir(&pid_ops);
	proc_stat_init();
}
