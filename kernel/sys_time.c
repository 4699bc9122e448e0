/*
 * sys_time.c - the clocks user space reads and the sleeps it asks for:
 * time, gettimeofday, clock_gettime, clock_getres, nanosleep,
 * clock_nanosleep (Linux: kernel/time/time.c, posix-timers.c,
 * posix-stubs.c, hrtimer.c; the RTC read: arch/x86/kernel/rtc.c).
 *
 * CLOCK_MONOTONIC is local_clock(): nanoseconds since boot, interpolated
 * between ticks with the TSC. CLOCK_REALTIME adds the wall-clock time the
 * CMOS real-time clock showed at boot (read once, in UTC as QEMU keeps it).
 * Nothing ever sets the clock (no settimeofday, no NTP). Sleeps are
 * rounded up to whole ticks (10 ms); Linux uses hrtimers for them.
 * Process context.
 */
#include "kernel/syscalls.h"
#include "kernel/errno.h"
#include "kernel/io.h"
#include "kernel/printk.h"
#include "kernel/time.h"
#include "kernel/timekeeping.h"

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define TIMER_ABSTIME 0x01
#define NSEC_PER_USEC 1000ULL

/* The i386 user structures (32-bit time_t) and the 64-bit ones. */
struct timespec32 {
	long tv_sec, tv_nsec;
};
struct timeval32 {
	long tv_sec, tv_usec;
};
struct timespec64_user {
	int64_t tv_sec;
	int64_t tv_nsec;
};

static uint64_t boot_time_ns; /* CLOCK_REALTIME at local_clock() == 0 */

/* ---- the CMOS clock --------------------------------------------------------- */

#define RTC_PORT_INDEX 0x70
#define RTC_PORT_DATA 0x71
#define RTC_FREQ_SELECT 0x0A /* bit 7: update in progress */
#define RTC_CONTROL 0x0B     /* bit 2: binary, not BCD */

static unsigned int cmos_read(unsigned int reg)
{
	outb(RTC_PORT_INDEX, reg);
	return inb(RTC_PORT_DATA);
}

static unsigned int bcd2bin(unsigned int v)
{
	return (v & 15) + (v >> 4) * 10;
}

/* Seconds since 1970 (Gauss's formula; Linux: mktime64). */
static uint64_t mktime64(unsigned int year, unsigned int mon, unsigned int day,
			 unsigned int hour, unsigned int min, unsigned int sec)
{
	if (0 >= (int)(mon -= 2)) { /* March first: leap day last */
		mon += 12;
		year -= 1;
	}
	return ((((uint64_t)(year / 4 - year / 100 + year / 400 + 367 * mon / 12 +
			     day) + year * 365 - 719499) * 24 + hour) * 60 + min) * 60 +
	       sec;
}

static uint64_t read_persistent_clock(void)
{
	unsigned int t[6], regs[6] = { 0x09, 0x08, 0x07, 0x04, 0x02, 0x00 };

	for (int tries = 0; tries < 1000000 && (cmos_read(RTC_FREQ_SELECT) & 0x80);
	     tries++)
		;
	for (int i = 0; i < 6; i++) {
		t[i] = cmos_read(regs[i]);
		if (!(cmos_read(RTC_CONTROL) & 0x04))
			t[i] = bcd2bin(t[i]);
	}
	/* year 70..99 is 19xx, 00..69 is 20xx, as Linux assumes */
	t[0] += t[0] < 70 ? 2000 : 1900;
	return mktime64(t[0], t[1], t[2], t[3], t[4], t[5]);
}

/* Boot: remember the wall-clock time. Process context, once. */
void timekeeping_init(void)
{
	uint64_t now = local_clock();

	boot_time_ns = read_persistent_clock() * NSEC_PER_SEC - now;
}

/* ---- reading clocks -------------------------------------------------------------- */

uint64_t ktime_get_real_ns(void)
{
	return boot_time_ns + local_clock();
}

unsigned long ktime_get_real_seconds(void)
{
	return (unsigned long)(ktime_get_real_ns() / NSEC_PER_SEC);
}

