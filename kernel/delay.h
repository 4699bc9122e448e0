/*
 * delay.h - busy-wait delays (Linux: include/linux/delay.h).
 *
 * Device bring-up has "wait at least N microseconds after reset" steps that
 * run before timers or the scheduler exist (probe at boot). udelay() spins:
 * each write to the unused port 0x80 takes about a microsecond on a PC bus
 * (io_delay()), which is how Linux i386 timed early delays too. Short and
 * approximate: for milliseconds in process context prefer msleep(). Any
 * context; never in a loop that waits for something unbounded.
 */
#ifndef RXOS_KERNEL_DELAY_H
#define RXOS_KERNEL_DELAY_H

#include "kernel/io.h"

#ifdef RXOS_HOST_TEST
/* Host unit tests: port 0x80 is out of reach, and time is the test's. */
static inline void udelay(unsigned long usecs)
{
	(void)usecs;
}
#else
static inline void udelay(unsigned long usecs)
{
	while (usecs--)
		io_delay();
}
#endif

static inline void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}

#endif
