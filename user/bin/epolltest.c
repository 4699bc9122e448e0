/*
 * epolltest - what epoll promises, checked on pipes.
 *
 *   epolltest [NAME...]
 *   epolltest --stdin
 *
 * Runs every test (or the named ones) and prints one line per test,
 * "ok NAME" or "FAIL NAME: what differed", then "N passed, N failed".
 * Exit status 1 if any failed.
 *
 * --stdin waits (up to 60 s) in epoll_wait for standard input, then reads
 * and prints one line. On a terminal that is the tty's path: the UART
 * interrupt (hardirq) -> n_tty receives a newline -> wakes the tty's read
 * queue -> ep_poll_callback, still in hardirq context -> epoll_wait returns.
 *
 * Plain POSIX C plus Linux's <sys/epoll.h>: the same source builds for
 * rxos and, with `make host-user`, for the host, where every assertion
 * must hold against the Linux kernel too. That is the point: the rxos
 * results are Linux's behaviour, not merely self-consistent.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *failure; /* set by the first failed CHECK of a test */
static char failbuf[160];

#define CHECK(cond, ...)                                                  \
	do {                                                              \
		if (!(cond) && !failure) {                                \
			snprintf(failbuf, sizeof(failbuf), __VA_ARGS__);  \
			failure = failbuf;                                \
		}                                                         \
	} while (0)

/* The call must fail with errno e. */
#define CHECK_ERR(call, e)                                                 \
	do {                                                               \
		errno = 0;                                                 \
		int r_ = (call);                                           \
		CHECK(r_ == -1 && errno == (e), "%s: got %d errno %d (%s), " \
		      "want -1 %s", #call, r_, errno, strerror(errno), #e); \
	} while (0)

/* ---- helpers ---------------------------------------------------------------- */

static int ep_add(int ep, int fd, uint32_t events, uint64_t data)
{
	struct epoll_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.events = events;
	ev.data.u64 = data;
	return epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
}

static int ep_mod(int ep, int fd, uint32_t events, uint64_t data)
{
	struct epoll_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.events = events;
	ev.data.u64 = data;
	return epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev);
}

/* epoll_wait into evs[8]; the return value. */
static struct epoll_event evs[8];
static int ep_wait(int ep, int timeout_ms)
{
	memset(evs, 0, sizeof(evs));
	return epoll_wait(ep, evs, 8, timeout_ms);
}

static void put(int fd, const char *s)
{
	if (write(fd, s, strlen(s)) != (ssize_t)strlen(s))
		CHECK(0, "write failed: %s", strerror(errno));
}

static int drain(int fd)
{
	char buf[256];

	return (int)read(fd, buf, sizeof(buf));
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* A child that sleeps ms, then writes "x" to fd (or signals the parent). */
static pid_t child_after(int ms, int fd, int sig)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		sleep_ms(ms);
		if (sig)
			kill(getppid(), sig);
		else if (write(fd, "x", 1) != 1)
			_exit(1);
		_exit(0);
	}
	return pid;
}

static void reap(pid_t pid)
{
	int status;

	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		      !WEXITSTATUS(status), "child %d did not exit 0", (int)pid);
}

/* ---- the tests ---------------------------------------------------------------- */

static void t_event_is_12_bytes_packed(void)
{
	struct epoll_event ev;

	CHECK(sizeof(ev) == 12, "sizeof %zu", sizeof(ev));
	CHECK((char *)&ev.data - (char *)&ev == 4, "data at %d",
	      (int)((char *)&ev.data - (char *)&ev));
}

static void t_level_triggered_stays_ready_until_drained(void)
{
	int p[2], ep = epoll_create1(0);

	pipe(p);
	CHECK(ep_add(ep, p[0], EPOLLIN, 0x1122334455667788ULL) == 0, "add");
	CHECK(ep_wait(ep, 0) == 0, "ready before any write");
	put(p[1], "abc");
	CHECK(ep_wait(ep, 0) == 1 && evs[0].events == EPOLLIN &&
		      evs[0].data.u64 == 0x1122334455667788ULL,
	      "first wait: events %#x data %#llx", evs[0].events,
	      (unsigned long long)evs[0].data.u64);
	CHECK(ep_wait(ep, 0) == 1 && evs[0].events == EPOLLIN,
	      "not reported again before the read");
	CHECK(drain(p[0]) == 3, "read");
	CHECK(ep_wait(ep, 0) == 0, "still ready after draining");
	close(p[0]), close(p[1]), close(ep);
}

