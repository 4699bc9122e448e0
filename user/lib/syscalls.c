/*
 * syscalls.c - one C function per Linux i386 system call.
 *
 * Each wrapper passes its arguments to __syscallN (syscall.asm, int 0x80)
 * and turns a result in -4095..-1 into -1 with errno set (__syscall_ret).
 * Where POSIX and the i386 kernel interface differ (64-bit lseek, mmap's
 * page offset, 32-bit uids, brk's return value) the comment says which
 * call glibc uses for the same job; we use the same one.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/reboot.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/klog.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "libc.h"

int errno;

long __syscall_ret(long r)
{
	if ((unsigned long)r > -4096UL) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

#define SYSRET(x) __syscall_ret(x)
#define A(x) ((long)(x))

long syscall(long nr, ...)
{
	va_list ap;
	long a[6];

	va_start(ap, nr);
	for (int i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return SYSRET(__syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]));
}

/* ---- files ---------------------------------------------------------- */

ssize_t read(int fd, void *buf, size_t n)
{
	return SYSRET(__syscall3(SYS_read, fd, A(buf), A(n)));
}

ssize_t write(int fd, const void *buf, size_t n)
{
	return SYSRET(__syscall3(SYS_write, fd, A(buf), A(n)));
}

ssize_t writev(int fd, const struct iovec *iov, int n)
{
	return SYSRET(__syscall3(SYS_writev, fd, A(iov), n));
}

/* off_t is 64-bit, so files are opened O_LARGEFILE as glibc does. */
int open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode = 0;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return SYSRET(__syscall3(SYS_open, A(path), flags | O_LARGEFILE, A(mode)));
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int close(int fd)
{
	return SYSRET(__syscall1(SYS_close, fd));
}

/* _llseek takes the 64-bit offset in two halves and stores the result. */
off_t lseek(int fd, off_t off, int whence)
{
	long long result;
	long r = __syscall5(SYS__llseek, fd, A(off >> 32), A(off & 0xffffffff),
			    A(&result), whence);

	return SYSRET(r) < 0 ? -1 : result;
}

int dup(int fd)
{
	return SYSRET(__syscall1(SYS_dup, fd));
}

int dup2(int fd, int newfd)
{
	return SYSRET(__syscall2(SYS_dup2, fd, newfd));
}

int pipe(int fds[2])
{
	return SYSRET(__syscall1(SYS_pipe, A(fds)));
}

int pipe2(int fds[2], int flags)
{
	return SYSRET(__syscall2(SYS_pipe2, A(fds), flags));
}

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	return SYSRET(__syscall3(SYS_fcntl64, fd, cmd, arg));
}

int ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	long arg;

	va_start(ap, req);
	arg = va_arg(ap, long);
	va_end(ap);
	return SYSRET(__syscall3(SYS_ioctl, fd, A(req), arg));
}

int stat(const char *path, struct stat *st)
{
	return SYSRET(__syscall2(SYS_stat64, A(path), A(st)));
}

int lstat(const char *path, struct stat *st)
{
	return SYSRET(__syscall2(SYS_lstat64, A(path), A(st)));
}

int fstat(int fd, struct stat *st)
{
	return SYSRET(__syscall2(SYS_fstat64, fd, A(st)));
}

long __getdents64(int fd, void *buf, size_t n)
{
	return SYSRET(__syscall3(SYS_getdents64, fd, A(buf), A(n)));
}

int unlink(const char *path)
{
	return SYSRET(__syscall1(SYS_unlink, A(path)));
}

int rmdir(const char *path)
{
	return SYSRET(__syscall1(SYS_rmdir, A(path)));
}

int mkdir(const char *path, mode_t mode)
{
	return SYSRET(__syscall2(SYS_mkdir, A(path), A(mode)));
}

int rename(const char *oldpath, const char *newpath)
{
	return SYSRET(__syscall2(SYS_rename, A(oldpath), A(newpath)));
}

int remove(const char *path)
{
	if (unlink(path) == 0)
		return 0;
	return errno == EISDIR ? rmdir(path) : -1;
}

int chdir(const char *path)
{
	return SYSRET(__syscall1(SYS_chdir, A(path)));
}

int fchdir(int fd)
{
	return SYSRET(__syscall1(SYS_fchdir, fd));
}

/* The syscall returns the length; POSIX returns the buffer. A NULL buffer
 * is allocated, as glibc allows. */
char *getcwd(char *buf, size_t size)
{
	char *p = buf;

	if (!p) {
		size = size ? size : 4096;
		p = malloc(size);
		if (!p)
			return NULL;
	}
	if (SYSRET(__syscall2(SYS_getcwd, A(p), A(size))) < 0) {
		if (!buf)
			free(p);
		return NULL;
	}
	return p;
}

int access(const char *path, int mode)
{
	return SYSRET(__syscall2(SYS_access, A(path), mode));
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
	return SYSRET(__syscall3(SYS_readlink, A(path), A(buf), A(size)));
}

mode_t umask(mode_t mask)
{
	return (mode_t)__syscall1(SYS_umask, A(mask));
}

int chmod(const char *path, mode_t mode)
{
	return SYSRET(__syscall2(15, A(path), A(mode))); /* chmod */
}

void sync(void)
{
	__syscall0(SYS_sync);
}

/* ---- processes ------------------------------------------------------ */

pid_t fork(void)
{
	return SYSRET(__syscall0(SYS_fork));
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return SYSRET(__syscall3(SYS_execve, A(path), A(argv), A(envp)));
}

