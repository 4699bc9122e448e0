/*
 * fdtable.h - a process's open files and current directory
 * (Linux: include/linux/fdtable.h, fs/file.c, include/linux/fs_struct.h).
 *
 * A file descriptor is an index into current->files->fd_array. The slot
 * holds one reference to a struct file (kernel/fs/fs.h); dup() makes two
 * slots share a file (and its offset), fork() copies the table so parent
 * and child share every file, close() drops the slot's reference.
 *
 * The usual way to make a new descriptor (socket(), pipe(), open()):
 *
 *     fd = get_unused_fd_flags(flags & O_CLOEXEC);  reserve the lowest
 *     if (fd < 0) return fd;                        free number
 *     ... create file, on failure put_unused_fd(fd) ...
 *     fd_install(fd, file);                          publish it; the table
 *     return fd;                                     now owns the reference
 *
 * And to use one: file = fget(fd) (a new reference, or NULL -> -EBADF),
 * then fput(file) when done.
 *
 * Process context, only ever by the owning task: no locking. Linux grows
 * the table on demand up to RLIMIT_NOFILE and uses RCU so threads can share
 * it; rxos has a fixed table of NR_OPEN_DEFAULT slots.
 */
#ifndef RXOS_KERNEL_FDTABLE_H
#define RXOS_KERNEL_FDTABLE_H

#include "kernel/kernel.h"

#define NR_OPEN_DEFAULT 256
#define BITS_PER_LONG 32

struct file;
struct inode;
struct task_struct;

struct files_struct {
	int count; /* tasks sharing it (CLONE_FILES) */
	unsigned long open_fds[NR_OPEN_DEFAULT / BITS_PER_LONG];      /* reserved */
	unsigned long close_on_exec[NR_OPEN_DEFAULT / BITS_PER_LONG]; /* FD_CLOEXEC */
	struct file *fd_array[NR_OPEN_DEFAULT];			       /* installed */
};

/* The current directory (Linux: struct fs_struct holds root and pwd). */
struct fs_struct {
	int users;
	int umask;	   /* 022 by default, as Linux's init gets */
	struct inode *pwd; /* referenced; NULL means "/" */
};

struct files_struct *files_alloc(void);
/* Lowest free descriptor, reserved; flags: O_CLOEXEC. -EMFILE when full. */
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
/* Fill a reserved slot; the table takes over the caller's reference. */
void fd_install(unsigned int fd, struct file *file);
/* A referenced file, or NULL for a bad/closed descriptor. */
struct file *fget(unsigned int fd);
/* The file in a slot without a new reference (valid until close). */
struct file *fcheck(unsigned int fd);
int close_fd(unsigned int fd);
/* dup2/dup3/F_DUPFD: put file in slot fd, closing what was there. */
int replace_fd(unsigned int fd, struct file *file, unsigned int flags);
int get_close_on_exec(unsigned int fd);
void set_close_on_exec(unsigned int fd, int flag);
/* execve: close every FD_CLOEXEC descriptor. */
void do_close_on_exec(struct files_struct *files);
/* Lowest free descriptor >= start, reserved, or -EMFILE/-EINVAL. */
int alloc_fd(unsigned int start, unsigned int flags);

/* fork/exit: share with CLONE_FILES/CLONE_FS, else copy; drop. */
int copy_files(unsigned long clone_flags, struct task_struct *tsk);
void exit_files(struct task_struct *tsk);
int copy_fs(unsigned long clone_flags, struct task_struct *tsk);
void exit_fs(struct task_struct *tsk);
struct fs_struct *fs_alloc(void);
/* Replace the cwd (takes over the caller's reference on inode). */
void set_fs_pwd(struct fs_struct *fs, struct inode *inode);

#endif
