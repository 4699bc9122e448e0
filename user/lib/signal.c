/*
 * signal.c - signal dispositions and masks over rt_sigaction and
 * rt_sigprocmask.
 *
 * The kernel's struct sigaction (i386, non-"old" form) is
 * { handler, flags, restorer, mask[64 bits] }; ours orders the fields as
 * POSIX programs expect, so sigaction() converts. Every handler is
 * installed with SA_RESTORER: when the handler returns, it returns into
 * a trampoline of user/lib/syscall.asm. Which one depends on the frame
 * the kernel builds: an SA_SIGINFO handler gets the rt frame, undone by
 * rt_sigreturn (__restore_rt); any other handler the old i386 frame,
 * undone by sigreturn (__restore). glibc does the same; without a
 * restorer Linux would use the vDSO's.
 */
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/syscall.h>

struct k_sigaction {
	sighandler_t handler;
	unsigned long flags;
	void (*restorer)(void);
	sigset_t mask;
};

void __restore_rt(void);
void __restore(void);

#define KERNEL_SIGSET_SIZE 8

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct k_sigaction ka, ko;
	long r;

	if (act) {
		ka.handler = act->sa_handler;
		ka.flags = (unsigned long)act->sa_flags | SA_RESTORER;
		ka.restorer = (act->sa_flags & SA_SIGINFO) ? __restore_rt : __restore;
		ka.mask = act->sa_mask;
	}
	r = __syscall4(SYS_rt_sigaction, sig, act ? (long)&ka : 0,
		       old ? (long)&ko : 0, KERNEL_SIGSET_SIZE);
	if (r < 0)
		return __syscall_ret(r);
	if (old) {
		old->sa_handler = ko.handler;
		old->sa_flags = (int)ko.flags;
		old->sa_restorer = ko.restorer;
		old->sa_mask = ko.mask;
	}
	return 0;
}

/* BSD semantics, as glibc's signal(): the handler stays installed and
 * interrupted system calls restart. */
sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = SA_RESTART;
	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	return __syscall_ret(__syscall4(SYS_rt_sigprocmask, how, (long)set,
					(long)old, KERNEL_SIGSET_SIZE));
}

static int sig_valid(int sig)
{
	if (sig < 1 || sig >= NSIG) {
		errno = EINVAL;
		return 0;
	}
	return 1;
}

int sigemptyset(sigset_t *set)
{
	set->__bits[0] = set->__bits[1] = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	set->__bits[0] = set->__bits[1] = ~0UL;
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (!sig_valid(sig))
		return -1;
	set->__bits[(sig - 1) / 32] |= 1UL << ((sig - 1) % 32);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (!sig_valid(sig))
		return -1;
	set->__bits[(sig - 1) / 32] &= ~(1UL << ((sig - 1) % 32));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (!sig_valid(sig))
		return -1;
	return (set->__bits[(sig - 1) / 32] >> ((sig - 1) % 32)) & 1;
}

static const char *const sig_desc[] = {
	[SIGHUP] = "Hangup", [SIGINT] = "Interrupt", [SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction", [SIGTRAP] = "Trace/breakpoint trap",
	[SIGABRT] = "Aborted", [SIGBUS] = "Bus error",
	[SIGFPE] = "Floating point exception", [SIGKILL] = "Killed",
	[SIGUSR1] = "User defined signal 1", [SIGSEGV] = "Segmentation fault",
	[SIGUSR2] = "User defined signal 2", [SIGPIPE] = "Broken pipe",
	[SIGALRM] = "Alarm clock", [SIGTERM] = "Terminated",
	[SIGSTKFLT] = "Stack fault", [SIGCHLD] = "Child exited",
	[SIGCONT] = "Continued", [SIGSTOP] = "Stopped (signal)",
	[SIGTSTP] = "Stopped", [SIGTTIN] = "Stopped (tty input)",
	[SIGTTOU] = "Stopped (tty output)", [SIGURG] = "Urgent I/O condition",
	[SIGXCPU] = "CPU time limit exceeded",
	[SIGXFSZ] = "File size limit exceeded",
	[SIGVTALRM] = "Virtual timer expired",
	[SIGPROF] = "Profiling timer expired", [SIGWINCH] = "Window changed",
	[SIGIO] = "I/O possible", [SIGPWR] = "Power failure",
	[SIGSYS] = "Bad system call",
};

char *strsignal(int sig)
{
	static char buf[32];
	const char *s = NULL;

	if (sig > 0 && sig < (int)(sizeof(sig_desc) / sizeof(sig_desc[0])))
		s = sig_desc[sig];
	if (s)
		return (char *)s;
	strcpy(buf, "Unknown signal");
	return buf;
}
