/*
 * internal.h - what the VFS files share with each other but not with file
 * systems or drivers (Linux: fs/internal.h, fs/mount.h).
 */
#ifndef RXOS_KERNEL_FS_INTERNAL_H
#define RXOS_KERNEL_FS_INTERNAL_H

#include "kernel/fs/fs.h"

/*
 * A super_block attached somewhere. mnt_mountpoint is the directory it
 * covers (NULL for "/" and for kern_mount's internal mounts); both inodes
 * are referenced. mnt_path is the mountpoint's absolute path, kept for
 * /proc/mounts.
 */
struct vfsmount {
	struct list_head mnt_list;
	struct super_block *mnt_sb;
	struct inode *mnt_root;
	struct inode *mnt_mountpoint;
	char *mnt_path;
};

/* super.c */
void put_super(struct super_block *sb);
int super_busy(struct super_block *sb);

/* namespace.c */
struct vfsmount *lookup_mnt(struct inode *dir);
struct vfsmount *mnt_of_root(struct inode *root);
struct inode *follow_mount(struct inode *inode);
struct vfsmount *kern_mount(struct file_system_type *type);
void kern_unmount(struct vfsmount *mnt);
int init_rootfs(void);
int mounts_show(char *buf, int len);

/* filesystems.c */
int filesystems_proc_show(char *buf, int len);

/* namei.c: the parent of `path` and the name it ends in. */
enum last_type {
	LAST_NORM,
	LAST_ROOT,
	LAST_DOT,
	LAST_DOTDOT
};
struct nameidata {
	struct inode *dir; /* referenced */
	struct qstr last;  /* points into the caller's path */
	enum last_type last_type;
	int trailing_slash;
};
int path_parentat(const char *path, struct inode *cwd, struct nameidata *nd);
int lookup_last(struct nameidata *nd, struct inode **res);

/* initramfs.c: NULL, or why the archive was rejected */
const char *unpack_to_rootfs(const char *buf, unsigned long len, int *failed);

/* char_dev.c, devtmpfs.c, mem.c */
const struct file_operations *chrdev_fops(dev_t dev);
int chrdev_create_nodes(void);
void chrdev_reset(void);
int devtmpfs_init(void);
int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev);
void devtmpfs_delete_node(const char *name);
int chr_dev_init(void);

/* ramfs.c: the shared base of rootfs, ramfs and devtmpfs */
extern struct file_system_type rootfs_fs_type, ramfs_fs_type, devtmpfs_fs_type;

/* proc */
int proc_root_init(void);
extern struct file_system_type proc_fs_type;

#endif
