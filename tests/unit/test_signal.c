/*
 * Host tests for kernel/signal.c and kernel/signal_32.c: what happens to a
 * signal between kill() and the handler - dropped if ignored, kept while
 * blocked, chosen in Linux's order, the default action - and the i386
 * signal frame: where it lands, what it holds, how rt_sigreturn restores
 * the registers and mask (and refuses to restore privileged bits), and how
 * interrupted system calls are restarted or fail with EINTR.
 *
 * User memory is a 64 KiB array standing in for the top of the stack.
 */
#include "tests/unit/unit.h"
#include <setjmp.h>

#include "lib/string.c"
#include "kernel/sched/task.h"
#include "kernel/errno.h"

volatile unsigned int __preempt_count;
volatile unsigned long jiffies;
int printk(const char *fmt, ...) { return 0; }

/* ---- fake user stack ---------------------------------------------------------- */

#define USTACK_TOP 0xc0000000UL
#define USTACK_SIZE 0x10000UL
static unsigned char ustack[USTACK_SIZE];

static void *uptr_to_host(unsigned long uaddr, unsigned long n)
{
	if (uaddr < USTACK_TOP - USTACK_SIZE || uaddr > USTACK_TOP ||
	    n > USTACK_TOP - uaddr)
		return NULL;
	return ustack + (uaddr - (USTACK_TOP - USTACK_SIZE));
}

unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	void *h = uptr_to_host((unsigned long)to, n);

	if (!h)
		return n;
	memcpy(h, from, n);
	return 0;
}

unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	void *h = uptr_to_host((unsigned long)from, n);

	if (!h)
		return n;
	memcpy(to, h, n);
	return 0;
}

/* ---- tasks and scheduler shims ---------------------------------------------------- */

struct task_struct init_task;
static struct task_struct task_a, task_b;
struct task_struct *current_task = &task_a;
DEFINE_SPINLOCK(tasklist_lock);
static unsigned long kstack[THREAD_SIZE / sizeof(long)];

int try_to_wake_up(struct task_struct *p, unsigned int state)
{
	if (!(p->state & state))
		return 0;
	p->state = TASK_RUNNING;
	return 1;
}
void schedule(void) {}
struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pid == pid)
			return p;
	return NULL;
}

static jmp_buf exit_jmp;
static int exit_code = -1;
__attribute__((noreturn)) void do_group_exit(int code)
{
	exit_code = code;
	longjmp(exit_jmp, 1);
}

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *),
		 unsigned int flags) {}
int mod_timer(struct timer_list *t, unsigned long expires) { return 0; }
int del_timer(struct timer_list *t) { return 0; }
int timer_pending(const struct timer_list *t) { return 0; }
void fpu_reset(void) {}
void fpu_save_live(uint8_t *state) { memset(state, 0xf5, 108); }
static int fpu_loaded;
void fpu_load_live(const uint8_t *state) { fpu_loaded = state[0] == 0xf5; }

#include "kernel/signal.c"
#include "kernel/signal_32.c"

/* ---- helpers ---------------------------------------------------------------------- */

#define HANDLER 0x08048500UL
#define RESTORER 0x08048600UL

static struct pt_regs *regs;

static void setup(void)
{
	memset(&init_task, 0, sizeof(init_task));
	memset(&task_a, 0, sizeof(task_a));
	memset(&task_b, 0, sizeof(task_b));
	INIT_LIST_HEAD(&init_task.tasks);
	task_a.pid = task_a.tgid = 100;
	task_b.pid = task_b.tgid = 101;
	task_a.pgrp = task_b.pgrp = 100;
	task_a.stack = kstack;
	list_add_tail(&task_a.tasks, &init_task.tasks);
	list_add_tail(&task_b.tasks, &init_task.tasks);
	current_task = &task_a;
	regs = task_pt_regs(&task_a);
	memset(regs, 0, sizeof(*regs));
	regs->sp = USTACK_TOP - 0x1000 + 0xc; /* an odd alignment on purpose */
	regs->ip = 0x08048123;
	regs->cs = __USER_CS;
	regs->ss = regs->ds = regs->es = __USER_DS;
	regs->flags = 0x246;
	regs->orig_ax = -1;
	regs->ax = 0x1111;
	regs->bx = 0x2222;
	exit_code = -1;
	fpu_loaded = 0;
}

