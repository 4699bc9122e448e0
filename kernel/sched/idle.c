/*
 * idle.c - what the CPU does when no task is runnable (Linux:
 * kernel/sched/idle.c, do_idle()).
 *
 * The boot context, pid 0 "swapper/0", ends start_kernel here. It is never
 * on the run queue: schedule() picks it only when the queue is empty. It
 * halts until an interrupt; if that interrupt woke a task, the wakeup set
 * TIF_NEED_RESCHED on us and we call schedule().
 *
 * The test and the hlt must not race with the interrupt: with interrupts
 * off we test need_resched(), then "sti; hlt" - sti takes effect only after
 * the next instruction, so an interrupt cannot slip in between and leave us
 * halted with work to do (Linux: native_safe_halt()).
 */
#include "kernel/sched/sched.h"
#include "kernel/irqflags.h"

static inline void safe_halt(void)
{
#ifndef RXOS_HOST_TEST
	asm volatile("sti; hlt" ::: "memory");
#endif
}

static void do_idle(void)
{
	while (!need_resched()) {
		local_irq_disable();
		if (need_resched()) {
			local_irq_enable();
			break;
		}
		safe_halt();
	}
	schedule();
}

__noreturn void cpu_startup_entry(void)
{
	for (;;)
		do_idle();
}
