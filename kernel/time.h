/*
 * time.h - jiffies and the clocks (Linux: include/linux/jiffies.h, sched/clock).
 *
 * jiffies counts timer interrupts since boot, HZ per second. local_clock()
 * gives nanoseconds since boot with sub-tick resolution; printk stamps lines
 * with it.
 */
#ifndef RXOS_KERNEL_TIME_H
#define RXOS_KERNEL_TIME_H

#include <stdint.h>

#define HZ 100

extern volatile unsigned long jiffies;

uint64_t local_clock(void);

#endif
