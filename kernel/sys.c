/*
 * sys.c - small system calls about the process and the system: ids,
 * process groups and sessions, uname, reboot, syslog, sysinfo, times,
 * resource limits (Linux: kernel/sys.c, kernel/reboot.c,
 * kernel/printk/printk.c do_syslog, kernel/uid16.c).
 *
 * Every process runs as root (uid = gid = 0; rxos has no credentials), so
 * the id calls return 0 and the set-id calls accept only what is already
 * true. Process context.
 */
#include "kernel/syscalls.h"
#include "kernel/errno.h"
#include "kernel/fdtable.h"
#include "kernel/irqflags.h"
#include "kernel/mm/gfp.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "kernel/reboot.h"
#include "kernel/sched/loadavg.h"
#include "kernel/utsname.h"
#include "lib/string.h"

/* ---- ids ---------------------------------------------------------------- */

long sys_getpid(void)
{
	return current->tgid;
}

long sys_gettid(void)
{
	return current->pid;
}

long sys_getppid(void)
{
	return current->real_parent ? current->real_parent->tgid : 0;
}

/* getuid, geteuid, getgid, getegid and their 32-bit forms. */
long sys_getuid(void)
{
	return 0;
}

/* setuid/setgid: root may become root. */
long sys_setuid(unsigned int uid)
{
	return uid == 0 ? 0 : -EPERM;
}

/* ---- process groups and sessions ------------------------------------------ */

static struct task_struct *task_or_current(pid_t pid)
{
	return pid ? find_task_by_pid(pid) : current;
}

long sys_getpgid(pid_t pid)
{
	struct task_struct *p = task_or_current(pid);

	return p ? p->pgrp : -ESRCH;
}

long sys_getpgrp(void)
{
	return current->pgrp;
}

long sys_getsid(pid_t pid)
{
	struct task_struct *p = task_or_current(pid);

	return p ? p->session : -ESRCH;
}

/* Is there a process in group pgrp inside session sid? */
static int pgrp_in_session(pid_t pgrp, pid_t sid)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pgrp == pgrp && p->session == sid)
			return 1;
	return 0;
}

/*
 * POSIX's rules, as Linux checks them: only ourselves or a child that has
 * not exec'd yet, in our session, not a session leader, into a group that
 * exists in the session (or a new group named after the process).
 */
long sys_setpgid(pid_t pid, pid_t pgid)
{
	struct task_struct *p;

	if (pgid < 0)
		return -EINVAL;
	p = task_or_current(pid);
	if (!p || (p != current && p->real_parent != current))
		return -ESRCH;
	if (!pgid)
		pgid = p->pid;
	if (p != current && !(p->flags & PF_FORKNOEXEC))
		return -EACCES;
	if (p->session != current->session || p->session == p->pid)
		return -EPERM;
	if (pgid != p->pid && !pgrp_in_session(pgid, current->session))
		return -EPERM;
	p->pgrp = pgid;
	return 0;
}

/* A new session and group named after us, with no controlling tty. */
long sys_setsid(void)
{
	struct task_struct *p = current;

	if (find_task_in_pgrp(p->pid))
		return -EPERM; /* already leads a group: would split it */
	p->session = p->pgrp = p->pid;
	p->tty = NULL;
	return p->pid;
}

/* ---- names ---------------------------------------------------------------- */

static struct new_utsname utsname = {
	.sysname = UTS_SYSNAME,
	.nodename = UTS_NODENAME,
	.release = UTS_RELEASE,
	.version = UTS_VERSION,
	.machine = UTS_MACHINE,
	.domainname = "(none)",
};

struct new_utsname *init_utsname(void)
{
	return &utsname;
}

long sys_newuname(void __user *name)
{
	return copy_to_user(name, &utsname, sizeof(utsname)) ? -EFAULT : 0;
}

long sys_sethostname(char __user *name, int len)
{
	char tmp[__NEW_UTS_LEN + 1];

	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	tmp[len] = '\0';
	memcpy(utsname.nodename, tmp, len + 1);
	return 0;
}

