/*
 * sys_stat.c - stat64, lstat64, fstat64, fstatat64 and getdents64
 * (Linux: fs/stat.c cp_new_stat64, fs/readdir.c).
 *
 * The VFS fills a struct kstat; here it becomes the i386 struct stat64,
 * whose odd padding is fixed by the ABI (glibc 2.1's layout). Directory
 * entries come from vfs_getdents64 as linux_dirent64 records in a kernel
 * page and are copied out as they are. Process context.
 */
#include "kernel/syscalls.h"
#include "kernel/err.h"
#include "kernel/errno.h"
#include "kernel/fdtable.h"
#include "kernel/fs/fs.h"
#include "kernel/mm/gfp.h"
#include "kernel/namei_user.h"
#include "lib/string.h"

struct stat64 {
	uint64_t st_dev;
	uint8_t __pad0[4];
	uint32_t __st_ino;
	uint32_t st_mode;
	uint32_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint64_t st_rdev;
	uint8_t __pad3[4];
	int64_t st_size;
	uint32_t st_blksize;
	uint64_t st_blocks;
	uint32_t st_atime, st_atime_nsec;
	uint32_t st_mtime, st_mtime_nsec;
	uint32_t st_ctime, st_ctime_nsec;
	uint64_t st_ino;
} __attribute__((packed, aligned(4)));

_Static_assert(sizeof(struct stat64) == 96, "i386 struct stat64");

/* The 32-bit device number user space sees (Linux: new_encode_dev). */
static uint32_t new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

static int cp_new_stat64(const struct kstat *stat, struct stat64 __user *ubuf)
{
	struct stat64 tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.st_dev = new_encode_dev(stat->dev);
	tmp.st_ino = stat->ino;
	tmp.__st_ino = (uint32_t)stat->ino;
	tmp.st_mode = stat->mode;
	tmp.st_nlink = stat->nlink;
	tmp.st_uid = stat->uid;
	tmp.st_gid = stat->gid;
	tmp.st_rdev = new_encode_dev(stat->rdev);
	tmp.st_size = stat->size;
	tmp.st_blksize = stat->blksize;
	tmp.st_blocks = stat->blocks;
	tmp.st_atime = stat->atime.tv_sec;
	tmp.st_atime_nsec = stat->atime.tv_nsec;
	tmp.st_mtime = stat->mtime.tv_sec;
	tmp.st_mtime_nsec = stat->mtime.tv_nsec;
	tmp.st_ctime = stat->ctime.tv_sec;
	tmp.st_ctime_nsec = stat->ctime.tv_nsec;
	return copy_to_user(ubuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

static long stat_path(int dfd, const char __user *filename,
		      struct stat64 __user *statbuf, int follow)
{
	char *name = getname(filename);
	struct inode *cwd;
	struct kstat stat;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = dfd_cwd(dfd, name, &cwd);
	if (!err)
		err = follow ? vfs_stat(name, cwd, &stat)
			     : vfs_lstat(name, cwd, &stat);
	if (!err)
		err = cp_new_stat64(&stat, statbuf);
	putname(name);
	return err;
}

long sys_stat64(const char __user *filename, struct stat64 __user *statbuf)
{
	return stat_path(AT_FDCWD, filename, statbuf, 1);
}

long sys_lstat64(const char __user *filename, struct stat64 __user *statbuf)
{
	return stat_path(AT_FDCWD, filename, statbuf, 0);
}

long sys_fstat64(unsigned long fd, struct stat64 __user *statbuf)
{
	struct file *file = fcheck(fd);
	struct kstat stat;
	int err;

	if (!file)
		return -EBADF;
	err = vfs_fstat(file, &stat);
	return err ? err : cp_new_stat64(&stat, statbuf);
}

/* AT_EMPTY_PATH with "": the file open on dfd itself. */
long sys_fstatat64(int dfd, const char __user *filename,
		   struct stat64 __user *statbuf, int flag)
{
	char c;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if ((flag & AT_EMPTY_PATH) && !get_user(c, filename) && !c)
		return sys_fstat64(dfd, statbuf);
	return stat_path(dfd, filename, statbuf, !(flag & AT_SYMLINK_NOFOLLOW));
}

long sys_getdents64(unsigned int fd, void __user *dirent, unsigned int count)
{
	struct file *file = fcheck(fd);
	char *kbuf;
	int n;

	if (!file)
		return -EBADF;
	if (!access_ok(dirent, count))
		return -EFAULT;
	kbuf = (char *)__get_free_page(GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	n = vfs_getdents64(file, kbuf, min(count, (unsigned int)PAGE_SIZE));
	if (n > 0 && copy_to_user(dirent, kbuf, n))
		n = -EFAULT;
	free_page((unsigned long)kbuf);
	return n;
}
