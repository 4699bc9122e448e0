/*
 * signal.c - signal sending, masks, actions and the choice of what to
 * deliver (Linux: kernel/signal.c). The user stack frame is in
 * signal_32.c; see signal.h for the model.
 *
 * Context: sending runs in any context - the tty's ^C sends SIGINT from its
 * interrupt handler - so the pending set and TIF_SIGPENDING change with
 * interrupts off. Everything else acts on current in process context.
 */
#include "kernel/signal.h"
#include "kernel/errno.h"
#include "kernel/preempt.h"
#include "kernel/printk.h"
#include "kernel/sched/task.h"
#include "kernel/timer.h"
#include "kernel/uaccess.h"
#include "lib/string.h"

#define SIG_KERNEL_IGNORE_MASK \
	(sigmask(SIGCONT) | sigmask(SIGCHLD) | sigmask(SIGWINCH) | sigmask(SIGURG))
#define SIG_KERNEL_STOP_MASK \
	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_KERNEL_COREDUMP_MASK                                           \
	(sigmask(SIGQUIT) | sigmask(SIGILL) | sigmask(SIGTRAP) |           \
	 sigmask(SIGABRT) | sigmask(SIGFPE) | sigmask(SIGSEGV) |           \
	 sigmask(SIGBUS) | sigmask(SIGSYS) | sigmask(SIGXCPU) | sigmask(SIGXFSZ))
/* Faults in the program itself: delivered before anything else. */
#define SYNCHRONOUS_MASK                                                   \
	(sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) |            \
	 sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS))

static int in_mask(int sig, unsigned long mask)
{
	return sig < SIGRTMIN && (sigmask(sig) & mask);
}

int sig_kernel_ignore(int sig)
{
	return in_mask(sig, SIG_KERNEL_IGNORE_MASK);
}

int sig_kernel_stop(int sig)
{
	return in_mask(sig, SIG_KERNEL_STOP_MASK);
}

int sig_kernel_coredump(int sig)
{
	return in_mask(sig, SIG_KERNEL_COREDUMP_MASK);
}

static int is_global_init(struct task_struct *t)
{
	return t->pid == 1;
}

/* ---- the pending set ------------------------------------------------------ */

static int has_pending_signals(struct task_struct *t)
{
	sigset_t ready;

	sigandnsets(&ready, &t->pending.signal, &t->blocked);
	return !sigisemptyset(&ready);
}

static void recalc_sigpending_tsk(struct task_struct *t)
{
	if (has_pending_signals(t))
		set_tsk_thread_flag(t, TIF_SIGPENDING);
	else
		clear_tsk_thread_flag(t, TIF_SIGPENDING);
}

void recalc_sigpending(void)
{
	unsigned long flags;

	local_irq_save(flags);
	recalc_sigpending_tsk(current);
	local_irq_restore(flags);
}

/*
 * Would delivery do nothing? Then drop it now. A blocked signal is kept:
 * the handler may change before it is unblocked.
 */
static int sig_ignored(struct task_struct *t, int sig, int force)
{
	__sighandler_t handler = t->action[sig - 1].sa.sa_handler;

	if (sigismember(&t->blocked, sig))
		return 0;
	if (handler == SIG_IGN)
		return 1;
	if (handler != SIG_DFL)
		return 0;
	if (sig_kernel_ignore(sig) || sig_kernel_stop(sig))
		return 1;
	return is_global_init(t) && !force; /* init is not killed from outside */
}

static int __send_signal(int sig, kernel_siginfo_t *info,
			 struct task_struct *t, int force)
{
	unsigned long flags;

	if (!valid_signal(sig) || sig < 1)
		return -EINVAL;
	/* kernel threads take no signals; a dead task needs none */
	if ((t->flags & PF_KTHREAD) || t->exit_state)
		return 0;
	local_irq_save(flags);
	if (!sig_ignored(t, sig, force)) {
		sigaddset(&t->pending.signal, sig);
		t->pending.info[sig - 1] = *info;
		if (!sigismember(&t->blocked, sig)) {
			set_tsk_thread_flag(t, TIF_SIGPENDING);
			try_to_wake_up(t, TASK_INTERRUPTIBLE);
		}
	}
	local_irq_restore(flags);
	return 0;
}

