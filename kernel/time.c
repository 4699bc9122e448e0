/*
 * time.c - jiffies and local_clock().
 *
 * Until the timer interrupt is running, local_clock() reports 0 and every
 * printk line is stamped [    0.000000], as early Linux boot lines are.
 */
#include "kernel/time.h"

volatile unsigned long jiffies;

uint64_t local_clock(void)
{
	return (uint64_t)jiffies * (1000000000ULL / HZ);
}
