/*
 * fs.h - the virtual file system: its objects and entry points (Linux:
 * include/linux/fs.h, namei.h, stat.h, mount.h, file.h).
 *
 * Objects, and who owns a reference to them:
 *
 *   struct inode    one file, directory, device node or symlink. Kept alive
 *                   by i_count (open files, path walks in progress, a
 *                   process's cwd, a mount) and by i_nlink (names in the
 *                   tree). iput() frees it when both are gone.
 *   struct dentry   one name in a directory: (name, inode). A directory holds
 *                   a list of them, oldest first. The dentry does not hold
 *                   an i_count reference; it is counted in i_nlink.
 *   struct file     one open(): f_op, f_pos, f_flags. Refcounted by f_count
 *                   (get_file / fput); holds one i_count on its inode.
 *   super_block     one mounted instance of a file system type.
 *   vfsmount        a super_block attached on a directory ("/proc").
 *
 * What rxos leaves out: Linux's dentry is a cache (dcache) of names with
 * parent pointers, negative entries, hashing, LRU and RCU path walks, and
 * lets one inode have many names (hard links). Here a dentry exists only in
 * directories that hold their names in memory (ramfs, devtmpfs, the static
 * part of /proc), a lookup walks a list, and only directories record their
 * parent (i_parent, for ".."). There is no permission check: every process
 * acts as root (Linux: inode_permission, may_open).
 *
 * BUFFERS ARE KERNEL MEMORY. Every buffer this API takes or fills (read,
 * write, getdents64, stat, procfs show/store) is a kernel buffer. The
 * system-call layer copies user memory in and out (copy_from_user /
 * copy_to_user), in chunks for large transfers; file_operations never see a
 * user pointer. Only ioctl's `arg` reaches a driver as the raw user value.
 *
 * The system-call layer, per call (kbuf: a kernel copy of the user data):
 *   open      vfs_open(kpath, flags, mode & ~umask, cwd, &f); install f
 *   read      pos = f->f_pos; n = vfs_read(f, kbuf, len, &pos);
 *             f->f_pos = pos (pread64 passes its own pos); write alike
 *   lseek     vfs_llseek(f, off, whence)
 *   getdents  vfs_getdents64(f, kbuf, n)
 *   stat      vfs_stat/vfs_lstat/vfs_fstat -> kstat -> struct stat64
 *   close     fput(f); dup and fork: get_file(f)
 *   chdir     kern_path(p, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, cwd, &new)
 *   getcwd    d_path(cwd, kbuf, n)
 *   ioctl     vfs_ioctl(f, cmd, arg)
 *   others    vfs_mkdir, vfs_rmdir, vfs_unlink, vfs_symlink,
 *             vfs_readlink, vfs_mknod, vfs_truncate, vfs_ftruncate
 * A process's cwd is a referenced inode; the first comes from
 * get_root_inode(). Every path argument is a kernel string.
 *
 * Context: process context, may sleep (allocations). rxos does not preempt
 * kernel code, and every operation that checks and then changes a directory
 * does both without sleeping in between (allocate first, then check and link),
 * so no lock guards the tree. Linux holds the directory's i_rwsem instead.
 * Errors: negative Linux errno values (kernel/errno.h).
 */
#ifndef RXOS_KERNEL_FS_FS_H
#define RXOS_KERNEL_FS_FS_H

#include "kernel/fs/uapi.h"
#include "kernel/kernel.h"
#include "kernel/list.h"

struct inode;
struct file;
struct super_block;
struct dir_context;
struct poll_table_struct; /* owned by the poll/epoll code; opaque here */
struct epitem;		  /* fs/eventpoll.c */

/* A name component: not NUL-terminated, len bytes (Linux: struct qstr). */
struct qstr {
	const char *name;
	unsigned int len;
};

struct timespec64 {
	time64_t tv_sec;
	long tv_nsec;
};

/*
 * Directory and inode methods. Names arrive as qstr, already checked to be
 * 1..NAME_MAX bytes, not "." or "..", without '/'. Return 0 or -errno.
 * A method that is NULL makes the VFS answer -EPERM (create, mkdir, ...),
 * -ENOTDIR (lookup) or -EINVAL (get_link, setsize), as Linux does.
 */