static int clock_ns(int which, uint64_t *ns)
{
	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ns = local_clock();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = (uint64_t)(current->utime + current->stime) *
		      (NSEC_PER_SEC / HZ);
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_time(long __user *tloc)
{
	long t = (long)ktime_get_real_seconds();

	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
}

long sys_gettimeofday(struct timeval32 __user *tv, void __user *tz)
{
	uint64_t ns = ktime_get_real_ns();
	struct timeval32 k = { (long)(ns / NSEC_PER_SEC),
			       (long)(ns % NSEC_PER_SEC / NSEC_PER_USEC) };
	int zone[2] = { 0, 0 }; /* UTC, no DST */

	if (tv && copy_to_user(tv, &k, sizeof(k)))
		return -EFAULT;
	if (tz && copy_to_user(tz, zone, sizeof(zone)))
		return -EFAULT;
	return 0;
}

long sys_clock_gettime(int which_clock, struct timespec32 __user *tp)
{
	struct timespec32 k;
	uint64_t ns;
	int err = clock_ns(which_clock, &ns);

	if (err)
		return err;
	k.tv_sec = (long)(ns / NSEC_PER_SEC);
	k.tv_nsec = (long)(ns % NSEC_PER_SEC);
	return copy_to_user(tp, &k, sizeof(k)) ? -EFAULT : 0;
}

long sys_clock_gettime64(int which_clock, void __user *tp)
{
	struct timespec64_user k;
	uint64_t ns;
	int err = clock_ns(which_clock, &ns);

	if (err)
		return err;
	k.tv_sec = ns / NSEC_PER_SEC;
	k.tv_nsec = ns % NSEC_PER_SEC;
	return copy_to_user(tp, &k, sizeof(k)) ? -EFAULT : 0;
}

long sys_clock_getres(int which_clock, struct timespec32 __user *tp)
{
	struct timespec32 k = { 0, 1 };
	uint64_t ns;

	if (clock_ns(which_clock, &ns))
		return -EINVAL;
	if (!tsc_khz || which_clock == CLOCK_REALTIME_COARSE ||
	    which_clock == CLOCK_MONOTONIC_COARSE)
		k.tv_nsec = NSEC_PER_SEC / HZ;
	if (tp && copy_to_user(tp, &k, sizeof(k)))
		return -EFAULT;
	return 0;
}

/* ---- sleeping -------------------------------------------------------------------- */

/* Ticks that cover ns: rounded down, plus one for the tick under way. */
static long ns_to_timeout(uint64_t ns)
{
	return (long)min(ns / (NSEC_PER_SEC / HZ) + 1,
			 (uint64_t)MAX_SCHEDULE_TIMEOUT - 1);
}

/*
 * Sleep ns nanoseconds (at least); -EINTR with *left set if a signal came.
 * The end is checked on local_clock(), the clock user space reads, not on
 * jiffies: the two need not agree (QEMU may deliver late ticks in a
 * burst), and a sleep must never end early on CLOCK_MONOTONIC.
 */
static long do_nanosleep(uint64_t ns, uint64_t *left)
{
	uint64_t end = local_clock() + ns, now;

	while (!signal_pending(current) && (now = local_clock()) < end)
		schedule_timeout_interruptible(ns_to_timeout(end - now));
	if (!signal_pending(current))
		return 0;
	*left = local_clock() < end ? end - local_clock() : 0;
	/* POSIX: a handled signal ends nanosleep with EINTR, SA_RESTART or not */
	return -EINTR;
}

static int get_timespec32(uint64_t *ns, struct timespec32 __user *u)
{
	struct timespec32 k;

	if (copy_from_user(&k, u, sizeof(k)))
		return -EFAULT;
	if (k.tv_sec < 0 || k.tv_nsec < 0 || k.tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	*ns = (uint64_t)k.tv_sec * NSEC_PER_SEC + k.tv_nsec;
	return 0;
}

static long sleep_and_report(uint64_t ns, struct timespec32 __user *rmtp)
{
	uint64_t left = 0;
	long ret = do_nanosleep(ns, &left);
	struct timespec32 k = { (long)(left / NSEC_PER_SEC),
				(long)(left % NSEC_PER_SEC) };

	if (ret && rmtp && copy_to_user(rmtp, &k, sizeof(k)))
		return -EFAULT;
	return ret;
}

long sys_nanosleep(struct timespec32 __user *rqtp, struct timespec32 __user *rmtp)
{
	uint64_t ns;
	int err = get_timespec32(&ns, rqtp);

	return err ? err : sleep_and_report(ns, rmtp);
}

long sys_clock_nanosleep(int which_clock, int flags,
			 struct timespec32 __user *rqtp,
			 struct timespec32 __user *rmtp)
{
	uint64_t ns, now;
	int err;

	if (which_clock != CLOCK_REALTIME && which_clock != CLOCK_MONOTONIC &&
	    which_clock != CLOCK_BOOTTIME)
		return -EINVAL;
	err = get_timespec32(&ns, rqtp);
	if (err)
		return err;
	if (!(flags & TIMER_ABSTIME))
		return sleep_and_report(ns, rmtp);
	clock_ns(which_clock, &now);
	return now >= ns ? 0 : sleep_and_report(ns - now, NULL);
}
