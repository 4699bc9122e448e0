/*
 * usertests - exercise the system call layer from user space.
 *
 *   usertests            run every test
 *   usertests NAME...    run only these
 *   usertests -l         list the names, one a line
 *
 * Each test prints one line, "usertests: NAME: ok" or
 * "usertests: NAME: FAIL (why)", and the last line is
 * "usertests: N passed, N failed". Exit status 0 when none failed.
 *
 * Every test runs in a process of its own (run_one), in its own process
 * group, with default signal actions and nothing blocked: a test that
 * crashes or hangs is reported and killed, with everything it forked, and
 * the next one starts clean. The test process reports through a pipe: the
 * first failed check (fail()) or nothing. A test process that dies
 * without reporting fails too, so an unexpected execve() or exit cannot
 * pass. Only the runner writes to standard output.
 *
 * What is expected is what Linux does: the same source builds against
 * glibc (make host-user, RXOS_HOST_BUILD) and passes on the host too
 * (tests/host/test_usertests.py), so every errno here is Linux's. Where
 * the host differs from rxos by configuration, the host build sets
 * Linux's usual limits first (cap_memory_on_host, cap_stack_on_host,
 * cap_files_on_host); fork_fails_cleanly_when_memory_runs_out is rxos
 * only, as said there.
 *
 * Sections: checks, children, then the tests by subject (bad pointers,
 * faults, pipes, fork/exec/wait, descriptors and many processes, memory,
 * signals, files, time), then the runner and main.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef RXOS_HOST_BUILD
#include <sys/resource.h>
#endif

#define PAGE 4096
#define MS 1000000L /* nanoseconds */
#define KERNEL_SIGSET_SIZE 8 /* rt_sigaction's sigsetsize on i386 and x86-64 */

/* ---- checks: the first failure of the running test is kept in why ----- */

static char why[256];

static void vfail(const char *fmt, va_list ap)
{
	if (!why[0])
		vsnprintf(why, sizeof(why), fmt, ap);
}

/* Record a failure (only the first is reported); returns 0. */
static int fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(fmt, ap);
	va_end(ap);
	return 0;
}

/* cond, or a failure described by fmt. */
static int expect(int cond, const char *fmt, ...)
{
	va_list ap;

	if (cond)
		return 1;
	va_start(ap, fmt);
	vfail(fmt, ap);
	va_end(ap);
	return 0;
}

/* A call that must fail with exactly err: ret == -1, errno == err. */
static int expect_errno(long ret, int err, const char *fmt, ...)
{
	char what[128];
	va_list ap;

	if (ret == -1 && errno == err)
		return 1;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (ret != -1)
		return fail("%s returned %ld, not -1 (%s)", what, ret, strerror(err));
	return fail("%s: errno %d (%s), not %d (%s)", what, errno,
		    strerror(errno), err, strerror(err));
}

/* A call that must succeed: ret != -1. */
static int expect_ok(long ret, const char *fmt, ...)
{
	char what[128];
	va_list ap;

	if (ret != -1)
		return 1;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return fail("%s: %s", what, strerror(errno));
}

/* ---- children ----------------------------------------------------------- */

/* Fork a child that runs fn(arg) and exits with what it returns. */
static pid_t spawn(int (*fn)(void *), void *arg)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn(arg));
	if (pid < 0)
		fail("fork: %s", strerror(errno));
	return pid;
}

/* waitpid for one child; its status, or -1 after recording why. */
static int reap(pid_t pid)
{
	int status;
	pid_t r;

	do
		r = waitpid(pid, &status, 0);
	while (r < 0 && errno == EINTR);
	if (r == pid)
		return status;
	if (r < 0)
		return fail("waitpid(%d): %s", pid, strerror(errno)), -1;
	return fail("waitpid(%d) returned %d", pid, r), -1;
}

static const char *describe(int status, char *buf, size_t size)
{
	if (WIFEXITED(status))
		snprintf(buf, size, "exited %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, size, "killed by signal %d", WTERMSIG(status));
	else
		snprintf(buf, size, "status %#x", status);
	return buf;
}

static int expect_exit(pid_t pid, int code, const char *what)
{
	int status = pid > 0 ? reap(pid) : -1;
	char buf[40];

	if (status == -1)
		return 0;
	return expect(WIFEXITED(status) && WEXITSTATUS(status) == code,
		      "%s: %s, expected exit %d", what,
		      describe(status, buf, sizeof(buf)), code);
}

static int expect_killed(pid_t pid, int sig, const char *what)
{
	int status = pid > 0 ? reap(pid) : -1;
	char buf[40];

	if (status == -1)
		return 0;
	return expect(WIFSIGNALED(status) && WTERMSIG(status) == sig,
		      "%s: %s, expected signal %d", what,
		      describe(status, buf, sizeof(buf)), sig);
}

/* A child that must still be running; if it ended it is reaped here,
 * and how it ended is the failure. */
static int expect_alive(pid_t pid, const char *what)
{
	int status;
	char buf[40];

	if (waitpid(pid, &status, WNOHANG) == 0)
		return 1;
	return fail("%s: child %s", what, describe(status, buf, sizeof(buf)));
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * MS };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int set_handler(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	return expect_ok(sigaction(sig, &sa, NULL), "sigaction(%d)", sig);
}

static int mask_signal(int how, int sig)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	return expect_ok(sigprocmask(how, &set, NULL), "sigprocmask");
}

/* Read exactly n bytes (a pipe may return them in pieces). */
static ssize_t read_full(int fd, void *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = read(fd, (char *)buf + got, n - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return got ? (ssize_t)got : r;
		got += r;
	}
	return got;
}

/* Files go under $TMPDIR (the host tests set it) or /tmp. */
static const char *scratch(const char *name)
{
	static char path[4][128];
	static int next;
	const char *dir = getenv("TMPDIR");
	char *p = path[next++ % 4];

	snprintf(p, sizeof(path[0]), "%s/usertests.%d.%s", dir ? dir : "/tmp",
		 (int)getpid(), name);
	return p;
}

/* ---- bad pointers: -1/EFAULT, and the process lives on ------------------ */

/*
 * NULL, the first kernel address of rxos's 3 GiB split, and a page that
 * was mapped and given back. volatile: the compiler must not see the NULL
 * and warn, or drop the call.
 */
static void *volatile bad[3];
static const char *const bad_name[3] = { "NULL", "0xc0000000", "an unmapped page" };
#define NBAD 3

static int find_bad_pointers(void)
{
	void *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (!expect(p != MAP_FAILED, "mmap: %s", strerror(errno)) ||
	    !expect_ok(munmap(p, PAGE), "munmap"))
		return 0;
	bad[0] = NULL;
	bad[1] = (void *)0xc0000000UL;
	bad[2] = p;
	return 1;
}

static int scratch_file_mode(const char *name, const char *content, mode_t mode)
{
	int fd = open(scratch(name), O_RDWR | O_CREAT | O_TRUNC, mode);

	if (expect_ok(fd, "open %s", scratch(name)))
		expect(write(fd, content, strlen(content)) == (ssize_t)strlen(content),
		       "write to %s", scratch(name));
	return fd;
}

static int scratch_file(const char *name, const char *content)
{
	return scratch_file_mode(name, content, 0644);
}

/* Data copied to or from a bad buffer: pipes, /dev/zero, a file. */
static void buffers_efault(int zero, int file, void *b, const char *n)
{
	int p[2];

	if (!expect_ok(pipe(p), "pipe"))
		return;
	expect_ok(write(p[1], "x", 1), "write(pipe)");
	expect_errno(read(p[0], b, 1), EFAULT, "read(pipe, %s)", n);
	expect_errno(write(p[1], b, 1), EFAULT, "write(pipe, %s)", n);
	expect_errno(read(zero, b, 16), EFAULT, "read(/dev/zero, %s)", n);
	lseek(file, 0, SEEK_SET);
	expect_errno(read(file, b, 4), EFAULT, "read(file, %s)", n);
	expect_errno(write(file, b, 4), EFAULT, "write(file, %s)", n);
	close(p[0]);
	close(p[1]);
}

static void test_bad_buffer_pointers_give_efault(void)
{
	int zero = open("/dev/zero", O_RDONLY);
	int file = scratch_file("buf", "data");
	void *text = (void *)(uintptr_t)test_bad_buffer_pointers_give_efault;

	if (!expect_ok(zero, "open /dev/zero") || file < 0 || !find_bad_pointers())
		return;
	for (int i = 0; i < NBAD; i++)
		buffers_efault(zero, file, bad[i], bad_name[i]);
	/* mapped, but read-only: the kernel must not write program text */
	expect_errno(read(zero, text, 4), EFAULT, "read(/dev/zero, text)");
	unlink(scratch("buf"));
}

