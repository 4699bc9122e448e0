/*
 * sys_open.c - system calls that name files: open, creat, close, chdir,
 * getcwd, mkdir, rmdir, unlink, symlink, readlink, access, truncate,
 * umask, mount (Linux: fs/open.c, fs/namei.c, fs/d_path.c, fs/stat.c
 * readlink, fs/namespace.c).
 *
 * Each copies its path in (getname), picks the start directory, calls the
 * VFS (kernel/fs/fs.h, kernel buffers only) and turns the result into a
 * descriptor or an error. Every process is root: permission bits are
 * only consulted where even root is refused (exec, X_OK without any x bit).
 * Process context.
 */
#include "kernel/syscalls.h"
#include "kernel/err.h"
#include "kernel/errno.h"
#include "kernel/fdtable.h"
#include "kernel/fs/fs.h"
#include "kernel/mm/slab.h"
#include "kernel/namei_user.h"
#include "lib/string.h"

#define X_OK 1
#define S_IXUGO 0111

/* ---- names --------------------------------------------------------------- */

char *getname(const char __user *filename)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0 || len == PATH_MAX || len == 0) {
		kfree(name);
		return ERR_PTR(len < 0 ? len : len ? -ENAMETOOLONG : -ENOENT);
	}
	return name;
}

void putname(char *name)
{
	kfree(name);
}

struct inode *current_cwd(void)
{
	return current->fs ? current->fs->pwd : NULL;
}

int dfd_cwd(int dfd, const char *path, struct inode **cwd)
{
	struct file *file;

	*cwd = current_cwd();
	if (path[0] == '/' || dfd == AT_FDCWD)
		return 0;
	file = fcheck(dfd);
	if (!file)
		return -EBADF;
	if (!S_ISDIR(file_inode(file)->i_mode))
		return -ENOTDIR;
	*cwd = file_inode(file);
	return 0;
}

static int current_umask(void)
{
	return current->fs ? current->fs->umask : 022;
}

/* ---- open and close ------------------------------------------------------- */

static long do_sys_open(int dfd, const char __user *filename, int flags,
			int mode)
{
	char *name = getname(filename);
	struct inode *cwd;
	struct file *file;
	int fd, err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = dfd_cwd(dfd, name, &cwd);
	fd = err ? err : get_unused_fd_flags(flags);
	if (fd >= 0) {
		err = vfs_open(name, flags & ~O_CLOEXEC,
			       mode & ~current_umask() & S_IALLUGO, cwd, &file);
		if (err) {
			put_unused_fd(fd);
			fd = err;
		} else {
			fd_install(fd, file);
		}
	}
	putname(name);
	return fd;
}

long sys_open(const char __user *filename, int flags, int mode)
{
	return do_sys_open(AT_FDCWD, filename, flags | O_LARGEFILE, mode);
}

long sys_openat(int dfd, const char __user *filename, int flags, int mode)
{
	return do_sys_open(dfd, filename, flags | O_LARGEFILE, mode);
}

long sys_creat(const char __user *pathname, int mode)
{
	return sys_open(pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long sys_close(unsigned int fd)
{
	return close_fd(fd);
}

/* ---- the current directory ---------------------------------------------------- */

long sys_chdir(const char __user *filename)
{
	char *name = getname(filename);
	struct inode *inode;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = kern_path(name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, current_cwd(),
			&inode);
	if (!err)
		set_fs_pwd(current->fs, inode);
	putname(name);
	return err;
}

long sys_fchdir(unsigned int fd)
{
	struct file *file = fcheck(fd);

	if (!file)
		return -EBADF;
	if (!S_ISDIR(file_inode(file)->i_mode))
		return -ENOTDIR;
	set_fs_pwd(current->fs, ihold(file_inode(file)));
	return 0;
}

/* Returns the length with the NUL, as Linux does. */
long sys_getcwd(char __user *buf, unsigned long size)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	struct inode *cwd = current_cwd();
	long len;

	if (!page)
		return -ENOMEM;
	len = cwd ? d_path(cwd, page, PATH_MAX) : (strlcpy(page, "/", 2), 1);
	if (len >= 0) {
		len++;
		if ((unsigned long)len > size)
			len = -ERANGE;
		else if (copy_to_user(buf, page, len))
			len = -EFAULT;
	}
	kfree(page);
	return len;
}

long sys_umask(int mask)
{
	int old = current_umask();

	if (current->fs)
		current->fs->umask = mask & 0777;
	return old;
}

/* ---- directory entries --------------------------------------------------------- */

long sys_mkdirat(int dfd, const char __user *pathname, int mode)
{
	char *name = getname(pathname);
	struct inode *cwd;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = dfd_cwd(dfd, name, &cwd);
	if (!err)
		err = vfs_mkdir(name, mode & ~current_umask() & 07777, cwd);
	putname(name);
	return err;
}

long sys_mkdir(const char __user *pathname, int mode)
{
	return sys_mkdirat(AT_FDCWD, pathname, mode);
}

long sys_unlinkat(int dfd, const char __user *pathname, int flag)
{
	char *name;
	struct inode *cwd;
	int err;

	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	name = getname(pathname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = dfd_cwd(dfd, name, &cwd);
	if (!err)
		err = (flag & AT_REMOVEDIR) ? vfs_rmdir(name, cwd)
					    : vfs_unlink(name, cwd);
	putname(name);
	return err;
}

long sys_unlink(const char __user *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, 0);
}

long sys_rmdir(const char __user *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR);
}

