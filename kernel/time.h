/*
 * time.h - jiffies and the clocks (Linux: include/linux/jiffies.h, sched/clock).
 *
 * jiffies counts timer interrupts since boot, HZ per second, driven by PIT
 * channel 0 (time.c). local_clock() gives nanoseconds since the TSC was
 * calibrated, with sub-tick resolution (tsc.c); printk stamps lines with it.
 * Before time_init() it reads 0, as early Linux boot lines do.
 */
#ifndef RXOS_KERNEL_TIME_H
#define RXOS_KERNEL_TIME_H

#include <stdint.h>

#define HZ 100
#define NSEC_PER_SEC 1000000000ULL
#define NSEC_PER_MSEC 1000000ULL

extern volatile unsigned long jiffies;
/* TSC frequency found at boot, in kHz; 0 = no usable TSC (tick resolution). */
extern unsigned long tsc_khz;

uint64_t local_clock(void);
/* Boot, interrupts off, after init_IRQ: calibrate the TSC, start the tick. */
void time_init(void);
/* tsc.c: measure the TSC against the PIT; called by time_init(). */
void tsc_init(void);

#endif