struct inode_operations {
	/* *res gets a referenced inode (iput it), or -ENOENT. */
	int (*lookup)(struct inode *dir, const struct qstr *name,
		      struct inode **res);
	/* New regular file; *res gets a referenced inode. */
	int (*create)(struct inode *dir, const struct qstr *name, umode_t mode,
		      struct inode **res);
	int (*mkdir)(struct inode *dir, const struct qstr *name, umode_t mode);
	int (*mknod)(struct inode *dir, const struct qstr *name, umode_t mode,
		     dev_t dev);
	int (*symlink)(struct inode *dir, const struct qstr *name,
		       const char *target);
	/* victim: what lookup found under name (the VFS checked its type). */
	int (*unlink)(struct inode *dir, const struct qstr *name,
		      struct inode *victim);
	int (*rmdir)(struct inode *dir, const struct qstr *name,
		     struct inode *victim);
	/* The target of a symlink, NUL-terminated, valid while referenced. */
	const char *(*get_link)(struct inode *inode);
	/* truncate/extend (Linux: ->setattr with ATTR_SIZE). */
	int (*setsize)(struct inode *inode, loff_t size);
};

/*
 * File methods (Linux signatures; buffers are kernel memory, see above).
 * read/write: transfer at *pos and advance it; return bytes or -errno; a
 * read returning 0 means end of file. Device files may ignore *pos.
 * iterate: emit directory entries from ctx->pos on with dir_emit().
 * poll: the POLLIN/POLLOUT/... mask now, and register on pt's wait queues.
 * unlocked_ioctl: arg is the raw value from user space (a user pointer for
 * most commands; the driver copies with copy_from_user/copy_to_user).
 * open: called once per vfs_open after f_op is set; release on the last
 * fput. Any method may be NULL (see vfs_read etc. for what that means).
 */
struct file_operations {
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read)(struct file *file, char *buf, size_t count,
			loff_t *pos);
	ssize_t (*write)(struct file *file, const char *buf, size_t count,
			 loff_t *pos);
	int (*iterate)(struct file *file, struct dir_context *ctx);
	unsigned int (*poll)(struct file *file, struct poll_table_struct *pt);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd,
			       unsigned long arg);
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
};

/* What a file that has no ->poll reports: always ready (regular files). */
#define DEFAULT_POLLMASK 0x145u /* POLLIN|POLLOUT|POLLRDNORM|POLLWRNORM */

struct inode {
	umode_t i_mode;	      /* S_IFxxx | permission bits */
	unsigned int i_nlink; /* names in the tree (dirs: +1 for ".") */
	uid_t i_uid;
	gid_t i_gid;
	unsigned long i_ino;
	dev_t i_rdev; /* device nodes: MKDEV(major, minor) */
	loff_t i_size;
	unsigned long i_blocks; /* 512-byte units of data held */
	struct timespec64 i_atime, i_mtime, i_ctime;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop; /* copied to f_op at open */
	struct super_block *i_sb;
	struct list_head i_sb_list; /* on i_sb->s_inodes */
	int i_count;		    /* references, see iput() */
	void *i_private;	    /* the file system's data */

	/* Directories that keep their names in memory (libfs.c): */
	struct list_head i_subdirs; /* struct dentry, by d_offset */
	loff_t i_next_offset;	    /* d_offset for the next new name */
	struct inode *i_parent;	    /* while linked; NULL at a root */
};

/* A name in a directory (see the top of this file for what Linux adds). */
struct dentry {
	struct list_head d_child; /* on the parent's i_subdirs */
	struct inode *d_inode;	  /* counted in d_inode->i_nlink */
	loff_t d_offset;	  /* readdir position, never reused */
	unsigned int d_namelen;
	char d_name[]; /* NUL-terminated */
};

/* f_mode: what this open may do, from O_ACCMODE. */
#define FMODE_READ 0x1u
#define FMODE_WRITE 0x2u

