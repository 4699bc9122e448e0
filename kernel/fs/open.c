/*
 * open.c - open and truncate (Linux: fs/open.c, do_filp_open in fs/namei.c).
 *
 * vfs_open() is the body of open(2) after the syscall layer has copied the
 * path in and before it installs the file in a free fd:
 *
 *   find the inode (O_CREAT: look in the parent, create the file if absent)
 *   -> may_open: type checks (O_DIRECTORY, directories opened for writing)
 *   -> O_TRUNC empties a regular file
 *   -> alloc_file, then ->open (for a device: chrdev_open picks the driver)
 *
 * The syscall layer applies the process umask to `mode` before calling.
 * Process context, may sleep.
 */
#include "kernel/errno.h"
#include "kernel/fs/internal.h"

/* O_CREAT: the existing inode at path, or a new regular file there. */
static int open_create(const char *path, unsigned int flags, umode_t mode,
		       struct inode *cwd, struct inode **res)
{
	struct nameidata nd;
	int (*create)(struct inode *, const struct qstr *, umode_t,
		      struct inode **);
	int err = path_parentat(path, cwd, &nd);

	if (err)
		return err;
	if (nd.last_type != LAST_NORM || nd.trailing_slash)
		err = -EISDIR;
	else
		err = lookup_last(&nd, res);
	if (!err && (flags & O_EXCL)) {
		iput(*res);
		err = -EEXIST;
	} else if (!err && S_ISLNK((*res)->i_mode) && !(flags & O_NOFOLLOW)) {
		iput(*res); /* rxos: a dangling link is -ENOENT, Linux creates its target */
		err = kern_path(path, LOOKUP_FOLLOW, cwd, res);
	} else if (!err) {
		*res = follow_mount(*res);
	} else if (err == -ENOENT && nd.dir->i_nlink) {
		create = nd.dir->i_op->create;
		err = create ? create(nd.dir, &nd.last,
				      S_IFREG | (mode & S_IALLUGO), res) :
			       -EACCES;
	}
	iput(nd.dir);
	return err;
}

static int may_open(struct inode *inode, unsigned int flags)
{
	if (S_ISLNK(inode->i_mode))
		return -ELOOP; /* O_NOFOLLOW on a symlink */
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (S_ISDIR(inode->i_mode) &&
	    ((flags & O_ACCMODE) != O_RDONLY || (flags & (O_TRUNC | O_CREAT))))
		return -EISDIR;
	if ((flags & O_ACCMODE) == O_ACCMODE)
		return -EINVAL;
	if (!inode->i_fop)
		return -ENXIO; /* a FIFO, socket or block node without a driver */
	return 0;
}

static int do_dentry_open(struct inode *inode, unsigned int flags,
			  struct file **res)
{
	struct file *f;
	int err = alloc_file(inode, flags, inode->i_fop, &f);

	if (err)
		return err;
	if (f->f_op->open)
		err = f->f_op->open(inode, f);
	if (err) {
		f->f_op = NULL; /* ->open failed: no ->release either */
		fput(f);
		return err;
	}
	*res = f;
	return 0;
}

/*
 * open(2) without the fd: *res gets a file with f_count 1 (fput it).
 * flags: O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_APPEND | O_DIRECTORY |
 * O_NOFOLLOW | O_NONBLOCK ...; mode: permissions for O_CREAT.
 */
int vfs_open(const char *path, unsigned int flags, umode_t mode,
	     struct inode *cwd, struct file **res)
{
	struct inode *inode;
	int err;

	if (flags & O_CREAT)
		err = open_create(path, flags, mode, cwd, &inode);
	else
		err = kern_path(path, (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
				cwd, &inode);
	if (err)
		return err;
	err = may_open(inode, flags);
	if (!err && (flags & O_TRUNC) && S_ISREG(inode->i_mode))
		err = do_truncate(inode, 0);
	if (!err)
		err = do_dentry_open(inode, flags, res);
	iput(inode);
	return err;
}

/* Set the size of a regular file (Linux: do_truncate -> notify_change). */
int do_truncate(struct inode *inode, loff_t length)
{
	if (length < 0)
		return -EINVAL;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) || !inode->i_op || !inode->i_op->setsize)
		return -EINVAL;
	if (length > inode->i_sb->s_maxbytes)
		return -EFBIG;
	return inode->i_op->setsize(inode, length);
}

int vfs_truncate(const char *path, loff_t length, struct inode *cwd)
{
	struct inode *inode;
	int err = kern_path(path, LOOKUP_FOLLOW, cwd, &inode);

	if (err)
		return err;
	err = do_truncate(inode, length);
	iput(inode);
	return err;
}

int vfs_ftruncate(struct file *file, loff_t length)
{
	if (!(file->f_mode & FMODE_WRITE))
		return -EINVAL;
	return do_truncate(file_inode(file), length);
}