static void paths_efault(void *b, const char *n)
{
	char *argv[] = { "true", NULL };
	struct stat st;

	expect_errno(open(b, O_RDONLY), EFAULT, "open(%s)", n);
	expect_errno(open(b, O_WRONLY | O_CREAT, 0644), EFAULT, "open(%s, O_CREAT)", n);
	expect_errno(stat(b, &st), EFAULT, "stat(%s)", n);
	expect_errno(mkdir(b, 0755), EFAULT, "mkdir(%s)", n);
	expect_errno(rmdir(b), EFAULT, "rmdir(%s)", n);
	expect_errno(unlink(b), EFAULT, "unlink(%s)", n);
	expect_errno(chdir(b), EFAULT, "chdir(%s)", n);
	expect_errno(access(b, F_OK), EFAULT, "access(%s)", n);
	expect_errno(execve(b, argv, environ), EFAULT, "execve(%s)", n);
}

static void test_bad_path_pointers_give_efault(void)
{
	if (!find_bad_pointers())
		return;
	for (int i = 0; i < NBAD; i++)
		paths_efault(bad[i], bad_name[i]);
}

/* Lowest free descriptor: a failed call must not leak one. */
static int lowest_free_fd(void)
{
	int fd = dup(0);

	close(fd);
	return fd;
}

/*
 * Results written to a bad pointer. Where NULL means "no result wanted"
 * (rt_sigaction's and rt_sigprocmask's sets, getcwd's buffer in glibc)
 * only the other two are bad. clock_gettime goes through syscall(): glibc
 * would answer from the vDSO, in user space, and fault.
 */
static void results_efault(int i)
{
	void *b = bad[i];
	const char *n = bad_name[i];
	int before = lowest_free_fd();

	expect_errno(pipe(b), EFAULT, "pipe(%s)", n);
	expect(lowest_free_fd() == before, "pipe(%s) leaked a descriptor", n);
	expect_errno(uname(b), EFAULT, "uname(%s)", n);
	expect_errno(fstat(0, b), EFAULT, "fstat(0, %s)", n);
	expect_errno(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, b), EFAULT,
		     "clock_gettime(%s)", n);
	expect_errno(nanosleep(b, NULL), EFAULT, "nanosleep(%s)", n);
	expect_errno(poll(b, 1, 0), EFAULT, "poll(%s)", n);
	if (!b)
		return;
	expect(getcwd(b, 64) == NULL && errno == EFAULT, "getcwd(%s) did not fail EFAULT", n);
	expect_errno(syscall(SYS_rt_sigaction, SIGUSR1, b, NULL, KERNEL_SIGSET_SIZE),
		     EFAULT, "rt_sigaction(act=%s)", n);
	expect_errno(syscall(SYS_rt_sigaction, SIGUSR1, NULL, b, KERNEL_SIGSET_SIZE),
		     EFAULT, "rt_sigaction(oldact=%s)", n);
	expect_errno(syscall(SYS_rt_sigprocmask, SIG_BLOCK, b, NULL, KERNEL_SIGSET_SIZE),
		     EFAULT, "rt_sigprocmask(%s)", n);
}

static int exit_3(void *unused)
{
	return 3;
}

/* wait4 with a bad status pointer. Linux reaps the child anyway (it
 * writes the status last); rxos leaves it a zombie: reap it either way. */
static void wait_status_efault(void *b, const char *n)
{
	pid_t pid = spawn(exit_3, NULL);
	int status;

	if (pid < 0)
		return;
	expect_errno(wait4(pid, b, 0, NULL), EFAULT, "wait4(status=%s)", n);
	waitpid(pid, &status, 0);
}

static void test_bad_result_pointers_give_efault(void)
{
	if (!find_bad_pointers())
		return;
	for (int i = 0; i < NBAD; i++)
		results_efault(i);
	for (int i = 1; i < NBAD; i++) /* wait4(pid, NULL) is allowed */
		wait_status_efault(bad[i], bad_name[i]);
}

/* execve's argv, its strings, envp: bad ones fail before the old image
 * is gone. A NULL argv or envp is allowed (Linux: an empty list). */
static void test_bad_exec_arguments_give_efault(void)
{
	char *argv[] = { "true", NULL, NULL };
	char *envp[] = { "A=1", NULL, NULL };

	if (!find_bad_pointers())
		return;
	for (int i = 1; i < NBAD; i++) {
		expect_errno(execve("/bin/true", bad[i], environ), EFAULT,
			     "execve(argv=%s)", bad_name[i]);
		expect_errno(execve("/bin/true", argv, bad[i]), EFAULT,
			     "execve(envp=%s)", bad_name[i]);
		argv[1] = bad[i];
		expect_errno(execve("/bin/true", argv, environ), EFAULT,
			     "execve(argv[1]=%s)", bad_name[i]);
		argv[1] = NULL;
		envp[1] = bad[i];
		expect_errno(execve("/bin/true", argv, envp), EFAULT,
			     "execve(envp[1]=%s)", bad_name[i]);
		envp[1] = NULL;
	}
}

/* ---- faults in user code kill only the faulting process --------------- */

static int read_null(void *unused)
{
	return *(volatile int *)bad[0];
}

static int write_null(void *unused)
{
	*(volatile int *)bad[0] = 1;
	return 0;
}

static int read_kernel(void *unused)
{
	return *(volatile int *)bad[1];
}

static int write_kernel(void *unused)
{
	*(volatile int *)bad[1] = 1;
	return 0;
}

static int write_text(void *unused)
{
	*(volatile int *)(uintptr_t)write_text = 1;
	return 0;
}

static int call_null(void *unused)
{
	((void (*)(void))bad[0])();
	return 0;
}

static int divide_by_zero(void *unused)
{
	volatile int zero = 0, n = 1000; /* not 1: 1 / x needs no division */

	return n / zero;
}

static int invalid_opcode(void *unused)
{
	__builtin_trap(); /* ud2 */
}

/* Mapped by the test before it forks: PROT_READ, PROT_NONE. */
static void *volatile ro_page, *volatile none_page;

static int write_read_only_page(void *unused)
{
	*(volatile int *)ro_page = 1;
	return 0;
}

static int read_prot_none_page(void *unused)
{
	return *(volatile int *)none_page;
}

static int read_unmapped_page(void *unused)
{
	return *(volatile int *)bad[2];
}

static const struct fault {
	const char *name;
	int (*fn)(void *);
	int sig;
} faults[] = {
	{ "read of NULL", read_null, SIGSEGV },
	{ "write to NULL", write_null, SIGSEGV },
	{ "read of a kernel address", read_kernel, SIGSEGV },
	{ "write to a kernel address", write_kernel, SIGSEGV },
	{ "write to program text", write_text, SIGSEGV },
	{ "call through NULL", call_null, SIGSEGV },
	{ "write to a PROT_READ mapping", write_read_only_page, SIGSEGV },
	{ "read of a PROT_NONE mapping", read_prot_none_page, SIGSEGV },
	{ "read of an unmapped page", read_unmapped_page, SIGSEGV },
	{ "division by zero", divide_by_zero, SIGFPE },
	{ "ud2", invalid_opcode, SIGILL },
};

