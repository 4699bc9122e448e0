/*
 * signal_32.c - running a signal handler in user mode and coming back
 * (Linux: arch/x86/kernel/signal.c, signal_32.c, include/asm/sigframe.h).
 *
 * To run a handler, the kernel pushes a frame onto the user stack and
 * rewrites the saved registers so that the iret "returns" into the handler:
 *
 *   higher addresses   (the interrupted user stack)
 *   +----------------------------+
 *   | x87 state (108 bytes)      |  rxos: always saved, restored on return
 *   | retcode: mov $173,%eax;    |  used when there is no SA_RESTORER
 *   |          int $0x80         |
 *   | ucontext: the saved        |  uc_mcontext = struct sigcontext (regs),
 *   |   registers and mask       |  uc_sigmask = mask to restore
 *   | siginfo (128 bytes)        |
 *   | puc, pinfo, sig            |  the handler's three arguments
 *   | pretcode                   |  <- esp: the handler's return address
 *   +----------------------------+
 *
 * When the handler returns it lands in pretcode - the C library's restorer
 * (sa_restorer) or the retcode above - which calls rt_sigreturn: the
 * saved registers and mask are put back and the interrupted code resumes.
 * Handlers installed without SA_SIGINFO get the older, smaller frame
 * (struct sigframe_ia32, returning through sigreturn) like Linux i386.
 * Layouts are Linux's, so gdb and C libraries find everything where they
 * expect it. Linux also supports sigaltstack and XSAVE state; rxos not.
 *
 * Process context, current only, on the way back to user mode.
 */
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/ptrace.h"
#include "kernel/sched/fpu.h"
#include "kernel/sched/sched.h"
#include "kernel/segment.h"
#include "kernel/signal.h"
#include "kernel/uaccess.h"
#include "lib/string.h"

#define __NR_restart_syscall 0
#define __NR_sigreturn 119
#define __NR_rt_sigreturn 173

#define X86_EFLAGS_CF 0x00000001
#define X86_EFLAGS_PF 0x00000004
#define X86_EFLAGS_AF 0x00000010
#define X86_EFLAGS_ZF 0x00000040
#define X86_EFLAGS_SF 0x00000080
#define X86_EFLAGS_TF 0x00000100
#define X86_EFLAGS_DF 0x00000400
#define X86_EFLAGS_OF 0x00000800
#define X86_EFLAGS_RF 0x00010000
#define X86_EFLAGS_AC 0x00040000
/* The flags a handler's return may change (Linux: FIX_EFLAGS). */
#define FIX_EFLAGS                                                       \
	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | X86_EFLAGS_TF | \
	 X86_EFLAGS_SF | X86_EFLAGS_ZF | X86_EFLAGS_AF | X86_EFLAGS_PF | \
	 X86_EFLAGS_CF | X86_EFLAGS_RF)

#define SS_DISABLE 2

struct sigcontext_32 {
	uint16_t gs, __gsh, fs, __fsh, es, __esh, ds, __dsh;
	uint32_t di, si, bp, sp, bx, dx, cx, ax;
	uint32_t trapno, err, ip;
	uint16_t cs, __csh;
	uint32_t flags, sp_at_signal;
	uint16_t ss, __ssh;
	uint32_t fpstate; /* user address of the x87 state, or 0 */
	uint32_t oldmask;
	uint32_t cr2;
};

/* The x87 part of Linux's struct _fpstate_32: fnsave image, status, magic. */
struct fpstate_32 {
	uint8_t fnsave[FPU_STATE_SIZE];
	uint16_t status, magic; /* magic 0xffff: no FXSR data follows */
};

struct ucontext_ia32 {
	uint32_t uc_flags, uc_link;
	uint32_t ss_sp;
	int32_t ss_flags;
	uint32_t ss_size;
	struct sigcontext_32 uc_mcontext;
	sigset_t uc_sigmask;
};

struct rt_sigframe_ia32 {
	uint32_t pretcode;
	int32_t sig;
	uint32_t pinfo, puc;
	union {
		kernel_siginfo_t info;
		char pad[SI_MAX_SIZE];
	};
	struct ucontext_ia32 uc;
	uint8_t retcode[8];
	struct fpstate_32 fpstate;
};

struct sigframe_ia32 {
	uint32_t pretcode;
	int32_t sig;
	struct sigcontext_32 sc;
	uint8_t fpstate_unused[624]; /* keeps extramask at Linux's offset */
	uint32_t extramask[1];
	uint8_t retcode[8];
	struct fpstate_32 fpstate;
};

_Static_assert(sizeof(struct sigcontext_32) == 88, "sigcontext layout");
_Static_assert(offsetof(struct rt_sigframe_ia32, uc) == 144, "rt frame");

/* ---- building a frame ----------------------------------------------------- */

/* A user address as the 32-bit value the frame stores. */
#define uptr(p) ((uint32_t)(unsigned long)(p))

