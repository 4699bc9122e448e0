/*
 * root.c - the proc file system type and its root directory (Linux:
 * fs/proc/root.c).
 *
 * /proc is one instance (get_sb_single), created by vfs_caches_init via
 * proc_root_init so that subsystems can register files before it is
 * mounted on /proc. Its root lists the static entries first, then the
 * per-process part from base.c. Process context.
 */
#include "kernel/errno.h"
#include "kernel/fs/proc/internal.h"

struct super_block *proc_sb;

static int proc_root_lookup(struct inode *dir, const struct qstr *name,
			    struct inode **res)
{
	int err = simple_lookup(dir, name, res);

	return err == -ENOENT ? proc_pid_lookup(dir, name, res) : err;
}

static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	if (ctx->pos < PROC_PID_POS) {
		if (!simple_readdir_all(file, ctx))
			return 0;
		ctx->pos = PROC_PID_POS;
	}
	return proc_pid_readdir(file, ctx);
}

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

static const struct file_operations proc_root_operations = {
	.llseek = generic_file_llseek,
	.iterate = proc_root_readdir,
};

int proc_fill_super(struct super_block *sb)
{
	struct inode *root = proc_get_inode(sb, S_IFDIR | 0555, NULL);

	if (!root)
		return -ENOMEM;
	root->i_op = &proc_root_inode_operations;
	root->i_fop = &proc_root_operations;
	root->i_ino = 1; /* PROC_ROOT_INO */
	root->i_nlink = 2;
	sb->s_root = root;
	return 0;
}

static int proc_get_sb(struct file_system_type *type, struct super_block **res)
{
	return get_sb_single(type, &proc_sops, proc_fill_super, &proc_sb, res);
}

static void proc_kill_sb(struct super_block *sb)
{
	kill_litter_super(sb);
	proc_sb = NULL;
}

struct file_system_type proc_fs_type = {
	.name = "proc",
	.get_sb = proc_get_sb,
	.kill_sb = proc_kill_sb,
};

/* The instance (kept by an internal mount) and the kernel's own files. */
int proc_root_init(void)
{
	if (!kern_mount(&proc_fs_type))
		return -ENOMEM;
	return proc_misc_init();
}
