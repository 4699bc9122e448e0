/*
 * ramfs.c - a file system that is only memory (Linux: fs/ramfs/inode.c).
 *
 * The root ("rootfs"), extra "ramfs" mounts and devtmpfs are all ramfs:
 * directories are in-memory name lists (libfs.c), regular files are page
 * arrays (ramfs_file.c), symlinks keep their target in i_private. Nothing
 * is ever written back; unlink frees the memory (once the file is closed).
 *
 * Called by the VFS in process context. Each creating method allocates the
 * inode first and then links it with d_add, which fails cleanly (-EEXIST)
 * if the name appeared meanwhile: no sleeping between check and link.
 */
#include "kernel/errno.h"
#include "kernel/fs/internal.h"
#include "kernel/fs/ramfs.h"
#include "kernel/mm/slab.h"
#include "lib/string.h"

static const struct inode_operations ramfs_dir_inode_operations;

static const char *ramfs_get_link(struct inode *inode)
{
	return inode->i_private;
}

static const struct inode_operations ramfs_symlink_inode_operations = {
	.get_link = ramfs_get_link,
};

static void ramfs_evict_inode(struct inode *inode)
{
	if (S_ISREG(inode->i_mode))
		ramfs_free_data(inode);
	else if (S_ISLNK(inode->i_mode))
		kfree(inode->i_private);
}

const struct super_operations ramfs_ops = {
	.evict_inode = ramfs_evict_inode,
};

struct inode *ramfs_get_inode(struct super_block *sb, umode_t mode, dev_t dev)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode_init_mode(inode, mode, dev);
	if (S_ISREG(mode)) {
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
	} else if (S_ISDIR(mode)) {
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
	} else if (S_ISLNK(mode)) {
		inode->i_op = &ramfs_symlink_inode_operations;
	}
	return inode;
}

static int ramfs_create(struct inode *dir, const struct qstr *name,
			umode_t mode, struct inode **res)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, mode, 0);
	int err;

	if (!inode)
		return -ENOMEM;
	err = d_add(dir, name, inode);
	if (err) {
		iput(inode);
		return err;
	}
	*res = inode;
	return 0;
}

static int ramfs_mknod(struct inode *dir, const struct qstr *name, umode_t mode,
		       dev_t dev)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, mode, dev);
	int err;

	if (!inode)
		return -ENOMEM;
	err = d_add(dir, name, inode);
	iput(inode); /* linked: i_nlink keeps it; not linked: it goes */
	return err;
}

static int ramfs_mkdir(struct inode *dir, const struct qstr *name, umode_t mode)
{
	return ramfs_mknod(dir, name, mode | S_IFDIR, 0);
}

static int ramfs_symlink(struct inode *dir, const struct qstr *name,
			 const char *target)
{
	size_t len = strlen(target);
	struct inode *inode = ramfs_get_inode(dir->i_sb, S_IFLNK | 0777, 0);
	int err = -ENOMEM;

	if (!inode)
		return err;
	inode->i_private = kmalloc(len + 1, GFP_KERNEL);
	if (inode->i_private) {
		memcpy(inode->i_private, target, len + 1);
		inode->i_size = len;
		err = d_add(dir, name, inode);
	}
	iput(inode);
	return err;
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.lookup = simple_lookup,
	.create = ramfs_create,
	.mkdir = ramfs_mkdir,
	.mknod = ramfs_mknod,
	.symlink = ramfs_symlink,
	.unlink = simple_unlink,
	.rmdir = simple_rmdir,
};

int ramfs_fill_super(struct super_block *sb)
{
	struct inode *root = ramfs_get_inode(sb, S_IFDIR | 0755, 0);

	if (!root)
		return -ENOMEM;
	sb->s_maxbytes = RAMFS_MAX_FILE_SIZE;
	root->i_nlink = 2;
	sb->s_root = root; /* the sb's reference */
	return 0;
}

/* A new, empty instance (each ramfs mount is its own tree). */
static int ramfs_get_sb(struct file_system_type *type, struct super_block **res)
{
	return get_sb_nodev(type, &ramfs_ops, ramfs_fill_super, res);
}

struct file_system_type rootfs_fs_type = {
	.name = "rootfs",
	.get_sb = ramfs_get_sb,
	.kill_sb = kill_litter_super,
};

struct file_system_type ramfs_fs_type = {
	.name = "ramfs",
	.get_sb = ramfs_get_sb,
	.kill_sb = kill_litter_super,
};
