/*
 * namespace.c - the mount table and bringing the root up (Linux:
 * fs/namespace.c, init/do_mounts.c, fs/proc_namespace.c).
 *
 * One global list of struct vfsmount, oldest first:
 *
 *   rootfs   "/"      the root ramfs (root_mnt), never unmounted
 *   devtmpfs, proc    kern_mount()s: no mountpoint, they keep the single
 *                     instance alive so drivers can register /dev and /proc
 *                     entries before (and whether or not) it is mounted
 *   devtmpfs "/dev", proc "/proc"   attached by prepare_namespace()
 *
 * The path walk asks lookup_mnt() whether a directory is covered and then
 * continues in the mounted root (follow_mount); ".." at a mounted root goes
 * to the mountpoint first (mnt_of_root). One mount per directory and one
 * attached mount per super_block keep this a plain list search.
 *
 * Boot order (start_kernel, process context, after mm is up):
 *   vfs_caches_init();                  "/" as an empty ramfs, /proc, /dev
 *   populate_rootfs(initrd, initrd_len); unpack the initramfs into "/"
 *   prepare_namespace();                mount /dev and /proc
 *
 * Linux adds mount namespaces, propagation, bind mounts, per-mount flags,
 * stacking several mounts on one directory, and lazy umount (MNT_DETACH).
 */
#include "kernel/errno.h"
#include "kernel/fs/internal.h"
#include "kernel/fs/proc_fs.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "lib/string.h"

static LIST_HEAD(mount_list);
static struct vfsmount *root_mnt;

struct inode *get_root_inode(void)
{
	return root_mnt ? ihold(root_mnt->mnt_root) : NULL;
}

struct vfsmount *lookup_mnt(struct inode *dir)
{
	struct vfsmount *mnt;

	list_for_each_entry(mnt, &mount_list, mnt_list)
		if (mnt->mnt_mountpoint == dir)
			return mnt;
	return NULL;
}

/* The mount whose root is `root`, preferring an attached one. */
struct vfsmount *mnt_of_root(struct inode *root)
{
	struct vfsmount *mnt, *internal = NULL;

	list_for_each_entry(mnt, &mount_list, mnt_list) {
		if (mnt->mnt_root != root)
			continue;
		if (mnt->mnt_mountpoint)
			return mnt;
		internal = mnt;
	}
	return internal;
}

/* Consumes the reference on `inode`, returns one on what is visible there. */
struct inode *follow_mount(struct inode *inode)
{
	struct vfsmount *mnt;

	while ((mnt = lookup_mnt(inode)) != NULL) {
		struct inode *next = ihold(mnt->mnt_root);

		iput(inode);
		inode = next;
	}
	return inode;
}

/* A mount of a new (or the single) instance of `type`, attached nowhere. */
struct vfsmount *kern_mount(struct file_system_type *type)
{
	struct vfsmount *mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);
	struct super_block *sb;

	if (!mnt)
		return NULL;
	if (type->get_sb(type, &sb)) {
		kfree(mnt);
		return NULL;
	}
	mnt->mnt_sb = sb;
	mnt->mnt_root = sb->s_root; /* sb holds it while we hold s_active */
	list_add_tail(&mnt->mnt_list, &mount_list);
	return mnt;
}

void kern_unmount(struct vfsmount *mnt)
{
	list_del(&mnt->mnt_list);
	if (mnt->mnt_mountpoint)
		iput(mnt->mnt_mountpoint);
	deactivate_super(mnt->mnt_sb);
	kfree(mnt->mnt_path);
	kfree(mnt);
}

static int sb_attached(struct super_block *sb)
{
	struct vfsmount *mnt;

	list_for_each_entry(mnt, &mount_list, mnt_list)
		if (mnt->mnt_sb == sb && mnt->mnt_mountpoint)
			return 1;
	return 0;
}

/* Attach mnt on dir (consumes the reference on dir). */
static int attach_mnt(struct vfsmount *mnt, struct inode *dir)
{
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	int len = path ? d_path(dir, path, PATH_MAX) : -ENOMEM;

	if (len < 0) {
		kfree(path);
		return len;
	}
	mnt->mnt_path = kmalloc(len + 1, GFP_KERNEL);
	if (mnt->mnt_path)
		memcpy(mnt->mnt_path, path, len + 1);
	kfree(path);
	if (!mnt->mnt_path)
		return -ENOMEM;
	mnt->mnt_mountpoint = dir;
	return 0;
}

