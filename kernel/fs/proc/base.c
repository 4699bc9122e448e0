/*
 * base.c - /proc/PID and /proc/self (Linux: fs/proc/base.c).
 *
 * The process code registers a struct proc_pid_ops (see proc_fs.h). Nothing
 * is stored per process here: a lookup of "42" in /proc asks pid_alive(42)
 * and makes a transient directory inode (pid in its proc_dir_entry); a
 * lookup in it makes a transient file inode bound to one pid_entry. Both go
 * away with their last reference. Readdir of /proc continues after the
 * static names with "self" and the pids from next_pid.
 *
 * Readdir positions in /proc: the static entries use their d_offset (small
 * numbers); PROC_PID_POS is "self", PROC_PID_POS + 1 + pid is that pid.
 * Inode numbers of /proc/PID and its files are derived from the pid, so
 * readdir and stat agree. Process context.
 */
#include "kernel/errno.h"
#include "kernel/fs/proc/internal.h"
#include "kernel/mm/slab.h"
#include "lib/string.h"
#include "lib/vsprintf.h"

#define PROC_PID_INO(pid, i) (0x40000000UL + (unsigned long)(pid)*64 + (i))

const struct proc_pid_ops *proc_pid_ops;

void proc_register_pid_dir(const struct proc_pid_ops *ops)
{
	proc_pid_ops = ops;
}

/* "42" -> 42; -1 for anything else ("042", "4a", "", too long). */
static int name_to_pid(const struct qstr *name)
{
	int pid = 0;

	if (name->len == 0 || name->len > 9 || name->name[0] == '0')
		return -1;
	for (unsigned int i = 0; i < name->len; i++) {
		char c = name->name[i];

		if (c < '0' || c > '9')
			return -1;
		pid = pid * 10 + (c - '0');
	}
	return pid;
}

static struct inode *proc_transient(struct inode *dir, umode_t mode, int pid,
				    const struct pid_entry *ent)
{
	struct proc_dir_entry *pde = kzalloc(sizeof(*pde), GFP_KERNEL);

	if (!pde)
		return NULL;
	pde->transient = 1;
	pde->pid = pid;
	pde->pid_entry = ent;
	return proc_get_inode(dir->i_sb, mode, pde);
}

static int proc_pid_dir_lookup(struct inode *dir, const struct qstr *name,
			       struct inode **res)
{
	const struct proc_pid_ops *ops = proc_pid_ops;
	struct proc_dir_entry *pde = dir->i_private;

	if (!ops || !ops->pid_alive(pde->pid))
		return -ENOENT;
	for (unsigned int i = 0; i < ops->nr_entries; i++) {
		const struct pid_entry *ent = &ops->entries[i];
		struct inode *inode;

		if (strlen(ent->name) != name->len ||
		    memcmp(ent->name, name->name, name->len))
			continue;
		inode = proc_transient(dir, S_IFREG | (ent->mode & S_IALLUGO),
				       pde->pid, ent);
		if (!inode)
			return -ENOMEM;
		inode->i_ino = PROC_PID_INO(pde->pid, i + 1);
		inode->i_nlink = 1;
		*res = inode;
		return 0;
	}
	return -ENOENT;
}

static int proc_pid_dir_readdir(struct file *file, struct dir_context *ctx)
{
	const struct proc_pid_ops *ops = proc_pid_ops;
	struct proc_dir_entry *pde = file_inode(file)->i_private;

	if (!ops || !dir_emit_dots(file, ctx))
		return 0;
	for (loff_t i = ctx->pos - 2; i < ops->nr_entries; i++) {
		const char *name = ops->entries[i].name;

		if (!dir_emit(ctx, name, strlen(name),
			      PROC_PID_INO(pde->pid, i + 1), DT_REG))
			return 0;
		ctx->pos++;
	}
	return 0;
}

static const struct inode_operations proc_pid_dir_iops = {
	.lookup = proc_pid_dir_lookup,
};

static const struct file_operations proc_pid_dir_fops = {
	.llseek = generic_file_llseek,
	.iterate = proc_pid_dir_readdir,
};

static int proc_self_lookup(struct inode *dir, struct inode **res)
{
	int pid = proc_pid_ops->current_pid();
	struct inode *inode = proc_transient(dir, S_IFLNK | 0777, pid, NULL);
	struct proc_dir_entry *pde;

	if (!inode)
		return -ENOMEM;
	pde = inode->i_private;
	snprintf(pde->link, sizeof(pde->link), "%d", pid);
	inode->i_size = strlen(pde->link);
	inode->i_nlink = 1;
	*res = inode;
	return 0;
}

/* Names of the root directory that are not static: "self" and pids. */
int proc_pid_lookup(struct inode *dir, const struct qstr *name,
		    struct inode **res)
{
	const struct proc_pid_ops *ops = proc_pid_ops;
	struct inode *inode;
	int pid = name_to_pid(name);

	if (!ops)
		return -ENOENT;
	if (ops->current_pid && name->len == 4 &&
	    !memcmp(name->name, "self", 4))
		return proc_self_lookup(dir, res);
	if (pid <= 0 || !ops->pid_alive(pid))
		return -ENOENT;
	inode = proc_transient(dir, S_IFDIR | 0555, pid, NULL);
	if (!inode)
		return -ENOMEM;
	inode->i_op = &proc_pid_dir_iops;
	inode->i_fop = &proc_pid_dir_fops;
	inode->i_ino = PROC_PID_INO(pid, 0);
	inode->i_nlink = 2;
	inode->i_parent = dir;
	*res = inode;
	return 0;
}

static bool proc_emit_pid(struct dir_context *ctx, int pid)
{
	char name[12];
	int len = snprintf(name, sizeof(name), "%d", pid);

	return dir_emit(ctx, name, len, PROC_PID_INO(pid, 0), DT_DIR);
}

/* The root's readdir after its static names (ctx->pos >= PROC_PID_POS). */
int proc_pid_readdir(struct file *file, struct dir_context *ctx)
{
	const struct proc_pid_ops *ops = proc_pid_ops;
	int pid;

	if (!ops)
		return 0;
	if (ctx->pos == PROC_PID_POS) {
		if (ops->current_pid &&
		    !dir_emit(ctx, "self", 4, PROC_PID_INO(0, 1), DT_LNK))
			return 0;
		ctx->pos++;
	}
	for (pid = ops->next_pid((int)(ctx->pos - PROC_PID_POS - 2)); pid > 0;
	     pid = ops->next_pid(pid)) {
		ctx->pos = PROC_PID_POS + 1 + pid;
		if (!proc_emit_pid(ctx, pid))
			return 0;
		ctx->pos++;
	}
	return 0;
}
