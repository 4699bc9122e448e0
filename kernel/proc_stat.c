/*
 * proc_stat.c - system-wide /proc files of the process layer: stat,
 * uptime, loadavg, meminfo, interrupts, softirqs (Linux: fs/proc/stat.c,
 * uptime.c, loadavg.c, meminfo.c, interrupts.c, softirqs.c - the text of
 * meminfo comes from the mm code, that of interrupts and softirqs from
 * kernel/irq.c and kernel/softirq.c).
 *
 * Same names and column layouts as Linux, so `cat /proc/stat` here can be
 * read side by side with a Linux box; the "softirq" column of the cpu line
 * is where NET_RX work shows up (cputime.c). Process context, at open().
 */
#include "kernel/fs/proc_fs.h"
#include "kernel/init.h"
#include "kernel/interrupt.h"
#include "kernel/mm/mm.h"
#include "kernel/printk.h"
#include "kernel/sched/cputime.h"
#include "kernel/sched/loadavg.h"
#include "kernel/sched/task.h"
#include "kernel/timekeeping.h"

static int count_blocked(void)
{
	struct task_struct *p;
	int n = 0;

	for_each_process(p)
		if (p->state == TASK_UNINTERRUPTIBLE && !(p->flags & PF_KTHREAD))
			n++;
	return n;
}

/* The cpu line: user nice system idle iowait irq softirq steal guest
 * guest_nice, in USER_HZ ticks; once for the total, once for cpu0. */
static int show_cpu_line(char *buf, int len, int pos, const char *name)
{
	unsigned long long *c = kcpustat_cpu.cpustat;

	return proc_printf(buf, len, pos, "%s %llu %llu %llu %llu %llu %llu %llu 0 0 0\n",
			   name, c[CPUTIME_USER], c[CPUTIME_NICE], c[CPUTIME_SYSTEM],
			   c[CPUTIME_IDLE], c[CPUTIME_IOWAIT], c[CPUTIME_IRQ],
			   c[CPUTIME_SOFTIRQ]);
}

static int show_stat(char *buf, int len)
{
	int n = show_cpu_line(buf, len, 0, "cpu ");

	n = show_cpu_line(buf, len, n, "cpu0");
	return proc_printf(buf, len, n,
			   "ctxt %lu\nbtime %lu\nprocesses %lu\n"
			   "procs_running %u\nprocs_blocked %d\n",
			   nr_context_switches(),
			   ktime_get_real_seconds() - jiffies / HZ, total_forks,
			   nr_running(), count_blocked());
}

/* Seconds since boot, and seconds the CPU idled. */
static int show_uptime(char *buf, int len)
{
	unsigned long up = jiffies, idle = kcpustat_cpu.cpustat[CPUTIME_IDLE];

	return proc_printf(buf, len, 0, "%lu.%02lu %lu.%02lu\n", up / HZ,
			   (up % HZ) * 100 / HZ, idle / HZ, (idle % HZ) * 100 / HZ);
}

static int show_loadavg(char *buf, int len)
{
	return proc_printf(buf, len, 0, "%lu.%02lu %lu.%02lu %lu.%02lu %u/%d %d\n",
			   LOAD_INT(avenrun[0]), LOAD_FRAC(avenrun[0]),
			   LOAD_INT(avenrun[1]), LOAD_FRAC(avenrun[1]),
			   LOAD_INT(avenrun[2]), LOAD_FRAC(avenrun[2]),
			   nr_running(), nr_threads - 1, last_pid());
}

void proc_stat_init(void)
{
	if (proc_create_single("stat", show_stat) ||
	    proc_create_single("uptime", show_uptime) ||
	    proc_create_single("loadavg", show_loadavg) ||
	    proc_create_single("meminfo", meminfo_show) ||
	    proc_create_single("interrupts", show_interrupts) ||
	    proc_create_single("softirqs", show_softirqs))
		pr_err("proc: cannot create /proc/stat, uptime, loadavg, meminfo, interrupts or softirqs\n");
}