/* Room for frame_size bytes below the user sp; at handler entry (after the
 * call pushed pretcode) sp+4 is 16-byte aligned, as the i386 ABI wants. */
static unsigned long get_sigframe(struct pt_regs *regs, size_t frame_size)
{
	unsigned long sp = regs->sp - frame_size;

	return ((sp + 4) & -16UL) - 4;
}

static void setup_sigcontext(struct sigcontext_32 *sc, struct pt_regs *regs,
			     unsigned long mask, unsigned long fpstate)
{
	memset(sc, 0, sizeof(*sc));
	sc->gs = regs->gs;
	sc->fs = regs->fs;
	sc->es = regs->es;
	sc->ds = regs->ds;
	sc->di = regs->di;
	sc->si = regs->si;
	sc->bp = regs->bp;
	sc->sp = regs->sp;
	sc->bx = regs->bx;
	sc->dx = regs->dx;
	sc->cx = regs->cx;
	sc->ax = regs->ax;
	sc->trapno = current->thread.trap_nr;
	sc->err = current->thread.error_code;
	sc->ip = regs->ip;
	sc->cs = regs->cs;
	sc->flags = regs->flags;
	sc->sp_at_signal = regs->sp;
	sc->ss = regs->ss;
	sc->fpstate = fpstate;
	sc->oldmask = mask;
	sc->cr2 = current->thread.cr2;
}

/* The handler starts with a clean FPU and flat user segments. */
static void enter_handler(struct pt_regs *regs, unsigned long frame,
			  struct ksignal *ksig)
{
	regs->sp = frame;
	regs->ip = (unsigned long)ksig->ka.sa.sa_handler;
	regs->ax = ksig->sig;
	regs->ds = regs->es = regs->ss = __USER_DS;
	regs->cs = __USER_CS;
	regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
	fpu_reset();
}

static void fill_fpstate(struct fpstate_32 *fp)
{
	fpu_save_live(fp->fnsave);
	fp->status = 0;
	fp->magic = 0xffff;
}

static int setup_rt_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	static const uint8_t code[8] = { 0xb8, __NR_rt_sigreturn, 0, 0, 0,
					 0xcd, 0x80, 0 };
	unsigned long frame = get_sigframe(regs, sizeof(struct rt_sigframe_ia32));
	struct rt_sigframe_ia32 *f = (struct rt_sigframe_ia32 *)frame;
	struct rt_sigframe_ia32 k;

	memset(&k, 0, sizeof(k));
	k.pretcode = (ksig->ka.sa.sa_flags & SA_RESTORER) ?
			     uptr(ksig->ka.sa.sa_restorer) :
			     uptr(f->retcode);
	k.sig = ksig->sig;
	k.pinfo = uptr(&f->info);
	k.puc = uptr(&f->uc);
	k.info = ksig->info;
	k.uc.ss_flags = SS_DISABLE;
	setup_sigcontext(&k.uc.uc_mcontext, regs, sigmask_to_save()->sig[0],
			 uptr(&f->fpstate));
	k.uc.uc_sigmask = *sigmask_to_save();
	memcpy(k.retcode, code, sizeof(code));
	fill_fpstate(&k.fpstate);
	if (copy_to_user(f, &k, sizeof(k)))
		return -EFAULT;
	enter_handler(regs, frame, ksig);
	regs->dx = k.pinfo; /* also in registers, for regparm(3) handlers */
	regs->cx = k.puc;
	return 0;
}

static int setup_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	static const uint8_t code[8] = { 0x58, 0xb8, __NR_sigreturn, 0, 0, 0,
					 0xcd, 0x80 };
	unsigned long frame = get_sigframe(regs, sizeof(struct sigframe_ia32));
	struct sigframe_ia32 *f = (struct sigframe_ia32 *)frame;
	struct sigframe_ia32 k;

	memset(&k, 0, sizeof(k));
	k.pretcode = (ksig->ka.sa.sa_flags & SA_RESTORER) ?
			     uptr(ksig->ka.sa.sa_restorer) :
			     uptr(f->retcode);
	k.sig = ksig->sig;
	setup_sigcontext(&k.sc, regs, sigmask_to_save()->sig[0],
			 uptr(&f->fpstate));
	k.extramask[0] = sigmask_to_save()->sig[1];
	memcpy(k.retcode, code, sizeof(code));
	fill_fpstate(&k.fpstate);
	if (copy_to_user(f, &k, sizeof(k)))
		return -EFAULT;
	enter_handler(regs, frame, ksig);
	regs->dx = regs->cx = 0;
	return 0;
}

/*
 * A system call interrupted by this signal: return -EINTR, or (SA_RESTART)
 * re-execute it after the handler - back up over "int $0x80" (2 bytes)
 * with the number in eax again.
 */
