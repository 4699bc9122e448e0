/*
 * init - the first user process, PID 1, started by the kernel.
 *
 *   1. Make sure fds 0, 1, 2 are the console: use what the kernel opened
 *      for us (Linux opens /dev/console before exec'ing init), else open
 *      /dev/console ourselves.
 *   2. Run /etc/rc with sh, if it exists, and wait for it.
 *   3. Start an interactive shell on the console, in its own session with
 *      the console as its controlling terminal (setsid + TIOCSCTTY), so
 *      job control and ^C work; start a new one whenever it exits.
 *   4. Meanwhile reap every zombie: orphans are re-parented to PID 1, and
 *      someone must wait() for them or they stay in the process table.
 *
 * init mounts nothing: the initramfs is the root, and /proc and /dev are
 * the kernel's business. Compile-time INIT_RC and INIT_SHELL let tests
 * run this same code on the host with other paths.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef INIT_RC
#define INIT_RC "/etc/rc"
#endif
#ifndef INIT_SHELL
#define INIT_SHELL "/bin/sh"
#endif
#define CONSOLE "/dev/console"
#define RESPAWN_MIN_SECONDS 2 /* a shell dying faster than this is throttled */

static char *const init_env[] = {
	"PATH=/bin:/sbin:/usr/bin:/usr/sbin", "HOME=/", "TERM=vt100",
	"SHELL=/bin/sh", "USER=root", NULL,
};

/* fds 0-2 on the console; the kernel has normally opened them already. */
static void setup_console(void)
{
	int fd;

	if (fcntl(0, F_GETFD) >= 0 && fcntl(1, F_GETFD) >= 0 && fcntl(2, F_GETFD) >= 0)
		return;
	fd = open(CONSOLE, O_RDWR | O_NOCTTY);
	if (fd < 0)
		return; /* nowhere to complain to; the shell will try again */
	for (int i = 0; i < 3; i++)
		if (fcntl(i, F_GETFD) < 0)
			dup2(fd, i);
	if (fd > 2)
		close(fd);
}

/* Fork and exec the shell with `args`; in_session: own session + tty. */
static pid_t spawn(char *const args[], int in_session)
{
	pid_t pid = fork();

	if (pid != 0) {
		if (pid < 0)
			fprintf(stderr, "init: fork: %s\n", strerror(errno));
		return pid;
	}
	signal(SIGINT, SIG_DFL); /* undo init's own dispositions */
	signal(SIGTSTP, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	if (in_session) {
		setsid();
		ioctl(0, TIOCSCTTY, 0); /* ENOTTY/ENOSYS: no job control, still a shell */
	}
	execve(INIT_SHELL, args, init_env);
	fprintf(stderr, "init: cannot run %s: %s\n", INIT_SHELL, strerror(errno));
	_exit(127);
}

/* Wait until `pid` ends, reaping any other child that ends meanwhile. */
static int wait_for(pid_t pid)
{
	int st;
	pid_t r;

	do
		r = wait(&st);
	while (r != pid && !(r < 0 && errno == ECHILD));
	return r == pid ? st : -1;
}

static void run_rc(void)
{
	char *const args[] = { "sh", INIT_RC, NULL };
	pid_t pid;

	if (access(INIT_RC, R_OK) < 0)
		return;
	pid = spawn(args, 0);
	if (pid > 0)
		wait_for(pid);
}

static void describe_exit(int st)
{
	if (WIFSIGNALED(st))
		fprintf(stderr, "init: shell killed by signal %d, restarting\n", WTERMSIG(st));
	else
		fprintf(stderr, "init: shell exited with status %d, restarting\n",
			WEXITSTATUS(st));
}

/* Keep one console shell alive, forever; reap everything else. */
static void supervise_shell(void)
{
	char *const args[] = { "sh", "-i", NULL };

	for (;;) {
		time_t started = time(NULL);
		pid_t shell = spawn(args, 1);
		int st;

		if (shell > 0) {
			st = wait_for(shell);
			describe_exit(st);
		}
		if (shell < 0 || time(NULL) - started < RESPAWN_MIN_SECONDS)
			sleep(1); /* don't spin on a shell that cannot start */
	}
}

int main(void)
{
	setup_console();
	if (getpid() != 1)
		fprintf(stderr, "init: warning: not process 1\n");
	/* A stray ^C on the console must never reach init. */
	signal(SIGINT, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	run_rc();
	supervise_shell();
	return 0;
}
