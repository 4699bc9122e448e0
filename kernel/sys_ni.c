/*
 * sys_ni.c - weak stand-ins for system calls another subsystem provides
 * (Linux: kernel/sys_ni.c, COND_SYSCALL).
 *
 * The table in syscall_32.c names sys_socket, sys_epoll_wait, ... If the
 * networking or epoll code is not linked in, these weak aliases of
 * sys_ni_syscall answer -ENOSYS; when it is, its own strong definitions
 * win at link time. No #ifdef, no registration call.
 */
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/ptrace.h"
#include "kernel/sched/sched.h"
#include "kernel/unistd_32.h"

/* Not including syscalls.h: the aliases below are declared without their
 * real argument lists, which is fine for a function that ignores them. */

/* -ENOSYS, with one log line per unknown number (all numbers beyond the
 * table share one line). */
long ni_syscall(struct pt_regs *regs)
{
	static unsigned long warned[NR_syscalls / 32 + 1];
	unsigned long nr = regs->orig_ax;
	unsigned long slot = min(nr, (unsigned long)NR_syscalls);

	if (!(warned[slot / 32] & (1UL << (slot % 32)))) {
		warned[slot / 32] |= 1UL << (slot % 32);
		pr_notice("%s[%d]: int 0x80: system call %lu from %s mode: not implemented\n",
			  current->comm, current->pid, nr,
			  user_mode(regs) ? "user" : "kernel");
	}
	return -ENOSYS;
}

/* The table's entry for numbers nobody implements (from user mode). */
long sys_ni_syscall(void)
{
	return ni_syscall(current_pt_regs());
}


#define COND_SYSCALL(name) \
	long sys_##name(void) __attribute__((weak, alias("sys_ni_syscall")))

COND_SYSCALL(socketcall);
COND_SYSCALL(socket);
COND_SYSCALL(socketpair);
COND_SYSCALL(bind);
COND_SYSCALL(connect);
COND_SYSCALL(listen);
COND_SYSCALL(accept4);
COND_SYSCALL(getsockopt);
COND_SYSCALL(setsockopt);
COND_SYSCALL(getsockname);
COND_SYSCALL(getpeername);
COND_SYSCALL(sendto);
COND_SYSCALL(sendmsg);
COND_SYSCALL(recvfrom);
COND_SYSCALL(recvmsg);
COND_SYSCALL(shutdown);
COND_SYSCALL(epoll_create);
COND_SYSCALL(epoll_create1);
COND_SYSCALL(epoll_ctl);
COND_SYSCALL(epoll_wait);
COND_SYSCALL(epoll_pwait);
