/*
 * cputime.h - where the CPU's time went, tick by tick (Linux:
 * include/linux/kernel_stat.h, kernel/sched/cputime.c).
 *
 * Each timer tick is charged whole to one bucket, by what the tick
 * interrupted: user code, kernel code, a hard IRQ, a softirq, or the idle
 * task. These are the columns of the "cpu" line of /proc/stat - user nice
 * system idle iowait irq softirq - that top shows as us/sy/id/hi/si: a
 * flood of packets shows up as "si". The running task also gets the tick
 * in its utime/stime (/proc/PID/stat, times(), ps TIME).
 */
#ifndef RXOS_KERNEL_SCHED_CPUTIME_H
#define RXOS_KERNEL_SCHED_CPUTIME_H

enum cpu_usage_stat {
	CPUTIME_USER,
	CPUTIME_NICE,
	CPUTIME_SYSTEM,
	CPUTIME_SOFTIRQ,
	CPUTIME_IRQ,
	CPUTIME_IDLE,
	CPUTIME_IOWAIT,
	CPUTIME_STEAL,
	CPUTIME_GUEST,
	CPUTIME_GUEST_NICE,
	NR_STATS,
};

struct kernel_cpustat {
	unsigned long long cpustat[NR_STATS]; /* in ticks */
};

extern struct kernel_cpustat kcpustat_cpu;

struct task_struct;
/* Hardirq, from scheduler_tick(): charge one tick. */
void account_process_tick(struct task_struct *p, int user_tick);

#endif
