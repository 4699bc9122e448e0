/*
 * loadavg.h - the load average of /proc/loadavg, uptime and top
 * (Linux: include/linux/sched/loadavg.h, kernel/sched/loadavg.c).
 *
 * Every LOAD_FREQ ticks (5 s) the number of runnable tasks is folded into
 * three exponentially decaying averages - over 1, 5 and 15 minutes - in
 * fixed point with FSHIFT fraction bits, with Linux's constants, so the
 * numbers mean what they mean on Linux.
 */
#ifndef RXOS_KERNEL_SCHED_LOADAVG_H
#define RXOS_KERNEL_SCHED_LOADAVG_H

#define FSHIFT 11
#define FIXED_1 (1 << FSHIFT)
#define LOAD_FREQ (5 * HZ + 1)
#define EXP_1 1884  /* 1/exp(5sec/1min) as fixed-point */
#define EXP_5 2014  /* 1/exp(5sec/5min) */
#define EXP_15 2037 /* 1/exp(5sec/15min) */
#define LOAD_INT(x) ((x) >> FSHIFT)
#define LOAD_FRAC(x) LOAD_INT(((x) & (FIXED_1 - 1)) * 100)

extern unsigned long avenrun[3];

/* One decay step: exported for the host tests. */
unsigned long calc_load(unsigned long load, unsigned long exp,
			unsigned long active);
/* From scheduler_tick, hardirq. */
void calc_global_load_tick(unsigned int nr_active);

#endif
