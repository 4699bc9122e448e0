/*
 * loadavg.c - see loadavg.h (Linux: kernel/sched/loadavg.c).
 *
 * Hardirq context (the tick); readers (/proc/loadavg, sysinfo) read one
 * aligned word per average.
 */
#include "kernel/sched/sched.h"
#include "kernel/sched/loadavg.h"

unsigned long avenrun[3];
static unsigned long calc_load_update = LOAD_FREQ;

/* load * exp + active * (1 - exp), rounding up while the load rises. */
unsigned long calc_load(unsigned long load, unsigned long exp,
			unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

void calc_global_load_tick(unsigned int nr_active)
{
	unsigned long active = (unsigned long)nr_active * FIXED_1;

	if (time_before(jiffies, calc_load_update))
		return;
	calc_load_update = jiffies + LOAD_FREQ;
	avenrun[0] = calc_load(avenrun[0], EXP_1, active);
	avenrun[1] = calc_load(avenrun[1], EXP_5, active);
	avenrun[2] = calc_load(avenrun[2], EXP_15, active);
}
