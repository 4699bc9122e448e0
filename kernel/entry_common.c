/*
 * entry_common.c - the last C code before every return to user mode
 * (Linux: kernel/entry/common.c, exit_to_user_mode_prepare()).
 *
 * entry.asm calls prepare_exit_to_usermode(regs) after each system call,
 * exception and interrupt that came from ring 3, with interrupts off. This
 * is where the two pieces of "work" set asynchronously get done:
 *
 *   TIF_NEED_RESCHED  the tick ended the timeslice, or a wakeup asked for
 *                     a switch: schedule() - the one place user code is
 *                     preempted (kernel code never is);
 *   TIF_SIGPENDING    a signal arrived: run its default action or push a
 *                     handler frame (arch_do_signal_or_restart).
 *
 * Both can set the other (a handler frame fault sends SIGSEGV; schedule
 * lets a signal arrive), so we loop until neither is set, and return with
 * interrupts off as entry.asm requires.
 */
#include "kernel/irqflags.h"
#include "kernel/ptrace.h"
#include "kernel/sched/sched.h"
#include "kernel/signal.h"
#include "kernel/traps.h"

#define EXIT_TO_USER_MODE_WORK \
	((1UL << TIF_SIGPENDING) | (1UL << TIF_NEED_RESCHED))

void prepare_exit_to_usermode(struct pt_regs *regs)
{
	unsigned long work = current->thread_flags;

	while (work & EXIT_TO_USER_MODE_WORK) {
		local_irq_enable();
		if (work & (1UL << TIF_NEED_RESCHED))
			schedule();
		if (work & (1UL << TIF_SIGPENDING))
			arch_do_signal_or_restart(regs);
		local_irq_disable();
		work = current->thread_flags;
	}
}
