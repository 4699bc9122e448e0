/*
 * uaccess.h - copying between the kernel and user memory
 * (Linux: include/linux/uaccess.h, arch/x86/lib/usercopy_32.c).
 *
 * A system call's pointer arguments come from the user and may point
 * anywhere: into the kernel, at nothing, at a read-only page. Every access
 * goes through these functions, which check each page on the way - below
 * TASK_SIZE, mapped in current's page tables, writable for writes - and
 * then copy through the kernel's direct map. So the kernel never touches a
 * user address itself and a bad pointer can only produce -EFAULT.
 * (Linux lets the CPU fault and fixes the fault up through an exception
 * table; the result for the caller is the same.)
 *
 * Process context, on behalf of current. `__user` marks pointers into user
 * space for the reader (sparse checks it on Linux).
 */
#ifndef RXOS_KERNEL_UACCESS_H
#define RXOS_KERNEL_UACCESS_H

#include "kernel/errno.h"
#include "kernel/kernel.h"

#define __user

struct mm_struct;
struct task_struct;

/* Both return the number of bytes NOT copied: 0 on success. */
unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
/*
 * Copy a NUL-terminated string of at most count bytes (NUL included if it
 * fits). Returns its length, count if no NUL came within count bytes, or
 * -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);
/* Length of a user string INCLUDING its NUL; 0 on a fault; > n if no NUL
 * within n bytes. */
long strnlen_user(const char __user *s, long n);
/* The range is below TASK_SIZE (mapping is checked later, per page). */
int access_ok(const void __user *addr, unsigned long size);

/* A user value of up to 4 bytes; 0 or -EFAULT. */
#define get_user(x, ptr)                                                  \
	({                                                                \
		unsigned long __gu_val = 0;                               \
		_Static_assert(sizeof(*(ptr)) <= sizeof(long), "get_user"); \
		int __gu_err = copy_from_user(&__gu_val, (ptr),           \
					      sizeof(*(ptr))) ? -EFAULT : 0; \
		(x) = (__typeof__(*(ptr)))__gu_val;                       \
		__gu_err;                                                 \
	})

#define put_user(x, ptr)                                             \
	({                                                           \
		__typeof__(*(ptr)) __pu_val = (x);                   \
		copy_to_user((ptr), &__pu_val, sizeof(__pu_val)) ? -EFAULT \
								 : 0; \
	})

/* Into an address space that is not (yet) current: execve's new stack. */
unsigned long copy_to_mm(struct mm_struct *mm, unsigned long uaddr,
			 const void *from, unsigned long n);
/* Read (write=0) or write another task's memory; bytes done. /proc uses it
 * for cmdline. Linux: access_process_vm(). */
int access_process_vm(struct task_struct *tsk, unsigned long addr, void *buf,
		      int len, int write);

#endif
