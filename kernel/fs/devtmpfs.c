/*
 * devtmpfs.c - /dev, filled by the kernel (Linux: drivers/base/devtmpfs.c).
 *
 * One ramfs instance, created by vfs_caches_init (kern_mount) and mounted
 * on /dev by prepare_namespace. register_chrdev_node() puts a node in it;
 * devices registered earlier get theirs in devtmpfs_init. Like Linux's,
 * it is an ordinary writable RAM file system: mknod and mkdir work in it.
 *
 * Process context.
 */
#include "kernel/errno.h"
#include "kernel/fs/internal.h"
#include "kernel/fs/ramfs.h"
#include "kernel/printk.h"
#include "lib/string.h"

#define DEVNAME_MAX 32

static struct super_block *devtmpfs_sb;

/* Single instance: every mount shares the one tree. */
static int devtmpfs_get_sb(struct file_system_type *type,
			   struct super_block **res)
{
	return get_sb_single(type, &ramfs_ops, ramfs_fill_super, &devtmpfs_sb,
			     res);
}

static void devtmpfs_kill_sb(struct super_block *sb)
{
	kill_litter_super(sb);
	devtmpfs_sb = NULL;
}

struct file_system_type devtmpfs_fs_type = {
	.name = "devtmpfs",
	.get_sb = devtmpfs_get_sb,
	.kill_sb = devtmpfs_kill_sb,
};

/* mkdir -p of the directories in "a/b/name" (not of name). */
static int devtmpfs_mkdirs(const char *name, struct inode *root)
{
	char path[DEVNAME_MAX];
	char *slash = path;

	strlcpy(path, name, sizeof(path));
	while ((slash = strchr(slash, '/')) != NULL) {
		int err;

		*slash = '\0';
		err = vfs_mkdir(path, 0755, root);
		if (err && err != -EEXIST)
			return err;
		*slash++ = '/';
	}
	return 0;
}

int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev)
{
	struct inode *root;
	int err;

	if (!simple_relpath_ok(name, DEVNAME_MAX))
		return -EINVAL;
	if (!devtmpfs_sb)
		return 0; /* made by devtmpfs_init */
	root = devtmpfs_sb->s_root;
	err = devtmpfs_mkdirs(name, root);
	if (!err)
		err = vfs_mknod(name, S_IFCHR | mode, dev, root);
	return err;
}

void devtmpfs_delete_node(const char *name)
{
	if (devtmpfs_sb)
		vfs_unlink(name, devtmpfs_sb->s_root);
}

int devtmpfs_init(void)
{
	struct vfsmount *mnt = kern_mount(&devtmpfs_fs_type);
	int err;

	if (!mnt)
		return -ENOMEM;
	err = chrdev_create_nodes();
	if (err)
		pr_err("devtmpfs: cannot create device nodes: %d\n", err);
	return err;
}