static void set_handler(int sig, unsigned long flags)
{
	struct k_sigaction ka = { 0 };

	ka.sa.sa_handler = (__sighandler_t)HANDLER;
	ka.sa.sa_flags = flags;
	ka.sa.sa_restorer = (__sigrestore_t)RESTORER;
	CHECK_EQ(do_sigaction(sig, &ka, NULL), 0);
}

/* One round of the way out to user mode: deliver or die (returns the
 * exit code; -1 if the task lives on). On i386 regs->ax is 32 bits: the
 * tests compare it as int. */
static int deliver(void)
{
	if (setjmp(exit_jmp))
		return exit_code;
	arch_do_signal_or_restart(regs);
	return -1;
}

/* ---- sending -------------------------------------------------------------------------- */

TEST(signal_to_a_sleeper_marks_it_pending_and_wakes_it)
{
	setup();
	task_b.state = TASK_INTERRUPTIBLE;
	CHECK_EQ(kill_pid(101, SIGTERM, 0), 0);
	CHECK(sigismember(&task_b.pending.signal, SIGTERM));
	CHECK(signal_pending(&task_b));
	CHECK_EQ(task_b.state, TASK_RUNNING);
	CHECK_EQ(kill_pid(999, SIGTERM, 0), -ESRCH);
}

TEST(blocked_signal_stays_pending_without_waking)
{
	setup();
	sigaddset(&task_b.blocked, SIGUSR1);
	task_b.state = TASK_INTERRUPTIBLE;
	kill_pid(101, SIGUSR1, 0);
	CHECK(sigismember(&task_b.pending.signal, SIGUSR1));
	CHECK(!signal_pending(&task_b));
	CHECK_EQ(task_b.state, TASK_INTERRUPTIBLE);
}

TEST(ignored_and_default_ignored_signals_are_dropped_at_once)
{
	setup();
	kill_pid(101, SIGCHLD, 0); /* default: ignore */
	kill_pid(101, SIGWINCH, 0);
	task_b.action[SIGUSR2 - 1].sa.sa_handler = SIG_IGN;
	kill_pid(101, SIGUSR2, 0);
	CHECK(sigisemptyset(&task_b.pending.signal));
	CHECK(!signal_pending(&task_b));
}

TEST(kill_of_a_process_group_reaches_every_member)
{
	setup();
	CHECK_EQ(kill_pgrp(100, SIGINT), 0);
	CHECK(sigismember(&task_a.pending.signal, SIGINT));
	CHECK(sigismember(&task_b.pending.signal, SIGINT));
	CHECK_EQ(kill_pgrp(555, SIGINT), -ESRCH);
	CHECK_EQ(sys_kill(-100, SIGTERM), 0);
	CHECK(sigismember(&task_b.pending.signal, SIGTERM));
	CHECK_EQ(sys_kill(101, 65), -EINVAL);
}

TEST(init_is_not_killed_by_signals_from_outside)
{
	setup();
	task_b.pid = 1;
	kill_pid(1, SIGTERM, 0);
	kill_pid(1, SIGKILL, 0);
	CHECK(sigisemptyset(&task_b.pending.signal));
	set_handler(SIGTERM, 0); /* on current... */
	task_b.action[SIGHUP - 1].sa.sa_handler = (__sighandler_t)HANDLER;
	kill_pid(1, SIGHUP, 0); /* ...a handled signal does reach init */
	CHECK(sigismember(&task_b.pending.signal, SIGHUP));
}

TEST(sigkill_and_sigstop_cannot_be_caught_or_blocked)
{
	sigset_t all;

	setup();
	memset(&all, 0xff, sizeof(all));
	set_current_blocked(&all);
	CHECK(!sigismember(&current->blocked, SIGKILL));
	CHECK(!sigismember(&current->blocked, SIGSTOP));
	CHECK_EQ(sys_signal(SIGKILL, (__sighandler_t)HANDLER), -EINVAL);
	CHECK_EQ(sys_signal(0, (__sighandler_t)HANDLER), -EINVAL);
	CHECK_EQ(sys_signal(65, (__sighandler_t)HANDLER), -EINVAL);
}

