/*
 * signal.h - sending and delivering signals (Linux: include/linux/signal.h,
 * include/linux/sched/signal.h, kernel/signal.c, arch/x86/kernel/signal*.c).
 *
 * Sending (any context, interrupts are turned off inside): the signal is
 * added to the target's pending set and, unless blocked, TIF_SIGPENDING is
 * set and an interruptible sleep is woken up - its system call returns
 * -ERESTARTSYS / -EINTR. A signal the target ignores is dropped at once.
 *
 * Delivery (process context, on the way back to user mode, see
 * prepare_exit_to_usermode): get_signal() takes the pending signals off
 * one by one; a handler gets a signal frame on the user stack
 * (signal_32.c), the default action ignores or kills the process.
 *
 * Default actions, as Linux's (kernel/signal.c sig_kernel_*):
 *   ignore     SIGCHLD SIGCONT SIGURG SIGWINCH
 *   stop       SIGSTOP SIGTSTP SIGTTIN SIGTTOU  - rxos has no job control:
 *              these are ignored
 *   core       SIGQUIT SIGILL SIGTRAP SIGABRT SIGBUS SIGFPE SIGSEGV SIGSYS
 *              SIGXCPU SIGXFSZ  - terminate (no core file is written)
 *   terminate  every other signal
 * SIGKILL and SIGSTOP can be neither caught, blocked nor ignored. Init
 * (pid 1) never dies from a signal sent to it with the default action,
 * only from its own faults - then the kernel panics, as Linux does.
 */
#ifndef RXOS_KERNEL_SIGNAL_H
#define RXOS_KERNEL_SIGNAL_H

#include "kernel/signal_types.h"

struct task_struct;
struct pt_regs;

static inline int valid_signal(unsigned long sig)
{
	return sig <= _NSIG;
}

#define sigmask(sig) (1UL << ((sig)-1))

static inline void sigemptyset(sigset_t *set)
{
	set->sig[0] = set->sig[1] = 0;
}

static inline void sigaddset(sigset_t *set, int sig)
{
	set->sig[(sig - 1) / _NSIG_BPW] |= 1UL << ((sig - 1) % _NSIG_BPW);
}

static inline void sigdelset(sigset_t *set, int sig)
{
	set->sig[(sig - 1) / _NSIG_BPW] &= ~(1UL << ((sig - 1) % _NSIG_BPW));
}

static inline int sigismember(const sigset_t *set, int sig)
{
	return (set->sig[(sig - 1) / _NSIG_BPW] >> ((sig - 1) % _NSIG_BPW)) & 1;
}

static inline int sigisemptyset(const sigset_t *set)
{
	return !(set->sig[0] | set->sig[1]);
}

static inline void sigorsets(sigset_t *r, const sigset_t *a, const sigset_t *b)
{
	r->sig[0] = a->sig[0] | b->sig[0];
	r->sig[1] = a->sig[1] | b->sig[1];
}

/* r = a & ~b */
static inline void sigandnsets(sigset_t *r, const sigset_t *a, const sigset_t *b)
{
	r->sig[0] = a->sig[0] & ~b->sig[0];
	r->sig[1] = a->sig[1] & ~b->sig[1];
}

/* SIGKILL and SIGSTOP: never blocked, caught or ignored. */
#define sig_kernel_only(sig) ((sig) == SIGKILL || (sig) == SIGSTOP)
int sig_kernel_ignore(int sig);
int sig_kernel_stop(int sig);
int sig_kernel_coredump(int sig);

/* A signal and the action chosen for it, handed to the frame code. */
struct ksignal {
	struct k_sigaction ka;
	kernel_siginfo_t info;
	int sig;
};

/* ---- sending: any context ------------------------------------------------ */

/* Queue sig with info for task p. 0, or -EINVAL. */
int send_signal_info(int sig, kernel_siginfo_t *info, struct task_struct *p);
/* priv: sent by the kernel (SI_KERNEL) rather than on a user's behalf. */
int send_sig(int sig, struct task_struct *p, int priv);
/* Every process in group pgrp: the tty's ^C, ^\ (drivers/tty/n_tty.c).
 * 0 if one got it, -ESRCH if the group is empty. */
int kill_pgrp(int pgrp, int sig);
int kill_pid(int pid, int sig, int priv);
/* A fault in current's user code (traps): sig cannot be blocked or
 * ignored this time. addr goes into si_addr. */
int force_sig_fault(int sig, int code, unsigned long addr);
void force_sig(int sig);

/* ---- delivery: process context, current only ----------------------------- */

void recalc_sigpending(void);
void set_current_blocked(sigset_t *newset);
/* Next signal to act on; 1 with ksig filled if it has a handler, 0 if
 * none is left. Default actions (kill) happen inside. */
int get_signal(struct ksignal *ksig);
/* After the frame was written (failed = 0) or not: block, or SIGSEGV. */
void signal_setup_done(int failed, struct ksignal *ksig);
/* The mask a signal frame must restore (rt_sigsuspend's saved one). */
sigset_t *sigmask_to_save(void);
void restore_saved_sigmask(void);
/* execve: caught signals go back to SIG_DFL, ignored ones stay ignored. */
void flush_signal_handlers(struct task_struct *t);
/* Kernel threads: every signal SIG_IGN (kthreadd, so children autoreap). */
void ignore_signals(struct task_struct *t);

/* signal_32.c: deliver or restart, on the way out to user mode. */
void arch_do_signal_or_restart(struct pt_regs *regs);

/* ---- system calls ----------------------------------------------------------- */
long sys_kill(int pid, int sig);
long sys_tkill(int pid, int sig);
long sys_tgkill(int tgid, int pid, int sig);
long sys_rt_sigaction(int sig, const struct sigaction *act,
		      struct sigaction *oact, unsigned long sigsetsize);
long sys_sigaction(int sig, const struct old_sigaction *act,
		   struct old_sigaction *oact);
long sys_signal(int sig, __sighandler_t handler);
long sys_rt_sigprocmask(int how, sigset_t *nset, sigset_t *oset,
			unsigned long sigsetsize);
long sys_sigprocmask(int how, old_sigset_t *nset, old_sigset_t *oset);
long sys_rt_sigpending(sigset_t *uset, unsigned long sigsetsize);
long sys_sigpending(old_sigset_t *uset);
long sys_rt_sigsuspend(sigset_t *unewset, unsigned long sigsetsize);
long sys_sigsuspend(int unused1, int unused2, old_sigset_t mask);
long sys_pause(void);
long sys_sgetmask(void);
long sys_ssetmask(int newmask);
long sys_sigreturn(void);
long sys_rt_sigreturn(void);
long sys_alarm(unsigned int seconds);

#endif