static void *map_page(int prot)
{
	void *p = mmap(NULL, PAGE, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return expect(p != MAP_FAILED, "mmap: %s", strerror(errno)) ? p : NULL;
}

static void test_user_faults_kill_only_the_child(void)
{
	ro_page = map_page(PROT_READ);
	none_page = map_page(PROT_NONE);
	if (!ro_page || !none_page || !find_bad_pointers())
		return;
	for (size_t i = 0; i < sizeof(faults) / sizeof(faults[0]); i++)
		expect_killed(spawn(faults[i].fn, NULL), faults[i].sig, faults[i].name);
}

static void exit_42(int sig)
{
	_exit(42);
}

static int segv_caught(void *unused)
{
	if (!set_handler(SIGSEGV, exit_42, 0))
		return 1;
	return read_null(NULL);
}

static void test_sigsegv_handler_catches_a_fault(void)
{
	if (find_bad_pointers())
		expect_exit(spawn(segv_caught, NULL), 42, "child with a SIGSEGV handler");
}

/* 4 KiB of stack per call; not a tail call, so every frame stays. */
static int recurse(int depth)
{
	volatile char frame[4096];

	frame[0] = (char)depth;
	frame[sizeof(frame) - 1] = 1;
	if (depth <= 0)
		return frame[sizeof(frame) - 1];
	return recurse(depth - 1) + frame[sizeof(frame) - 1] - 1;
}

/* The host's stack limit may be unlimited: use Linux's default, as rxos does. */
static void cap_stack_on_host(void)
{
#ifdef RXOS_HOST_BUILD
	struct rlimit r = { 8UL << 20, 8UL << 20 };

	setrlimit(RLIMIT_STACK, &r);
#endif
}

static int use_1mib_of_stack(void *unused)
{
	cap_stack_on_host();
	return recurse(256) == 1 ? 0 : 1;
}

static int overflow_the_stack(void *unused)
{
	cap_stack_on_host();
	return recurse(1 << 30);
}

/* The stack grows on demand up to its limit (8 MiB); past it, SIGSEGV. */
static void test_stack_grows_on_demand_and_overflow_is_sigsegv(void)
{
	expect_exit(spawn(use_1mib_of_stack, NULL), 0, "1 MiB of stack");
	expect_killed(spawn(overflow_the_stack, NULL), SIGSEGV, "endless recursion");
}

/* ---- pipes ---------------------------------------------------------------- */

static void test_pipe_carries_bytes_in_order(void)
{
	char buf[16] = { 0 };
	int p[2];

	if (!expect_ok(pipe(p), "pipe"))
		return;
	expect(write(p[1], "one ", 4) == 4 && write(p[1], "two", 3) == 3, "write");
	expect(read(p[0], buf, 2) == 2 && !memcmp(buf, "on", 2), "first read");
	expect(read(p[0], buf, sizeof(buf)) == 5 && !memcmp(buf, "e two", 5),
	       "second read got \"%.5s\"", buf);
	expect_errno(write(p[0], "x", 1), EBADF, "write to the read end");
	expect_errno(read(p[1], buf, 1), EBADF, "read from the write end");
	expect_errno(lseek(p[0], 0, SEEK_SET), ESPIPE, "lseek on a pipe");
}

#define BIG_TRANSFER (64 * 1024) /* four times rxos's pipe: the writer blocks */

static int write_pattern(void *fdp)
{
	static unsigned char buf[BIG_TRANSFER];

	for (int i = 0; i < BIG_TRANSFER; i++)
		buf[i] = (unsigned char)(i * 7 + i / 251);
	return write(*(int *)fdp, buf, sizeof(buf)) == sizeof(buf) ? 0 : 1;
}

static void test_pipe_writer_blocks_while_full_and_all_data_arrives(void)
{
	static unsigned char got[BIG_TRANSFER];
	int p[2];
	pid_t pid;

	if (!expect_ok(pipe(p), "pipe") || (pid = spawn(write_pattern, &p[1])) < 0)
		return;
	close(p[1]);
	expect(read_full(p[0], got, sizeof(got)) == sizeof(got), "short transfer");
	for (int i = 0; i < BIG_TRANSFER; i++)
		if (got[i] != (unsigned char)(i * 7 + i / 251)) {
			fail("byte %d is %d", i, got[i]);
			break;
		}
	expect(read(p[0], got, 1) == 0, "no EOF after the writer's data");
	expect_exit(pid, 0, "writer");
}

static void test_pipe_reader_sees_eof_when_every_writer_closes(void)
{
	int p[2], copy;
	char c;
	pid_t pid;

	if (!expect_ok(pipe(p), "pipe"))
		return;
	copy = dup(p[1]);
	close(p[1]);
	expect_ok(fcntl(p[0], F_SETFL, O_NONBLOCK), "O_NONBLOCK");
	expect_errno(read(p[0], &c, 1), EAGAIN, "read with a writer left");
	expect_ok(fcntl(p[0], F_SETFL, 0), "clear O_NONBLOCK");
	pid = spawn(exit_3, NULL); /* holds a copy until it exits */
	close(copy);
	expect(read(p[0], &c, 1) == 0, "no EOF after the last writer closed");
	expect(read(p[0], &c, 1) == 0, "EOF is not sticky");
	expect_exit(pid, 3, "child");
}

static volatile sig_atomic_t sigpipes;

static void count_sigpipe(int sig)
{
	sigpipes++;
}

static int write_to_closed_pipe(void *unused)
{
	int p[2];

	if (pipe(p) < 0)
		return 1;
	close(p[0]);
	write(p[1], "x", 1);
	return 0; /* not reached: SIGPIPE kills us */
}

static void test_pipe_write_without_readers_is_epipe_and_sigpipe(void)
{
	int p[2];

	if (!expect_ok(pipe(p), "pipe") || !set_handler(SIGPIPE, count_sigpipe, 0))
		return;
	close(p[0]);
	expect_errno(write(p[1], "x", 1), EPIPE, "write with a handler");
	expect(sigpipes == 1, "SIGPIPE handler ran %d times", (int)sigpipes);
	signal(SIGPIPE, SIG_IGN);
	expect_errno(write(p[1], "x", 1), EPIPE, "write with SIGPIPE ignored");
	signal(SIGPIPE, SIG_DFL);
	expect_killed(spawn(write_to_closed_pipe, NULL), SIGPIPE, "default action");
}

static int write_after_100ms(void *fdp)
{
	sleep_ms(100);
	return write(*(int *)fdp, "wake", 4) == 4 ? 0 : 1;
}

static int exit_after_100ms(void *unused)
{
	sleep_ms(100);
	return 0;
}

/* A reader on an empty pipe sleeps; a write, or the last writer's exit,
 * wakes it. (A lower bound on the time only: QEMU may run slowly.) */
static void test_pipe_reader_blocks_until_a_writer_comes(void)
{
	char buf[8];
	int p[2];
	long long t0 = now_ns();
	pid_t pid;

	if (!expect_ok(pipe(p), "pipe") || (pid = spawn(write_after_100ms, &p[1])) < 0)
		return;
	expect(read(p[0], buf, sizeof(buf)) == 4 && !memcmp(buf, "wake", 4), "read");
	expect(now_ns() - t0 >= 90 * MS, "read returned before the write");
	expect_exit(pid, 0, "writer");
	pid = spawn(exit_after_100ms, NULL);
	close(p[1]);
	expect(read(p[0], buf, sizeof(buf)) == 0, "no EOF when the writer exited");
	expect_exit(pid, 0, "second writer");
}

/* What poll() says about fd right now, among the events asked for. */
static int poll_now(int fd, short events)
{
	struct pollfd p = { fd, events, 0 };

	return poll(&p, 1, 0) < 0 ? -1 : p.revents;
}

/* Linux's pipe_poll: POLLIN with data, POLLHUP once no writer is left,
 * POLLOUT while there is room, POLLERR once no reader is left. */
static void test_poll_reports_pipe_readiness(void)
{
	int p[2], q[2];
	char c;

	if (!expect_ok(pipe(p), "pipe") || !expect_ok(pipe(q), "pipe"))
		return;
	expect(poll_now(p[0], POLLIN) == 0, "empty pipe readable");
	expect(poll_now(p[1], POLLOUT) == POLLOUT, "empty pipe not writable");
	write(p[1], "x", 1);
	expect(poll_now(p[0], POLLIN) == POLLIN, "data: revents %#x", poll_now(p[0], POLLIN));
	close(p[1]);
	expect(poll_now(p[0], POLLIN) == (POLLIN | POLLHUP), "data, no writer: %#x",
	       poll_now(p[0], POLLIN));
	read(p[0], &c, 1);
	expect(poll_now(p[0], POLLIN) == POLLHUP, "no writer: %#x", poll_now(p[0], POLLIN));
	close(q[0]);
	expect(poll_now(q[1], POLLOUT) == (POLLOUT | POLLERR), "no reader: %#x",
	       poll_now(q[1], POLLOUT));
}

/* ---- fork, exec, wait --------------------------------------------------- */

static int exit_code(void *code)
{
	return (int)(intptr_t)code;
}

static int report_parent(void *parent)
{
	return getppid() == *(pid_t *)parent ? 0 : 1;
}

static void test_wait_reports_each_childs_exit_status(void)
{
	static const int codes[] = { 0, 1, 42, 255, 256 };
	pid_t self = getpid(), pid;
	int status;

	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		expect_exit(spawn(exit_code, (void *)(intptr_t)codes[i]),
			    codes[i] & 0xff, "exit(code)");
	expect_exit(spawn(report_parent, &self), 0, "child's getppid()");
	pid = spawn(exit_after_100ms, NULL);
	expect(waitpid(pid, &status, WNOHANG) == 0, "WNOHANG on a running child");
	expect_exit(pid, 0, "sleeping child");
	expect_errno(wait(&status), ECHILD, "wait with no children");
	expect_errno(waitpid(pid, &status, 0), ECHILD, "waitpid of a reaped child");
}

static int fork_counter = 1;

static int change_memory_and_offset(void *fdp)
{
	fork_counter = 2;
	return write(*(int *)fdp, "child", 5) == 5 && fork_counter == 2 ? 0 : 1;
}

/* The child gets a copy of memory but shares open files, offsets too. */
static void test_fork_copies_memory_and_shares_open_files(void)
{
	int fd = scratch_file("fork", "");

	if (fd < 0)
		return;
	unlink(scratch("fork"));
	expect_exit(spawn(change_memory_and_offset, &fd), 0, "child");
	expect(fork_counter == 1, "the child's write reached the parent's memory");
	expect(lseek(fd, 0, SEEK_CUR) == 5, "the child's write did not move our offset");
}

static pid_t first_parent; /* set by the child before it forks */

/* Grandchild: wait until its parent is gone, then report its new one. */
static int report_new_parent(void *fdp)
{
	pid_t ppid;

	for (int i = 0; i < 500 && getppid() == first_parent; i++)
		sleep_ms(10);
	ppid = getppid();
	return write(*(int *)fdp, &ppid, sizeof(ppid)) == sizeof(ppid) ? 0 : 1;
}

static int fork_grandchild_and_exit(void *fdp)
{
	first_parent = getpid();
	return spawn(report_new_parent, fdp) > 0 ? 0 : 1;
}

/* An orphan is adopted by init, pid 1 (on the host a subreaper, maybe). */
static void test_orphans_are_adopted_by_init(void)
{
	int p[2];
	pid_t pid, ppid = 0;

	if (!expect_ok(pipe(p), "pipe") || (pid = spawn(fork_grandchild_and_exit, &p[1])) < 0)
		return;
	close(p[1]);
	expect_exit(pid, 0, "child");
	if (!expect(read_full(p[0], &ppid, sizeof(ppid)) == sizeof(ppid), "no report"))
		return;
#ifdef RXOS_HOST_BUILD
	expect(ppid != pid && ppid != 0, "grandchild's parent is %d", ppid);
#else
	expect(ppid == 1, "grandchild's parent is %d, not init", ppid);
#endif
}

static int run(void *argv)
{
	execve(((char **)argv)[0], argv, environ);
	return 127;
}

static void test_exec_runs_a_program_and_reports_why_not(void)
{
	char *true_argv[] = { "/bin/true", NULL }, *false_argv[] = { "/bin/false", NULL };
	char *argv[] = { "x", NULL };
	int text = scratch_file("text", "hello\n");
	int junk = scratch_file_mode("junk", "hello\n", 0755);

	expect_exit(spawn(run, true_argv), 0, "/bin/true");
	expect_exit(spawn(run, false_argv), 1, "/bin/false");
	expect_errno(execve("/nonexistent/prog", argv, environ), ENOENT, "missing file");
	expect_errno(execve("/bin/true/x", argv, environ), ENOTDIR, "file as a directory");
	expect_errno(execve("/", argv, environ), EACCES, "directory");
	if (text < 0 || junk < 0)
		return;
	close(text);
	close(junk);
	expect_errno(execve(scratch("text"), argv, environ), EACCES, "mode 0644");
	expect_errno(execve(scratch("junk"), argv, environ), ENOEXEC, "not a program");
	unlink(scratch("text"));
	unlink(scratch("junk"));
}

/* Run argv with envp, stdout into a pipe; what it printed. */
static const char *output_of(char *const argv[], char *const envp[])
{
	static char out[4096];
	int p[2], status = 0;
	ssize_t n;
	pid_t pid;

	if (!expect_ok(pipe(p), "pipe") || !expect_ok(pid = fork(), "fork"))
		return "";
	if (pid == 0) {
		dup2(p[1], 1);
		execve(argv[0], argv, envp);
		_exit(127);
	}
	close(p[1]);
	n = read_full(p[0], out, sizeof(out) - 1);
	out[n > 0 ? n : 0] = '\0';
	close(p[0]);
	waitpid(pid, &status, 0);
	expect(status == 0, "%s: status %#x", argv[0], status);
	return out;
}

#define MANY_ARGS 300

/* Three hundred arguments "a000".."a299": all arrive, in order. */
static void many_arguments(char *const envp[])
{
	static char words[MANY_ARGS][8], expected[MANY_ARGS * 5 + 1];
	char *argv[MANY_ARGS + 2] = { "/bin/echo" };
	const char *out;

	for (int i = 0; i < MANY_ARGS; i++) {
		snprintf(words[i], sizeof(words[i]), "a%03d", i);
		argv[i + 1] = words[i];
		memcpy(expected + i * 5, words[i], 4);
		expected[i * 5 + 4] = i + 1 < MANY_ARGS ? ' ' : '\n';
	}
	out = output_of(argv, envp);
	expect(!strcmp(out, expected), "echo of %d arguments printed %zu bytes",
	       MANY_ARGS, strlen(out));
}

static void test_exec_passes_argv_and_envp(void)
{
	char *echo[] = { "/bin/echo", "one", "two words", "", "end", NULL };
	char *sh[] = { "/bin/sh", "-c", "echo \"$GREETING\" $# \"$2\"", "sh",
		       "a", "b c", NULL };
	char *envp[] = { "GREETING=hi there", NULL };
	const char *out = output_of(echo, envp);

	expect(!strcmp(out, "one two words  end\n"), "echo printed \"%s\"", out);
	out = output_of(sh, envp);
	expect(!strcmp(out, "hi there 2 b c\n"), "sh printed \"%s\"", out);
	many_arguments(envp);
}

static int exec_sleep_holding(void *fdp)
{
	char *argv[] = { "/bin/sleep", "10", NULL };

	close(((int *)fdp)[0]);
	execve(argv[0], argv, environ);
	return 127;
}

/* O_CLOEXEC: the write end closes at exec, so the reader sees EOF while
 * the child still sleeps in the new program. */
static void test_exec_closes_cloexec_descriptors(void)
{
	int p[2];
	char c;
	pid_t pid;

	if (!expect_ok(pipe2(p, O_CLOEXEC), "pipe2") ||
	    (pid = spawn(exec_sleep_holding, p)) < 0)
		return;
	close(p[1]);
	expect(read(p[0], &c, 1) == 0, "read from the pipe");
	expect_alive(pid, "cloexec fd still open");
	kill(pid, SIGKILL);
	expect_killed(pid, SIGKILL, "sleep");
}

/* Linux's default soft limit (the host's may be far higher); rxos's table. */
static void cap_files_on_host(void)
{
#ifdef RXOS_HOST_BUILD
	struct rlimit r = { 256, 256 };

	expect_ok(setrlimit(RLIMIT_NOFILE, &r), "setrlimit(RLIMIT_NOFILE)");
#endif
}

static void test_full_descriptor_table_gives_emfile(void)
{
	int fd, last = -1, p[2];

	cap_files_on_host();
	while ((fd = dup(0)) >= 0)
		last = fd;
	expect(errno == EMFILE, "dup failed with %s", strerror(errno));
	expect(last >= 200, "only up to fd %d", last);
	expect_errno(open("/dev/null", O_RDONLY), EMFILE, "open");
	expect_errno(pipe(p), EMFILE, "pipe with no fd free");
	close(last);
	expect_errno(pipe(p), EMFILE, "pipe with one fd free");
	expect(dup(0) == last, "the freed fd was not reused");
	close(last);
	close(last - 1);
	expect(pipe(p) == 0 && p[0] == last - 1 && p[1] == last, "pipe with two free");
}

/* ---- many processes ------------------------------------------------------ */

#define MANY_CHILDREN 50

static int report_and_wait(void *fds)
{
	int *f = fds; /* go[0], go[1], up[1], exit code */
	char c;

	close(f[1]);
	if (write(f[2], "r", 1) != 1)
		return 255;
	while (read(f[0], &c, 1) != 0)
		;
	return f[3];
}

/* Find which child pid was and check its code; 0 if unknown or wrong. */
static int reaped_one(const pid_t *pids, int n, pid_t pid, int status)
{
	for (int i = 0; i < n; i++)
		if (pids[i] == pid)
			return expect(WIFEXITED(status) && WEXITSTATUS(status) == i,
				      "child %d: status %#x", i, status);
	return fail("wait returned %d, not a child", pid);
}

/* All are alive at once (each said so, and waits for EOF), then all go. */
static void test_many_children_run_at_once_and_all_are_reaped(void)
{
	pid_t pids[MANY_CHILDREN], pid;
	int go[2], up[2], f[4], status, n = 0;
	char buf[MANY_CHILDREN];

	if (!expect_ok(pipe(go), "pipe") || !expect_ok(pipe(up), "pipe"))
		return;
	for (int i = 0; i < MANY_CHILDREN; i++) {
		f[0] = go[0], f[1] = go[1], f[2] = up[1], f[3] = i;
		if ((pids[i] = spawn(report_and_wait, f)) < 0)
			return;
	}
	expect(read_full(up[0], buf, sizeof(buf)) == sizeof(buf), "not all started");
	close(go[1]);
	while ((pid = wait(&status)) > 0)
		n += reaped_one(pids, MANY_CHILDREN, pid, status);
	expect(errno == ECHILD, "wait: %s", strerror(errno));
	expect(n == MANY_CHILDREN, "reaped %d of %d", n, MANY_CHILDREN);
}

#ifndef RXOS_HOST_BUILD
/*
 * rxos copies the whole address space at fork and refuses a fork that
 * would leave less than its reserve: with 16 MiB of ballast the parent
 * runs out after some dozen children. (On Linux fork shares pages
 * copy-on-write and only a process limit, ignored for root, would stop
 * it: there is no safe way to test this on the host.)
 */
#define BALLAST (16 << 20)
#define FORK_LIMIT 1000

/* A child that waits on fd until it reads EOF, then exits 0. */
static int wait_for_eof(void *fdp)
{
	char c;

	while (read(*(int *)fdp, &c, 1) != 0)
		;
	return 0;
}

static int fork_until_failure(int go[2], int *err)
{
	int n = 0;

	for (; n < FORK_LIMIT; n++) {
		pid_t pid = fork();

		if (pid == 0) {
			close(go[1]);
			_exit(wait_for_eof(&go[0]));
		}
		if (pid < 0) {
			*err = errno;
			break;
		}
	}
	return n;
}

static void test_fork_fails_cleanly_when_memory_runs_out(void)
{
	void *ballast = mmap(NULL, BALLAST, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int go[2], err = 0, n, status, reaped = 0;

	if (!expect(ballast != MAP_FAILED, "mmap ballast") || !expect_ok(pipe(go), "pipe"))
		return;
	memset(ballast, 1, BALLAST);
	n = fork_until_failure(go, &err);
	expect(n < FORK_LIMIT, "%d forks and no failure", n);
	expect(err == ENOMEM || err == EAGAIN, "fork failed with %s", strerror(err));
	expect(n > 0, "not even one fork worked");
	close(go[1]);
	while (wait(&status) > 0)
		reaped += expect(status == 0, "child status %#x", status);
	expect(reaped == n, "reaped %d of %d", reaped, n);
	munmap(ballast, BALLAST);
	expect_exit(spawn(exit_3, NULL), 3, "fork after the failure");
}
#endif

/* ---- out of memory: growth fails with ENOMEM, memory comes back -------- */

#define CHUNK (1 << 20)
#define MAX_CHUNKS 4096 /* 4 GiB: beyond any i386 address space */

/*
 * Linux overcommits: anonymous memory is only a promise until touched,
 * so growth would go on until the address space ends. Capping the address
 * space (RLIMIT_AS) makes brk and mmap fail with ENOMEM as they do on
 * rxos, where every page is real when mapped.
 */
static void cap_memory_on_host(void)
{
#ifdef RXOS_HOST_BUILD
	struct rlimit r = { 512UL << 20, 512UL << 20 };

	expect_ok(setrlimit(RLIMIT_AS, &r), "setrlimit(RLIMIT_AS)");
#endif
}

/* One write per page: on Linux this is when pages become real. */
static void touch(char *p, size_t len)
{
	for (size_t i = 0; i < len; i += PAGE)
		p[i] = 1;
}

static int grow_brk_until_failure(int *err)
{
	int n = 0;

	for (; n < MAX_CHUNKS; n++) {
		char *p = sbrk(CHUNK);

		if (p == (void *)-1) {
			*err = errno;
			break;
		}
		touch(p, CHUNK);
	}
	return n;
}

static void test_brk_fails_with_enomem_and_shrinking_gives_memory_back(void)
{
	int err = 0, first, again;

	cap_memory_on_host();
	first = grow_brk_until_failure(&err);
	expect(err == ENOMEM, "sbrk failed with %s", strerror(err));
	expect(first >= 8, "only %d MiB", first);
	expect(sbrk(-(intptr_t)first * CHUNK) != (void *)-1, "shrinking: %s", strerror(errno));
	err = 0;
	again = grow_brk_until_failure(&err);
	expect(err == ENOMEM, "second sbrk failed with %s", strerror(err));
	expect(again + 1 >= first, "%d MiB the first time, %d the second", first, again);
	sbrk(-(intptr_t)again * CHUNK);
}

static void test_mmap_checks_its_arguments(void)
{
	char *p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (!expect(p != MAP_FAILED, "mmap: %s", strerror(errno)))
		return;
	expect_errno((long)mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
		     EINVAL, "mmap of 0 bytes");
	expect_errno((long)mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0), EINVAL,
		     "mmap neither private nor shared");
	expect_errno((long)mmap(p + 1, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
				MAP_FIXED, -1, 0), EINVAL, "MAP_FIXED unaligned");
	expect_errno(munmap(p + 1, PAGE), EINVAL, "munmap unaligned");
	expect_errno(munmap(p, 0), EINVAL, "munmap of 0 bytes");
	/* fresh anonymous memory is zero, also where MAP_FIXED replaced some */
	memset(p, 7, 3 * PAGE);
	expect(mmap(p + PAGE, PAGE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == p + PAGE, "MAP_FIXED");
	expect(p[0] == 7 && p[PAGE] == 0 && p[2 * PAGE - 1] == 0 && p[2 * PAGE] == 7,
	       "MAP_FIXED page not fresh, or neighbours changed");
	expect_ok(munmap(p + PAGE, PAGE), "munmap the middle page");
	expect(p[0] == 7 && p[2 * PAGE] == 7, "neighbours of the hole changed");
	expect_ok(munmap(p, 3 * PAGE), "munmap across the hole");
}

static void *chunks[MAX_CHUNKS];

static int grow_mmap_until_failure(int *err)
{
	int n = 0;

	for (; n < MAX_CHUNKS; n++) {
		chunks[n] = mmap(NULL, CHUNK, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (chunks[n] == MAP_FAILED) {
			*err = errno;
			break;
		}
		touch(chunks[n], CHUNK);
	}
	return n;
}

static void unmap_chunks(int n)
{
	for (int i = 0; i < n; i++)
		expect_ok(munmap(chunks[i], CHUNK), "munmap");
}

static void test_mmap_fails_with_enomem_and_munmap_gives_memory_back(void)
{
	int err = 0, first, again;

	cap_memory_on_host();
	first = grow_mmap_until_failure(&err);
	expect(err == ENOMEM, "mmap failed with %s", strerror(err));
	expect(first >= 8, "only %d MiB", first);
	unmap_chunks(first);
	err = 0;
	again = grow_mmap_until_failure(&err);
	expect(err == ENOMEM, "second mmap failed with %s", strerror(err));
	expect(again + 1 >= first, "%d MiB the first time, %d the second", first, again);
	unmap_chunks(again);
}

/* A child that maps all it can, then exits: how many MiB it got. */
static int mmap_all_then_exit(void *unused)
{
	int err = 0, n;

	cap_memory_on_host();
	n = grow_mmap_until_failure(&err);
	return err == ENOMEM ? n / 4 : 255; /* an exit code is 8 bits */
}

static int child_memory(void)
{
	int status = reap(spawn(mmap_all_then_exit, NULL));

	if (status == -1)
		return -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) == 255)
		return fail("child: status %#x", status), -1;
	return WEXITSTATUS(status);
}

static void test_memory_of_an_exited_process_is_given_back(void)
{
	int first = child_memory(), again = child_memory();

	if (first < 0 || again < 0)
		return;
	expect(first >= 2, "only %d x 4 MiB", first);
	expect(again + 1 >= first, "%d x 4 MiB the first time, %d the second", first, again);
}

/* ---- signals ---------------------------------------------------------------- */

static int wait_forever(void *unused)
{
	for (;;)
		sleep_ms(1000);
	return 0;
}

static void test_sigterm_kills_a_child_by_default(void)
{
	pid_t pid = spawn(wait_forever, NULL);

	if (pid > 0 && expect_ok(kill(pid, SIGTERM), "kill"))
		expect_killed(pid, SIGTERM, "child");
}

static void test_sigint_kills_a_child_by_default(void)
{
	pid_t pid = spawn(wait_forever, NULL);

	if (pid > 0 && expect_ok(kill(pid, SIGINT), "kill"))
		expect_killed(pid, SIGINT, "child");
}

/* Ignores every signal it can and blocks the rest; tells fd it is ready. */
static int ignore_everything(void *fdp)
{
	sigset_t all;

	for (int sig = 1; sig < 32; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			signal(sig, SIG_IGN);
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, NULL);
	write(*(int *)fdp, "r", 1);
	return wait_forever(NULL);
}

static void test_sigkill_kills_a_child_that_ignores_everything_else(void)
{
	static const int sigs[] = { SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGQUIT };
	int p[2];
	char c;
	pid_t pid;

	if (!expect_ok(pipe(p), "pipe") || (pid = spawn(ignore_everything, &p[1])) < 0)
		return;
	expect(read(p[0], &c, 1) == 1, "child never got ready");
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		expect_ok(kill(pid, sigs[i]), "kill(%d)", sigs[i]);
	sleep_ms(50);
	expect_alive(pid, "after ignored signals");
	expect_ok(kill(pid, SIGKILL), "kill(SIGKILL)");
	expect_killed(pid, SIGKILL, "child");
}

static volatile sig_atomic_t caught, caught_sig, depth, max_depth;

static void note_signal(int sig)
{
	caught++;
	caught_sig = sig;
}

static void test_sigchld_reaches_its_handler(void)
{
	pid_t pid;

	caught = 0;
	if (!set_handler(SIGCHLD, note_signal, 0) || (pid = spawn(exit_3, NULL)) < 0)
		return;
	for (int i = 0; i < 500 && !caught; i++)
		sleep_ms(10);
	expect(caught == 1 && caught_sig == SIGCHLD, "handler ran %d times, signal %d",
	       (int)caught, (int)caught_sig);
	expect_exit(pid, 3, "child");
}

/* Raises USR2 from inside the USR1 handler, and USR1 again (deferred:
 * a signal is blocked while its handler runs). */
static void nested_handler(int sig)
{
	if (++depth > max_depth)
		max_depth = depth;
	caught++;
	if (sig == SIGUSR1 && caught == 1) {
		raise(SIGUSR1);
		raise(SIGUSR2);
	}
	depth--;
}

static void test_signal_handler_runs_and_the_program_goes_on(void)
{
	volatile int before = 12345, after;

	caught = depth = max_depth = 0;
	if (!set_handler(SIGUSR1, nested_handler, 0) ||
	    !set_handler(SIGUSR2, nested_handler, 0))
		return;
	expect_ok(raise(SIGUSR1), "raise");
	after = before;
	expect(caught == 3, "handlers ran %d times, expected 3", (int)caught);
	expect(max_depth == 2, "nesting depth %d, expected 2 (USR2 in USR1)",
	       (int)max_depth);
	expect(after == 12345 && before == 12345, "local variable changed");
}

/* Set a USR1 handler, say so, block in read(): 0 if it ended in EINTR. */
static int read_interrupted(void *fds)
{
	int *f = fds; /* up[1], block[0], block[1] */
	char c;
	int n;

	close(f[2]);
	if (!set_handler(SIGUSR1, note_signal, 0) || write(f[0], "r", 1) != 1)
		return 2;
	n = read(f[1], &c, 1);
	return n == -1 && errno == EINTR ? 0 : 1;
}

/* Without SA_RESTART a blocked read ends with EINTR. The child may not be
 * in read() yet when a signal comes: send until it is gone. */
static void test_signal_interrupts_a_blocking_read_with_eintr(void)
{
	int up[2], block[2], f[3], i = 0, status = 0;
	pid_t pid, r = 0;
	char buf[40];

	if (!expect_ok(pipe(up), "pipe") || !expect_ok(pipe(block), "pipe"))
		return;
	f[0] = up[1], f[1] = block[0], f[2] = block[1];
	if ((pid = spawn(read_interrupted, f)) < 0 ||
	    !expect(read(up[0], buf, 1) == 1, "reader never got ready"))
		return;
	while ((r = waitpid(pid, &status, WNOHANG)) == 0 && i++ < 100) {
		kill(pid, SIGUSR1);
		sleep_ms(20);
	}
	if (expect(r == pid, "reader still blocked after %d signals", i))
		expect(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		       "reader %s (0: EINTR, 1: not EINTR)",
		       describe(status, buf, sizeof(buf)));
}

/* The state letter in /proc/PID/stat ('S': asleep), or '?'. */
static char proc_state(pid_t pid)
{
	char path[32], buf[128], *paren;
	int fd, n;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY);
	n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	if (fd >= 0)
		close(fd);
	buf[n > 0 ? n : 0] = '\0';
	paren = strrchr(buf, ')');
	return paren && paren[1] == ' ' ? paren[2] : '?';
}