static void t_edge_triggered_fires_once_per_write(void)
{
	int p[2], ep = epoll_create1(0);

	pipe(p);
	ep_add(ep, p[0], EPOLLIN | EPOLLET, 7);
	put(p[1], "a");
	CHECK(ep_wait(ep, 0) == 1 && evs[0].events == EPOLLIN, "first write");
	CHECK(ep_wait(ep, 0) == 0, "reported twice for one write");
	put(p[1], "b");
	CHECK(ep_wait(ep, 0) == 1 && evs[0].data.u64 == 7, "second write");
	CHECK(ep_wait(ep, 0) == 0, "reported twice for the second write");
	CHECK(drain(p[0]) == 2, "both bytes are there");
	close(p[0]), close(p[1]), close(ep);
}

static void t_oneshot_reports_once_until_mod(void)
{
	int p[2], ep = epoll_create1(0);

	pipe(p);
	ep_add(ep, p[0], EPOLLIN | EPOLLONESHOT, 1);
	put(p[1], "a");
	CHECK(ep_wait(ep, 0) == 1, "first report");
	put(p[1], "b");
	CHECK(ep_wait(ep, 0) == 0, "reported after EPOLLONESHOT fired");
	CHECK(ep_mod(ep, p[0], EPOLLIN | EPOLLONESHOT, 2) == 0, "mod");
	CHECK(ep_wait(ep, 0) == 1 && evs[0].data.u64 == 2, "not re-armed by MOD");
	CHECK(ep_wait(ep, 0) == 0, "re-armed item fired twice");
	close(p[0]), close(p[1]), close(ep);
}

static void t_epollout_on_pipe_with_room(void)
{
	int p[2], ep = epoll_create1(0), n = 0;
	char buf[1024];

	pipe(p);
	ep_add(ep, p[1], EPOLLOUT, 0);
	CHECK(ep_wait(ep, 0) == 1 && evs[0].events == EPOLLOUT, "empty pipe: %#x",
	      evs[0].events);
	fcntl(p[1], F_SETFL, O_NONBLOCK);
	memset(buf, 'z', sizeof(buf));
	while (write(p[1], buf, sizeof(buf)) > 0 && n < 1024)
		n++;
	while (write(p[1], buf, 1) > 0 && n < 100000)
		n++;
	CHECK(errno == EAGAIN, "filling: %s", strerror(errno));
	CHECK(ep_wait(ep, 0) == 0, "full pipe reports EPOLLOUT");
	for (int i = 0; i < 8; i++)
		read(p[0], buf, sizeof(buf)); /* a page or two: Linux counts pages */
	CHECK(ep_wait(ep, 0) == 1 && evs[0].events == EPOLLOUT, "room again");
	close(p[0]), close(p[1]), close(ep);
}

static void t_epollhup_when_the_writer_closes(void)
{
	int p[2], ep = epoll_create1(0);

	pipe(p);
	ep_add(ep, p[0], EPOLLIN, 0);
	close(p[1]);
	CHECK(ep_wait(ep, 0) == 1 && evs[0].events == EPOLLHUP, "events %#x",
	      evs[0].events);
	close(p[0]), close(ep);
}

static void t_epollerr_when_the_reader_closes(void)
{
	int p[2], ep = epoll_create1(0);

	pipe(p);
	ep_add(ep, p[1], EPOLLOUT, 0);
	close(p[0]);
	CHECK(ep_wait(ep, 0) == 1 && evs[0].events == (EPOLLOUT | EPOLLERR),
	      "events %#x", evs[0].events);
	close(p[1]), close(ep);
}

static void t_hup_is_reported_even_if_not_asked(void)
{
	int p[2], ep = epoll_create1(0);

	pipe(p);
	ep_add(ep, p[0], 0, 0); /* no events: ERR and HUP still count */
	put(p[1], "a");
	CHECK(ep_wait(ep, 0) == 0, "data reported without EPOLLIN");
	close(p[1]);
	CHECK(ep_wait(ep, 0) == 1 && evs[0].events == EPOLLHUP, "events %#x",
	      evs[0].events);
	close(p[0]), close(ep);
}

