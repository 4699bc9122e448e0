/*
 * cputime.c - charge each tick (see cputime.h; Linux:
 * kernel/sched/cputime.c, tick-based accounting).
 *
 * Called in hardirq context from the tick, so preempt_count includes the
 * tick's own HARDIRQ_OFFSET: a hardirq count above that means the tick
 * interrupted another interrupt handler; SOFTIRQ_OFFSET means it
 * interrupted a softirq (run from irq_exit or by ksoftirqd/0).
 */
#include "kernel/sched/cputime.h"
#include "kernel/preempt.h"
#include "kernel/sched/sched.h"

struct kernel_cpustat kcpustat_cpu;

static void account_system_time(struct task_struct *p)
{
	enum cpu_usage_stat index = CPUTIME_SYSTEM;

	if (hardirq_count() - HARDIRQ_OFFSET)
		index = CPUTIME_IRQ;
	else if (in_serving_softirq())
		index = CPUTIME_SOFTIRQ;
	p->stime++;
	kcpustat_cpu.cpustat[index]++;
}

void account_process_tick(struct task_struct *p, int user_tick)
{
	if (user_tick) {
		p->utime++;
		kcpustat_cpu.cpustat[CPUTIME_USER]++;
	} else if (!is_idle_task(p) || irq_count() != HARDIRQ_OFFSET) {
		account_system_time(p);
	} else {
		kcpustat_cpu.cpustat[CPUTIME_IDLE]++;
	}
}