TEST(rt_sigprocmask_blocks_unblocks_and_sets)
{
	sigset_t set = { { sigmask(SIGINT) | sigmask(SIGKILL), 0 } }, old;

	setup();
	CHECK_EQ(sigprocmask(SIG_BLOCK, &set, &old), 0);
	CHECK(sigismember(&current->blocked, SIGINT));
	CHECK(!sigismember(&current->blocked, SIGKILL));
	CHECK_EQ(sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
	CHECK(sigisemptyset(&current->blocked));
	CHECK_EQ(sigprocmask(7, &set, NULL), -EINVAL);
	CHECK_EQ(sys_rt_sigprocmask(SIG_BLOCK, NULL, NULL, 4), -EINVAL);
}

TEST(unblocking_a_pending_signal_makes_it_deliverable)
{
	sigset_t none = { { 0, 0 } };

	setup();
	sigaddset(&current->blocked, SIGUSR1);
	send_sig(SIGUSR1, current, 0);
	CHECK(!signal_pending(current));
	set_current_blocked(&none);
	CHECK(signal_pending(current));
}

/* ---- choosing and default actions --------------------------------------------------------- */

TEST(faults_are_delivered_before_other_signals_then_lowest_first)
{
	kernel_siginfo_t info;

	setup();
	send_sig(SIGTERM, current, 0);
	send_sig(SIGINT, current, 0);
	force_sig_fault(SIGSEGV, SEGV_MAPERR, 0xdead);
	CHECK_EQ(dequeue_signal(&info), SIGSEGV);
	CHECK_EQ(info.sigfault.addr, 0xdead);
	CHECK_EQ(dequeue_signal(&info), SIGINT);
	CHECK_EQ(dequeue_signal(&info), SIGTERM);
	CHECK_EQ(dequeue_signal(&info), 0);
	CHECK(!signal_pending(current));
}

TEST(default_action_terminates_with_the_signal_number)
{
	setup();
	send_sig(SIGTERM, current, 0);
	CHECK_EQ(deliver(), SIGTERM);
	setup();
	force_sig_fault(SIGSEGV, SEGV_MAPERR, 0);
	CHECK_EQ(deliver(), SIGSEGV); /* "core": no core file, just the status */
	CHECK(current->flags & PF_SIGNALED);
}

TEST(a_fault_that_is_blocked_or_ignored_still_kills)
{
	setup();
	current->action[SIGSEGV - 1].sa.sa_handler = SIG_IGN;
	sigaddset(&current->blocked, SIGFPE);
	force_sig_fault(SIGSEGV, SEGV_MAPERR, 0);
	CHECK_EQ(deliver(), SIGSEGV);
	setup();
	sigaddset(&current->blocked, SIGFPE);
	force_sig_fault(SIGFPE, FPE_INTDIV, 0);
	CHECK_EQ(deliver(), SIGFPE);
}

/* ---- the frame ------------------------------------------------------------------------------ */

TEST(rt_frame_is_aligned_and_holds_args_siginfo_and_registers)
{
	unsigned long old_sp;
	struct rt_sigframe_ia32 f;

	setup();
	old_sp = regs->sp;
	set_handler(SIGUSR1, SA_SIGINFO | SA_RESTORER);
	kill_pid(100, SIGUSR1, 0);
	CHECK_EQ(deliver(), -1);
	CHECK_EQ(regs->ip, HANDLER);
	CHECK_EQ(regs->ax, SIGUSR1);
	CHECK_EQ((regs->sp + 4) % 16, 0); /* i386 ABI at function entry */
	CHECK(regs->sp < old_sp - sizeof(f) + 16);
	CHECK_EQ(copy_from_user(&f, (void *)regs->sp, sizeof(f)), 0);
	CHECK_EQ(f.pretcode, RESTORER);
	CHECK_EQ(f.sig, SIGUSR1);
	CHECK_EQ(f.pinfo, regs->sp + offsetof(struct rt_sigframe_ia32, info));
	CHECK_EQ(f.puc, regs->sp + offsetof(struct rt_sigframe_ia32, uc));
	CHECK_EQ(f.info.si_signo, SIGUSR1);
	CHECK_EQ(f.info.si_code, SI_USER);
	CHECK_EQ(f.info.kill.pid, 100);
	CHECK_EQ(f.uc.uc_mcontext.ip, 0x08048123);
	CHECK_EQ(f.uc.uc_mcontext.sp, old_sp);
	CHECK_EQ(f.uc.uc_mcontext.bx, 0x2222);
	CHECK_EQ(f.uc.uc_mcontext.fpstate,
		 regs->sp + offsetof(struct rt_sigframe_ia32, fpstate));
}

TEST(handler_runs_with_its_signal_and_sa_mask_blocked)
{
	setup();
	set_handler(SIGUSR1, SA_SIGINFO | SA_RESTORER);
	current->action[SIGUSR1 - 1].sa.sa_mask.sig[0] = sigmask(SIGINT);
	send_sig(SIGUSR1, current, 0);
	deliver();
	CHECK(sigismember(&current->blocked, SIGUSR1));
	CHECK(sigismember(&current->blocked, SIGINT));
	setup();
	set_handler(SIGUSR2, SA_NODEFER | SA_RESETHAND);
	send_sig(SIGUSR2, current, 0);
	deliver();
	CHECK(!sigismember(&current->blocked, SIGUSR2));
	CHECK(current->action[SIGUSR2 - 1].sa.sa_handler == SIG_DFL);
}

TEST(rt_sigreturn_restores_registers_mask_and_fpu)
{
	setup();
	set_handler(SIGUSR1, SA_SIGINFO | SA_RESTORER);
	send_sig(SIGUSR1, current, 0);
	deliver();
	/* the handler returns: ret pops pretcode, the restorer traps */
	regs->sp += 4;
	regs->ax = 173;
	regs->bx = 0;
	CHECK_EQ(sys_rt_sigreturn(), 0x1111);
	CHECK_EQ(regs->ip, 0x08048123);
	CHECK_EQ(regs->bx, 0x2222);
	CHECK_EQ(regs->sp, USTACK_TOP - 0x1000 + 0xc);
	CHECK(!sigismember(&current->blocked, SIGUSR1));
	CHECK(fpu_loaded);
	CHECK_EQ((long)regs->orig_ax, -1);
}

TEST(sigreturn_cannot_raise_privilege_or_load_bad_segments)
{
	struct rt_sigframe_ia32 *uf;
	struct sigcontext_32 *sc;

	setup();
	set_handler(SIGUSR1, SA_SIGINFO | SA_RESTORER);
	send_sig(SIGUSR1, current, 0);
	deliver();
	uf = uptr_to_host(regs->sp, sizeof(*uf));
	sc = &uf->uc.uc_mcontext;
	sc->cs = __KERNEL_CS; /* a handler scribbles over its frame */
	sc->ss = 0x68;
	sc->gs = 0x33;
	sc->flags = 0x3000 | 0x200 | 0x1; /* IOPL 3, IF, CF */
	regs->sp += 4;
	sys_rt_sigreturn();
	CHECK_EQ(regs->cs, __USER_CS);
	CHECK_EQ(regs->ss, __USER_DS);
	CHECK_EQ(regs->gs, 0);
	CHECK_EQ(regs->flags & 0x3000, 0); /* IOPL untouched */
	CHECK(regs->flags & 0x200);	    /* IF kept */
	CHECK(regs->flags & 0x1);	    /* CF restored */
}

TEST(frame_on_an_unmapped_stack_kills_with_sigsegv)
{
	setup();
	set_handler(SIGUSR1, SA_SIGINFO | SA_RESTORER);
	regs->sp = 0x10000000; /* nothing mapped there */
	send_sig(SIGUSR1, current, 0);
	CHECK_EQ(deliver(), -1); /* no frame: SIGSEGV is queued instead */
	CHECK(signal_pending(current));
	CHECK_EQ(deliver(), SIGSEGV); /* the next round of the exit loop */
}

TEST(old_style_frame_without_siginfo_and_without_restorer_uses_retcode)
{
	struct sigframe_ia32 f;

	setup();
	set_handler(SIGUSR1, 0); /* signal(): no SA_SIGINFO, no restorer */
	send_sig(SIGUSR1, current, 0);
	deliver();
	copy_from_user(&f, (void *)regs->sp, sizeof(f));
	CHECK_EQ(f.sig, SIGUSR1);
	CHECK_EQ(f.pretcode, regs->sp + offsetof(struct sigframe_ia32, retcode));
	CHECK_EQ(f.retcode[0], 0x58); /* popl %eax; movl $119,%eax; int $0x80 */
	CHECK_EQ(f.retcode[2], __NR_sigreturn);
	CHECK_EQ(f.sc.ip, 0x08048123);
	regs->sp += 8; /* ret and the retcode's popl */
	CHECK_EQ(sys_sigreturn(), 0x1111);
	CHECK_EQ(regs->ip, 0x08048123);
}

/* ---- interrupted system calls -------------------------------------------------------------- */

static void interrupted_syscall(long err)
{
	regs->orig_ax = 3; /* read */
	regs->ax = err;
	regs->ip = 0x08048125; /* after int $0x80 */
}

TEST(handled_signal_makes_an_interrupted_call_fail_with_eintr)
{
	setup();
	set_handler(SIGINT, SA_RESTORER);
	interrupted_syscall(-ERESTARTSYS);
	send_sig(SIGINT, current, 0);
	deliver();
	regs->sp += 8;
	sys_sigreturn();
	CHECK_EQ((int)regs->ax, -EINTR);
	CHECK_EQ(regs->ip, 0x08048125);
}

TEST(sa_restart_restarts_the_call_after_the_handler)
{
	struct sigframe_ia32 f;

	setup();
	set_handler(SIGINT, SA_RESTORER | SA_RESTART);
	interrupted_syscall(-ERESTARTSYS);
	send_sig(SIGINT, current, 0);
	deliver();
	copy_from_user(&f, (void *)regs->sp, sizeof(f));
	CHECK_EQ(f.sc.ax, 3);		 /* eax = the number again */
	CHECK_EQ(f.sc.ip, 0x08048123); /* back on int $0x80 */
}

TEST(restart_without_handler_is_transparent_but_nohand_calls_eintr_with_one)
{
	setup();
	interrupted_syscall(-ERESTARTNOHAND);
	deliver(); /* nothing to deliver: restart */
	CHECK_EQ(regs->ax, 3);
	CHECK_EQ(regs->ip, 0x08048123);
	setup();
	set_handler(SIGINT, SA_RESTORER | SA_RESTART);
	interrupted_syscall(-ERESTARTNOHAND); /* pause(): never restarted */
	send_sig(SIGINT, current, 0);
	deliver();
	regs->sp += 8;
	sys_sigreturn();
	CHECK_EQ((int)regs->ax, -EINTR);
}

TEST(a_return_from_an_interrupt_is_never_taken_for_a_syscall)
{
	setup();
	regs->orig_ax = ~4UL; /* IRQ 4 */
	regs->ax = -ERESTARTSYS; /* just the user's eax */
	deliver();
	CHECK_EQ((long)regs->ax, -ERESTARTSYS);
	CHECK_EQ(regs->ip, 0x08048123);
}

TEST(sigsuspend_mask_is_restored_by_the_handler_frame)
{
	sigset_t wait_mask = { { 0, 0 } };
	struct rt_sigframe_ia32 f;

	setup();
	sigaddset(&current->blocked, SIGUSR1);
	set_handler(SIGUSR1, SA_SIGINFO | SA_RESTORER);
	send_sig(SIGUSR1, current, 0);
	interrupted_syscall(sigsuspend(&wait_mask));
	deliver();
	copy_from_user(&f, (void *)regs->sp, sizeof(f));
	CHECK(sigismember(&f.uc.uc_sigmask, SIGUSR1)); /* the old mask */
	CHECK_EQ((long)regs->ax, SIGUSR1);		   /* handler runs */
	CHECK_EQ((int)f.uc.uc_mcontext.ax, -EINTR);
}

RUN_TESTS()