struct file {
	const struct file_operations *f_op;
	struct inode *f_inode; /* referenced */
	unsigned int f_flags;  /* O_xxx as given to open (no O_CREAT...) */
	unsigned int f_mode;   /* FMODE_READ | FMODE_WRITE */
	loff_t f_pos;	       /* read/write/getdents position */
	int f_count;	       /* get_file / fput */
	void *private_data;    /* the driver's, set in ->open */
	struct epitem *f_ep;   /* epoll items watching it (fs/eventpoll.c) */
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

/* stat() result; the syscall layer converts it to struct stat64. */
struct kstat {
	unsigned long long ino;
	dev_t dev; /* the super_block's anonymous device */
	umode_t mode;
	unsigned int nlink;
	uid_t uid;
	gid_t gid;
	dev_t rdev;
	loff_t size;
	struct timespec64 atime, mtime, ctime;
	unsigned int blksize;
	unsigned long long blocks; /* 512-byte units */
};

/*
 * getdents64 machinery (Linux fs/readdir.c). ->iterate calls dir_emit() for
 * each entry at or after ctx->pos and sets ctx->pos to the position after
 * it; it stops when dir_emit returns false (the buffer is full).
 */
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name,
			  int namelen, loff_t offset, unsigned long long ino,
			  unsigned int d_type);
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

static inline bool dir_emit(struct dir_context *ctx, const char *name,
			    int namelen, unsigned long long ino,
			    unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

/* ---- super blocks and file system types (super.c, filesystems.c) ---- */

struct super_operations {
	/* Free the inode when its last reference goes? NULL: when !i_nlink. */
	int (*drop_inode)(struct inode *inode);
	/* Release i_private and data before the inode is freed. */
	void (*evict_inode)(struct inode *inode);
};

struct super_block {
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	struct inode *s_root;	   /* holds one reference */
	loff_t s_maxbytes;	   /* largest file (-EFBIG beyond) */
	dev_t s_dev;		   /* MKDEV(0, n), for st_dev */
	int s_active;		   /* mounts using it, kern_mount included */
	int s_dead;		   /* kill_sb ran; freed with its last inode */
	struct list_head s_inodes; /* every live inode, for umount's check */
	void *s_fs_info;
};

struct file_system_type {
	const char *name;
	/* Return a super_block with s_root set and s_active counted. */
	int (*get_sb)(struct file_system_type *fs_type,
		      struct super_block **sb);
	/* Last mount gone: drop the tree (kill_litter_super for RAM file systems). */
	void (*kill_sb)(struct super_block *sb);
	struct file_system_type *next;
};

int register_filesystem(struct file_system_type *fs);
int unregister_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);

struct super_block *alloc_super(struct file_system_type *type,
				const struct super_operations *ops);
void deactivate_super(struct super_block *sb);
int get_sb_nodev(struct file_system_type *type,
		 const struct super_operations *ops,
		 int (*fill_super)(struct super_block *sb),
		 struct super_block **res);
int get_sb_single(struct file_system_type *type,
		  const struct super_operations *ops,
		  int (*fill_super)(struct super_block *sb),
		  struct super_block **single, struct super_block **res);
void kill_litter_super(struct super_block *sb);

/* ---- inodes (inode.c) ---- */

struct inode *new_inode(struct super_block *sb);
void inode_init_mode(struct inode *inode, umode_t mode, dev_t rdev);
struct inode *ihold(struct inode *inode);
void iput(struct inode *inode);
struct timespec64 current_time(struct inode *inode);
unsigned long get_next_ino(void);

/* ---- directories held in memory (libfs.c) ---- */

struct dentry *d_lookup(struct inode *dir, const struct qstr *name);
int d_add(struct inode *dir, const struct qstr *name, struct inode *inode);
void d_delete(struct inode *dir, struct dentry *dentry);
int simple_lookup(struct inode *dir, const struct qstr *name,
		  struct inode **res);
int simple_unlink(struct inode *dir, const struct qstr *name,
		  struct inode *victim);
int simple_rmdir(struct inode *dir, const struct qstr *name,
		 struct inode *victim);
