/*
 * syscalls.h - every system call's kernel entry point, by the name the
 * i386 table (syscall_32.c) uses (Linux: include/linux/syscalls.h).
 *
 * A system call is a plain C function that takes up to six arguments of at
 * most 32 bits - the user's ebx, ecx, edx, esi, edi, ebp - and returns a
 * value or -errno. Pointer arguments are user addresses (__user): touch
 * them only through uaccess.h. Process context, interrupts on, may sleep.
 *
 * Calls provided by other subsystems (sockets, epoll) are declared here
 * too; sys_ni.c gives each a weak -ENOSYS stand-in, as Linux's
 * COND_SYSCALL does, so the subsystem just defines the real function.
 */
#ifndef RXOS_KERNEL_SYSCALLS_H
#define RXOS_KERNEL_SYSCALLS_H

#include "kernel/mm_types.h"
#include "kernel/sched/task.h"
#include "kernel/signal.h"
#include "kernel/uaccess.h"

struct iovec;
struct stat64;
struct pollfd;
struct timespec32;
struct timeval32;
struct sockaddr;
struct user_msghdr;
struct epoll_event;

long sys_ni_syscall(void);
/* -ENOSYS for the number in regs->orig_ax, logged once per number. */
long ni_syscall(struct pt_regs *regs);
long sys_restart_syscall(void);

/* ---- files: fs_syscalls.c, read_write.c, stat.c, fcntl.c, select.c, pipe.c */
long sys_read(unsigned int fd, char __user *buf, size_t count);
long sys_write(unsigned int fd, const char __user *buf, size_t count);
long sys_readv(unsigned long fd, const struct iovec __user *vec,
	       unsigned long vlen);
long sys_writev(unsigned long fd, const struct iovec __user *vec,
		unsigned long vlen);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);
long sys_llseek(unsigned int fd, unsigned long offset_high,
		unsigned long offset_low, long long __user *result,
		unsigned int whence);
long sys_open(const char __user *filename, int flags, int mode);
long sys_openat(int dfd, const char __user *filename, int flags, int mode);
long sys_creat(const char __user *pathname, int mode);
long sys_close(unsigned int fd);
long sys_dup(unsigned int fildes);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_pipe(int __user *fildes);
long sys_pipe2(int __user *fildes, int flags);
long sys_stat64(const char __user *filename, struct stat64 __user *statbuf);
long sys_lstat64(const char __user *filename, struct stat64 __user *statbuf);
long sys_fstat64(unsigned long fd, struct stat64 __user *statbuf);
long sys_fstatat64(int dfd, const char __user *filename,
		   struct stat64 __user *statbuf, int flag);
long sys_getdents64(unsigned int fd, void __user *dirent, unsigned int count);
long sys_chdir(const char __user *filename);
long sys_fchdir(unsigned int fd);
long sys_getcwd(char __user *buf, unsigned long size);
long sys_mkdir(const char __user *pathname, int mode);
long sys_mkdirat(int dfd, const char __user *pathname, int mode);
long sys_rmdir(const char __user *pathname);
long sys_unlink(const char __user *pathname);
long sys_unlinkat(int dfd, const char __user *pathname, int flag);
long sys_symlink(const char __user *oldname, const char __user *newname);
long sys_readlink(const char __user *path, char __user *buf, int bufsiz);
long sys_readlinkat(int dfd, const char __user *path, char __user *buf,
		    int bufsiz);
long sys_access(const char __user *filename, int mode);
long sys_faccessat(int dfd, const char __user *filename, int mode);
long sys_truncate(const char __user *path, long length);
long sys_ftruncate(unsigned int fd, long length);
long sys_umask(int mask);
long sys_sync(void);
long sys_fsync(unsigned int fd);
long sys_mount(const char __user *dev_name, const char __user *dir_name,
	       const char __user *type, unsigned long flags, void __user *data);
long sys_umount(const char __user *name, int flags);
long sys_poll(struct pollfd __user *ufds, unsigned int nfds, int timeout);
long sys_select(int n, void __user *inp, void __user *outp, void __user *exp,
		struct timeval32 __user *tvp);
