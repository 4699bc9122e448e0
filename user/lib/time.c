/*
 * time.c - sleeping and calendar arithmetic.
 *
 * The system calls themselves (time, clock_gettime, nanosleep) are in
 * syscalls.c. rxos has no time zone database: local time is UTC.
 */
#include <errno.h>
#include <time.h>
#include <unistd.h>

unsigned int sleep(unsigned int seconds)
{
	struct timespec req = { seconds, 0 }, rem;

	if (nanosleep(&req, &rem) < 0 && errno == EINTR)
		return (unsigned int)rem.tv_sec + (rem.tv_nsec > 0);
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec req = { usec / 1000000, (long)(usec % 1000000) * 1000 };

	return nanosleep(&req, NULL);
}

static int is_leap(long year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Split days since 1970-01-01 into year, month and day. */
static void days_to_date(long days, struct tm *tm)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31 };
	long year = 1970;
	int mon = 0;

	tm->tm_wday = (int)((days % 7 + 11) % 7); /* 1970-01-01: Thursday */
	while (days < 0 || days >= 365 + is_leap(year)) {
		int len = 365 + is_leap(days < 0 ? year - 1 : year);
		year += days < 0 ? -1 : 1;
		days += days < 0 ? len : -len;
	}
	tm->tm_yday = (int)days;
	while (days >= mdays[mon] + (mon == 1 && is_leap(year))) {
		days -= mdays[mon] + (mon == 1 && is_leap(year));
		mon++;
	}
	tm->tm_year = (int)(year - 1900);
	tm->tm_mon = mon;
	tm->tm_mday = (int)days + 1;
}

struct tm *gmtime_r(const time_t *t, struct tm *tm)
{
	long secs = (long)(*t % 86400), days = (long)(*t / 86400);

	if (secs < 0) {
		secs += 86400;
		days--;
	}
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);
	days_to_date(days, tm);
	tm->tm_isdst = 0;
	tm->tm_gmtoff = 0;
	tm->tm_zone = "UTC";
	return tm;
}

struct tm *gmtime(const time_t *t)
{
	static struct tm tm;

	return gmtime_r(t, &tm);
}

struct tm *localtime_r(const time_t *t, struct tm *tm)
{
	return gmtime_r(t, tm);
}

struct tm *localtime(const time_t *t)
{
	return gmtime(t);
}

void tzset(void)
{
}