static void t_timeout_0_returns_at_once(void)
{
	int p[2], ep = epoll_create1(0);
	struct timespec t0;

	pipe(p);
	ep_add(ep, p[0], EPOLLIN, 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK(ep_wait(ep, 0) == 0, "an event came from nowhere");
	CHECK(ms_since(&t0) < 50, "took %ld ms", ms_since(&t0));
	close(p[0]), close(p[1]), close(ep);
}

static void t_timeout_100ms_waits_then_returns_0(void)
{
	int p[2], ep = epoll_create1(0);
	struct timespec t0;
	long ms;

	pipe(p);
	ep_add(ep, p[0], EPOLLIN, 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK(ep_wait(ep, 100) == 0, "an event came from nowhere");
	ms = ms_since(&t0);
	CHECK(ms >= 99 && ms < 5000, "waited %ld ms", ms);
	close(p[0]), close(p[1]), close(ep);
}

static void t_blocking_wait_is_woken_by_a_child_write(void)
{
	int p[2], ep = epoll_create1(0);
	pid_t pid;

	pipe(p);
	ep_add(ep, p[0], EPOLLIN, 42);
	pid = child_after(100, p[1], 0);
	CHECK(ep_wait(ep, -1) == 1 && evs[0].data.u64 == 42 &&
		      evs[0].events == EPOLLIN, "woken with %#x", evs[0].events);
	reap(pid);
	close(p[0]), close(p[1]), close(ep);
}

static volatile sig_atomic_t got_signal;
static void on_signal(int sig)
{
	got_signal = sig;
}

static void catch_usr1(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	got_signal = 0;
}

/* Linux never restarts epoll_wait, SA_RESTART or not (signal(7)). */
static void t_signal_ends_the_wait_with_eintr_even_with_sa_restart(void)
{
	int p[2], ep = epoll_create1(0);
	pid_t pid;

	pipe(p);
	ep_add(ep, p[0], EPOLLIN, 0);
	for (int restart = 0; restart < 2; restart++) {
		catch_usr1(restart ? SA_RESTART : 0);
		pid = child_after(100, -1, SIGUSR1);
		CHECK_ERR(ep_wait(ep, 5000), EINTR);
		CHECK(got_signal == SIGUSR1, "handler did not run");
		reap(pid);
	}
	signal(SIGUSR1, SIG_DFL);
	close(p[0]), close(p[1]), close(ep);
}

/* The temporary mask lets SIGUSR1 in; afterwards it is blocked again. */
static void t_epoll_pwait_swaps_the_signal_mask(void)
{
	int p[2], ep = epoll_create1(0);
	sigset_t block, empty, now;
	pid_t pid;

	pipe(p);
	ep_add(ep, p[0], EPOLLIN, 0);
	catch_usr1(0);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigemptyset(&empty);
	sigprocmask(SIG_BLOCK, &block, NULL);
	pid = child_after(100, -1, SIGUSR1);
	errno = 0;
	CHECK(epoll_pwait(ep, evs, 8, 5000, &empty) == -1 && errno == EINTR,
	      "pwait: errno %d", errno);
	CHECK(got_signal == SIGUSR1, "handler did not run");
	sigprocmask(SIG_BLOCK, NULL, &now);
	CHECK(sigismember(&now, SIGUSR1), "old mask not restored");
	reap(pid);
	/* no signal: the old mask is back at once, and events are reported */
	put(p[1], "a");
	CHECK(epoll_pwait(ep, evs, 8, 0, &empty) == 1, "pwait with an event");
	sigprocmask(SIG_BLOCK, NULL, &now);
	CHECK(sigismember(&now, SIGUSR1), "old mask not restored (no signal)");
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	signal(SIGUSR1, SIG_DFL);
	close(p[0]), close(p[1]), close(ep);
}

static void t_epoll_fd_is_readable_in_poll(void)
{
	int p[2], ep = epoll_create1(0);
	struct pollfd pfd;
	pid_t pid;

	pipe(p);
	ep_add(ep, p[0], EPOLLIN, 0);
	pfd.fd = ep, pfd.events = POLLIN, pfd.revents = 0;
	CHECK(poll(&pfd, 1, 0) == 0, "epoll fd readable with nothing ready");
	pid = child_after(100, p[1], 0); /* poll sleeps, woken through ep */
	CHECK(poll(&pfd, 1, 5000) == 1 && pfd.revents == POLLIN, "revents %#x",
	      pfd.revents);
	reap(pid);
	CHECK(ep_wait(ep, 0) == 1, "the event is still there for epoll_wait");
	drain(p[0]);
	CHECK(poll(&pfd, 1, 0) == 0, "readable after draining");
	close(p[0]), close(p[1]), close(ep);
}

static void t_epoll_inside_epoll(void)
{
	int p[2], inner = epoll_create1(0), outer = epoll_create1(0);
	pid_t pid;

	pipe(p);
	ep_add(inner, p[0], EPOLLIN, 1);
	CHECK(ep_add(outer, inner, EPOLLIN, 2) == 0, "add inner: %s",
	      strerror(errno));
	CHECK(ep_wait(outer, 0) == 0, "outer ready with nothing ready");
	pid = child_after(100, p[1], 0);
	CHECK(ep_wait(outer, 5000) == 1 && evs[0].data.u64 == 2 &&
		      evs[0].events == EPOLLIN, "outer: %#x", evs[0].events);
	reap(pid);
	CHECK(ep_wait(inner, 0) == 1 && evs[0].data.u64 == 1, "inner");
	drain(p[0]);
	CHECK(ep_wait(outer, 0) == 0, "outer ready after draining");
	/* a cycle is refused */
	CHECK_ERR(ep_add(inner, outer, EPOLLIN, 3), ELOOP);
	close(p[0]), close(p[1]), close(inner), close(outer);
}

/* A chain of epoll sets, each watching the next: Linux allows 5 levels. */
static void t_nesting_deeper_than_linux_allows_is_eloop(void)
{
	int e[7];

	for (int i = 0; i < 7; i++)
		e[i] = epoll_create1(0);
	for (int i = 0; i < 4; i++)
		CHECK(ep_add(e[i], e[i + 1], EPOLLIN, 0) == 0, "level %d: %s", i,
		      strerror(errno));
	CHECK_ERR(ep_add(e[4], e[5], EPOLLIN, 0), ELOOP);
	/* the same depth built from the other end */
	CHECK(ep_add(e[6], e[0], EPOLLIN, 0) == -1 && errno == ELOOP,
	      "top: errno %d", errno);
	for (int i = 0; i < 7; i++)
		close(e[i]);
}

static void t_errors_are_linux_errors(void)
{
	int p[2], ep = epoll_create1(0), file;
	struct epoll_event ev;
	/* volatile: glibc's headers would reject these at compile time */
	volatile int negative = -1;
	struct epoll_event *volatile null_events = NULL;

	pipe(p);
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN;
	CHECK_ERR(epoll_create(0), EINVAL);
	CHECK_ERR(epoll_create(-1), EINVAL);
	CHECK_ERR(epoll_create1(1), EINVAL);
	CHECK(ep_add(ep, p[0], EPOLLIN, 0) == 0, "add");
	CHECK_ERR(ep_add(ep, p[0], EPOLLIN, 0), EEXIST);
	CHECK_ERR(ep_mod(ep, p[1], EPOLLOUT, 0), ENOENT);
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL), ENOENT);
	CHECK_ERR(epoll_ctl(ep, 99, p[0], &ev), EINVAL);
	CHECK_ERR(epoll_ctl(-1, EPOLL_CTL_ADD, p[0], &ev), EBADF);
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, 200, &ev), EBADF);
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev), EINVAL);
	CHECK_ERR(epoll_ctl(p[0], EPOLL_CTL_ADD, p[1], &ev), EINVAL);
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, p[1], NULL), EFAULT);
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_MOD, p[0],
			    (struct epoll_event *)~(uintptr_t)4095),
		  EFAULT);
	ev.events = EPOLLIN | EPOLLEXCLUSIVE;
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev), EINVAL);
	file = open("epolltest.tmp", O_CREAT | O_RDWR | O_TRUNC, 0600);
	CHECK(file >= 0, "open: %s", strerror(errno));
	ev.events = EPOLLIN;
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, file, &ev), EPERM);
	close(file);
	unlink("epolltest.tmp");
	CHECK_ERR(epoll_wait(ep, evs, 0, 0), EINVAL);
	CHECK_ERR(epoll_wait(ep, evs, negative, 0), EINVAL);
	CHECK_ERR(epoll_wait(p[0], evs, 8, 0), EINVAL);
	CHECK_ERR(epoll_wait(-1, evs, 8, 0), EBADF);
	CHECK_ERR(epoll_wait(ep, (struct epoll_event *)~(uintptr_t)4095,
			     8, 0),
		  EFAULT);
	/* NULL passes the range check; the copy of a ready event faults */
	put(p[1], "a");
	CHECK_ERR(epoll_wait(ep, null_events, 8, 0), EFAULT);
	CHECK(ep_wait(ep, 0) == 1, "the event was lost by the fault");
	CHECK(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL) == 0, "del");
	CHECK(ep_wait(ep, 0) == 0, "reported after DEL");
	close(p[0]), close(p[1]), close(ep);
}