int simple_empty(struct inode *dir);
int dcache_readdir(struct file *file, struct dir_context *ctx);
bool simple_readdir_all(struct file *file, struct dir_context *ctx);
int simple_relpath_ok(const char *name, size_t max);
bool dir_emit_dots(struct file *file, struct dir_context *ctx);
int d_path(struct inode *dir, char *buf, int buflen);
extern const struct file_operations simple_dir_operations;

/* ---- mounts (namespace.c) ---- */

int vfs_mount(const char *path, const char *fstype);
int vfs_umount(const char *path);
struct inode *get_root_inode(void);

/* ---- path walk and names (namei.c) ----
 * cwd: where relative paths start (the caller's current directory, not
 * consumed); NULL means "/". */

#define LOOKUP_FOLLOW 0x1u    /* follow a symlink in the last component */
#define LOOKUP_DIRECTORY 0x2u /* the result must be a directory */

int kern_path(const char *path, unsigned int flags, struct inode *cwd,
	      struct inode **res);
int vfs_mkdir(const char *path, umode_t mode, struct inode *cwd);
int vfs_rmdir(const char *path, struct inode *cwd);
int vfs_unlink(const char *path, struct inode *cwd);
int vfs_symlink(const char *target, const char *path, struct inode *cwd);
int vfs_mknod(const char *path, umode_t mode, dev_t dev, struct inode *cwd);
int vfs_readlink(const char *path, struct inode *cwd, char *buf, int buflen);

/* ---- open files (open.c, file_table.c, read_write.c, readdir.c, stat.c) */

int vfs_open(const char *path, unsigned int flags, umode_t mode,
	     struct inode *cwd, struct file **res);
int alloc_file(struct inode *inode, unsigned int flags,
	       const struct file_operations *fops, struct file **res);
int alloc_file_pseudo(umode_t mode, unsigned int flags,
		      const struct file_operations *fops, void *private_data,
		      struct file **res);
struct file *get_file(struct file *file);
void fput(struct file *file);

ssize_t vfs_read(struct file *file, char *buf, size_t count, loff_t *pos);
ssize_t vfs_write(struct file *file, const char *buf, size_t count,
		  loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
int vfs_truncate(const char *path, loff_t length, struct inode *cwd);
int vfs_ftruncate(struct file *file, loff_t length);
int do_truncate(struct inode *inode, loff_t length);
int generic_write_checks(struct file *file, loff_t *pos, size_t *count);
unsigned int vfs_poll(struct file *file, struct poll_table_struct *pt);
long vfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg);

int vfs_getdents64(struct file *file, void *buf, unsigned int count);
int iterate_dir(struct file *file, struct dir_context *ctx);

void generic_fillattr(struct inode *inode, struct kstat *stat);
int vfs_stat(const char *path, struct inode *cwd, struct kstat *stat);
int vfs_lstat(const char *path, struct inode *cwd, struct kstat *stat);
int vfs_fstat(struct file *file, struct kstat *stat);

/* ---- character devices (char_dev.c, devtmpfs.c, mem.c) ----
 * A driver registers its file_operations for a device number and gets a
 * node in /dev. The tty layer, for instance, in its init:
 *
 *     register_chrdev_node("ttyS0", 0620, MKDEV(4, 64), &tty_fops);
 *     register_chrdev_node("ttyS1", 0620, MKDEV(4, 65), &tty_fops);
 *     register_chrdev_node("console", 0600, MKDEV(5, 1), &console_fops);
 *
 * (Linux's numbers.) open("/dev/ttyS0") then calls tty_fops.open with the
 * node's inode: MINOR(inode->i_rdev) says which port; set
 * file->private_data there. read/write/poll/ioctl/release follow. May be
 * called before or after vfs_caches_init. /dev/null (1,3) and /dev/zero
 * (1,5) are registered by the VFS itself.
 */

#define MAX_CHRDEV 32
int register_chrdev_node(const char *name, umode_t mode, dev_t dev,
			 const struct file_operations *fops);
void unregister_chrdev_node(const char *name, dev_t dev);
extern const struct file_operations def_chr_fops;

/* ---- bring-up (namespace.c, initramfs.c) ---- */

int vfs_caches_init(void);
int populate_rootfs(const void *buf, unsigned long len);
int prepare_namespace(void);
int vfs_exit(void);

#endif
