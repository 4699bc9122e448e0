/*
 * sys_read_write.c - read, write, readv, writev, lseek, _llseek
 * (Linux: fs/read_write.c, ksys_read/ksys_write/do_iter_read...).
 *
 * File methods take kernel buffers (kernel/fs/fs.h), so data goes through
 * a one-page bounce buffer: vfs_read into it, copy_to_user out of it; for
 * writes the other way round. A read returns after the first chunk that
 * came back short (a pipe, a tty, a socket hand over what they have);
 * only regular files are read on until count is reached. Linux moves the
 * data with iov_iter straight between user pages and the page cache.
 * Process context; may sleep inside the file's method.
 */
#include "kernel/syscalls.h"
#include "kernel/errno.h"
#include "kernel/fdtable.h"
#include "kernel/fs/fs.h"
#include "kernel/mm/gfp.h"
#include "kernel/mm/slab.h"

#define CHUNK PAGE_SIZE
#define UIO_MAXIOV 1024
#define MAX_RW_COUNT (0x7fffffffUL & PAGE_MASK) /* as Linux: INT_MAX, page aligned */

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

/* The descriptor's file if it was opened for `mode`, referenced. */
static struct file *fget_mode(unsigned int fd, unsigned int mode, long *err)
{
	struct file *file = fget(fd);

	*err = -EBADF;
	if (file && !(file->f_mode & mode)) {
		fput(file);
		file = NULL;
	}
	return file;
}

static ssize_t read_chunks(struct file *file, char __user *buf, size_t count,
			   char *bounce)
{
	ssize_t done = 0;

	while ((size_t)done < count) {
		size_t want = min(count - done, CHUNK);
		ssize_t n = vfs_read(file, bounce, want, &file->f_pos);

		if (n <= 0)
			return done ? done : n;
		if (copy_to_user(buf + done, bounce, n))
			return done ? done : -EFAULT;
		done += n;
		if ((size_t)n < want || !S_ISREG(file_inode(file)->i_mode))
			break;
	}
	return done;
}

static ssize_t write_chunks(struct file *file, const char __user *buf,
			    size_t count, char *bounce)
{
	ssize_t done = 0;

	while ((size_t)done < count) {
		size_t want = min(count - done, CHUNK);
		ssize_t n;

		if (copy_from_user(bounce, buf + done, want))
			return done ? done : -EFAULT;
		n = vfs_write(file, bounce, want, &file->f_pos);
		if (n <= 0)
			return done ? done : n;
		done += n;
		if ((size_t)n < want)
			break;
	}
	return done;
}

static ssize_t do_rw(struct file *file, char __user *buf, size_t count,
		     int write)
{
	char *bounce;
	ssize_t ret;

	if (!count)
		return 0;
	if (!access_ok(buf, count))
		return -EFAULT;
	count = min(count, MAX_RW_COUNT);
	bounce = (char *)__get_free_page(GFP_KERNEL);
	if (!bounce)
		return -ENOMEM;
	ret = write ? write_chunks(file, buf, count, bounce)
		    : read_chunks(file, buf, count, bounce);
	free_page((unsigned long)bounce);
	return ret;
}

long sys_read(unsigned int fd, char __user *buf, size_t count)
{
	long err;
	struct file *file = fget_mode(fd, FMODE_READ, &err);

	if (!file)
		return err;
	err = do_rw(file, buf, count, 0);
	fput(file);
	return err;
}

long sys_write(unsigned int fd, const char __user *buf, size_t count)
{
	long err;
	struct file *file = fget_mode(fd, FMODE_WRITE, &err);

	if (!file)
		return err;
	err = do_rw(file, (char __user *)buf, count, 1);
	fput(file);
	return err;
}

/* ---- vectors ------------------------------------------------------------------ */

static long do_rw_vec(unsigned long fd, const struct iovec __user *uvec,
		      unsigned long vlen, int write)
{
	struct iovec *vec;
	struct file *file;
	long err, done = 0;
	size_t total = 0;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	file = fget_mode(fd, write ? FMODE_WRITE : FMODE_READ, &err);
	if (!file)
		return err;
	vec = kmalloc(vlen * sizeof(*vec) + 1, GFP_KERNEL);
	err = vec ? 0 : -ENOMEM;
	if (!err && copy_from_user(vec, uvec, vlen * sizeof(*vec)))
		err = -EFAULT;
	for (unsigned long i = 0; !err && i < vlen; i++) {
		if (vec[i].iov_len > MAX_RW_COUNT - total)
			err = -EINVAL;
		total += vec[i].iov_len;
	}
	for (unsigned long i = 0; !err && i < vlen; i++) {
		long n = do_rw(file, vec[i].iov_base, vec[i].iov_len, write);

		if (n < 0 && !done)
			err = n;
		if (n <= 0)
			break;
		done += n;
		if ((size_t)n < vec[i].iov_len)
			break;
	}
	kfree(vec);
	fput(file);
	return err ? err : done;
}

long sys_readv(unsigned long fd, const struct iovec __user *vec,
	       unsigned long vlen)
{
	return do_rw_vec(fd, vec, vlen, 0);
}

long sys_writev(unsigned long fd, const struct iovec __user *vec,
		unsigned long vlen)
{
	return do_rw_vec(fd, vec, vlen, 1);
}

/* ---- seeking ------------------------------------------------------------------- */

long sys_lseek(unsigned int fd, long offset, unsigned int whence)
{
	struct file *file = fcheck(fd);
	loff_t res;

	if (!file)
		return -EBADF;
	if (whence > SEEK_END)
		return -EINVAL;
	res = vfs_llseek(file, offset, whence);
	if (res >= 0 && res != (long)res)
		return -EOVERFLOW; /* use _llseek for files over 2 GiB */
	return (long)res;
}

/* The 64-bit seek of 32-bit Linux: offset in two halves, result by pointer. */
long sys_llseek(unsigned int fd, unsigned long offset_high,
		unsigned long offset_low, long long __user *result,
		unsigned int whence)
{
	struct file *file = fcheck(fd);
	loff_t res;

	if (!file)
		return -EBADF;
	if (whence > SEEK_END)
		return -EINVAL;
	res = vfs_llseek(file, ((loff_t)offset_high << 32) | offset_low, whence);
	if (res < 0)
		return res;
	return copy_to_user(result, &res, sizeof(res)) ? -EFAULT : 0;
}
