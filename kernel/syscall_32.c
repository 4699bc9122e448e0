/*
 * syscall_32.c - the i386 system call table and its dispatcher (Linux:
 * arch/x86/entry/syscall_32.c, arch/x86/entry/common.c do_int80_syscall_32).
 *
 * User code:   mov $4, %eax          ; __NR_write
 *              mov $1, %ebx          ; fd      \
 *              mov $buf, %ecx        ; buf      > arguments in ebx, ecx,
 *              mov $len, %edx        ; count   /  edx, esi, edi, ebp
 *              int $0x80             ; -> entry_INT80_32 (entry.asm)
 *
 * entry.asm saves the registers as a struct pt_regs (orig_ax = the number)
 * and calls do_int80_syscall_32(regs) in process context; we look the
 * number up, call the function with the six argument registers, and put
 * its result in regs->ax, which becomes the user's eax (-4095..-1: -errno).
 * On the way out prepare_exit_to_usermode() runs pending signals.
 *
 * The numbers are Linux's (unistd_32.h), so Linux i386 binaries and C
 * libraries work. Every function is called with six arguments; on i386
 * cdecl the caller pops them, so a function declared with fewer simply
 * ignores the rest - as Linux i386 did for twenty years (asmlinkage).
 * An unknown number returns -ENOSYS and is logged once.
 */
#include "kernel/syscalls.h"
#include "kernel/errno.h"
#include "kernel/irqflags.h"
#include "kernel/printk.h"
#include "kernel/ptrace.h"
#include "kernel/traps.h"
#include "kernel/unistd_32.h"

typedef long (*sys_call_ptr_t)(unsigned long, unsigned long, unsigned long,
			       unsigned long, unsigned long, unsigned long);

#define __SYSCALL(nr, sym) [nr] = (sys_call_ptr_t)(void *)sym,

