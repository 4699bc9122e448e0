/*
 * stat.c - stat, lstat, fstat (Linux: fs/stat.c).
 *
 * Fill a struct kstat from the inode; the syscall layer turns it into the
 * user's struct stat64 (cp_new_stat64) and encodes dev/rdev. Process context.
 */
#include "kernel/fs/internal.h"
#include "lib/string.h"

void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	memset(stat, 0, sizeof(*stat));
	stat->ino = inode->i_ino;
	stat->dev = inode->i_sb->s_dev;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->size = inode->i_size;
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = PAGE_SIZE;
	stat->blocks = inode->i_blocks;
}

static int stat_path(const char *path, unsigned int flags, struct inode *cwd,
		     struct kstat *stat)
{
	struct inode *inode;
	int err = kern_path(path, flags, cwd, &inode);

	if (err)
		return err;
	generic_fillattr(inode, stat);
	iput(inode);
	return 0;
}

/* stat(2): follows a final symlink. */
int vfs_stat(const char *path, struct inode *cwd, struct kstat *stat)
{
	return stat_path(path, LOOKUP_FOLLOW, cwd, stat);
}

/* lstat(2): describes the symlink itself. */
int vfs_lstat(const char *path, struct inode *cwd, struct kstat *stat)
{
	return stat_path(path, 0, cwd, stat);
}

int vfs_fstat(struct file *file, struct kstat *stat)
{
	generic_fillattr(file_inode(file), stat);
	return 0;
}