int send_signal_info(int sig, kernel_siginfo_t *info, struct task_struct *p)
{
	return __send_signal(sig, info, p, 0);
}

static void fill_kill_info(kernel_siginfo_t *info, int sig, int code)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = code;
	info->kill.pid = in_task() ? current->pid : 0;
}

int send_sig(int sig, struct task_struct *p, int priv)
{
	kernel_siginfo_t info;

	fill_kill_info(&info, sig, priv ? SI_KERNEL : SI_USER);
	return send_signal_info(sig, &info, p);
}

static int __kill_pgrp_info(int sig, kernel_siginfo_t *info, int pgrp)
{
	struct task_struct *p;
	unsigned long flags;
	int found = 0;

	if (pgrp <= 0)
		return -ESRCH;
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (p->pgrp != pgrp || p->exit_state)
			continue;
		found = 1;
		if (sig)
			send_signal_info(sig, info, p);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found ? 0 : -ESRCH;
}

int kill_pgrp(int pgrp, int sig)
{
	kernel_siginfo_t info;

	fill_kill_info(&info, sig, SI_KERNEL);
	return __kill_pgrp_info(sig, &info, pgrp);
}

static int kill_pid_info(int sig, kernel_siginfo_t *info, int pid)
{
	struct task_struct *p = find_task_by_pid(pid);

	if (!p)
		return -ESRCH;
	return sig ? send_signal_info(sig, info, p) : 0;
}

int kill_pid(int pid, int sig, int priv)
{
	kernel_siginfo_t info;

	fill_kill_info(&info, sig, priv ? SI_KERNEL : SI_USER);
	return kill_pid_info(sig, &info, pid);
}

/* kill(-1, sig): everyone but init and ourselves. */
static int kill_every_process(int sig, kernel_siginfo_t *info)
{
	struct task_struct *p;
	int count = 0;

	for_each_process(p) {
		if (p->pid <= 1 || p == current || (p->flags & PF_KTHREAD))
			continue;
		count++;
		if (sig)
			send_signal_info(sig, info, p);
	}
	return count ? 0 : -ESRCH;
}

/* kill()'s pid argument: >0 one process, 0 our group, -1 all, <-1 a group. */
static int kill_something_info(int sig, kernel_siginfo_t *info, int pid)
{
	if (pid > 0)
		return kill_pid_info(sig, info, pid);
	if (pid == 0)
		return __kill_pgrp_info(sig, info, current->pgrp);
	if (pid == -1)
		return kill_every_process(sig, info);
	if (pid == (int)0x80000000) /* -pid would overflow */
		return -ESRCH;
	return __kill_pgrp_info(sig, info, -pid);
}

int force_sig_fault(int sig, int code, unsigned long addr)
{
	struct task_struct *t = current;
	struct k_sigaction *action = &t->action[sig - 1];
	kernel_siginfo_t info = { .si_signo = sig, .si_code = code };

	info.sigfault.addr = addr;
	/* a fault that is blocked or ignored would recur forever: reset it */
	if (action->sa.sa_handler == SIG_IGN || sigismember(&t->blocked, sig)) {
		action->sa.sa_handler = SIG_DFL;
		sigdelset(&t->blocked, sig);
	}
	return __send_signal(sig, &info, t, 1);
}

void force_sig(int sig)
{
	force_sig_fault(sig, SI_KERNEL, 0);
}

/* ---- choosing what to deliver ------------------------------------------------ */

