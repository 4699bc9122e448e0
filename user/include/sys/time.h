/* sys/time.h - rxos user libc. */
#ifndef _RXOS_SYS_TIME_H
#define _RXOS_SYS_TIME_H

#include <sys/types.h>
#include <sys/select.h>

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

int gettimeofday(struct timeval *tv, void *tz);

#endif