long sys_personality(unsigned int personality)
{
	return 0; /* PER_LINUX, the only one */
}

/* ---- reboot ---------------------------------------------------------------- */

#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_MAGIC2 672274793
#define LINUX_REBOOT_MAGIC2A 85072278
#define LINUX_REBOOT_MAGIC2B 369367448
#define LINUX_REBOOT_MAGIC2C 537993216
#define LINUX_REBOOT_CMD_RESTART 0x01234567
#define LINUX_REBOOT_CMD_HALT 0xCDEF0123
#define LINUX_REBOOT_CMD_CAD_ON 0x89ABCDEF
#define LINUX_REBOOT_CMD_CAD_OFF 0x00000000
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321FEDC
#define LINUX_REBOOT_CMD_RESTART2 0xA1B2C3D4

/* The magic numbers guard against a stray call (Linux: they are
 * Torvalds' and his daughters' birthdays in hex). */
static int reboot_magic_ok(int magic1, int magic2)
{
	return (unsigned int)magic1 == LINUX_REBOOT_MAGIC1 &&
	       (magic2 == LINUX_REBOOT_MAGIC2 || magic2 == LINUX_REBOOT_MAGIC2A ||
		magic2 == LINUX_REBOOT_MAGIC2B || magic2 == LINUX_REBOOT_MAGIC2C);
}

long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg)
{
	if (!reboot_magic_ok(magic1, magic2))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
	case LINUX_REBOOT_CMD_RESTART2:
		machine_restart();
	case LINUX_REBOOT_CMD_POWER_OFF:
		machine_power_off();
	case LINUX_REBOOT_CMD_HALT:
		pr_emerg("reboot: System halted\n");
		local_irq_disable();
		for (;;)
			asm volatile("hlt");
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0; /* no Ctrl-Alt-Del handling to switch */
	default:
		return -EINVAL;
	}
}

/* ---- syslog: the kernel log for dmesg ---------------------------------------- */

#define SYSLOG_ACTION_CLOSE 0
#define SYSLOG_ACTION_OPEN 1
#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_CONSOLE_OFF 6
#define SYSLOG_ACTION_CONSOLE_ON 7
#define SYSLOG_ACTION_CONSOLE_LEVEL 8
#define SYSLOG_ACTION_SIZE_BUFFER 10

static int syslog_read_all(char __user *buf, int len)
{
	char *kbuf;
	int n;

	if (!buf || len < 0)
		return -EINVAL;
	len = min(len, log_buf_len());
	if (!len)
		return 0;
	kbuf = kmalloc(len, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	n = log_buf_read_all(kbuf, len);
	if (copy_to_user(buf, kbuf, n))
		n = -EFAULT;
	kfree(kbuf);
	return n;
}

/*
 * dmesg's interface. The log is never cleared (READ_CLEAR, CLEAR) and
 * there is no blocking READ of new lines: those answer -EINVAL.
 */
long sys_syslog(int type, char __user *buf, int len)
{
	static int saved_console_loglevel = -1;

	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ_ALL:
		return syslog_read_all(buf, len);
	case SYSLOG_ACTION_CONSOLE_OFF:
		if (saved_console_loglevel < 0)
			saved_console_loglevel = console_loglevel;
		console_loglevel = 1; /* emergencies only */
		return 0;
	case SYSLOG_ACTION_CONSOLE_ON:
		if (saved_console_loglevel >= 0)
			console_loglevel = saved_console_loglevel;
		saved_console_loglevel = -1;
		return 0;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		if (len < 1 || len > 8)
			return -EINVAL;
		console_loglevel = len;
		saved_console_loglevel = -1;
		return 0;
	case SYSLOG_ACTION_SIZE_BUFFER:
		return log_buf_len();
	default:
		return -EINVAL;
	}
}

/* ---- sysinfo, times, rusage, limits ------------------------------------------- */

