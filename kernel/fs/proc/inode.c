/*
 * inode.c - /proc inodes and reading a /proc file (Linux: fs/proc/inode.c,
 * fs/seq_file.c).
 *
 * Opening a /proc file for reading runs its show function once and keeps
 * the text (the snapshot) in file->private_data; read() copies slices of it
 * and release frees it. A buffer that may have been too small (show
 * returned len - 1 or more: snprintf-style shows return what they needed,
 * scnprintf-style ones stop at len - 1) is doubled and show called again,
 * up to PROC_MAX_SNAPSHOT; past that the text is cut. Writes go to store,
 * one write() at a time.
 *
 * Process context: show and store run in the process that opened or wrote.
 * Linux's seq_file calls show per chunk and offers single_open() for the
 * whole-text style used here; rxos keeps only the latter.
 */
#include "kernel/errno.h"
#include "kernel/fs/proc/internal.h"
#include "kernel/mm/slab.h"
#include "lib/string.h"

struct proc_snapshot {
	int len;
	char text[];
};

static int pde_show(const struct proc_dir_entry *pde, char *buf, int len)
{
	if (pde->pid_entry)
		return pde->pid_entry->show(pde->pid, buf, len);
	return pde->show ? pde->show(buf, len) : 0;
}

/* Run show into a buffer big enough for its whole text. */
static int proc_snapshot(const struct proc_dir_entry *pde,
			 struct proc_snapshot **res)
{
	int size = PAGE_SIZE, room, n;
	struct proc_snapshot *snap;

	for (;;) {
		snap = kmalloc(size, GFP_KERNEL);
		if (!snap)
			return -ENOMEM;
		room = size - (int)sizeof(*snap);
		n = pde_show(pde, snap->text, room);
		if (n < 0) {
			kfree(snap);
			return n;
		}
		if (n < room - 1 || size >= PROC_MAX_SNAPSHOT)
			break; /* fits (a full buffer may mean it did not) */
		kfree(snap);
		size *= 2;
	}
	snap->len = min(n, room);
	*res = snap;
	return 0;
}

static int proc_reg_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *pde = inode->i_private;
	struct proc_snapshot *snap = NULL;
	int err;

	if ((file->f_mode & FMODE_WRITE) && !pde->store)
		return -EACCES;
	if (file->f_mode & FMODE_READ) {
		err = proc_snapshot(pde, &snap);
		if (err)
			return err;
	}
	file->private_data = snap;
	return 0;
}

static ssize_t proc_reg_read(struct file *file, char *buf, size_t count,
			     loff_t *pos)
{
	struct proc_snapshot *snap = file->private_data;
	size_t n;

	if (*pos >= snap->len)
		return 0;
	n = min((loff_t)count, snap->len - *pos);
	memcpy(buf, snap->text + *pos, n);
	*pos += n;
	return n;
}

static ssize_t proc_reg_write(struct file *file, const char *buf, size_t count,
			      loff_t *pos)
{
	struct proc_dir_entry *pde = file_inode(file)->i_private;
	char *kbuf;
	int err;

	if (count >= PAGE_SIZE)
		return -EINVAL;
	kbuf = kmalloc(count + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	memcpy(kbuf, buf, count);
	kbuf[count] = '\0';
	err = pde->store(kbuf, count);
	kfree(kbuf);
	return err ? err : (ssize_t)count;
}

static int proc_reg_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct file_operations proc_reg_file_ops = {
	.llseek = generic_file_llseek,
	.read = proc_reg_read,
	.write = proc_reg_write,
	.open = proc_reg_open,
	.release = proc_reg_release,
};

/* O_TRUNC on a /proc file ("echo 1 > /proc/sys/x") is accepted, ignored. */
static int proc_setsize(struct inode *inode, loff_t size)
{
	return 0;
}

static const struct inode_operations proc_file_inode_operations = {
	.setsize = proc_setsize,
};

static const char *proc_get_link(struct inode *inode)
{
	struct proc_dir_entry *pde = inode->i_private;

	return pde->link;
}

static const struct inode_operations proc_link_inode_operations = {
	.get_link = proc_get_link,
};

static const struct inode_operations proc_dir_inode_operations = {
	.lookup = simple_lookup,
};

/* An inode for pde (which it owns from now on, also on failure). */
struct inode *proc_get_inode(struct super_block *sb, umode_t mode,
			     struct proc_dir_entry *pde)
{
	struct inode *inode = new_inode(sb);

	if (!inode) {
		kfree(pde);
		return NULL;
	}
	inode_init_mode(inode, mode, 0);
	inode->i_private = pde;
	if (S_ISDIR(mode)) {
		inode->i_op = &proc_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
	} else if (S_ISREG(mode)) {
		inode->i_op = &proc_file_inode_operations;
		inode->i_fop = &proc_reg_file_ops;
	} else if (S_ISLNK(mode)) {
		inode->i_op = &proc_link_inode_operations;
	}
	return inode;
}

static int proc_drop_inode(struct inode *inode)
{
	struct proc_dir_entry *pde = inode->i_private;

	return !inode->i_nlink || (pde && pde->transient);
}

static void proc_evict_inode(struct inode *inode)
{
	kfree(inode->i_private);
}

const struct super_operations proc_sops = {
	.drop_inode = proc_drop_inode,
	.evict_inode = proc_evict_inode,
};