/* Lowest pending unblocked signal, faults first (Linux: next_signal). */
static int next_signal(struct task_struct *t)
{
	sigset_t ready;
	int sig;

	sigandnsets(&ready, &t->pending.signal, &t->blocked);
	if (ready.sig[0] & SYNCHRONOUS_MASK)
		ready.sig[0] &= SYNCHRONOUS_MASK;
	for (sig = 1; sig <= _NSIG; sig++)
		if (sigismember(&ready, sig))
			return sig;
	return 0;
}

static int dequeue_signal(kernel_siginfo_t *info)
{
	struct task_struct *t = current;
	unsigned long flags;
	int sig;

	local_irq_save(flags);
	sig = next_signal(t);
	if (sig) {
		sigdelset(&t->pending.signal, sig);
		*info = t->pending.info[sig - 1];
	}
	recalc_sigpending_tsk(t);
	local_irq_restore(flags);
	return sig;
}

int get_signal(struct ksignal *ksig)
{
	for (;;) {
		int signr = dequeue_signal(&ksig->info);
		struct k_sigaction *ka;

		if (!signr)
			return 0;
		ka = &current->action[signr - 1];
		if (ka->sa.sa_handler == SIG_IGN)
			continue;
		if (ka->sa.sa_handler != SIG_DFL) {
			ksig->ka = *ka;
			ksig->sig = signr;
			if (ka->sa.sa_flags & SA_RESETHAND)
				ka->sa.sa_handler = SIG_DFL;
			return 1;
		}
		if (sig_kernel_ignore(signr) || sig_kernel_stop(signr))
			continue;
		/* terminate, or "core" - rxos writes no core file */
		current->flags |= PF_SIGNALED;
		do_group_exit(signr);
	}
}

void set_current_blocked(sigset_t *newset)
{
	sigdelset(newset, SIGKILL);
	sigdelset(newset, SIGSTOP);
	current->blocked = *newset;
	recalc_sigpending();
}

void signal_setup_done(int failed, struct ksignal *ksig)
{
	sigset_t blocked;

	if (failed) { /* no room for a frame: the process dies */
		force_sig(SIGSEGV);
		return;
	}
	sigorsets(&blocked, &current->blocked, &ksig->ka.sa.sa_mask);
	if (!(ksig->ka.sa.sa_flags & SA_NODEFER))
		sigaddset(&blocked, ksig->sig);
	current->restore_sigmask = 0;
	set_current_blocked(&blocked);
}

sigset_t *sigmask_to_save(void)
{
	return current->restore_sigmask ? &current->saved_sigmask
					: &current->blocked;
}

void restore_saved_sigmask(void)
{
	if (current->restore_sigmask) {
		current->restore_sigmask = 0;
		set_current_blocked(&current->saved_sigmask);
	}
}

void flush_signal_handlers(struct task_struct *t)
{
	for (int i = 0; i < _NSIG; i++) {
		struct k_sigaction *ka = &t->action[i];

		if (ka->sa.sa_handler != SIG_IGN)
			ka->sa.sa_handler = SIG_DFL;
		ka->sa.sa_flags = 0;
		ka->sa.sa_restorer = NULL;
		sigemptyset(&ka->sa.sa_mask);
	}
}

void ignore_signals(struct task_struct *t)
{
	for (int i = 0; i < _NSIG; i++)
		t->action[i].sa.sa_handler = SIG_IGN;
}

/* ---- system calls ------------------------------------------------------------ */

long sys_kill(int pid, int sig)
{
	kernel_siginfo_t info;

	if (!valid_signal(sig) || sig < 0)
		return -EINVAL;
	fill_kill_info(&info, sig, SI_USER);
	return kill_something_info(sig, &info, pid);
}

long sys_tgkill(int tgid, int pid, int sig)
{
	struct task_struct *p;
	kernel_siginfo_t info;

	if (pid <= 0 || tgid <= 0 || !valid_signal(sig) || sig < 0)
		return -EINVAL;
	p = find_task_by_pid(pid);
	if (!p || p->tgid != tgid)
		return -ESRCH;
	fill_kill_info(&info, sig, SI_TKILL);
	return sig ? send_signal_info(sig, &info, p) : 0;
}

