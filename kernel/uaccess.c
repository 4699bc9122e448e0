/*
 * uaccess.c - checked copies to and from user memory (see uaccess.h).
 *
 * Each copy goes page by page: user_virt_to_kernel() walks the page tables
 * of the address space and returns the direct-map address of the byte, or 0
 * when the page is absent, not a user page, or read-only for a write. An
 * absent page just below the stack is first given to expand_stack(), as a
 * fault there would grow the stack on Linux.
 */
#include "kernel/uaccess.h"
#include "kernel/mm_types.h"
#include "kernel/sched/sched.h"
#include "lib/string.h"

int access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return a <= TASK_SIZE && size <= TASK_SIZE - a;
}

/* Kernel address of user byte uaddr in mm, growing the stack if needed. */
static void *user_ptr(struct mm_struct *mm, unsigned long uaddr, int write)
{
	unsigned long k;

	if (!mm || uaddr >= TASK_SIZE)
		return NULL;
	k = user_virt_to_kernel(mm->pgd, uaddr, write);
	if (!k && mm == current->mm && !expand_stack(mm, uaddr))
		k = user_virt_to_kernel(mm->pgd, uaddr, write);
	return (void *)k;
}

/* Bytes from uaddr to the end of its page, at most n. */
static unsigned long chunk_len(unsigned long uaddr, unsigned long n)
{
	return min(n, PAGE_SIZE - (uaddr & ~PAGE_MASK));
}

/*
 * The one loop under every copy: for each piece up to a page boundary,
 * resolve the user address and copy through the direct map. Returns the
 * bytes left (0: all copied).
 */
static unsigned long user_copy(struct mm_struct *mm, unsigned long uaddr,
			       char *kbuf, unsigned long n, int write)
{
	if (!access_ok((void *)uaddr, n))
		return n;
	while (n) {
		unsigned long len = chunk_len(uaddr, n);
		char *u = user_ptr(mm, uaddr, write);

		if (!u)
			break;
		if (write)
			memcpy(u, kbuf, len);
		else
			memcpy(kbuf, u, len);
		uaddr += len;
		kbuf += len;
		n -= len;
	}
	return n;
}

unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n)
{
	unsigned long left = user_copy(current->mm, (unsigned long)from, to,
				       n, 0);

	if (left) /* as Linux: the uncopied tail is zeroed */
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	return user_copy(current->mm, (unsigned long)to, (char *)from, n, 1);
}

unsigned long copy_to_mm(struct mm_struct *mm, unsigned long uaddr,
			 const void *from, unsigned long n)
{
	return user_copy(mm, uaddr, (char *)from, n, 1);
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	static const char zeros[256];
	unsigned long uaddr = (unsigned long)to;

	while (n) {
		unsigned long len = min(n, sizeof(zeros));

		if (copy_to_user((void *)uaddr, zeros, len))
			return n;
		uaddr += len;
		n -= len;
	}
	return 0;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long uaddr = (unsigned long)src;
	long done = 0;

	while (done < count) {
		unsigned long len = chunk_len(uaddr, count - done);
		const char *u = user_ptr(current->mm, uaddr, 0);
		size_t n;

		if (!u)
			return -EFAULT;
		n = strnlen(u, len);
		memcpy(dst + done, u, n);
		done += n;
		if (n < len) {
			dst[done] = '\0';
			return done;
		}
		uaddr += len;
	}
	return count;
}

long strnlen_user(const char __user *s, long n)
{
	unsigned long uaddr = (unsigned long)s;
	long done = 0;

	while (done < n) {
		unsigned long len = chunk_len(uaddr, n - done);
		const char *u = user_ptr(current->mm, uaddr, 0);
		size_t k;

		if (!u)
			return 0;
		k = strnlen(u, len);
		if (k < len)
			return done + k + 1;
		done += len;
		uaddr += len;
	}
	return n + 1;
}

int access_process_vm(struct task_struct *tsk, unsigned long addr, void *buf,
		      int len, int write)
{
	if (!tsk->mm || len <= 0)
		return 0;
	return len - (int)user_copy(tsk->mm, addr, buf, len, write);
}
