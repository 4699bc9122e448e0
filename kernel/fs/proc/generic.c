/*
 * generic.c - registering /proc files (Linux: fs/proc/generic.c).
 *
 * The static part of /proc is an in-memory directory tree (libfs.c) whose
 * file inodes carry a struct proc_dir_entry with the show/store functions.
 * Subsystems add to it with proc_create_single/proc_create_rw/proc_mkdir
 * (see proc_fs.h); missing parent directories are created on the way.
 * Users cannot create or remove anything in /proc: its directories have
 * only ->lookup, so mkdir/unlink there fail with -EPERM.
 *
 * Process context, after vfs_caches_init.
 */
#include "kernel/errno.h"
#include "kernel/fs/proc/internal.h"
#include "kernel/mm/slab.h"
#include "lib/string.h"
#include "lib/vsprintf.h"

/* A new inode under name in dir; pde (may be NULL) becomes its i_private. */
static int proc_add(struct inode *dir, const struct qstr *name, umode_t mode,
		    struct proc_dir_entry *pde)
{
	struct inode *inode = proc_get_inode(dir->i_sb, mode, pde);
	int err;

	if (!inode)
		return -ENOMEM;
	err = d_add(dir, name, inode);
	iput(inode);
	return err;
}

/*
 * Find the directory that holds the last component of path (relative to
 * /proc), creating the missing ones if `create`. No references are taken:
 * the static tree changes only here, in process context.
 */
static int proc_walk(const char *path, int create, struct inode **dir,
		     struct qstr *last)
{
	const char *p = path, *slash;
	struct inode *d;

	if (!proc_sb)
		return -ENODEV;
	if (!simple_relpath_ok(path, PROC_PATH_MAX))
		return -EINVAL;
	d = proc_sb->s_root;
	while ((slash = strchr(p, '/')) != NULL) {
		struct qstr name = { p, (unsigned int)(slash - p) };
		struct dentry *de = d_lookup(d, &name);
		int err;

		if (!de && create) {
			err = proc_add(d, &name, S_IFDIR | 0555, NULL);
			if (err)
				return err;
			de = d_lookup(d, &name);
		}
		if (!de)
			return -ENOENT;
		if (!S_ISDIR(de->d_inode->i_mode))
			return -ENOTDIR;
		d = de->d_inode;
		p = slash + 1;
	}
	*dir = d;
	last->name = p;
	last->len = strlen(p);
	return 0;
}

static int proc_create_file(const char *path, umode_t mode,
			    int (*show)(char *, int),
			    int (*store)(const char *, int))
{
	struct proc_dir_entry *pde;
	struct inode *dir;
	struct qstr last;
	int err;

	if (!show)
		return -EINVAL;
	pde = kzalloc(sizeof(*pde), GFP_KERNEL);
	if (!pde)
		return -ENOMEM;
	pde->show = show;
	pde->store = store;
	err = proc_walk(path, 1, &dir, &last);
	if (err) {
		kfree(pde);
		return err;
	}
	return proc_add(dir, &last, S_IFREG | mode, pde);
}

int proc_create_single(const char *path, int (*show)(char *buf, int len))
{
	return proc_create_file(path, 0444, show, NULL);
}

int proc_create_rw(const char *path, int (*show)(char *buf, int len),
		   int (*store)(const char *buf, int len))
{
	if (!store)
		return -EINVAL;
	return proc_create_file(path, 0644, show, store);
}

int proc_mkdir(const char *path)
{
	struct inode *dir;
	struct qstr last;
	int err = proc_walk(path, 1, &dir, &last);

	return err ? err : proc_add(dir, &last, S_IFDIR | 0555, NULL);
}

int proc_remove(const char *path)
{
	struct dentry *de;
	struct inode *dir;
	struct qstr last;
	int err = proc_walk(path, 0, &dir, &last);

	if (err)
		return err;
	de = d_lookup(dir, &last);
	if (!de)
		return -ENOENT;
	if (S_ISDIR(de->d_inode->i_mode) && !simple_empty(de->d_inode))
		return -ENOTEMPTY;
	d_delete(dir, de);
	return 0;
}

/* Append to a show buffer; returns pos + the full length of this piece. */
int proc_printf(char *buf, int len, int pos, const char *fmt, ...)
{
	int fits = pos >= 0 && pos < len;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(fits ? buf + pos : NULL, fits ? (size_t)(len - pos) : 0,
		      fmt, ap);
	va_end(ap);
	return pos + n;
}