long sys_tkill(int pid, int sig)
{
	struct task_struct *p = pid > 0 ? find_task_by_pid(pid) : NULL;

	if (pid <= 0)
		return -EINVAL;
	return p ? sys_tgkill(p->tgid, pid, sig) : -ESRCH;
}

/* POSIX: making a pending signal ignored discards it. */
static void flush_if_ignored(int sig)
{
	unsigned long flags;
	__sighandler_t handler = current->action[sig - 1].sa.sa_handler;

	local_irq_save(flags);
	if (handler == SIG_IGN || (handler == SIG_DFL && (sig_kernel_ignore(sig) ||
							  sig_kernel_stop(sig))))
		sigdelset(&current->pending.signal, sig);
	recalc_sigpending_tsk(current);
	local_irq_restore(flags);
}

static int do_sigaction(int sig, struct k_sigaction *act,
			struct k_sigaction *oact)
{
	struct k_sigaction *k;

	if (!valid_signal(sig) || sig < 1 || (act && sig_kernel_only(sig)))
		return -EINVAL;
	k = &current->action[sig - 1];
	if (oact)
		*oact = *k;
	if (act) {
		sigdelset(&act->sa.sa_mask, SIGKILL);
		sigdelset(&act->sa.sa_mask, SIGSTOP);
		*k = *act;
		flush_if_ignored(sig);
	}
	return 0;
}

long sys_rt_sigaction(int sig, const struct sigaction __user *act,
		      struct sigaction __user *oact, unsigned long sigsetsize)
{
	struct k_sigaction new_ka, old_ka;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (act && copy_from_user(&new_ka.sa, act, sizeof(new_ka.sa)))
		return -EFAULT;
	ret = do_sigaction(sig, act ? &new_ka : NULL, oact ? &old_ka : NULL);
	if (!ret && oact && copy_to_user(oact, &old_ka.sa, sizeof(old_ka.sa)))
		return -EFAULT;
	return ret;
}

long sys_sigaction(int sig, const struct old_sigaction __user *act,
		   struct old_sigaction __user *oact)
{
	struct k_sigaction new_ka = { 0 }, old_ka;
	struct old_sigaction o;
	int ret;

	if (act) {
		if (copy_from_user(&o, act, sizeof(o)))
			return -EFAULT;
		new_ka.sa.sa_handler = o.sa_handler;
		new_ka.sa.sa_flags = o.sa_flags;
		new_ka.sa.sa_restorer = o.sa_restorer;
		new_ka.sa.sa_mask.sig[0] = o.sa_mask;
	}
	ret = do_sigaction(sig, act ? &new_ka : NULL, oact ? &old_ka : NULL);
	if (ret || !oact)
		return ret;
	o.sa_handler = old_ka.sa.sa_handler;
	o.sa_flags = old_ka.sa.sa_flags;
	o.sa_restorer = old_ka.sa.sa_restorer;
	o.sa_mask = old_ka.sa.sa_mask.sig[0];
	return copy_to_user(oact, &o, sizeof(o)) ? -EFAULT : 0;
}

/* signal(): one-shot, no masking - the System V semantics Linux keeps. */
long sys_signal(int sig, __sighandler_t handler)
{
	struct k_sigaction new_sa = { 0 }, old_sa;
	int ret;

	new_sa.sa.sa_handler = handler;
	new_sa.sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	ret = do_sigaction(sig, &new_sa, &old_sa);
	return ret ? ret : (long)old_sa.sa.sa_handler;
}

static int sigprocmask(int how, sigset_t *set, sigset_t *oldset)
{
	sigset_t newset = current->blocked;

	if (oldset)
		*oldset = current->blocked;
	if (!set)
		return 0;
	switch (how) {
	case SIG_BLOCK:
		sigorsets(&newset, &newset, set);
		break;
	case SIG_UNBLOCK:
		sigandnsets(&newset, &newset, set);
		break;
	case SIG_SETMASK:
		newset = *set;
		break;
	default:
		return -EINVAL;
	}
	set_current_blocked(&newset);
	return 0;
}

