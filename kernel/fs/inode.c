/*
 * inode.c - inode lifetime (Linux: fs/inode.c).
 *
 * An inode is alive while someone holds a reference (i_count: an open file,
 * a path walk in progress, a cwd, a super_block's root) or while a name in
 * the tree points at it (i_nlink). iput() drops a reference; when the last
 * one goes, the super_block's drop_inode decides whether to keep the inode
 * (it is still named in the tree) or to evict it: free its data, unhook it
 * from the super_block, free it.
 *
 * Callers: the file systems (new_inode), path walk and open files (ihold /
 * iput). Process context. Linux adds the inode hash and cache, writeback of
 * dirty inodes, and an LRU of unused inodes it can reclaim.
 */
#include "kernel/fs/fs.h"
#include "kernel/fs/internal.h"
#include "kernel/mm/slab.h"
#include "kernel/time.h"
#include "lib/string.h"

static unsigned long last_ino;

/* Inode numbers for file systems without their own (Linux: get_next_ino). */
unsigned long get_next_ino(void)
{
	return ++last_ino;
}

/*
 * rxos reads no real-time clock yet: times count from boot. Linux starts
 * from the RTC (read_persistent_clock64) and keeps wall-clock time.
 */
struct timespec64 current_time(struct inode *inode)
{
	uint64_t ns = local_clock();
	struct timespec64 t;

	t.tv_sec = (time64_t)(ns / 1000000000ULL);
	t.tv_nsec = (long)(ns % 1000000000ULL);
	return t;
}

/* A fresh inode with one reference (the caller's), no names yet. */
struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_sb = sb;
	inode->i_count = 1;
	inode->i_ino = get_next_ino();
	INIT_LIST_HEAD(&inode->i_subdirs);
	inode->i_next_offset = 2; /* 0 and 1 are "." and ".." */
	list_add_tail(&inode->i_sb_list, &sb->s_inodes);
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	return inode;
}

/* Set type and permissions (Linux: inode_init_owner + init_special_inode). */
void inode_init_mode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	inode->i_rdev = rdev;
	if (S_ISCHR(mode))
		inode->i_fop = &def_chr_fops;
}

struct inode *ihold(struct inode *inode)
{
	inode->i_count++;
	return inode;
}

static int generic_drop_inode(struct inode *inode)
{
	return !inode->i_nlink;
}

static void evict(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;

	if (sb->s_op && sb->s_op->evict_inode)
		sb->s_op->evict_inode(inode);
	list_del(&inode->i_sb_list);
	kfree(inode);
	put_super(sb);
}

void iput(struct inode *inode)
{
	struct super_operations const *op;
	int drop;

	if (!inode)
		return;
	BUG_ON(inode->i_count <= 0);
	if (--inode->i_count)
		return;
	op = inode->i_sb->s_op;
	drop = op && op->drop_inode ? op->drop_inode(inode) :
				      generic_drop_inode(inode);
	if (drop)
		evict(inode);
}
