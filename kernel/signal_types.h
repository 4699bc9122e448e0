/*
 * signal_types.h - signal numbers, sets and actions, with Linux i386's
 * values and user-visible layouts (Linux: include/linux/signal_types.h,
 * arch/x86/include/uapi/asm/signal.h, include/uapi/asm-generic/siginfo.h).
 *
 * Only data types and constants live here, so sched.h can embed them in
 * task_struct; the functions are in signal.h.
 */
#ifndef RXOS_KERNEL_SIGNAL_TYPES_H
#define RXOS_KERNEL_SIGNAL_TYPES_H

#include <stdint.h>

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPWR 30
#define SIGSYS 31
#define SIGRTMIN 32
#define _NSIG 64 /* signals are 1.._NSIG */
#define _NSIG_BPW 32
#define _NSIG_WORDS (_NSIG / _NSIG_BPW)

/* sa_flags */
#define SA_NOCLDSTOP 0x00000001u
#define SA_NOCLDWAIT 0x00000002u
#define SA_SIGINFO 0x00000004u
#define SA_RESTORER 0x04000000u
#define SA_ONSTACK 0x08000000u
#define SA_RESTART 0x10000000u
#define SA_NODEFER 0x40000000u
#define SA_RESETHAND 0x80000000u

/* sigprocmask how */
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

typedef void (*__sighandler_t)(int);
typedef void (*__sigrestore_t)(void);
#define SIG_DFL ((__sighandler_t)0)
#define SIG_IGN ((__sighandler_t)1)

#ifdef RXOS_HOST_TEST
/* The host's <stdlib.h> already defines a sigset_t of its own. */
#define sigset_t kernel_sigset_t
#endif

/* Bit (sig - 1) of the set stands for signal sig. */
typedef struct {
	unsigned long sig[_NSIG_WORDS];
} sigset_t;
typedef unsigned long old_sigset_t; /* the first 32 signals: old syscalls */

/* The rt_sigaction() layout on i386: handler, flags, restorer, mask. */
struct sigaction {
	__sighandler_t sa_handler;
	unsigned long sa_flags;
	__sigrestore_t sa_restorer;
	sigset_t sa_mask;
};

/* The old sigaction() layout (syscall 67): note mask before flags. */
struct old_sigaction {
	__sighandler_t sa_handler;
	old_sigset_t sa_mask;
	unsigned long sa_flags;
	__sigrestore_t sa_restorer;
};

struct k_sigaction {
	struct sigaction sa;
};

/* si_code values */
#define SI_USER 0
#define SI_KERNEL 0x80
#define SI_TKILL (-6)
#define ILL_ILLOPN 2
#define FPE_INTDIV 1
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define BUS_ADRERR 2
#define TRAP_BRKPT 1
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3

/*
 * What the kernel remembers about one pending signal, and what a
 * SA_SIGINFO handler receives (copied into the 128-byte user siginfo_t,
 * whose first fields have exactly this layout).
 */
typedef struct kernel_siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		struct { /* kill(), tgkill(), the tty's ^C */
			int pid;
			unsigned int uid;
		} kill;
		struct { /* SIGSEGV, SIGFPE, SIGILL, SIGBUS, SIGTRAP */
			uint32_t addr;
		} sigfault;
		struct { /* SIGCHLD */
			int pid;
			unsigned int uid;
			int status;
			long utime, stime;
		} sigchld;
	};
} kernel_siginfo_t;
#define SI_MAX_SIZE 128

/*
 * Signals sent but not delivered yet. Linux queues a siginfo per sending
 * (several for real-time signals); rxos keeps one per signal number: a
 * second send of a pending signal merges with the first, as standard
 * signals do on Linux anyway.
 */
struct sigpending {
	sigset_t signal;
	kernel_siginfo_t info[_NSIG];
};

#endif