static void t_closed_fd_disappears_from_the_set(void)
{
	int p[2], ep = epoll_create1(0);

	pipe(p);
	ep_add(ep, p[0], EPOLLIN, 0);
	put(p[1], "a");
	close(p[0]);
	CHECK(ep_wait(ep, 0) == 0, "closed fd still reported: %#x", evs[0].events);
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL), EBADF);
	close(p[1]), close(ep);
}

/* The set holds the file, not the number: a dup keeps the item alive. */
static void t_dup_keeps_the_item_after_close(void)
{
	int p[2], ep = epoll_create1(0), copy;

	pipe(p);
	copy = dup(p[0]);
	ep_add(ep, p[0], EPOLLIN, 5);
	close(p[0]);
	put(p[1], "a");
	CHECK(ep_wait(ep, 0) == 1 && evs[0].data.u64 == 5, "item gone with the fd");
	close(copy);
	CHECK(ep_wait(ep, 0) == 0, "item outlived the last close");
	close(p[1]), close(ep);
}

static void t_maxevents_round_robins_level_triggered_items(void)
{
	int p[3][2], ep = epoll_create1(0), n;

	for (int i = 0; i < 3; i++) {
		pipe(p[i]);
		put(p[i][1], "a");
		ep_add(ep, p[i][0], EPOLLIN, 10 + i);
	}
	n = epoll_wait(ep, evs, 2, 0);
	CHECK(n == 2 && evs[0].data.u64 == 10 && evs[1].data.u64 == 11,
	      "first: %d %d %d", n, (int)evs[0].data.u64, (int)evs[1].data.u64);
	n = epoll_wait(ep, evs, 2, 0);
	CHECK(n == 2 && evs[0].data.u64 == 12 && evs[1].data.u64 == 10,
	      "second: %d %d %d", n, (int)evs[0].data.u64, (int)evs[1].data.u64);
	for (int i = 0; i < 3; i++)
		close(p[i][0]), close(p[i][1]);
	close(ep);
}

