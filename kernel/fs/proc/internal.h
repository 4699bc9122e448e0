/*
 * internal.h - what the /proc files share (Linux: fs/proc/internal.h).
 */
#ifndef RXOS_KERNEL_FS_PROC_INTERNAL_H
#define RXOS_KERNEL_FS_PROC_INTERNAL_H

#include "kernel/fs/internal.h"
#include "kernel/fs/proc_fs.h"

/*
 * The i_private of every /proc inode that is not a plain directory. Static
 * entries (from proc_create_*) live as long as their name; transient ones
 * are made by a lookup in /proc/PID or /proc/self and go with their last
 * reference (proc_drop_inode).
 */
struct proc_dir_entry {
	int (*show)(char *buf, int len);
	int (*store)(const char *buf, int len);
	int pid;			   /* /proc/PID and its files */
	const struct pid_entry *pid_entry; /* a /proc/PID file */
	int transient;
	char link[12]; /* /proc/self's target */
};

/* Readdir positions in /proc at and after this are "self" and the pids. */
#define PROC_PID_POS (1LL << 32)

extern struct super_block *proc_sb;
extern const struct proc_pid_ops *proc_pid_ops;

/* inode.c */
struct inode *proc_get_inode(struct super_block *sb, umode_t mode,
			     struct proc_dir_entry *pde);
int proc_fill_super(struct super_block *sb);
extern const struct super_operations proc_sops;

/* base.c: the /proc/PID part of the root directory */
int proc_pid_lookup(struct inode *dir, const struct qstr *name,
		    struct inode **res);
int proc_pid_readdir(struct file *file, struct dir_context *ctx);

/* proc_misc.c */
int proc_misc_init(void);

#endif