long sys_symlink(const char __user *oldname, const char __user *newname)
{
	char *target = getname(oldname), *name;
	int err;

	if (IS_ERR(target))
		return PTR_ERR(target);
	name = getname(newname);
	err = IS_ERR(name) ? PTR_ERR(name)
			   : vfs_symlink(target, name, current_cwd());
	if (!IS_ERR(name))
		putname(name);
	putname(target);
	return err;
}

long sys_readlinkat(int dfd, const char __user *path, char __user *buf,
		    int bufsiz)
{
	char *name, *kbuf;
	struct inode *cwd;
	int len;

	if (bufsiz <= 0)
		return -EINVAL;
	name = getname(path);
	if (IS_ERR(name))
		return PTR_ERR(name);
	kbuf = kmalloc(PATH_MAX, GFP_KERNEL);
	len = kbuf ? dfd_cwd(dfd, name, &cwd) : -ENOMEM;
	if (!len)
		len = vfs_readlink(name, cwd, kbuf, min(bufsiz, PATH_MAX));
	if (len > 0 && copy_to_user(buf, kbuf, len))
		len = -EFAULT;
	kfree(kbuf);
	putname(name);
	return len;
}

long sys_readlink(const char __user *path, char __user *buf, int bufsiz)
{
	return sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

/* Root may do anything, except execute a file nobody may execute. */
long sys_faccessat(int dfd, const char __user *filename, int mode)
{
	char *name;
	struct inode *cwd, *inode;
	int err;

	if (mode & ~7)
		return -EINVAL;
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = dfd_cwd(dfd, name, &cwd);
	if (!err)
		err = kern_path(name, LOOKUP_FOLLOW, cwd, &inode);
	if (!err) {
		if ((mode & X_OK) && !S_ISDIR(inode->i_mode) &&
		    !(inode->i_mode & S_IXUGO))
			err = -EACCES;
		iput(inode);
	}
	putname(name);
	return err;
}

long sys_access(const char __user *filename, int mode)
{
	return sys_faccessat(AT_FDCWD, filename, mode);
}

/* ---- sizes, syncing, mounts ---------------------------------------------------- */

long sys_truncate(const char __user *path, long length)
{
	char *name = getname(path);
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = vfs_truncate(name, length, current_cwd());
	putname(name);
	return err;
}

long sys_ftruncate(unsigned int fd, long length)
{
	struct file *file = fcheck(fd);

	if (!file)
		return -EBADF;
	if (!(file->f_mode & FMODE_WRITE))
		return -EINVAL;
	return vfs_ftruncate(file, length);
}

/* Every file system lives in RAM: nothing to write back. */
long sys_sync(void)
{
	return 0;
}

long sys_fsync(unsigned int fd)
{
	return fcheck(fd) ? 0 : -EBADF;
}

/* mount -t TYPE none DIR: flags and data are not interpreted. */
long sys_mount(const char __user *dev_name, const char __user *dir_name,
	       const char __user *type, unsigned long flags, void __user *data)
{
	char *dir = getname(dir_name), *fstype;
	int err;

	if (IS_ERR(dir))
		return PTR_ERR(dir);
	fstype = getname(type);
	err = IS_ERR(fstype) ? PTR_ERR(fstype) : vfs_mount(dir, fstype);
	if (!IS_ERR(fstype))
		putname(fstype);
	putname(dir);
	return err;
}

long sys_umount(const char __user *name, int flags)
{
	char *dir = getname(name);
	int err;

	if (IS_ERR(dir))
		return PTR_ERR(dir);
	err = vfs_umount(dir);
	putname(dir);
	return err;
}
