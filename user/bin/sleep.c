/*
 * sleep - pause: sleep NUMBER[smhd]... (the durations add up).
 * NUMBER may have a decimal fraction ("0.5"); parsed by hand into
 * seconds and nanoseconds, since rxos programs use no floating point.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <time.h>

/* Parse "12.345s" into *ts scaled by the suffix; 0 if malformed. */
static int parse_duration(const char *s, struct timespec *ts)
{
	long long sec = 0, nsec = 0, scale = 100000000;
	long mult = 1;

	if (!isdigit((unsigned char)*s) && *s != '.')
		return 0;
	for (; isdigit((unsigned char)*s); s++)
		sec = sec * 10 + (*s - '0');
	if (*s == '.')
		for (s++; isdigit((unsigned char)*s); s++, scale /= 10)
			nsec += (*s - '0') * scale;
	switch (*s) {
	case 'd': mult = 86400; s++; break;
	case 'h': mult = 3600; s++; break;
	case 'm': mult = 60; s++; break;
	case 's': s++; break;
	}
	if (*s)
		return 0;
	nsec *= mult;
	ts->tv_sec = (time_t)(sec * mult + nsec / 1000000000);
	ts->tv_nsec = (long)(nsec % 1000000000);
	return 1;
}

int main(int argc, char **argv)
{
	struct timespec total = { 0, 0 };

	if (argc < 2) {
		fprintf(stderr, "sleep: missing operand\n");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		struct timespec t;

		if (!parse_duration(argv[i], &t)) {
			fprintf(stderr, "sleep: invalid time interval '%s'\n", argv[i]);
			return 1;
		}
		total.tv_sec += t.tv_sec;
		total.tv_nsec += t.tv_nsec;
		if (total.tv_nsec >= 1000000000)
			total.tv_sec++, total.tv_nsec -= 1000000000;
	}
	while (nanosleep(&total, &total) < 0) {
		if (errno != EINTR) {
			perror("sleep");
			return 1;
		}
	}
	return 0;
}