static void handle_syscall_restart(struct pt_regs *regs, struct ksignal *ksig)
{
	switch ((long)regs->ax) {
	case -ERESTART_RESTARTBLOCK:
	case -ERESTARTNOHAND:
		regs->ax = -EINTR;
		break;
	case -ERESTARTSYS:
		if (!(ksig->ka.sa.sa_flags & SA_RESTART)) {
			regs->ax = -EINTR;
			break;
		}
		/* fallthrough */
	case -ERESTARTNOINTR:
		regs->ax = regs->orig_ax;
		regs->ip -= 2;
		break;
	}
}

static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	int failed;

	if ((long)regs->orig_ax >= 0)
		handle_syscall_restart(regs, ksig);
	if (ksig->ka.sa.sa_flags & SA_SIGINFO)
		failed = setup_rt_frame(ksig, regs);
	else
		failed = setup_frame(ksig, regs);
	signal_setup_done(failed, ksig);
}

/*
 * No handler ran: a system call that was interrupted only by an ignored
 * signal (or by rt_sigsuspend's wait ending) is restarted transparently.
 */
static void restart_without_handler(struct pt_regs *regs)
{
	switch ((long)regs->ax) {
	case -ERESTARTNOHAND:
	case -ERESTARTSYS:
	case -ERESTARTNOINTR:
		regs->ax = regs->orig_ax;
		regs->ip -= 2;
		break;
	case -ERESTART_RESTARTBLOCK:
		regs->ax = __NR_restart_syscall;
		regs->ip -= 2;
		break;
	}
}

/* orig_ax >= 0: we are leaving a system call (interrupts store ~irq,
 * handle_user_fault stores -1). */
void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct ksignal ksig;

	if (get_signal(&ksig)) {
		handle_signal(&ksig, regs);
		return;
	}
	if ((long)regs->orig_ax >= 0)
		restart_without_handler(regs);
	restore_saved_sigmask();
}

/* ---- coming back: sigreturn ------------------------------------------------ */

/* fs/gs may only hold the null or the user data selector: anything else
 * would fault on the iret path inside the kernel. */
static uint16_t sane_user_seg(uint16_t sel)
{
	return sel == __USER_DS ? __USER_DS : 0;
}

static int restore_sigcontext(struct pt_regs *regs,
			      const struct sigcontext_32 *sc)
{
	struct fpstate_32 fp;

	regs->gs = sane_user_seg(sc->gs);
	regs->fs = sane_user_seg(sc->fs);
	regs->es = regs->ds = regs->ss = __USER_DS;
	regs->cs = __USER_CS;
	regs->di = sc->di;
	regs->si = sc->si;
	regs->bp = sc->bp;
	regs->sp = sc->sp;
	regs->bx = sc->bx;
	regs->dx = sc->dx;
	regs->cx = sc->cx;
	regs->ax = sc->ax;
	regs->ip = sc->ip;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS);
	regs->orig_ax = -1; /* no syscall restart checks after this */
	if (!sc->fpstate) {
		fpu_reset();
		return 0;
	}
	if (copy_from_user(&fp, (void *)(unsigned long)sc->fpstate, sizeof(fp)))
		return -EFAULT;
	fpu_load_live(fp.fnsave);
	return 0;
}

/* A bad frame (the handler smashed its stack): kill the process. */
static long bad_frame(const char *which)
{
	struct pt_regs *regs = current_pt_regs();

	pr_info("%s[%d] bad frame in %s ip:%lx sp:%lx\n", current->comm,
		current->pid, which, regs->ip, regs->sp);
	force_sig(SIGSEGV);
	return 0;
}

long sys_rt_sigreturn(void)
{
	struct pt_regs *regs = current_pt_regs();
	struct ucontext_ia32 uc;
	unsigned long frame = regs->sp - 4; /* the handler's ret popped pretcode */

	if (copy_from_user(&uc, &((struct rt_sigframe_ia32 *)frame)->uc,
			   sizeof(uc)))
		return bad_frame("rt_sigreturn");
	set_current_blocked(&uc.uc_sigmask);
	if (restore_sigcontext(regs, &uc.uc_mcontext))
		return bad_frame("rt_sigreturn");
	return regs->ax;
}

long sys_sigreturn(void)
{
	struct pt_regs *regs = current_pt_regs();
	/* ret popped pretcode and the restorer popped sig */
	struct sigframe_ia32 *f = (struct sigframe_ia32 *)(regs->sp - 8);
	struct sigcontext_32 sc;
	sigset_t set;

	if (copy_from_user(&sc, &f->sc, sizeof(sc)) ||
	    get_user(set.sig[1], &f->extramask[0]))
		return bad_frame("sigreturn");
	set.sig[0] = sc.oldmask;
	set_current_blocked(&set);
	if (restore_sigcontext(regs, &sc))
		return bad_frame("sigreturn");
	return regs->ax;
}