static int do_new_mount(struct file_system_type *type, struct inode *dir)
{
	struct vfsmount *under = mnt_of_root(dir), *mnt;
	int err;

	/* rxos: one mount per directory, none on "/" or on a mounted root */
	if (lookup_mnt(dir) || dir == root_mnt->mnt_root ||
	    (under && under->mnt_mountpoint))
		return -EBUSY;
	mnt = kern_mount(type);
	if (!mnt)
		return -ENOMEM;
	err = sb_attached(mnt->mnt_sb) ? -EBUSY : attach_mnt(mnt, dir);
	if (err)
		kern_unmount(mnt);
	return err;
}

/* Mount a new instance of `fstype` ("proc", "ramfs"...) on directory `path`. */
int vfs_mount(const char *path, const char *fstype)
{
	struct file_system_type *type = get_fs_type(fstype);
	struct inode *dir;
	int err;

	if (!type)
		return -ENODEV;
	if (!root_mnt)
		return -ENOENT;
	err = kern_path(path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, NULL, &dir);
	if (err)
		return err;
	err = do_new_mount(type, dir);
	if (err)
		iput(dir);
	return err;
}

/* -EINVAL: not a mountpoint; -EBUSY: something in it is in use. */
int vfs_umount(const char *path)
{
	struct vfsmount *mnt;
	struct inode *root;
	int err;

	err = kern_path(path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, NULL, &root);
	if (err)
		return err;
	mnt = mnt_of_root(root);
	iput(root);
	if (!mnt || !mnt->mnt_mountpoint)
		return -EINVAL;
	if (super_busy(mnt->mnt_sb))
		return -EBUSY;
	kern_unmount(mnt);
	return 0;
}

/* /proc/mounts: "source dir type options 0 0", as Linux prints it. */
int mounts_show(char *buf, int len)
{
	struct vfsmount *mnt;
	int n = 0;

	list_for_each_entry(mnt, &mount_list, mnt_list) {
		const char *name = mnt->mnt_sb->s_type->name;

		if (mnt == root_mnt)
			n = proc_printf(buf, len, n, "%s / %s rw 0 0\n", name,
					name);
		else if (mnt->mnt_mountpoint)
			n = proc_printf(buf, len, n, "%s %s %s rw 0 0\n", name,
					mnt->mnt_path, name);
	}
	return n;
}

/* The root: an empty ramfs (Linux: init_mount_tree with rootfs). */
int init_rootfs(void)
{
	root_mnt = kern_mount(&rootfs_fs_type);
	return root_mnt ? 0 : -ENOMEM;
}

static struct file_system_type *const builtin_fs[] = {
	&rootfs_fs_type,
	&ramfs_fs_type,
	&devtmpfs_fs_type,
	&proc_fs_type,
};

/*
 * Bring the VFS up: file system types, "/" (empty), the /dev and /proc
 * instances with /dev/null, /dev/zero and the kernel's own /proc files.
 * Process context, after the memory allocators; before any driver calls
 * proc_create_*() (register_chrdev_node may come earlier).
 */
int vfs_caches_init(void)
{
	int err = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(builtin_fs); i++)
		register_filesystem(builtin_fs[i]);
	err = init_rootfs();
	if (!err)
		err = devtmpfs_init();
	if (!err)
		err = chr_dev_init();
	if (!err)
		err = proc_root_init();
	if (err)
		pr_err("VFS: cannot set up the root file system: %d\n", err);
	else
		pr_info("VFS: rootfs mounted on /\n");
	return err;
}

/* mkdir -p dir, then mount fstype on it. */
static int mount_on_dir(const char *dir, const char *fstype)
{
	int err = vfs_mkdir(dir, 0755, NULL);

	if (err && err != -EEXIST)
		return err;
	return vfs_mount(dir, fstype);
}

/*
 * After populate_rootfs: mount /dev and /proc (Linux: devtmpfs_mount; there
 * /proc is mounted by init).
 */
int prepare_namespace(void)
{
	int err = mount_on_dir("/dev", "devtmpfs");

	if (!err)
		err = mount_on_dir("/proc", "proc");
	if (err)
		pr_err("VFS: cannot mount /dev and /proc: %d\n", err);
	return err;
}

/*
 * Undo vfs_caches_init: unmount everything, newest first, and forget the
 * file system types and devices. Host unit tests call it at the end of each
 * test so that they can check that nothing leaked: -EBUSY means some inode
 * or file is still referenced. A running kernel never calls it.
 */
int vfs_exit(void)
{
	while (!list_empty(&mount_list)) {
		struct vfsmount *mnt =
			list_entry(mount_list.prev, struct vfsmount, mnt_list);

		if (super_busy(mnt->mnt_sb))
			return -EBUSY;
		kern_unmount(mnt);
	}
	root_mnt = NULL;
	for (unsigned int i = 0; i < ARRAY_SIZE(builtin_fs); i++)
		unregister_filesystem(builtin_fs[i]);
	chrdev_reset();
	return 0;
}
