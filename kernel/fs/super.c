/*
 * super.c - super_block lifetime (Linux: fs/super.c).
 *
 * A super_block is one instance of a file system. s_active counts the mounts
 * that use it (kern_mount's internal ones included). When the last goes,
 * deactivate_super() lets the file system drop its tree (kill_sb) and marks
 * the super_block dead; the memory itself goes with its last inode, so a
 * file still open on it can never see freed memory. vfs_umount refuses with
 * -EBUSY while any inode is in use, so in practice that is at once.
 *
 * Process context. Linux adds s_umount locking, freezing, shrinkers and
 * block-device backed super_blocks.
 */
#include "kernel/errno.h"
#include "kernel/fs/internal.h"
#include "kernel/mm/slab.h"

static unsigned int last_anon_dev;

/* A new instance with one active reference; st_dev is MKDEV(0, n). */
struct super_block *alloc_super(struct file_system_type *type,
				const struct super_operations *ops)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return NULL;
	sb->s_type = type;
	sb->s_op = ops;
	sb->s_active = 1;
	sb->s_maxbytes = 0x7fffffff; /* Linux MAX_NON_LFS */
	sb->s_dev = MKDEV(0, ++last_anon_dev);
	INIT_LIST_HEAD(&sb->s_inodes);
	return sb;
}

void put_super(struct super_block *sb)
{
	if (sb->s_dead && list_empty(&sb->s_inodes))
		kfree(sb);
}

void deactivate_super(struct super_block *sb)
{
	if (--sb->s_active)
		return;
	if (sb->s_type && sb->s_type->kill_sb)
		sb->s_type->kill_sb(sb);
	sb->s_dead = 1;
	put_super(sb);
}

/* A new instance for each mount (Linux: get_tree_nodev). */
int get_sb_nodev(struct file_system_type *type,
		 const struct super_operations *ops,
		 int (*fill_super)(struct super_block *sb),
		 struct super_block **res)
{
	struct super_block *sb = alloc_super(type, ops);
	int err;

	if (!sb)
		return -ENOMEM;
	err = fill_super(sb);
	if (err) {
		deactivate_super(sb);
		return err;
	}
	*res = sb;
	return 0;
}

/*
 * One instance shared by every mount, remembered in *single (Linux:
 * get_tree_single). The type's kill_sb must clear *single.
 */
int get_sb_single(struct file_system_type *type,
		  const struct super_operations *ops,
		  int (*fill_super)(struct super_block *sb),
		  struct super_block **single, struct super_block **res)
{
	int err = 0;

	if (*single)
		(*single)->s_active++;
	else
		err = get_sb_nodev(type, ops, fill_super, single);
	*res = *single;
	return err;
}

/* In use = referenced by anything but the super_block's hold on its root. */
int super_busy(struct super_block *sb)
{
	struct inode *inode;

	list_for_each_entry(inode, &sb->s_inodes, i_sb_list)
		if (inode->i_count > (inode == sb->s_root ? 1 : 0))
			return 1;
	return 0;
}

/*
 * Unlink every name below `root`, deepest first, without recursion: a
 * hostile initramfs can nest directories thousands deep, more than a kernel
 * stack holds. We always descend into the first entry, so when a directory
 * has become empty its own name is the first entry of its parent.
 */
static void d_genocide(struct inode *root)
{
	struct inode *dir = root;

	while (dir != root || !list_empty(&dir->i_subdirs)) {
		struct inode *parent = dir->i_parent;
		struct dentry *d;

		if (list_empty(&dir->i_subdirs)) {
			d = list_first_entry(&parent->i_subdirs, struct dentry,
					     d_child);
			dir = parent;
		} else {
			d = list_first_entry(&dir->i_subdirs, struct dentry,
					     d_child);
			if (S_ISDIR(d->d_inode->i_mode) &&
			    !list_empty(&d->d_inode->i_subdirs)) {
				dir = d->d_inode;
				continue;
			}
		}
		d_delete(dir, d);
	}
}

/* kill_sb of file systems whose whole tree lives in memory. */
void kill_litter_super(struct super_block *sb)
{
	if (!sb->s_root)
		return;
	d_genocide(sb->s_root);
	sb->s_root->i_nlink = 0;
	iput(sb->s_root);
	sb->s_root = NULL;
}
