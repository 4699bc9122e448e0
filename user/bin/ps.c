/*
 * ps - report processes, from /proc, in procps' layouts:
 *
 *   ps        "  PID TTY          TIME CMD"   processes on our terminal
 *   ps -e     the same columns, every process
 *   ps -f     "UID        PID  PPID  C STIME TTY          TIME CMD"
 *   ps -ef    full format, every process
 *
 * Per process it reads /proc/PID/stat (ppid, tty, cpu ticks, start time)
 * and, for the full format, /proc/PID/cmdline (the arguments separated by
 * NULs). A kernel thread has an empty cmdline and is shown as its name in
 * brackets, "[ksoftirqd/0]". Times in /proc are clock ticks (USER_HZ,
 * sysconf(_SC_CLK_TCK)); /proc/uptime and the "btime" line of /proc/stat
 * turn start ticks into wall-clock time.
 *
 * The environment variable PROCFS names a directory to read instead of
 * /proc; tests use it to feed ps a fixed process table.
 */
#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct proc {
	int pid, ppid;
	char comm[64];
	unsigned long tty;
	unsigned long long cpu, start; /* ticks: utime + stime, since boot */
	unsigned uid;
};

static const char *procfs = "/proc";
static unsigned long long hz = 100;
static time_t now, boot_time;
static unsigned long long uptime_ticks;

/* Read a small /proc file into buf (NUL-terminated); length or -1. */
static int read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY), n, total = 0;

	if (fd < 0)
		return -1;
	while ((size_t)total < size - 1 &&
	       (n = (int)read(fd, buf + total, size - 1 - (size_t)total)) > 0)
		total += n;
	close(fd);
	buf[total] = '\0';
	return total;
}

/* Parse "SECONDS.CENTISECONDS" as /proc/uptime has it, into ticks. */
static unsigned long long parse_uptime(const char *s, unsigned long long *secs)
{
	char *dot;
	unsigned long long cs = 0;

	*secs = strtoull(s, &dot, 10);
	if (*dot == '.')
		cs = strtoull(dot + 1, NULL, 10);
	return *secs * hz + cs * hz / 100;
}

/* Boot time and uptime, so start ticks become clock times. */
static void read_clock(void)
{
	char buf[4096], path[256], *bt;
	unsigned long long up_sec = 0;

	now = time(NULL);
	snprintf(path, sizeof(path), "%s/uptime", procfs);
	if (read_file(path, buf, sizeof(buf)) > 0)
		uptime_ticks = parse_uptime(buf, &up_sec);
	boot_time = now - (time_t)up_sec;
	snprintf(path, sizeof(path), "%s/stat", procfs);
	if (read_file(path, buf, sizeof(buf)) > 0 && (bt = strstr(buf, "btime ")))
		boot_time = (time_t)strtoull(bt + 6, NULL, 10);
}

/*
 * /proc/PID/stat: "pid (comm) state ppid pgrp session tty_nr tpgid flags
 * minflt cminflt majflt cmajflt utime stime cutime cstime priority nice
 * num_threads itrealvalue starttime ...". comm may hold spaces and
 * parentheses, so it ends at the LAST ')'.
 */
static int parse_stat(char *buf, struct proc *p)
{
	char *open = strchr(buf, '('), *close = strrchr(buf, ')'), *f[20];
	size_t len;
	int n = 0;

	if (!open || !close || close < open || close[1] != ' ')
		return -1;
	len = (size_t)(close - open - 1);
	if (len >= sizeof(p->comm))
		len = sizeof(p->comm) - 1;
	memcpy(p->comm, open + 1, len);
	p->comm[len] = '\0';
	for (char *s = close + 2; n < 20 && (f[n] = strsep(&s, " ")); n++)
		;
	if (n < 20) /* f[0] is the state, f[19] the start time */
		return -1;
	p->ppid = atoi(f[1]);
	p->tty = strtoul(f[4], NULL, 10);
	p->cpu = strtoull(f[11], NULL, 10) + strtoull(f[12], NULL, 10);
	p->start = strtoull(f[19], NULL, 10);
	return 0;
}

