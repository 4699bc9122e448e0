/*
 * ptrace.h - the registers saved on kernel entry (Linux:
 * arch/x86/include/asm/ptrace.h, 32-bit struct pt_regs).
 *
 * entry.asm builds a struct pt_regs on the kernel stack for every exception,
 * hardware interrupt and int 0x80, and hands a pointer to the C handler.
 * The layout is Linux i386's, lowest address first:
 *
 *   bx cx dx si di bp ax     pushed by entry.asm (general registers)
 *   ds es fs gs              pushed by entry.asm (16-bit values in 32-bit slots)
 *   orig_ax                  pushed by the stub: error code (exceptions),
 *                            ~irq (interrupts) or the syscall number (int 0x80)
 *   ip cs flags              pushed by the CPU
 *   sp ss                    pushed by the CPU ONLY when it came from ring 3
 *
 * So sp/ss are valid only if user_mode(regs); for a trap taken in the kernel
 * the interrupted stack pointer is kernel_stack_pointer(regs) and ss is
 * __KERNEL_DS. A syscall reads its arguments from bx, cx, dx, si, di, bp and
 * returns its result in ax, as on Linux. Segment slots are unsigned short
 * plus padding because the CPU may leave the upper half of a pushed segment
 * register unwritten.
 */
#ifndef RXOS_KERNEL_PTRACE_H
#define RXOS_KERNEL_PTRACE_H

#include "kernel/segment.h"

struct pt_regs {
	unsigned long bx;
	unsigned long cx;
	unsigned long dx;
	unsigned long si;
	unsigned long di;
	unsigned long bp;
	unsigned long ax;
	unsigned short ds, __dsh;
	unsigned short es, __esh;
	unsigned short fs, __fsh;
	unsigned short gs, __gsh;
	unsigned long orig_ax;
	unsigned long ip;
	unsigned short cs, __csh;
	unsigned long flags;
	/* only when entered from ring 3: */
	unsigned long sp;
	unsigned short ss, __ssh;
};

/* Did this trap interrupt user space (ring 3)? */
static inline int user_mode(const struct pt_regs *regs)
{
	return (regs->cs & SEGMENT_RPL_MASK) == USER_RPL;
}

/*
 * The stack pointer at the moment of the trap. From ring 3 the CPU saved
 * it; from ring 0 nothing was pushed past flags, so it is where sp would be.
 */
static inline unsigned long kernel_stack_pointer(struct pt_regs *regs)
{
	return user_mode(regs) ? regs->sp : (unsigned long)&regs->sp;
}

static inline unsigned long instruction_pointer(const struct pt_regs *regs)
{
	return regs->ip;
}

#endif
