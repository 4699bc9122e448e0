/*
 * start.c - from _start to main and from exit() back to the kernel.
 *
 * crt0.asm calls __libc_start(argc, argv, envp) on the initial stack.
 * exit() runs the atexit handlers in reverse order, flushes stdio and ends
 * the process with exit_group. Process context, single-threaded.
 */
#include <assert.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "libc.h"

#define ATEXIT_MAX 32

char **environ;
static void (*atexit_fns[ATEXIT_MAX])(void);
static int atexit_count;

int main(int argc, char **argv, char **envp);

void __libc_start(int argc, char **argv, char **envp)
{
	environ = envp;
	exit(main(argc, argv, envp));
}

int atexit(void (*fn)(void))
{
	if (atexit_count == ATEXIT_MAX)
		return -1;
	atexit_fns[atexit_count++] = fn;
	return 0;
}

void exit(int status)
{
	while (atexit_count > 0)
		atexit_fns[--atexit_count]();
	__stdio_flush_all();
	_exit(status);
}

/* Linux: exit_group ends every thread; plain exit(1) ends one. rxos
 * processes have one thread, but exit_group is what libcs call. */
void _exit(int status)
{
	__syscall1(SYS_exit_group, status);
	for (;;)
		__syscall1(SYS_exit, status);
}

void _Exit(int status)
{
	_exit(status);
}

void abort(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGABRT);
	signal(SIGABRT, SIG_DFL);
	raise(SIGABRT);
	_exit(127);
}

void __assert_fail(const char *expr, const char *file, int line,
		   const char *func)
{
	fprintf(stderr, "%s:%d: %s: assertion '%s' failed\n", file, line, func,
		expr);
	abort();
}