static int wait_until_asleep(pid_t pid)
{
	for (int i = 0; i < 500; i++) {
		if (proc_state(pid) == 'S')
			return 1;
		sleep_ms(10);
	}
	return fail("child %d never slept (state %c)", pid, proc_state(pid));
}

static int read_restarted(void *fds)
{
	int *f = fds; /* up[1], block[0], block[1] */
	char c = 0;
	int n;

	close(f[2]);
	caught = 0;
	if (!set_handler(SIGUSR1, note_signal, SA_RESTART) || write(f[0], "r", 1) != 1)
		return 2;
	n = read(f[1], &c, 1);
	return n == 1 && c == 'd' && caught == 1 ? 0 : 1;
}

/* With SA_RESTART the handler runs and the read goes on to get its data. */
static void test_sa_restart_resumes_an_interrupted_read(void)
{
	int up[2], block[2], f[3];
	char c;
	pid_t pid;

	if (!expect_ok(pipe(up), "pipe") || !expect_ok(pipe(block), "pipe"))
		return;
	f[0] = up[1], f[1] = block[0], f[2] = block[1];
	if ((pid = spawn(read_restarted, f)) < 0 ||
	    !expect(read(up[0], &c, 1) == 1, "reader never got ready") ||
	    !wait_until_asleep(pid))
		return;
	kill(pid, SIGUSR1);
	sleep_ms(50);
	expect(write(block[1], "d", 1) == 1, "write");
	expect_exit(pid, 0, "reader (1: EINTR, wrong data or no handler)");
}

