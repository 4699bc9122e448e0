/*
 * read_write.c - read, write, lseek, poll and ioctl on an open file
 * (Linux: fs/read_write.c, fs/ioctl.c, fs/select.c vfs_poll).
 *
 * The syscall layer does, for read(fd, ubuf, n):
 *     file = fget(fd); pos = file->f_pos;
 *     ret = vfs_read(file, kbuf, n, &pos);      kbuf: a kernel bounce buffer
 *     if (ret >= 0) file->f_pos = pos;  copy_to_user(ubuf, kbuf, ret)
 * and pread64 passes its own pos instead. The methods are told a kernel
 * buffer (see fs.h). Process context, may sleep (a tty read waits for input).
 */
#include "kernel/errno.h"
#include "kernel/fs/internal.h"

/* Largest single transfer, as Linux: INT_MAX rounded down to a page. */
#define MAX_RW_COUNT (0x7fffffffUL & ~(PAGE_SIZE - 1))

static int rw_verify_area(struct file *file, loff_t *pos, size_t *count)
{
	if (*pos < 0)
		return -EINVAL;
	if (*count > MAX_RW_COUNT)
		*count = MAX_RW_COUNT;
	return 0;
}

/* -EBADF: not open for reading; -EISDIR; -EINVAL: the file cannot be read. */
ssize_t vfs_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	int err;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(file_inode(file)->i_mode))
		return -EISDIR;
	if (!file->f_op || !file->f_op->read)
		return -EINVAL;
	err = rw_verify_area(file, pos, &count);
	if (err)
		return err;
	return file->f_op->read(file, buf, count, pos);
}

ssize_t vfs_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	int err;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || !file->f_op->write)
		return -EINVAL;
	err = rw_verify_area(file, pos, &count);
	if (err)
		return err;
	return file->f_op->write(file, buf, count, pos);
}

/*
 * For ->write of regular files: O_APPEND moves *pos to the end (checked
 * here, at each write, as POSIX wants), and the size limit shortens
 * *count or fails with -EFBIG.
 */
int generic_write_checks(struct file *file, loff_t *pos, size_t *count)
{
	struct inode *inode = file_inode(file);
	loff_t limit = inode->i_sb->s_maxbytes;

	if (file->f_flags & O_APPEND)
		*pos = inode->i_size;
	if (*count == 0)
		return 0;
	if (*pos >= limit)
		return -EFBIG;
	if ((loff_t)*count > limit - *pos)
		*count = (size_t)(limit - *pos);
	return 0;
}

/* -ESPIPE for files without ->llseek (pipes, sockets, ttys). */
loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!file->f_op || !file->f_op->llseek)
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}

/* SEEK_SET/CUR/END over i_size; -EINVAL for a negative result. */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->f_pos;
		break;
	case SEEK_END:
		base = file_inode(file)->i_size;
		break;
	default:
		return -EINVAL;
	}
	if (__builtin_add_overflow(base, offset, &offset) || offset < 0)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

/* The ready mask; files without ->poll are always ready (Linux: vfs_poll). */
unsigned int vfs_poll(struct file *file, struct poll_table_struct *pt)
{
	if (!file->f_op || !file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

long vfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	if (!file->f_op || !file->f_op->unlocked_ioctl)
		return -ENOTTY;
	return file->f_op->unlocked_ioctl(file, cmd, arg);
}
