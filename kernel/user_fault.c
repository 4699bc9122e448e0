/*
 * user_fault.c - an exception in user code becomes a signal
 * (Linux: arch/x86/mm/fault.c do_user_addr_fault, arch/x86/kernel/traps.c
 * do_trap / do_error_trap, show_signal_msg).
 *
 * entry.asm -> do_exception -> handle_user_fault(regs, trapnr, address)
 * for every exception taken in ring 3, interrupts off. A page fault just
 * below the stack grows the stack and the instruction is retried; every
 * other fault queues a signal for the process (SIGSEGV, SIGFPE, SIGILL...)
 * and logs one line, as Linux's show_unhandled_signals does:
 *
 *   crash[42]: segfault at 0 ip 08048123 sp bffffe40 error 6 in crash[8048000+2000]
 *
 * The signal is delivered on the way out (prepare_exit_to_usermode): a
 * handler runs, or the default action kills only this process. The kernel
 * itself never faults on user memory (uaccess.c checks pointers), so a
 * fault in ring 0 is still an oops.
 */
#include "kernel/irqflags.h"
#include "kernel/mm_types.h"
#include "kernel/printk.h"
#include "kernel/ptrace.h"
#include "kernel/sched/sched.h"
#include "kernel/signal.h"
#include "kernel/traps.h"

#define FPE_FLTINV 7
#define BUS_ADRALN 1
#define TRAP_TRACE 2

struct trap_signal {
	int sig, code;
	const char *str;
};

/* What each exception means for the process (Linux: the DO_ERROR table). */
static const struct trap_signal trap_signals[] = {
	[X86_TRAP_DE] = { SIGFPE, FPE_INTDIV, "divide error" },
	[X86_TRAP_DB] = { SIGTRAP, TRAP_TRACE, "debug" },
	[X86_TRAP_BP] = { SIGTRAP, SI_KERNEL, "int3" },
	[X86_TRAP_OF] = { SIGSEGV, SI_KERNEL, "overflow" },
	[X86_TRAP_BR] = { SIGSEGV, SI_KERNEL, "bounds" },
	[X86_TRAP_UD] = { SIGILL, ILL_ILLOPN, "invalid opcode" },
	[X86_TRAP_NM] = { SIGSEGV, SI_KERNEL, "device not available" },
	[X86_TRAP_OLD_MF] = { SIGFPE, SI_KERNEL, "coprocessor segment overrun" },
	[X86_TRAP_TS] = { SIGSEGV, SI_KERNEL, "invalid TSS" },
	[X86_TRAP_NP] = { SIGBUS, SI_KERNEL, "segment not present" },
	[X86_TRAP_SS] = { SIGBUS, SI_KERNEL, "stack segment" },
	[X86_TRAP_GP] = { SIGSEGV, SI_KERNEL, "general protection fault" },
	[X86_TRAP_MF] = { SIGFPE, FPE_FLTINV, "coprocessor error" },
	[X86_TRAP_AC] = { SIGBUS, BUS_ADRALN, "alignment check" },
	[X86_TRAP_XF] = { SIGFPE, FPE_FLTINV, "simd exception" },
};

/* " in prog[start+size]": the area holding the faulting instruction. */
static void print_vma_addr(unsigned long ip)
{
	struct vm_area_struct *vma = current->mm ? find_vma(current->mm, ip) : NULL;

	if (vma && vma->vm_start <= ip)
		pr_cont(" in %s[%lx+%lx]", current->comm, vma->vm_start,
			vma->vm_end - vma->vm_start);
	pr_cont("\n");
}

static void show_signal_msg(struct pt_regs *regs, unsigned long error_code,
			    unsigned long address)
{
	printk(KERN_INFO "%s[%d]: segfault at %lx ip %08lx sp %08lx error %lx",
	       current->comm, current->pid, address, regs->ip, regs->sp,
	       error_code);
	print_vma_addr(regs->ip);
}

static int do_user_addr_fault(struct pt_regs *regs, unsigned long error_code,
			      unsigned long address)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	/* not present, just below the stack: grow it and retry */
	if (!(error_code & X86_PF_PROT) && mm && !expand_stack(mm, address))
		return 1;
	current->min_flt++;
	vma = mm ? find_vma(mm, address) : NULL;
	show_signal_msg(regs, error_code, address);
	force_sig_fault(SIGSEGV,
			vma && vma->vm_start <= address ? SEGV_ACCERR : SEGV_MAPERR,
			address);
	return 1;
}

static int do_user_trap(struct pt_regs *regs, int trapnr,
			unsigned long error_code)
{
	static const struct trap_signal unknown = { SIGSEGV, SI_KERNEL, "trap" };
	const struct trap_signal *t = &unknown;

	if (trapnr < (int)ARRAY_SIZE(trap_signals) && trap_signals[trapnr].sig)
		t = &trap_signals[trapnr];
	printk(KERN_INFO "traps: %s[%d] %s ip:%lx sp:%lx error:%lx",
	       current->comm, current->pid, t->str, regs->ip, regs->sp,
	       error_code);
	print_vma_addr(regs->ip);
	force_sig_fault(t->sig, t->code, regs->ip);
	return 1;
}

int handle_user_fault(struct pt_regs *regs, int trapnr, unsigned long address)
{
	unsigned long error_code = regs->orig_ax;

	if (!current->mm) /* ring 3 without a user address space: a kernel bug */
		return 0;
	/* orig_ax held the error code: make sure no signal code takes this
	 * return for the end of a system call */
	regs->orig_ax = -1;
	current->thread.trap_nr = trapnr;
	current->thread.error_code = error_code;
	local_irq_enable(); /* we came from user mode: nothing is held */
	if (trapnr == X86_TRAP_PF) {
		current->thread.cr2 = address;
		return do_user_addr_fault(regs, error_code, address);
	}
	return do_user_trap(regs, trapnr, error_code);
}