static int join_group_and_wait(void *args)
{
	int *a = args; /* group leader (0: be the leader), ready fd */

	setpgid(0, a[0]);
	write(a[1], "r", 1);
	return wait_forever(NULL);
}

/* kill(-pgid) reaches every member of the group and no one else. */
static void test_kill_of_a_process_group_reaches_every_member(void)
{
	pid_t pids[4];
	int p[2], a[2];
	char buf[4];

	if (!expect_ok(pipe(p), "pipe"))
		return;
	a[0] = 0, a[1] = p[1];
	for (int i = 0; i < 3; i++) {
		if ((pids[i] = spawn(join_group_and_wait, a)) < 0)
			return;
		setpgid(pids[i], pids[0]); /* as shells do: whichever runs first */
		a[0] = pids[0];
	}
	pids[3] = spawn(wait_forever, NULL); /* stays in our group */
	expect(read_full(p[0], buf, 3) == 3, "members never got ready");
	expect_ok(kill(-pids[0], SIGTERM), "kill(-%d)", pids[0]);
	for (int i = 0; i < 3; i++)
		expect_killed(pids[i], SIGTERM, "group member");
	expect_alive(pids[3], "outside the group");
	kill(pids[3], SIGKILL);
	expect_killed(pids[3], SIGKILL, "outside the group");
	expect_errno(kill(-pids[0], SIGTERM), ESRCH, "kill of an empty group");
}

