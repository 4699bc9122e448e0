/*
 * sys/syscall.h - Linux i386 system call numbers
 * (arch/x86/entry/syscalls/syscall_32.tbl) and the raw entry points.
 *
 * Convention (int 0x80): eax = number, arguments in ebx ecx edx esi edi ebp,
 * result in eax; -4095..-1 is -errno. __syscall*() return that raw value;
 * syscall() sets errno and returns -1 on error like glibc's.
 */
#ifndef _RXOS_SYS_SYSCALL_H
#define _RXOS_SYS_SYSCALL_H

#define SYS_exit 1
#define SYS_fork 2
#define SYS_read 3
#define SYS_write 4
#define SYS_open 5
#define SYS_close 6
#define SYS_waitpid 7
#define SYS_unlink 10
#define SYS_execve 11
#define SYS_chdir 12
#define SYS_time 13
#define SYS_lseek 19
#define SYS_getpid 20
#define SYS_access 33
#define SYS_sync 36
#define SYS_kill 37
#define SYS_rename 38
#define SYS_mkdir 39
#define SYS_rmdir 40
#define SYS_dup 41
#define SYS_pipe 42
#define SYS_brk 45
#define SYS_ioctl 54
#define SYS_setpgid 57
#define SYS_umask 60
#define SYS_dup2 63
#define SYS_getppid 64
#define SYS_getpgrp 65
#define SYS_setsid 66
#define SYS_sigaction 67
#define SYS_gettimeofday 78
#define SYS_readlink 85
#define SYS_reboot 88
#define SYS_mmap 90
#define SYS_munmap 91
#define SYS_socketcall 102
#define SYS_syslog 103
#define SYS_wait4 114
#define SYS_uname 122
#define SYS_sigprocmask 126
#define SYS_getpgid 132
#define SYS_fchdir 133
#define SYS__llseek 140
#define SYS__newselect 142
#define SYS_writev 146
#define SYS_getsid 147
#define SYS_nanosleep 162
#define SYS_poll 168
#define SYS_rt_sigreturn 173
#define SYS_rt_sigaction 174
#define SYS_rt_sigprocmask 175
#define SYS_getcwd 183
#define SYS_vfork 190
#define SYS_mmap2 192
#define SYS_stat64 195
#define SYS_lstat64 196
#define SYS_fstat64 197
#define SYS_getuid32 199
#define SYS_getgid32 200
#define SYS_geteuid32 201
#define SYS_getegid32 202
#define SYS_getdents64 220
#define SYS_fcntl64 221
#define SYS_gettid 224
#define SYS_exit_group 252
#define SYS_epoll_create 254
#define SYS_epoll_ctl 255
#define SYS_epoll_wait 256
#define SYS_clock_gettime 265
#define SYS_epoll_pwait 319
#define SYS_epoll_create1 329
#define SYS_dup3 330
#define SYS_pipe2 331
#define SYS_socket 359
#define SYS_socketpair 360
#define SYS_bind 361
#define SYS_connect 362
#define SYS_listen 363
#define SYS_accept4 364
#define SYS_getsockopt 365
#define SYS_setsockopt 366
#define SYS_getsockname 367
#define SYS_getpeername 368
#define SYS_sendto 369
#define SYS_sendmsg 370
#define SYS_recvfrom 371
#define SYS_recvmsg 372
#define SYS_shutdown 373

#ifndef __ASSEMBLER__
long __syscall0(long nr);
long __syscall1(long nr, long a);
long __syscall2(long nr, long a, long b);
long __syscall3(long nr, long a, long b, long c);
long __syscall4(long nr, long a, long b, long c, long d);
long __syscall5(long nr, long a, long b, long c, long d, long e);
long __syscall6(long nr, long a, long b, long c, long d, long e, long f);
/* Turn a raw result into the C convention: -1 with errno set. */
long __syscall_ret(long r);
long syscall(long nr, ...);
#endif

#endif
