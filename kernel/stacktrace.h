/*
 * stacktrace.h - printing where the CPU has been (Linux: dump_stack()).
 */
#ifndef RXOS_KERNEL_STACKTRACE_H
#define RXOS_KERNEL_STACKTRACE_H

/* Backtrace of the caller. */
void dump_stack(void);
/* Backtrace starting at a saved frame (from an exception's registers). */
void show_stack_from(unsigned long ebp, unsigned long eip);

#endif
