/*
 * file_table.c - struct file: allocation and reference counting (Linux:
 * fs/file_table.c, fs/anon_inodes.c).
 *
 * A struct file is one open(): the system-call layer keeps pointers to it
 * in the process's fd table, dup() and fork() share it with get_file(), and
 * close() calls fput(). The last fput calls ->release and drops the inode.
 *
 * alloc_file_pseudo() gives sockets and pipes a file with an inode of their
 * own type (S_IFSOCK, S_IFIFO) that is in no directory, so fstat() works;
 * the inode goes with the file. Linux has sockfs and pipefs for this.
 *
 * Process context. f_count is a plain int: files are shared only between
 * processes, never touched from interrupts, and rxos does not preempt the
 * kernel (Linux: atomic_long_t, and the final fput is deferred to task_work).
 */
#include "kernel/errno.h"
#include "kernel/fs/eventpoll.h"
#include "kernel/fs/internal.h"
#include "kernel/mm/slab.h"

/* Where pseudo inodes live: never mounted, never freed. */
static struct super_block pseudo_sb = {
	.s_inodes = LIST_HEAD_INIT(pseudo_sb.s_inodes),
	.s_dev = MKDEV(0, 0),
	.s_active = 1,
};

static unsigned int open_fmode(unsigned int flags)
{
	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		return FMODE_READ;
	case O_WRONLY:
		return FMODE_WRITE;
	default:
		return FMODE_READ | FMODE_WRITE;
	}
}

/*
 * A file on `inode` (which gains a reference) with f_op = fops. Does not
 * call ->open (vfs_open does). flags: O_ACCMODE must not be 3.
 */
int alloc_file(struct inode *inode, unsigned int flags,
	       const struct file_operations *fops, struct file **res)
{
	struct file *f;

	if ((flags & O_ACCMODE) == O_ACCMODE)
		return -EINVAL;
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	f->f_op = fops;
	f->f_inode = ihold(inode);
	f->f_flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
	f->f_mode = open_fmode(flags);
	f->f_count = 1;
	*res = f;
	return 0;
}

/* A file for a socket or pipe: mode S_IFSOCK|0777, S_IFIFO|0600, ... */
int alloc_file_pseudo(umode_t mode, unsigned int flags,
		      const struct file_operations *fops, void *private_data,
		      struct file **res)
{
	struct inode *inode = new_inode(&pseudo_sb);
	int err;

	if (!inode)
		return -ENOMEM;
	inode_init_mode(inode, mode, 0);
	inode->i_fop = fops;
	err = alloc_file(inode, flags, fops, res);
	iput(inode); /* the file holds it now; nlink 0: it goes with the file */
	if (!err)
		(*res)->private_data = private_data;
	return err;
}

struct file *get_file(struct file *file)
{
	file->f_count++;
	return file;
}

/*
 * Drop a reference; the last one releases the file and its inode. First
 * it leaves every epoll set it is in, as Linux's __fput does: an fd closed
 * while a dup or a fork child still holds the file stays in the set.
 */
void fput(struct file *file)
{
	struct inode *inode;

	if (!file)
		return;
	BUG_ON(file->f_count <= 0);
	if (--file->f_count)
		return;
	inode = file->f_inode;
	eventpoll_release(file);
	if (file->f_op && file->f_op->release)
		file->f_op->release(inode, file);
	iput(inode);
	kfree(file);
}