/* Child: USR1 still blocked (the mask is inherited), none pending (the
 * parent's is not). 0 if so. */
static int check_inherited_mask(void *unused)
{
	sigset_t now;

	sigprocmask(SIG_BLOCK, NULL, &now);
	if (!sigismember(&now, SIGUSR1))
		return 1;
	caught = 0;
	mask_signal(SIG_UNBLOCK, SIGUSR1);
	return caught ? 2 : 0;
}

static void test_fork_inherits_the_signal_mask_but_not_pending_signals(void)
{
	caught = 0;
	if (!set_handler(SIGUSR1, note_signal, 0) || !mask_signal(SIG_BLOCK, SIGUSR1))
		return;
	raise(SIGUSR1);
	expect_exit(spawn(check_inherited_mask, NULL), 0,
		    "child (1: mask lost, 2: pending signal inherited)");
	mask_signal(SIG_UNBLOCK, SIGUSR1);
	expect(caught == 1, "the parent's pending signal was lost");
}

static void test_blocked_signal_waits_until_unblocked(void)
{
	sigset_t all, now;

	caught = 0;
	if (!set_handler(SIGUSR1, note_signal, 0) || !mask_signal(SIG_BLOCK, SIGUSR1))
		return;
	raise(SIGUSR1);
	raise(SIGUSR1);
	expect(caught == 0, "handler ran while blocked");
	mask_signal(SIG_UNBLOCK, SIGUSR1);
	expect(caught == 1, "handler ran %d times after unblocking, expected 1",
	       (int)caught);
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, NULL);
	sigprocmask(SIG_BLOCK, NULL, &now);
	expect(!sigismember(&now, SIGKILL) && !sigismember(&now, SIGSTOP),
	       "SIGKILL or SIGSTOP blocked");
	expect(sigismember(&now, SIGTERM), "SIGTERM not blocked");
}

/*
 * An ignored signal is dropped when sent, and ignoring a pending one drops
 * it too. But a blocked signal is kept even if ignored when it came: the
 * action may change before it is unblocked (Linux: sig_ignored).
 */
static void test_ignored_signal_is_discarded(void)
{
	caught = 0;
	signal(SIGUSR1, SIG_IGN);
	raise(SIGUSR1);
	set_handler(SIGUSR1, note_signal, 0);
	expect(caught == 0, "an ignored signal was delivered later");
	mask_signal(SIG_BLOCK, SIGUSR1);
	raise(SIGUSR1);
	signal(SIGUSR1, SIG_IGN);
	set_handler(SIGUSR1, note_signal, 0);
	mask_signal(SIG_UNBLOCK, SIGUSR1);
	expect(caught == 0, "a pending signal survived being ignored");
	mask_signal(SIG_BLOCK, SIGUSR1);
	signal(SIGUSR1, SIG_IGN);
	raise(SIGUSR1);
	set_handler(SIGUSR1, note_signal, 0);
	mask_signal(SIG_UNBLOCK, SIGUSR1);
	expect(caught == 1, "a blocked signal sent while ignored was lost");
}

static int exec_sleep_with(void *fds)
{
	int *f = fds; /* pipe read end, write end (cloexec) */

	close(f[0]);
	signal(SIGTERM, SIG_IGN);
	set_handler(SIGINT, note_signal, 0);
	return exec_sleep_holding(f);
}

