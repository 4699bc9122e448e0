/*
 * namei_user.h - path names that come from user space (Linux: fs/namei.c
 * getname/putname, the dfd handling of the *at() calls).
 *
 * Every path-taking system call first copies the name into the kernel
 * (getname: -EFAULT, -ENAMETOOLONG, -ENOENT for ""), then finds the
 * directory a relative name starts from: current's cwd, or for the *at()
 * calls the directory open on dfd (AT_FDCWD: the cwd). Process context.
 */
#ifndef RXOS_KERNEL_NAMEI_USER_H
#define RXOS_KERNEL_NAMEI_USER_H

#include "kernel/uaccess.h"

#define AT_FDCWD (-100)
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR 0x200
#define AT_EMPTY_PATH 0x1000

struct inode;

/* A kernel copy of a user path (PATH_MAX buffer), or ERR_PTR. */
char *getname(const char __user *filename);
void putname(char *name);
/* The directory `path` is relative to: borrowed, valid for this call. */
int dfd_cwd(int dfd, const char *path, struct inode **cwd);
/* The current directory (NULL: "/"). */
struct inode *current_cwd(void);

#endif
