/*
 * kallsyms.h - address-to-symbol lookup for backtraces (Linux: kallsyms).
 *
 * The build links the kernel twice: the second link adds a table of every
 * function's address and name, made from `nm` of the first (tools/kallsyms.py).
 */
#ifndef RXOS_KERNEL_KALLSYMS_H
#define RXOS_KERNEL_KALLSYMS_H

#include <stddef.h>

/* Name of the function containing addr, and the offset into it; NULL if none. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *offset,
			    unsigned long *size);
/* Address of a symbol by name, or 0. */
unsigned long kallsyms_lookup_name(const char *name);
/* "%s+0x%lx/0x%lx" into buf, or the bare hex address. */
int sprint_symbol(char *buf, size_t len, unsigned long addr);

#endif