struct sysinfo32 {
	long uptime;
	unsigned long loads[3]; /* 1, 5, 15 min averages << SI_LOAD_SHIFT */
	unsigned long totalram, freeram, sharedram, bufferram;
	unsigned long totalswap, freeswap;
	unsigned short procs, pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
	char _f[8];
};

#define SI_LOAD_SHIFT 16

long sys_sysinfo(void __user *info)
{
	struct sysinfo32 v = { 0 };

	v.uptime = jiffies / HZ;
	for (int i = 0; i < 3; i++)
		v.loads[i] = avenrun[i] << (SI_LOAD_SHIFT - FSHIFT);
	v.totalram = totalram_pages();
	v.freeram = nr_free_pages();
	v.procs = nr_threads;
	v.mem_unit = PAGE_SIZE;
	return copy_to_user(info, &v, sizeof(v)) ? -EFAULT : 0;
}

/* Clock ticks: USER_HZ is HZ (100) here, as on Linux i386. */
long sys_times(void __user *tbuf)
{
	long t[4] = { current->utime, current->stime, current->cutime,
		      current->cstime };

	if (tbuf && copy_to_user(tbuf, t, sizeof(t)))
		return -EFAULT;
	return jiffies;
}

#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)

long sys_getrusage(int who, void __user *ru)
{
	long r[18] = { 0 }; /* two struct timeval, then 14 longs */
	unsigned long ut, st;

	if (who == RUSAGE_SELF) {
		ut = current->utime;
		st = current->stime;
	} else if (who == RUSAGE_CHILDREN) {
		ut = current->cutime;
		st = current->cstime;
	} else {
		return -EINVAL;
	}
	r[0] = ut / HZ;
	r[1] = (ut % HZ) * (1000000 / HZ);
	r[2] = st / HZ;
	r[3] = (st % HZ) * (1000000 / HZ);
	return copy_to_user(ru, r, sizeof(r)) ? -EFAULT : 0;
}

#define RLIMIT_STACK 3
#define RLIMIT_NOFILE 7
#define RLIM_NLIMITS 16
#define RLIM_INFINITY (~0UL)

/* The limits rxos has, fixed: a stack of 8 MiB, 256 open files. */
static unsigned long rlimit(unsigned int resource)
{
	if (resource == RLIMIT_STACK)
		return STACK_LIMIT;
	if (resource == RLIMIT_NOFILE)
		return NR_OPEN_DEFAULT;
	return RLIM_INFINITY;
}

long sys_getrlimit(unsigned int resource, void __user *rlim)
{
	unsigned long r[2];

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	r[0] = r[1] = rlimit(resource);
	return copy_to_user(rlim, r, sizeof(r)) ? -EFAULT : 0;
}

/* Accepted only when it asks for what is already in force. */
long sys_setrlimit(unsigned int resource, void __user *rlim)
{
	unsigned long r[2];

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (copy_from_user(r, rlim, sizeof(r)))
		return -EFAULT;
	return r[0] <= rlimit(resource) && r[1] <= rlimit(resource) ? 0 : -EPERM;
}

long sys_prlimit64(pid_t pid, unsigned int resource,
		   const void __user *new_rlim, void __user *old_rlim)
{
	uint64_t r[2];

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (pid && pid != current->pid)
		return find_task_by_pid(pid) ? -EPERM : -ESRCH;
	if (new_rlim) {
		if (copy_from_user(r, new_rlim, sizeof(r)))
			return -EFAULT;
		if (r[0] > rlimit(resource) || r[1] > rlimit(resource))
			return -EPERM;
	}
	r[0] = r[1] = rlimit(resource) == RLIM_INFINITY ? ~0ULL : rlimit(resource);
	if (old_rlim && copy_to_user(old_rlim, r, sizeof(r)))
		return -EFAULT;
	return 0;
}

/* Advice only; pages are always resident here. */
long sys_madvise(unsigned long start, size_t len, int behavior)
{
	return (start & ~PAGE_MASK) ? -EINVAL : 0;
}
