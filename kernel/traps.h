/*
 * traps.h - CPU exceptions and the hooks other layers fill in (Linux:
 * arch/x86/include/asm/trapnr.h, traps.h, extable.h).
 *
 * entry.asm calls do_exception(regs, trapnr) for vectors 0-31 with
 * interrupts off. A fault the kernel cannot explain is reported as an oops
 * (die(): registers, code bytes, call trace) and the machine panics:
 * rxos has no process to kill yet.
 *
 * Hooks, each with a weak default in traps.c that a later layer replaces by
 * defining a function with the same name and signature:
 *
 *   int handle_user_fault(struct pt_regs *regs, int trapnr, unsigned long address)
 *       An exception hit RING 3 code (user_mode(regs)). address: CR2 for a
 *       page fault, else regs->ip; the error code is in regs->orig_ax.
 *       Return 1 when handled (a signal was queued, the page was mapped...):
 *       the entry code returns to user space through regs, so the hook may
 *       change them. Return 0 to get the oops and panic. Called with
 *       interrupts off; it may turn them on. Default: 0.
 *
 *   int fixup_exception(struct pt_regs *regs, int trapnr, unsigned long address)
 *       An exception hit KERNEL code. Return 1 after pointing regs->ip at a
 *       recovery path (Linux: the __ex_table entry of copy_from_user()
 *       that makes it return -EFAULT); 0 for the oops. Default: 0.
 *
 *   void do_int80_syscall_32(struct pt_regs *regs)
 *       int $0x80. Number in regs->orig_ax (and ax), arguments in bx cx dx
 *       si di bp; store the result in regs->ax. Trap gate: interrupts are
 *       as the caller had them. Default: log and return -ENOSYS.
 *
 *   void prepare_exit_to_usermode(struct pt_regs *regs)
 *       Last C code before iret to ring 3 (signals, rescheduling). Called
 *       with interrupts off and must return with them off. Default: nothing.
 */
#ifndef RXOS_KERNEL_TRAPS_H
#define RXOS_KERNEL_TRAPS_H

#include "kernel/kernel.h"
#include "kernel/ptrace.h"

enum {
	X86_TRAP_DE = 0,   /* divide error */
	X86_TRAP_DB,	   /* debug */
	X86_TRAP_NMI,	   /* non-maskable interrupt */
	X86_TRAP_BP,	   /* int3 */
	X86_TRAP_OF,	   /* into */
	X86_TRAP_BR,	   /* bound range */
	X86_TRAP_UD,	   /* invalid opcode */
	X86_TRAP_NM,	   /* device (FPU) not available */
	X86_TRAP_DF,	   /* double fault */
	X86_TRAP_OLD_MF,   /* coprocessor segment overrun */
	X86_TRAP_TS,	   /* invalid TSS */
	X86_TRAP_NP,	   /* segment not present */
	X86_TRAP_SS,	   /* stack segment */
	X86_TRAP_GP,	   /* general protection */
	X86_TRAP_PF,	   /* page fault */
	X86_TRAP_SPURIOUS, /* reserved */
	X86_TRAP_MF,	   /* x87 floating point */
	X86_TRAP_AC,	   /* alignment check */
	X86_TRAP_MC,	   /* machine check */
	X86_TRAP_XF,	   /* SIMD floating point */
	X86_TRAP_VE,	   /* virtualization */
	X86_TRAP_CP,	   /* control protection */
};

/* Page fault error code bits (Intel SDM vol. 3, 4.7). */
#define X86_PF_PROT 0x01  /* 0: page not present; 1: protection violation */
#define X86_PF_WRITE 0x02 /* 0: read; 1: write */
#define X86_PF_USER 0x04  /* 0: supervisor (CPL 0-2); 1: user (CPL 3) */
#define X86_PF_RSVD 0x08  /* reserved bit set in a paging entry */
#define X86_PF_INSTR 0x10 /* instruction fetch (NX) */

/* Boot, once, interrupts off: install and load the IDT. */
void trap_init(void);

/* entry.asm, vectors 0-31, interrupts off. */
void do_exception(struct pt_regs *regs, int trapnr);
void exc_page_fault(struct pt_regs *regs, unsigned long error_code);

/* The register block of an oops ("EIP: ...", "EAX: ..."). Any context. */
void show_regs(struct pt_regs *regs);
/* Print an oops for regs and panic. str is the header ("divide error"). */
__noreturn void die(const char *str, struct pt_regs *regs, long err, int trapnr);
/* "process", "softirq" or "hardirq": the context the CPU is in now. */
const char *context_name(void);

int handle_user_fault(struct pt_regs *regs, int trapnr, unsigned long address);
int fixup_exception(struct pt_regs *regs, int trapnr, unsigned long address);
void do_int80_syscall_32(struct pt_regs *regs);
void prepare_exit_to_usermode(struct pt_regs *regs);

#endif