/* exec keeps SIG_IGN but resets a handler (its code is gone) to default. */
static void test_exec_keeps_ignored_signals_and_resets_handlers(void)
{
	int p[2];
	char c;
	pid_t pid;

	if (!expect_ok(pipe2(p, O_CLOEXEC), "pipe2") ||
	    (pid = spawn(exec_sleep_with, p)) < 0)
		return;
	close(p[1]);
	expect(read(p[0], &c, 1) == 0, "read"); /* EOF: the exec happened */
	kill(pid, SIGTERM);
	sleep_ms(50);
	expect_alive(pid, "SIGTERM after exec");
	kill(pid, SIGINT);
	expect_killed(pid, SIGINT, "SIGINT after exec");
}

static void test_kill_and_sigaction_check_their_arguments(void)
{
	pid_t pid = spawn(exit_3, NULL);
	struct sigaction sa;

	expect_exit(pid, 3, "child");
	expect_ok(kill(getpid(), 0), "kill(self, 0)");
	expect_errno(kill(pid, 0), ESRCH, "kill(reaped child, 0)");
	expect_errno(kill(getpid(), 65), EINVAL, "kill(self, 65)");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	expect_errno(sigaction(SIGKILL, &sa, NULL), EINVAL, "sigaction(SIGKILL)");
	expect_errno(sigaction(SIGSTOP, &sa, NULL), EINVAL, "sigaction(SIGSTOP)");
	expect_errno(sigaction(65, &sa, NULL), EINVAL, "sigaction(65)");
}

/* ---- files and directories ---------------------------------------------- */

static int expect_size(int fd, long long size)
{
	struct stat st;

	if (!expect_ok(fstat(fd, &st), "fstat"))
		return 0;
	return expect(S_ISREG(st.st_mode) && st.st_size == size,
		      "size %lld, expected %lld", (long long)st.st_size, size);
}

static void seek_and_read(int fd)
{
	char buf[8] = { 0 };

	expect(lseek(fd, 0, SEEK_CUR) == 11, "offset after the write");
	expect(lseek(fd, 6, SEEK_SET) == 6, "SEEK_SET");
	expect(read(fd, buf, 5) == 5 && !memcmp(buf, "world", 5), "read \"%s\"", buf);
	expect(read(fd, buf, 5) == 0, "no EOF at the end");
	expect(lseek(fd, -5, SEEK_END) == 6, "SEEK_END");
	expect(lseek(fd, -2, SEEK_CUR) == 4, "SEEK_CUR");
	expect_errno(lseek(fd, -1, SEEK_SET), EINVAL, "lseek before the start");
	/* a write past the end leaves a hole that reads as zeros */
	expect(lseek(fd, 100, SEEK_SET) == 100 && write(fd, "x", 1) == 1, "write at 100");
	expect_size(fd, 101);
	expect(lseek(fd, 50, SEEK_SET) == 50 && read(fd, buf, 2) == 2 && !buf[0] && !buf[1],
	       "the hole is not zeros");
}

static void open_flags(const char *path)
{
	int fd;

	expect_errno(open(path, O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST, "O_EXCL");
	fd = open(path, O_WRONLY | O_APPEND);
	if (expect_ok(fd, "open O_APPEND")) {
		lseek(fd, 0, SEEK_SET);
		expect(write(fd, "!", 1) == 1, "append");
		expect_size(fd, 102);
		close(fd);
	}
	fd = open(path, O_WRONLY | O_TRUNC);
	if (expect_ok(fd, "open O_TRUNC")) {
		expect_size(fd, 0);
		close(fd);
	}
	expect_errno(open(scratch("missing"), O_RDONLY), ENOENT, "open a missing file");
}

static void test_file_write_seek_read_and_unlink(void)
{
	const char *path = scratch("file");
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0644);
	char c;

	if (!expect_ok(fd, "creat %s", path))
		return;
	expect(write(fd, "hello world", 11) == 11, "write");
	seek_and_read(fd);
	open_flags(path);
	expect_ok(unlink(path), "unlink");
	expect_errno(open(path, O_RDONLY), ENOENT, "open after unlink");
	/* the open file lives on until closed */
	expect(write(fd, "y", 1) == 1 && lseek(fd, -1, SEEK_CUR) >= 0 &&
	       read(fd, &c, 1) == 1 && c == 'y', "unlinked file unusable");
	expect_errno(unlink(path), ENOENT, "unlink twice");
	expect_ok(close(fd), "close");
	expect_errno(close(fd), EBADF, "close twice");
}

/* Is name among dir's entries (getdents64 through readdir)? Their order
 * is not promised. */
static int dir_has(const char *dir, const char *name)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int found = 0;

	if (!expect(d != NULL, "opendir %s: %s", dir, strerror(errno)))
		return 0;
	while ((e = readdir(d)))
		found |= !strcmp(e->d_name, name);
	closedir(d);
	return found;
}

static void directory_errors(const char *dir, const char *file)
{
	char path[160];

	expect_errno(mkdir(dir, 0755), EEXIST, "mkdir twice");
	expect_errno(rmdir(dir), ENOTEMPTY, "rmdir of a full directory");
	expect_errno(unlink(dir), EISDIR, "unlink of a directory");
	expect_errno(open(dir, O_WRONLY), EISDIR, "open a directory for writing");
	expect_errno(rmdir(file), ENOTDIR, "rmdir of a file");
	expect_errno(chdir(file), ENOTDIR, "chdir to a file");
	snprintf(path, sizeof(path), "%s/x", file);
	expect_errno(open(path, O_RDONLY), ENOTDIR, "file as a directory");
	expect_errno(mkdir("/nonexistent/dir", 0755), ENOENT, "mkdir under nothing");
}

static void test_directories_mkdir_getdents_chdir_getcwd_rmdir(void)
{
	const char *dir = scratch("dir");
	char file[160], cwd[160], old[160];

	snprintf(file, sizeof(file), "%s/f", dir);
	if (!expect_ok(mkdir(dir, 0755), "mkdir %s", dir) ||
	    !expect(getcwd(old, sizeof(old)) != NULL, "getcwd"))
		return;
	close(open(file, O_WRONLY | O_CREAT, 0644));
	expect(dir_has(dir, "f") && dir_has(dir, ".") && dir_has(dir, ".."),
	       "readdir misses f, . or ..");
	directory_errors(dir, file);
	expect_ok(chdir(dir), "chdir");
	expect(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, dir), "getcwd is %s", cwd);
	expect_ok(access("f", F_OK), "a relative path after chdir");
	expect_errno(getcwd(cwd, 2) ? 0 : -1, ERANGE, "getcwd into 2 bytes");
	expect_ok(unlink("f"), "unlink f");
	expect(!dir_has(".", "f"), "f still listed after unlink");
	expect_ok(chdir(old), "chdir back");
	expect_ok(rmdir(dir), "rmdir");
	expect_errno(rmdir(dir), ENOENT, "rmdir twice");
}

static void test_dup_and_dup2_share_one_open_file(void)
{
	int fd = scratch_file("dup", "abc"), lowest, d, p[2];
	char c = 0;

	if (fd < 0)
		return;
	unlink(scratch("dup"));
	lowest = lowest_free_fd();
	d = dup(fd);
	expect(d == lowest, "dup gave %d, not the lowest free %d", d, lowest);
	expect(lseek(fd, 1, SEEK_SET) == 1 && read(d, &c, 1) == 1 && c == 'b',
	       "dup does not share the offset");
	expect(lseek(fd, 0, SEEK_CUR) == 2, "offset not moved by the other fd");
	expect(dup2(fd, 20) == 20 && dup2(fd, fd) == fd, "dup2");
	expect(pipe(p) == 0 && dup2(p[0], 20) == 20, "dup2 onto an open fd");
	expect(lseek(20, 0, SEEK_CUR) == -1 && errno == ESPIPE, "fd 20 was not replaced");
	expect_ok(close(d), "close");
	expect(read(fd, &c, 1) == 1 && c == 'c', "closing a dup closed the file");
	expect_errno(dup(d), EBADF, "dup of a closed fd");
	expect_errno(dup2(d, 21), EBADF, "dup2 of a closed fd");
	expect_errno(dup2(fd, -1), EBADF, "dup2 to -1");
}

static void test_bad_file_descriptors_give_ebadf(void)
{
	struct stat st;
	char c;

	expect_errno(read(-1, &c, 1), EBADF, "read(-1)");
	expect_errno(write(99, &c, 1), EBADF, "write(99)");
	expect_errno(close(99), EBADF, "close(99)");
	expect_errno(fstat(99, &st), EBADF, "fstat(99)");
	expect_errno(lseek(99, 0, SEEK_SET), EBADF, "lseek(99)");
	expect_errno(fchdir(99), EBADF, "fchdir(99)");
	expect_errno(dup(-1), EBADF, "dup(-1)");
}

/* ---- time and uname ------------------------------------------------------- */

/* Never early on CLOCK_MONOTONIC, for lengths below, at and above a
 * tick (rxos: 10 ms), a few times each. Late is allowed: QEMU is slow. */