pid_t getpid(void)
{
	return __syscall0(SYS_getpid);
}

pid_t getppid(void)
{
	return __syscall0(SYS_getppid);
}

pid_t getpgrp(void)
{
	return __syscall0(SYS_getpgrp);
}

pid_t getpgid(pid_t pid)
{
	return SYSRET(__syscall1(SYS_getpgid, pid));
}

int setpgid(pid_t pid, pid_t pgid)
{
	return SYSRET(__syscall2(SYS_setpgid, pid, pgid));
}

pid_t setsid(void)
{
	return SYSRET(__syscall0(SYS_setsid));
}

pid_t getsid(pid_t pid)
{
	return SYSRET(__syscall1(SYS_getsid, pid));
}

/* The *32 calls: the original getuid (24) returns 16-bit ids. */
uid_t getuid(void)
{
	return SYSRET(__syscall0(SYS_getuid32));
}

uid_t geteuid(void)
{
	return SYSRET(__syscall0(SYS_geteuid32));
}

gid_t getgid(void)
{
	return SYSRET(__syscall0(SYS_getgid32));
}

gid_t getegid(void)
{
	return SYSRET(__syscall0(SYS_getegid32));
}

/* glibc's waitpid on i386 is wait4 with no rusage; so is ours. */
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return SYSRET(__syscall4(SYS_wait4, pid, A(status), options, A(ru)));
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}

int kill(pid_t pid, int sig)
{
	return SYSRET(__syscall2(SYS_kill, pid, sig));
}

int killpg(pid_t pgrp, int sig)
{
	return kill(-pgrp, sig);
}

int raise(int sig)
{
	return kill(getpid(), sig);
}

/* ---- memory --------------------------------------------------------- */

/* Linux's brk returns the new break, or the old one when it refused. */
static unsigned long cur_brk;

int brk(void *addr)
{
	cur_brk = __syscall1(SYS_brk, A(addr));
	if (cur_brk < (unsigned long)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(intptr_t incr)
{
	unsigned long old;

	if (!cur_brk)
		cur_brk = __syscall1(SYS_brk, 0);
	old = cur_brk;
	if (incr && brk((void *)(old + incr)) < 0)
		return (void *)-1;
	return (void *)old;
}

/* mmap2 takes the offset in 4096-byte pages, so 32 bits reach 16 TiB. */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if (off & 4095) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	return (void *)SYSRET(__syscall6(SYS_mmap2, A(addr), A(len), prot, flags,
					 fd, A(off >> 12)));
}

int munmap(void *addr, size_t len)
{
	return SYSRET(__syscall2(SYS_munmap, A(addr), A(len)));
}

/* ---- time ----------------------------------------------------------- */

time_t time(time_t *t)
{
	time_t now = __syscall1(SYS_time, 0);

	if (t)
		*t = now;
	return now;
}

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	return SYSRET(__syscall2(SYS_clock_gettime, clk, A(ts)));
}

int gettimeofday(struct timeval *tv, void *tz)
{
	return SYSRET(__syscall2(SYS_gettimeofday, A(tv), A(tz)));
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return SYSRET(__syscall2(SYS_nanosleep, A(req), A(rem)));
}

/* ---- waiting for files ---------------------------------------------- */

int poll(struct pollfd *fds, nfds_t n, int timeout_ms)
{
	return SYSRET(__syscall3(SYS_poll, A(fds), A(n), timeout_ms));
}

int select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *tv)
{
	return SYSRET(__syscall5(SYS__newselect, nfds, A(rd), A(wr), A(ex), A(tv)));
}

int epoll_create1(int flags)
{
	return SYSRET(__syscall1(SYS_epoll_create1, flags));
}

int epoll_create(int size)
{
	if (size <= 0) {
		errno = EINVAL;
		return -1;
	}
	return epoll_create1(0);
}

int epoll_ctl(int epfd, int op, int fd, struct epoll_event *ev)
{
	return SYSRET(__syscall4(SYS_epoll_ctl, epfd, op, fd, A(ev)));
}

int epoll_wait(int epfd, struct epoll_event *evs, int max, int timeout_ms)
{
	return SYSRET(__syscall4(SYS_epoll_wait, epfd, A(evs), max, timeout_ms));
}

/* The kernel's sigset is 8 bytes, and so is ours (signal.h). */
int epoll_pwait(int epfd, struct epoll_event *evs, int max, int timeout_ms,
		const sigset_t *sigmask)
{
	return SYSRET(__syscall6(SYS_epoll_pwait, epfd, A(evs), max, timeout_ms,
				 A(sigmask), sizeof(sigset_t)));
}

/* ---- system --------------------------------------------------------- */

int uname(struct utsname *u)
{
	return SYSRET(__syscall1(SYS_uname, A(u)));
}

int reboot(int howto)
{
	return SYSRET(__syscall4(SYS_reboot, LINUX_REBOOT_MAGIC1,
				 LINUX_REBOOT_MAGIC2, howto, 0));
}

/* syslog(2); glibc calls the wrapper klogctl. */
int klogctl(int type, char *buf, int len)
{
	return SYSRET(__syscall3(SYS_syslog, type, A(buf), len));
}

long sysconf(int name)
{
	switch (name) {
	case _SC_CLK_TCK:
		return 100; /* USER_HZ: /proc times are in these ticks */
	case _SC_PAGESIZE:
		return 4096;
	case _SC_OPEN_MAX:
		return 256;
	}
	errno = EINVAL;
	return -1;
}