long sys_old_select(void __user *arg);

/* ---- processes: fork.c, exit.c, exec.c, sys.c ------------------------------ */
long sys_execve(const char __user *filename, const char __user *const __user *argv,
		const char __user *const __user *envp);
long sys_getpid(void);
long sys_getppid(void);
long sys_gettid(void);
long sys_getuid(void);
long sys_setuid(unsigned int uid);
long sys_setpgid(pid_t pid, pid_t pgid);
long sys_getpgid(pid_t pid);
long sys_getpgrp(void);
long sys_setsid(void);
long sys_getsid(pid_t pid);
long sys_newuname(void __user *name);
long sys_sethostname(char __user *name, int len);
long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg);
long sys_syslog(int type, char __user *buf, int len);
long sys_sysinfo(void __user *info);
long sys_times(void __user *tbuf);
long sys_getrusage(int who, void __user *ru);
long sys_getrlimit(unsigned int resource, void __user *rlim);
long sys_setrlimit(unsigned int resource, void __user *rlim);
long sys_prlimit64(pid_t pid, unsigned int resource, const void __user *new_rlim,
		   void __user *old_rlim);
long sys_personality(unsigned int personality);
long sys_getrandom(char __user *buf, size_t count, unsigned int flags);
long sys_madvise(unsigned long start, size_t len, int behavior);

/* ---- time: sys_time.c ---------------------------------------------------------- */
long sys_time(long __user *tloc);
long sys_gettimeofday(struct timeval32 __user *tv, void __user *tz);
long sys_clock_gettime(int which_clock, struct timespec32 __user *tp);
long sys_clock_gettime64(int which_clock, void __user *tp);
long sys_clock_getres(int which_clock, struct timespec32 __user *tp);
long sys_nanosleep(struct timespec32 __user *rqtp, struct timespec32 __user *rmtp);
long sys_clock_nanosleep(int which_clock, int flags,
			 struct timespec32 __user *rqtp,
			 struct timespec32 __user *rmtp);

/* ---- provided elsewhere (weak -ENOSYS in sys_ni.c until they are) ------------- */
long sys_socketcall(int call, unsigned long __user *args);
long sys_socket(int family, int type, int protocol);
long sys_socketpair(int family, int type, int protocol, int __user *usockvec);
long sys_bind(int fd, struct sockaddr __user *umyaddr, int addrlen);
long sys_connect(int fd, struct sockaddr __user *uservaddr, int addrlen);
long sys_listen(int fd, int backlog);
long sys_accept4(int fd, struct sockaddr __user *upeer_sockaddr,
		 int __user *upeer_addrlen, int flags);
long sys_getsockopt(int fd, int level, int optname, char __user *optval,
		    int __user *optlen);
long sys_setsockopt(int fd, int level, int optname, char __user *optval,
		    int optlen);
long sys_getsockname(int fd, struct sockaddr __user *usockaddr,
		     int __user *usockaddr_len);
long sys_getpeername(int fd, struct sockaddr __user *usockaddr,
		     int __user *usockaddr_len);
long sys_sendto(int fd, void __user *buff, size_t len, unsigned int flags,
		struct sockaddr __user *addr, int addr_len);
long sys_sendmsg(int fd, struct user_msghdr __user *msg, unsigned int flags);
long sys_recvfrom(int fd, void __user *ubuf, size_t size, unsigned int flags,
		  struct sockaddr __user *addr, int __user *addr_len);
long sys_recvmsg(int fd, struct user_msghdr __user *msg, unsigned int flags);
long sys_shutdown(int fd, int how);
long sys_epoll_create(int size);
long sys_epoll_create1(int flags);
long sys_epoll_ctl(int epfd, int op, int fd, struct epoll_event __user *event);
long sys_epoll_wait(int epfd, struct epoll_event __user *events, int maxevents,
		    int timeout);
long sys_epoll_pwait(int epfd, struct epoll_event __user *events,
		     int maxevents, int timeout, const sigset_t __user *sigmask,
		     size_t sigsetsize);

#endif