static int read_proc(int pid, struct proc *p)
{
	char path[256], buf[1024];
	struct stat st;

	memset(p, 0, sizeof(*p));
	p->pid = pid;
	snprintf(path, sizeof(path), "%s/%d/stat", procfs, pid);
	if (read_file(path, buf, sizeof(buf)) <= 0 || parse_stat(buf, p) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/%d", procfs, pid);
	if (stat(path, &st) == 0)
		p->uid = st.st_uid;
	return 0;
}

/* The arguments joined by spaces, or "[comm]" for a kernel thread. */
static void command_line(const struct proc *p, char *out, size_t size)
{
	char path[256];
	int n;

	snprintf(path, sizeof(path), "%s/%d/cmdline", procfs, p->pid);
	n = read_file(path, out, size);
	while (n > 0 && out[n - 1] == '\0')
		n--;
	if (n <= 0) {
		snprintf(out, size, "[%s]", p->comm);
		return;
	}
	for (int i = 0; i < n; i++)
		if (out[i] == '\0')
			out[i] = ' ';
	out[n] = '\0';
}

/* ---- columns ------------------------------------------------------------ */

/* tty_nr is a dev_t: major 4 = tty/ttyS, 136.. = pts, 5:1 = console. */
static void tty_name(unsigned long dev, char *buf, size_t size)
{
	unsigned major = (dev >> 8) & 0xfff;
	unsigned minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	if (dev == 0)
		snprintf(buf, size, "?");
	else if (major == 4 && minor >= 64)
		snprintf(buf, size, "ttyS%u", minor - 64);
	else if (major == 4)
		snprintf(buf, size, "tty%u", minor);
	else if (major >= 136 && major <= 143)
		snprintf(buf, size, "pts/%u", (major - 136) * 256 + minor);
	else if (major == 5 && minor == 1)
		snprintf(buf, size, "console");
	else
		snprintf(buf, size, "%u,%u", major, minor);
}

/* Cumulative CPU time as [DD-]HH:MM:SS. */
static void cpu_time(unsigned long long ticks, char *buf, size_t size)
{
	unsigned long long t = ticks / hz;
	unsigned long long days = t / 86400;

	if (days)
		snprintf(buf, size, "%llu-%02llu:%02llu:%02llu", days,
			 t / 3600 % 24, t / 60 % 60, t % 60);
	else
		snprintf(buf, size, "%02llu:%02llu:%02llu", t / 3600, t / 60 % 60,
			 t % 60);
}

/* Start time: "HH:MM" within the last day, else "MonDD". */
static void start_time(const struct proc *p, char *buf, size_t size)
{
	static const char *mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
				     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t t = boot_time + (time_t)(p->start / hz);
	struct tm tm;

	localtime_r(&t, &tm);
	if (now - t < 86400)
		snprintf(buf, size, "%02d:%02d", tm.tm_hour, tm.tm_min);
	else
		snprintf(buf, size, "%s%02d", mon[tm.tm_mon], tm.tm_mday);
}

/* procps' C: CPU time over lifetime, in percent, at most 99. */
static unsigned cpu_percent(const struct proc *p)
{
	unsigned long long alive = uptime_ticks > p->start ? uptime_ticks - p->start : 0;
	unsigned long long pct = alive ? p->cpu * 100 / alive : 0;

	return pct > 99 ? 99 : (unsigned)pct;
}

static void user_name(unsigned uid, char *buf, size_t size)
{
	struct passwd *pw = getpwuid(uid);

	if (pw)
		snprintf(buf, size, "%s", pw->pw_name);
	else
		snprintf(buf, size, "%u", uid);
}

static void print_proc(const struct proc *p, int full)
{
	char tty[32], cpu[32], stime[16], user[64], cmd[4096];

	tty_name(p->tty, tty, sizeof(tty));
	cpu_time(p->cpu, cpu, sizeof(cpu));
	if (!full) {
		printf("%5d %-8s %8s %s\n", p->pid, tty, cpu, p->comm);
		return;
	}
	user_name(p->uid, user, sizeof(user));
	start_time(p, stime, sizeof(stime));
	command_line(p, cmd, sizeof(cmd));
	printf("%-8s %5d %5d %2u %5s %-8s %8s %s\n", user, p->pid, p->ppid,
	       cpu_percent(p), stime, tty, cpu, cmd);
}

/* ---- selection ---------------------------------------------------------- */

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* Every numeric entry of /proc, sorted; returns the count (-1: error). */
static int list_pids(int **pids)
{
	DIR *d = opendir(procfs);
	struct dirent *e;
	int n = 0, cap = 0;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		char *end;
		long pid = strtol(e->d_name, &end, 10);

		if (*end || pid <= 0)
			continue;
		if (n == cap) {
			int *np = realloc(*pids, (size_t)(cap = cap ? cap * 2 : 64) * sizeof(int));
			if (!np)
				break;
			*pids = np;
		}
		(*pids)[n++] = (int)pid;
	}
	closedir(d);
	qsort(*pids, (size_t)n, sizeof(int), cmp_int);
	return n;
}

/* Without -e, procps shows processes of our euid on our terminal. */
static int selected(const struct proc *p, int all, const struct proc *self)
{
	return all || (p->tty == self->tty && p->uid == self->uid);
}

int main(int argc, char **argv)
{
	int all = 0, full = 0, opt, n, *pids = NULL;
	struct proc self, p;

	while ((opt = getopt(argc, argv, "+efAa")) != -1) {
		if (opt == '?') {
			fprintf(stderr, "usage: ps [-e] [-f]\n");
			return 1;
		}
		all |= opt != 'f';
		full |= opt == 'f';
	}
	if (getenv("PROCFS"))
		procfs = getenv("PROCFS");
	hz = (unsigned long long)sysconf(_SC_CLK_TCK);
	read_clock();
	if (read_proc(getpid(), &self) < 0)
		memset(&self, 0, sizeof(self));
	n = list_pids(&pids);
	if (n < 0) {
		fprintf(stderr, "ps: cannot read %s\n", procfs);
		return 1;
	}
	puts(full ? "UID        PID  PPID  C STIME TTY          TIME CMD"
		  : "  PID TTY          TIME CMD");
	for (int i = 0; i < n; i++)
		if (read_proc(pids[i], &p) == 0 && selected(&p, all, &self))
			print_proc(&p, full);
	free(pids);
	return 0;
}
