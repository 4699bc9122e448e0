/*
 * timekeeping.h - wall-clock time (Linux: include/linux/timekeeping.h).
 * See sys_time.c: CLOCK_REALTIME is the RTC's time at boot plus
 * local_clock().
 */
#ifndef RXOS_KERNEL_TIMEKEEPING_H
#define RXOS_KERNEL_TIMEKEEPING_H

#include <stdint.h>

/* Boot, from kernel_init: read the CMOS clock once. Process context. */
void timekeeping_init(void);
/* Nanoseconds / seconds since 1970-01-01 UTC. Any context. */
uint64_t ktime_get_real_ns(void);
unsigned long ktime_get_real_seconds(void);

#endif
