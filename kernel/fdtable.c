/*
 * fdtable.c - per-process file descriptor tables and cwd (Linux: fs/file.c,
 * fs/fs_struct.c). See fdtable.h for the rules.
 *
 * A slot is free, reserved (bit set in open_fds, fd_array NULL: between
 * get_unused_fd_flags and fd_install), or installed. Process context, by
 * the owning task only.
 */
#include "kernel/fdtable.h"
#include "kernel/errno.h"
#include "kernel/fs/fs.h"
#include "kernel/mm/slab.h"
#include "kernel/sched/task.h"
#include "lib/string.h"

static int test_bit(unsigned int nr, const unsigned long *map)
{
	return (map[nr / BITS_PER_LONG] >> (nr % BITS_PER_LONG)) & 1;
}

static void assign_bit(unsigned int nr, unsigned long *map, int val)
{
	unsigned long mask = 1UL << (nr % BITS_PER_LONG);

	if (val)
		map[nr / BITS_PER_LONG] |= mask;
	else
		map[nr / BITS_PER_LONG] &= ~mask;
}

struct files_struct *files_alloc(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (files)
		files->count = 1;
	return files;
}

int alloc_fd(unsigned int start, unsigned int flags)
{
	struct files_struct *files = current->files;

	if (!files)
		return -EMFILE;
	if (start >= NR_OPEN_DEFAULT)
		return -EINVAL;
	for (unsigned int fd = start; fd < NR_OPEN_DEFAULT; fd++) {
		if (test_bit(fd, files->open_fds))
			continue;
		assign_bit(fd, files->open_fds, 1);
		assign_bit(fd, files->close_on_exec, flags & O_CLOEXEC);
		return fd;
	}
	return -EMFILE;
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, flags);
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	BUG_ON(fd >= NR_OPEN_DEFAULT || files->fd_array[fd]);
	assign_bit(fd, files->open_fds, 0);
}

void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;

	BUG_ON(fd >= NR_OPEN_DEFAULT || !test_bit(fd, files->open_fds) ||
	       files->fd_array[fd]);
	files->fd_array[fd] = file;
}

struct file *fcheck(unsigned int fd)
{
	struct files_struct *files = current->files;

	if (!files || fd >= NR_OPEN_DEFAULT)
		return NULL;
	return files->fd_array[fd];
}

struct file *fget(unsigned int fd)
{
	struct file *file = fcheck(fd);

	return file ? get_file(file) : NULL;
}

/* Empty a slot; the caller fputs the file it returns. */
static struct file *pick_file(struct files_struct *files, unsigned int fd)
{
	struct file *file;

	if (fd >= NR_OPEN_DEFAULT)
		return NULL;
	file = files->fd_array[fd];
	if (!file)
		return NULL;
	files->fd_array[fd] = NULL;
	assign_bit(fd, files->open_fds, 0);
	assign_bit(fd, files->close_on_exec, 0);
	return file;
}

int close_fd(unsigned int fd)
{
	struct file *file = current->files ? pick_file(current->files, fd) : NULL;

	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}

int replace_fd(unsigned int fd, struct file *file, unsigned int flags)
{
	struct files_struct *files = current->files;
	struct file *old;

	if (fd >= NR_OPEN_DEFAULT)
		return -EBADF;
	if (test_bit(fd, files->open_fds) && !files->fd_array[fd])
		return -EBUSY; /* reserved by an open() in progress (Linux too) */
	old = pick_file(files, fd);
	assign_bit(fd, files->open_fds, 1);
	assign_bit(fd, files->close_on_exec, flags & O_CLOEXEC);
	files->fd_array[fd] = get_file(file);
	if (old)
		fput(old);
	return fd;
}

int get_close_on_exec(unsigned int fd)
{
	return test_bit(fd, current->files->close_on_exec);
}

void set_close_on_exec(unsigned int fd, int flag)
{
	assign_bit(fd, current->files->close_on_exec, flag);
}

void do_close_on_exec(struct files_struct *files)
{
	for (unsigned int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		struct file *file;

		if (!test_bit(fd, files->close_on_exec))
			continue;
		file = pick_file(files, fd);
		if (file)
			fput(file);
	}
}

/* fork: the child's table refers to the same files (Linux: dup_fd). */
static struct files_struct *dup_fd(struct files_struct *old)
{
	struct files_struct *files = files_alloc();

	if (!files)
		return NULL;
	for (unsigned int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		struct file *f = old->fd_array[fd];

		if (!f) /* reserved-only slots are not inherited */
			continue;
		files->fd_array[fd] = get_file(f);
		assign_bit(fd, files->open_fds, 1);
		assign_bit(fd, files->close_on_exec,
			   test_bit(fd, old->close_on_exec));
	}
	return files;
}

int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	struct files_struct *old = current->files;

	tsk->files = NULL;
	if (!old)
		return 0;
	if (clone_flags & CLONE_FILES) {
		old->count++;
		tsk->files = old;
		return 0;
	}
	tsk->files = dup_fd(old);
	return tsk->files ? 0 : -ENOMEM;
}

void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (!files)
		return;
	tsk->files = NULL;
	if (--files->count)
		return;
	for (unsigned int fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (files->fd_array[fd])
			fput(files->fd_array[fd]);
	kfree(files);
}

/* ---- the current directory ---------------------------------------------- */

struct fs_struct *fs_alloc(void)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (fs) {
		fs->users = 1;
		fs->umask = 022;
	}
	return fs;
}

void set_fs_pwd(struct fs_struct *fs, struct inode *inode)
{
	struct inode *old = fs->pwd;

	fs->pwd = inode;
	if (old)
		iput(old);
}

int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *old = current->fs;

	tsk->fs = NULL;
	if (!old)
		return 0;
	if (clone_flags & CLONE_FS) {
		old->users++;
		tsk->fs = old;
		return 0;
	}
	tsk->fs = fs_alloc();
	if (!tsk->fs)
		return -ENOMEM;
	tsk->fs->pwd = old->pwd ? ihold(old->pwd) : NULL;
	tsk->fs->umask = old->umask;
	return 0;
}

void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	if (!fs)
		return;
	tsk->fs = NULL;
	if (--fs->users)
		return;
	if (fs->pwd)
		iput(fs->pwd);
	kfree(fs);
}