static const sys_call_ptr_t ia32_sys_call_table[NR_syscalls] = {
	__SYSCALL(__NR_restart_syscall, sys_restart_syscall)
	__SYSCALL(__NR_exit, sys_exit)
	__SYSCALL(__NR_fork, sys_fork)
	__SYSCALL(__NR_read, sys_read)
	__SYSCALL(__NR_write, sys_write)
	__SYSCALL(__NR_open, sys_open)
	__SYSCALL(__NR_close, sys_close)
	__SYSCALL(__NR_waitpid, sys_waitpid)
	__SYSCALL(__NR_creat, sys_creat)
	__SYSCALL(__NR_unlink, sys_unlink)
	__SYSCALL(__NR_execve, sys_execve)
	__SYSCALL(__NR_chdir, sys_chdir)
	__SYSCALL(__NR_time, sys_time)
	__SYSCALL(__NR_lseek, sys_lseek)
	__SYSCALL(__NR_getpid, sys_getpid)
	__SYSCALL(__NR_mount, sys_mount)
	__SYSCALL(__NR_setuid, sys_setuid)
	__SYSCALL(__NR_getuid, sys_getuid)
	__SYSCALL(__NR_alarm, sys_alarm)
	__SYSCALL(__NR_pause, sys_pause)
	__SYSCALL(__NR_access, sys_access)
	__SYSCALL(__NR_sync, sys_sync)
	__SYSCALL(__NR_kill, sys_kill)
	__SYSCALL(__NR_mkdir, sys_mkdir)
	__SYSCALL(__NR_rmdir, sys_rmdir)
	__SYSCALL(__NR_dup, sys_dup)
	__SYSCALL(__NR_pipe, sys_pipe)
	__SYSCALL(__NR_times, sys_times)
	__SYSCALL(__NR_brk, sys_brk)
	__SYSCALL(__NR_setgid, sys_setuid)
	__SYSCALL(__NR_getgid, sys_getuid)
	__SYSCALL(__NR_signal, sys_signal)
	__SYSCALL(__NR_geteuid, sys_getuid)
	__SYSCALL(__NR_getegid, sys_getuid)
	__SYSCALL(__NR_umount2, sys_umount)
	__SYSCALL(__NR_ioctl, sys_ioctl)
	__SYSCALL(__NR_fcntl, sys_fcntl)
	__SYSCALL(__NR_setpgid, sys_setpgid)
	__SYSCALL(__NR_umask, sys_umask)
	__SYSCALL(__NR_dup2, sys_dup2)
	__SYSCALL(__NR_getppid, sys_getppid)
	__SYSCALL(__NR_getpgrp, sys_getpgrp)
	__SYSCALL(__NR_setsid, sys_setsid)
	__SYSCALL(__NR_sigaction, sys_sigaction)
	__SYSCALL(__NR_sgetmask, sys_sgetmask)
	__SYSCALL(__NR_ssetmask, sys_ssetmask)
	__SYSCALL(__NR_sigsuspend, sys_sigsuspend)
	__SYSCALL(__NR_sigpending, sys_sigpending)
	__SYSCALL(__NR_sethostname, sys_sethostname)
	__SYSCALL(__NR_setrlimit, sys_setrlimit)
	__SYSCALL(__NR_getrlimit, sys_getrlimit)
	__SYSCALL(__NR_getrusage, sys_getrusage)
	__SYSCALL(__NR_gettimeofday, sys_gettimeofday)
	__SYSCALL(__NR_select, sys_old_select)
	__SYSCALL(__NR_symlink, sys_symlink)
	__SYSCALL(__NR_readlink, sys_readlink)
	__SYSCALL(__NR_reboot, sys_reboot)
	__SYSCALL(__NR_mmap, sys_old_mmap)
	__SYSCALL(__NR_munmap, sys_munmap)
	__SYSCALL(__NR_truncate, sys_truncate)
	__SYSCALL(__NR_ftruncate, sys_ftruncate)
	__SYSCALL(__NR_socketcall, sys_socketcall)
	__SYSCALL(__NR_syslog, sys_syslog)
	__SYSCALL(__NR_wait4, sys_wait4)
	__SYSCALL(__NR_sysinfo, sys_sysinfo)
	__SYSCALL(__NR_fsync, sys_fsync)
	__SYSCALL(__NR_sigreturn, sys_sigreturn)
	__SYSCALL(__NR_clone, sys_clone)
	__SYSCALL(__NR_uname, sys_newuname)
	__SYSCALL(__NR_mprotect, sys_mprotect)
	__SYSCALL(__NR_sigprocmask, sys_sigprocmask)
	__SYSCALL(__NR_getpgid, sys_getpgid)
	__SYSCALL(__NR_fchdir, sys_fchdir)
	__SYSCALL(__NR_personality, sys_personality)
	__SYSCALL(__NR__llseek, sys_llseek)
	__SYSCALL(__NR__newselect, sys_select)
	__SYSCALL(__NR_readv, sys_readv)
	__SYSCALL(__NR_writev, sys_writev)
	__SYSCALL(__NR_getsid, sys_getsid)
	__SYSCALL(__NR_sched_yield, sys_sched_yield)
	__SYSCALL(__NR_nanosleep, sys_nanosleep)
	__SYSCALL(__NR_poll, sys_poll)
	__SYSCALL(__NR_rt_sigreturn, sys_rt_sigreturn)
	__SYSCALL(__NR_rt_sigaction, sys_rt_sigaction)
	__SYSCALL(__NR_rt_sigprocmask, sys_rt_sigprocmask)
	__SYSCALL(__NR_rt_sigpending, sys_rt_sigpending)
	__SYSCALL(__NR_rt_sigsuspend, sys_rt_sigsuspend)
	__SYSCALL(__NR_getcwd, sys_getcwd)
	__SYSCALL(__NR_vfork, sys_vfork)
	__SYSCALL(__NR_ugetrlimit, sys_getrlimit)
	__SYSCALL(__NR_mmap2, sys_mmap_pgoff)
	__SYSCALL(__NR_stat64, sys_stat64)
	__SYSCALL(__NR_lstat64, sys_lstat64)
	__SYSCALL(__NR_fstat64, sys_fstat64)
	__SYSCALL(__NR_getuid32, sys_getuid)
	__SYSCALL(__NR_getgid32, sys_getuid)
	__SYSCALL(__NR_geteuid32, sys_getuid)
	__SYSCALL(__NR_getegid32, sys_getuid)
	__SYSCALL(__NR_setuid32, sys_setuid)
	__SYSCALL(__NR_setgid32, sys_setuid)
	__SYSCALL(__NR_madvise, sys_madvise)
	__SYSCALL(__NR_getdents64, sys_getdents64)
	__SYSCALL(__NR_fcntl64, sys_fcntl)
	__SYSCALL(__NR_gettid, sys_gettid)
	__SYSCALL(__NR_tkill, sys_tkill)
	__SYSCALL(__NR_exit_group, sys_exit_group)
	__SYSCALL(__NR_epoll_create, sys_epoll_create)
	__SYSCALL(__NR_epoll_ctl, sys_epoll_ctl)
	__SYSCALL(__NR_epoll_wait, sys_epoll_wait)
	__SYSCALL(__NR_set_tid_address, sys_set_tid_address)
	__SYSCALL(__NR_clock_gettime, sys_clock_gettime)
	__SYSCALL(__NR_clock_getres, sys_clock_getres)
	__SYSCALL(__NR_clock_nanosleep, sys_clock_nanosleep)
	__SYSCALL(__NR_tgkill, sys_tgkill)
	__SYSCALL(__NR_openat, sys_openat)
	__SYSCALL(__NR_mkdirat, sys_mkdirat)
	__SYSCALL(__NR_fstatat64, sys_fstatat64)
	__SYSCALL(__NR_unlinkat, sys_unlinkat)
	__SYSCALL(__NR_readlinkat, sys_readlinkat)
	__SYSCALL(__NR_faccessat, sys_faccessat)
	__SYSCALL(__NR_epoll_pwait, sys_epoll_pwait)
	__SYSCALL(__NR_epoll_create1, sys_epoll_create1)
	__SYSCALL(__NR_dup3, sys_dup3)
	__SYSCALL(__NR_pipe2, sys_pipe2)
	__SYSCALL(__NR_prlimit64, sys_prlimit64)
	__SYSCALL(__NR_getrandom, sys_getrandom)
	__SYSCALL(__NR_socket, sys_socket)
	__SYSCALL(__NR_socketpair, sys_socketpair)
	__SYSCALL(__NR_bind, sys_bind)
	__SYSCALL(__NR_connect, sys_connect)
	__SYSCALL(__NR_listen, sys_listen)
	__SYSCALL(__NR_accept4, sys_accept4)
	__SYSCALL(__NR_getsockopt, sys_getsockopt)
	__SYSCALL(__NR_setsockopt, sys_setsockopt)
	__SYSCALL(__NR_getsockname, sys_getsockname)
	__SYSCALL(__NR_getpeername, sys_getpeername)
	__SYSCALL(__NR_sendto, sys_sendto)
	__SYSCALL(__NR_sendmsg, sys_sendmsg)
	__SYSCALL(__NR_recvfrom, sys_recvfrom)
	__SYSCALL(__NR_recvmsg, sys_recvmsg)
	__SYSCALL(__NR_shutdown, sys_shutdown)
	__SYSCALL(__NR_clock_gettime64, sys_clock_gettime64)
};

/* rxos never asks for a restart block (ERESTART_RESTARTBLOCK). */
long sys_restart_syscall(void)
{
	return -EINTR;
}

void do_int80_syscall_32(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_ax;
	sys_call_ptr_t fn = NULL;

	local_irq_enable();
	if (nr < NR_syscalls)
		fn = ia32_sys_call_table[nr];
	if (!fn) {
		regs->ax = ni_syscall(regs);
		return;
	}
	regs->ax = fn(regs->bx, regs->cx, regs->dx, regs->si, regs->di,
		      regs->bp);
}
