/*
 * libfs.c - directories whose names live in memory (Linux: fs/libfs.c,
 * fs/dcache.c, fs/d_path.c).
 *
 * ramfs, devtmpfs and the static part of /proc keep each directory as a list
 * of struct dentry (name, inode), in creation order. Each name gets a
 * d_offset from the directory's counter, never reused, and that offset is
 * the readdir position: a getdents64 loop that races with unlink neither
 * skips nor repeats a name (Linux 6.6+ tmpfs does the same with its
 * "stable offsets"; older Linux used a cursor dentry).
 *
 * Link counts follow Unix: a file has one per name; a directory has 2 (its
 * name and its ".") plus one per subdirectory (their ".."). A directory's
 * i_parent is the directory that holds its name; it holds no reference, as
 * a linked directory's parent is linked too. rmdir clears it.
 *
 * Process context; callers never sleep between d_lookup and d_add.
 */
#include "kernel/errno.h"
#include "kernel/fs/internal.h"
#include "kernel/mm/slab.h"
#include "lib/string.h"

struct dentry *d_lookup(struct inode *dir, const struct qstr *name)
{
	struct dentry *d;

	list_for_each_entry(d, &dir->i_subdirs, d_child)
		if (d->d_namelen == name->len &&
		    !memcmp(d->d_name, name->name, name->len))
			return d;
	return NULL;
}

static void touch_dir(struct inode *dir)
{
	dir->i_mtime = dir->i_ctime = current_time(dir);
}

/* Give `inode` the name `name` in `dir`. 0, -EEXIST or -ENOMEM. */
int d_add(struct inode *dir, const struct qstr *name, struct inode *inode)
{
	struct dentry *d = kmalloc(sizeof(*d) + name->len + 1, GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	if (d_lookup(dir, name)) { /* checked after the allocation may sleep */
		kfree(d);
		return -EEXIST;
	}
	d->d_inode = inode;
	d->d_namelen = name->len;
	memcpy(d->d_name, name->name, name->len);
	d->d_name[name->len] = '\0';
	d->d_offset = dir->i_next_offset++;
	list_add_tail(&d->d_child, &dir->i_subdirs);
	inode->i_nlink++;
	if (S_ISDIR(inode->i_mode)) {
		inode->i_nlink++; /* its "." */
		inode->i_parent = dir;
		dir->i_nlink++; /* its ".." */
	}
	touch_dir(dir);
	return 0;
}

/* Remove a name; the inode goes too if that was its last name and use. */
void d_delete(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	list_del(&dentry->d_child);
	kfree(dentry);
	if (S_ISDIR(inode->i_mode)) {
		inode->i_nlink = 0;
		inode->i_parent =
			NULL; /* Linux keeps d_parent: ".." still works */
		dir->i_nlink--;
	} else {
		inode->i_nlink--;
	}
	inode->i_ctime = current_time(inode);
	touch_dir(dir);
	iput(ihold(inode)); /* evicts it when nobody else holds it */
}

int simple_lookup(struct inode *dir, const struct qstr *name,
		  struct inode **res)
{
	struct dentry *d = d_lookup(dir, name);

	if (!d)
		return -ENOENT;
	*res = ihold(d->d_inode);
	return 0;
}

int simple_unlink(struct inode *dir, const struct qstr *name,
		  struct inode *victim)
{
	struct dentry *d = d_lookup(dir, name);

	if (!d || d->d_inode != victim)
		return -ENOENT;
	d_delete(dir, d);
	return 0;
}

int simple_empty(struct inode *dir)
{
	return list_empty(&dir->i_subdirs);
}

int simple_rmdir(struct inode *dir, const struct qstr *name,
		 struct inode *victim)
{
	if (!simple_empty(victim))
		return -ENOTEMPTY;
	return simple_unlink(dir, name, victim);
}

/* Positions 0 and 1 are "." and "..". */
bool dir_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	struct inode *parent = inode->i_parent ? inode->i_parent : inode;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, parent->i_ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

/*
 * Emit ".", "..", then the names by d_offset, from ctx->pos on. True when
 * all were emitted, false when dir_emit said the buffer is full.
 */
bool simple_readdir_all(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file_inode(file);
	struct dentry *d;

	if (!dir_emit_dots(file, ctx))
		return false;
	list_for_each_entry(d, &dir->i_subdirs, d_child) {
		struct inode *inode = d->d_inode;

		if (d->d_offset < ctx->pos)
			continue;
		ctx->pos = d->d_offset;
		if (!dir_emit(ctx, d->d_name, d->d_namelen, inode->i_ino,
			      S_DT(inode->i_mode)))
			return false;
		ctx->pos = d->d_offset + 1;
	}
	return true;
}

/* ->iterate of in-memory directories. */
int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	simple_readdir_all(file, ctx);
	return 0;
}

const struct file_operations simple_dir_operations = {
	.llseek = generic_file_llseek,
	.iterate = dcache_readdir,
};

/*
 * A name that kernel code gives below a directory it owns ("ttyS0",
 * "net/dev"): shorter than max, relative, no empty, "." or ".." parts.
 */
int simple_relpath_ok(const char *name, size_t max)
{
	const char *c = name;

	if (!*name || strlen(name) >= max)
		return 0;
	for (;;) {
		const char *e = strchr(c, '/');
		size_t len = e ? (size_t)(e - c) : strlen(c);

		if (len == 0 ||
		    (c[0] == '.' && (len == 1 || (len == 2 && c[1] == '.'))))
			return 0;
		if (!e)
			return 1;
		c = e + 1;
	}
}

static struct dentry *d_find_child(struct inode *dir, struct inode *child)
{
	struct dentry *d;

	list_for_each_entry(d, &dir->i_subdirs, d_child)
		if (d->d_inode == child)
			return d;
	return NULL;
}

/* One step up for d_path: across a mount, or to the parent directory. */
static struct inode *d_path_up(struct inode *dir, const struct dentry **name)
{
	struct vfsmount *mnt = mnt_of_root(dir);

	*name = NULL;
	if (mnt)
		return mnt->mnt_mountpoint;
	if (!dir->i_parent)
		return NULL;
	*name = d_find_child(dir->i_parent, dir);
	return *name ? dir->i_parent : NULL;
}

/*
 * The absolute path of directory `dir` into buf (for getcwd and
 * /proc/mounts). Returns its length, -ENOENT if dir is no longer linked (or
 * is a /proc/PID directory, which has no dentry), -ENAMETOOLONG.
 */
int d_path(struct inode *dir, char *buf, int buflen)
{
	struct inode *root = get_root_inode();
	int pos = buflen, err = 0;

	if (buflen < 2)
		err = -ENAMETOOLONG;
	else
		buf[--pos] = '\0';
	while (!err && dir != root) {
		const struct dentry *d;

		dir = d_path_up(dir, &d);
		if (!dir)
			err = -ENOENT;
		else if (d && pos < (int)d->d_namelen + 2)
			err = -ENAMETOOLONG;
		else if (d) {
			pos -= d->d_namelen;
			memcpy(buf + pos, d->d_name, d->d_namelen);
			buf[--pos] = '/';
		}
	}
	iput(root);
	if (err)
		return err;
	if (pos == buflen - 1)
		buf[--pos] = '/';
	memmove(buf, buf + pos, buflen - pos);
	return buflen - pos - 1;
}