long sys_rt_sigprocmask(int how, sigset_t __user *nset, sigset_t __user *oset,
			unsigned long sigsetsize)
{
	sigset_t new_set, old_set;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset && copy_from_user(&new_set, nset, sizeof(new_set)))
		return -EFAULT;
	ret = sigprocmask(how, nset ? &new_set : NULL, &old_set);
	if (!ret && oset && copy_to_user(oset, &old_set, sizeof(old_set)))
		return -EFAULT;
	return ret;
}

/* The old call works on the first 32 signals only. */
long sys_sigprocmask(int how, old_sigset_t __user *nset,
		     old_sigset_t __user *oset)
{
	old_sigset_t old = current->blocked.sig[0], m;
	sigset_t newset = current->blocked;

	if (nset) {
		if (get_user(m, nset))
			return -EFAULT;
		if (how == SIG_BLOCK)
			newset.sig[0] |= m;
		else if (how == SIG_UNBLOCK)
			newset.sig[0] &= ~m;
		else if (how == SIG_SETMASK)
			newset.sig[0] = m;
		else
			return -EINVAL;
		set_current_blocked(&newset);
	}
	if (oset && put_user(old, oset))
		return -EFAULT;
	return 0;
}

long sys_rt_sigpending(sigset_t __user *uset, unsigned long sigsetsize)
{
	sigset_t pending;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	pending = current->pending.signal;
	pending.sig[0] &= current->blocked.sig[0];
	pending.sig[1] &= current->blocked.sig[1];
	return copy_to_user(uset, &pending, sigsetsize) ? -EFAULT : 0;
}

long sys_sigpending(old_sigset_t __user *uset)
{
	return sys_rt_sigpending((sigset_t *)uset, sizeof(old_sigset_t));
}

long sys_sgetmask(void)
{
	return current->blocked.sig[0];
}

long sys_ssetmask(int newmask)
{
	long old = current->blocked.sig[0];
	sigset_t newset = current->blocked;

	newset.sig[0] = newmask;
	set_current_blocked(&newset);
	return old;
}

/* Sleep until a signal is delivered. The handler runs before we "return". */
long sys_pause(void)
{
	while (!signal_pending(current)) {
		__set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	return -ERESTARTNOHAND;
}

/* Wait with a temporary mask; the frame restores the old one afterwards. */
static long sigsuspend(sigset_t *set)
{
	current->saved_sigmask = current->blocked;
	set_current_blocked(set);
	while (!signal_pending(current)) {
		__set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	current->restore_sigmask = 1;
	return -ERESTARTNOHAND;
}

long sys_rt_sigsuspend(sigset_t __user *unewset, unsigned long sigsetsize)
{
	sigset_t newset;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	return sigsuspend(&newset);
}

long sys_sigsuspend(int unused1, int unused2, old_sigset_t mask)
{
	sigset_t newset = { { mask, 0 } };

	return sigsuspend(&newset);
}

/* ---- alarm(): SIGALRM from a timer (Linux: the ITIMER_REAL hrtimer) ----- */

static void it_real_fn(struct timer_list *t)
{
	struct task_struct *p = container_of(t, struct task_struct, real_timer);

	send_sig(SIGALRM, p, 1);
}

long sys_alarm(unsigned int seconds)
{
	struct timer_list *t = &current->real_timer;
	long left = 0;

	if (timer_pending(t)) {
		left = (long)(t->expires - jiffies + HZ - 1) / HZ;
		if (left <= 0)
			left = 1;
	}
	del_timer(t);
	if (seconds) {
		if (seconds > 0x7fffffffu / HZ)
			seconds = 0x7fffffffu / HZ;
		timer_setup(t, it_real_fn, 0);
		mod_timer(t, jiffies + (unsigned long)seconds * HZ);
	}
	return left;
}
