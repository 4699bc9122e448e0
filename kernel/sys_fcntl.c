/*
 * sys_fcntl.c - descriptor plumbing: dup, dup2, dup3, fcntl, ioctl
 * (Linux: fs/file.c ksys_dup*, fs/fcntl.c, fs/ioctl.c).
 *
 * ioctl handles the generic requests (FIONBIO, FIOCLEX, FIONCLEX) here and
 * passes every other one to the file's unlocked_ioctl with the raw user
 * argument - the tty answers TCGETS/TIOCGPGRP/TIOCGWINSZ..., sockets
 * theirs. rxos has no file locks: F_SETLK always succeeds and F_GETLK
 * reports the range unlocked. Process context.
 */
#include "kernel/syscalls.h"
#include "kernel/errno.h"
#include "kernel/fdtable.h"
#include "kernel/fs/fs.h"

#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#define F_SETOWN 8
#define F_GETOWN 9
#define F_GETLK64 12
#define F_SETLK64 13
#define F_SETLKW64 14
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC 1
#define F_UNLCK 2

#define FIONCLEX 0x5450
#define FIOCLEX 0x5451
#define FIONBIO 0x5421

/* What F_SETFL may change (Linux: SETFL_MASK, less O_ASYNC/O_DIRECT). */
#define SETFL_MASK (O_APPEND | O_NONBLOCK)

static long dupfd(struct file *file, unsigned int start, unsigned int flags)
{
	int fd = alloc_fd(start, flags);

	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

long sys_dup(unsigned int fildes)
{
	struct file *file = fcheck(fildes);

	return file ? dupfd(file, 0, 0) : -EBADF;
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *file;

	if ((flags & ~O_CLOEXEC) || oldfd == newfd)
		return -EINVAL;
	file = fcheck(oldfd);
	if (!file)
		return -EBADF;
	return replace_fd(newfd, file, flags);
}

long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	if (oldfd == newfd)
		return fcheck(oldfd) ? (long)newfd : -EBADF;
	return sys_dup3(oldfd, newfd, 0);
}

/* The lock requests: struct flock's l_type is its first short. */
static long fcntl_lock(unsigned int cmd, unsigned long arg)
{
	short unlocked = F_UNLCK;

	if (cmd == F_GETLK || cmd == F_GETLK64)
		return copy_to_user((void __user *)arg, &unlocked,
				    sizeof(unlocked)) ? -EFAULT : 0;
	return 0;
}

/* fcntl and fcntl64 are the same here: struct flock is never read. */
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = fcheck(fd);

	if (!file)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		return dupfd(file, arg, cmd == F_DUPFD_CLOEXEC ? O_CLOEXEC : 0);
	case F_GETFD:
		return get_close_on_exec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return file->f_flags;
	case F_SETFL:
		file->f_flags = (file->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		return 0;
	case F_GETLK: case F_SETLK: case F_SETLKW:
	case F_GETLK64: case F_SETLK64: case F_SETLKW64:
		return fcntl_lock(cmd, arg);
	case F_GETOWN:
	case F_SETOWN:
		return 0; /* no SIGIO */
	default:
		return -EINVAL;
	}
}

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = fget(fd);
	long ret;
	int on;

	if (!file)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		set_close_on_exec(fd, cmd == FIOCLEX);
		ret = 0;
		break;
	case FIONBIO:
		ret = get_user(on, (int __user *)arg);
		if (!ret)
			file->f_flags = on ? file->f_flags | O_NONBLOCK
					   : file->f_flags & ~O_NONBLOCK;
		break;
	default:
		ret = vfs_ioctl(file, cmd, arg);
	}
	fput(file);
	return ret;
}