static void test_nanosleep_sleeps_at_least_as_long_as_asked(void)
{
	static const long lengths_ms[] = { 1, 10, 25, 50 };
	struct timespec bad_ns = { 0, 1000000000L }, bad_s = { -1, 0 };

	for (int i = 0; i < 12; i++) {
		long ns = lengths_ms[i % 4] * MS;
		struct timespec ts = { 0, ns };
		long long t0 = now_ns(), slept;

		if (!expect_ok(nanosleep(&ts, NULL), "nanosleep"))
			return;
		slept = now_ns() - t0;
		expect(slept >= ns, "asked %ld ns, slept %lld ns", ns, slept);
	}
	expect_errno(nanosleep(&bad_ns, NULL), EINVAL, "tv_nsec = 10^9");
	expect_errno(nanosleep(&bad_s, NULL), EINVAL, "tv_sec = -1");
}

static void test_clock_monotonic_never_goes_back(void)
{
	struct timespec ts;
	long long last = 0, t;

	for (int i = 0; i < 1000; i++) {
		if (!expect_ok(clock_gettime(CLOCK_MONOTONIC, &ts), "clock_gettime"))
			return;
		t = ts.tv_sec * 1000000000LL + ts.tv_nsec;
		if (!expect(ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000L && t >= last,
			    "read %d: %lld after %lld", i, t, last))
			return;
		last = t;
	}
	sleep_ms(10);
	expect(now_ns() >= last + 10 * MS, "the clock did not move in a sleep");
	expect_ok(clock_gettime(CLOCK_REALTIME, &ts), "CLOCK_REALTIME");
	expect_errno(clock_gettime(12345, &ts), EINVAL, "clock 12345");
}

static int terminated(const char *s)
{
	return memchr(s, '\0', 65) != NULL;
}

static void test_uname_describes_the_system(void)
{
	struct utsname u;

	if (!expect_ok(uname(&u), "uname"))
		return;
	expect(terminated(u.sysname) && terminated(u.nodename) && terminated(u.release) &&
	       terminated(u.version) && terminated(u.machine), "a field is unterminated");
	expect(!strcmp(u.sysname, "Linux"), "sysname is \"%s\"", u.sysname);
	expect(u.release[0] && u.version[0] && u.machine[0], "an empty field");
}

/* ---- the runner ------------------------------------------------------------------ */

struct usertest {
	const char *name;
	void (*fn)(void);
	int timeout; /* seconds; QEMU without KVM is slow */
};

#define T(name, seconds) { #name, test_##name, seconds }
static const struct usertest tests[] = {
	T(bad_buffer_pointers_give_efault, 60),
	T(bad_path_pointers_give_efault, 60),
	T(bad_result_pointers_give_efault, 60),
	T(bad_exec_arguments_give_efault, 60),
	T(user_faults_kill_only_the_child, 60),
	T(sigsegv_handler_catches_a_fault, 60),
	T(stack_grows_on_demand_and_overflow_is_sigsegv, 60),
	T(pipe_carries_bytes_in_order, 60),
	T(pipe_writer_blocks_while_full_and_all_data_arrives, 60),
	T(pipe_reader_sees_eof_when_every_writer_closes, 60),
	T(pipe_write_without_readers_is_epipe_and_sigpipe, 60),
	T(pipe_reader_blocks_until_a_writer_comes, 60),
	T(poll_reports_pipe_readiness, 60),
	T(wait_reports_each_childs_exit_status, 60),
	T(fork_copies_memory_and_shares_open_files, 60),
	T(orphans_are_adopted_by_init, 60),
	T(exec_runs_a_program_and_reports_why_not, 60),
	T(exec_passes_argv_and_envp, 60),
	T(exec_closes_cloexec_descriptors, 60),
	T(full_descriptor_table_gives_emfile, 60),
	T(many_children_run_at_once_and_all_are_reaped, 120),
#ifndef RXOS_HOST_BUILD
	T(fork_fails_cleanly_when_memory_runs_out, 300),
#endif
	T(mmap_checks_its_arguments, 60),
	T(brk_fails_with_enomem_and_shrinking_gives_memory_back, 300),
	T(mmap_fails_with_enomem_and_munmap_gives_memory_back, 300),
	T(memory_of_an_exited_process_is_given_back, 300),
	T(sigterm_kills_a_child_by_default, 60),
	T(sigint_kills_a_child_by_default, 60),
	T(sigkill_kills_a_child_that_ignores_everything_else, 60),
	T(sigchld_reaches_its_handler, 60),
	T(signal_handler_runs_and_the_program_goes_on, 60),
	T(signal_interrupts_a_blocking_read_with_eintr, 60),
	T(sa_restart_resumes_an_interrupted_read, 60),
	T(kill_of_a_process_group_reaches_every_member, 60),
	T(fork_inherits_the_signal_mask_but_not_pending_signals, 60),
	T(blocked_signal_waits_until_unblocked, 60),
	T(ignored_signal_is_discarded, 60),
	T(exec_keeps_ignored_signals_and_resets_handlers, 60),
	T(kill_and_sigaction_check_their_arguments, 60),
	T(file_write_seek_read_and_unlink, 60),
	T(directories_mkdir_getdents_chdir_getcwd_rmdir, 60),
	T(dup_and_dup2_share_one_open_file, 60),
	T(bad_file_descriptors_give_ebadf, 60),
	T(nanosleep_sleeps_at_least_as_long_as_asked, 60),
	T(clock_monotonic_never_goes_back, 60),
	T(uname_describes_the_system, 60),
};
#undef T
#define NTESTS ((int)(sizeof(tests) / sizeof(tests[0])))

/* One write per line, so lines from nothing else can interleave. */
static void say(const char *fmt, ...)
{
	char line[400];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(line))
		n = sizeof(line) - 1;
	write(1, line, n);
}

/* The test process's start: a clean signal state, its own group. */
static void reset_signals(void)
{
	sigset_t none;

	for (int sig = 1; sig < 32; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			signal(sig, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	setpgid(0, 0);
}

/* Runs in the test process: the test, then its report. Never returns. */
static void run_test_process(const struct usertest *t, int report)
{
	reset_signals();
	why[0] = '\0';
	t->fn();
	if (!why[0])
		strcpy(why, "ok");
	write(report, why, strlen(why));
	_exit(0);
}

/* Wait for the test process until its deadline; its status, or -1. */
static int wait_test(pid_t pid, int timeout)
{
	long long deadline = now_ns() + timeout * 1000000000LL;
	int status;

	while (now_ns() < deadline) {
		pid_t r = waitpid(pid, &status, WNOHANG);

		if (r == pid)
			return status;
		if (r < 0 && errno != EINTR)
			return -1;
		sleep_ms(20);
	}
	kill(-pid, SIGKILL);
	waitpid(pid, &status, 0);
	return -1;
}

/* The verdict from the report pipe and the exit status; 1 if ok. */
static int verdict(const struct usertest *t, int report, int status)
{
	char msg[sizeof(why)], how[40];
	ssize_t n = read(report, msg, sizeof(msg) - 1);

	msg[n > 0 ? n : 0] = '\0';
	if (status == -1)
		snprintf(msg, sizeof(msg), "timed out after %d s", t->timeout);
	else if (!n || n < 0)
		snprintf(msg, sizeof(msg), "test process %s without a report",
			 describe(status, how, sizeof(how)));
	if (!strcmp(msg, "ok")) {
		say("usertests: %s: ok\n", t->name);
		return 1;
	}
	say("usertests: %s: FAIL (%s)\n", t->name, msg);
	return 0;
}

static int run_one(const struct usertest *t)
{
	int report[2], status, ok;
	pid_t pid;

	if (pipe(report) < 0) {
		say("usertests: %s: FAIL (pipe: %s)\n", t->name, strerror(errno));
		return 0;
	}
	pid = fork();
	if (pid == 0)
		run_test_process(t, report[1]);
	close(report[1]);
	fcntl(report[0], F_SETFL, O_NONBLOCK); /* its children may hold it */
	status = pid < 0 ? -1 : wait_test(pid, t->timeout);
	ok = pid > 0 && verdict(t, report[0], status);
	if (pid < 0)
		say("usertests: %s: FAIL (fork: %s)\n", t->name, strerror(errno));
	else
		kill(-pid, SIGKILL); /* whatever it left running */
	close(report[0]);
	return ok;
}

static const struct usertest *find_test(const char *name)
{
	for (int i = 0; i < NTESTS; i++)
		if (!strcmp(tests[i].name, name))
			return &tests[i];
	return NULL;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;

	if (argc == 2 && !strcmp(argv[1], "-l")) {
		for (int i = 0; i < NTESTS; i++)
			say("%s\n", tests[i].name);
		return 0;
	}
	for (int i = 1; i < argc; i++)
		if (!find_test(argv[i])) {
			say("usertests: no test named %s (usertests -l lists them)\n", argv[i]);
			return 2;
		}
	for (int i = 0; i < (argc > 1 ? argc - 1 : NTESTS); i++) {
		const struct usertest *t = argc > 1 ? find_test(argv[i + 1]) : &tests[i];

		if (run_one(t))
			passed++;
		else
			failed++;
	}
	say("usertests: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