static void t_epoll_create1_cloexec(void)
{
	int a = epoll_create1(EPOLL_CLOEXEC), b = epoll_create(1);

	CHECK(a >= 0 && (fcntl(a, F_GETFD) & FD_CLOEXEC), "EPOLL_CLOEXEC");
	CHECK(b >= 0 && !(fcntl(b, F_GETFD) & FD_CLOEXEC), "plain");
	close(a), close(b);
}

/* ---- the runner ----------------------------------------------------------------- */

#define T(name) { #name, t_##name }
static const struct {
	const char *name;
	void (*fn)(void);
} tests[] = {
	T(event_is_12_bytes_packed),
	T(level_triggered_stays_ready_until_drained),
	T(edge_triggered_fires_once_per_write),
	T(oneshot_reports_once_until_mod),
	T(epollout_on_pipe_with_room),
	T(epollhup_when_the_writer_closes),
	T(epollerr_when_the_reader_closes),
	T(hup_is_reported_even_if_not_asked),
	T(timeout_0_returns_at_once),
	T(timeout_100ms_waits_then_returns_0),
	T(blocking_wait_is_woken_by_a_child_write),
	T(signal_ends_the_wait_with_eintr_even_with_sa_restart),
	T(epoll_pwait_swaps_the_signal_mask),
	T(epoll_fd_is_readable_in_poll),
	T(epoll_inside_epoll),
	T(nesting_deeper_than_linux_allows_is_eloop),
	T(errors_are_linux_errors),
	T(closed_fd_disappears_from_the_set),
	T(dup_keeps_the_item_after_close),
	T(maxevents_round_robins_level_triggered_items),
	T(epoll_create1_cloexec),
};

static int wanted(int argc, char **argv, const char *name)
{
	if (argc < 2)
		return 1;
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], name))
			return 1;
	return 0;
}

static int wait_for_stdin(void)
{
	int ep = epoll_create1(0), n;
	char line[128];

	ep_add(ep, 0, EPOLLIN, 0);
	printf("waiting for stdin\n");
	n = ep_wait(ep, 60000);
	if (n != 1) {
		printf("epoll_wait: %d (%s)\n", n, n < 0 ? strerror(errno) : "timeout");
		return 1;
	}
	n = (int)read(0, line, sizeof(line) - 1);
	line[n > 0 ? n : 0] = 0;
	line[strcspn(line, "\n")] = 0;
	printf("stdin readable (events %#x): %s\n", evs[0].events, line);
	return 0;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 2 && !strcmp(argv[1], "--stdin"))
		return wait_for_stdin();
	for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		if (!wanted(argc, argv, tests[i].name))
			continue;
		failure = NULL;
		tests[i].fn();
		if (failure) {
			printf("FAIL %s: %s\n", tests[i].name, failure);
			failed++;
		} else {
			printf("ok %s\n", tests[i].name);
			passed++;
		}
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
