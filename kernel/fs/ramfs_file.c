/*
 * ramfs_file.c - regular files of ramfs: data in whole pages (Linux:
 * fs/ramfs/file-mmu.c over the page cache, mm/filemap.c).
 *
 * A file's i_private is a struct ramfs_pages: an array whose slot i holds
 * the page with bytes [i * PAGE_SIZE, (i + 1) * PAGE_SIZE), or NULL for a
 * hole, which reads as zeros. The array grows (doubling) as writes extend
 * the file; pages are allocated on first write. Invariant: bytes of a page
 * at or beyond i_size are zero, so growing a file (truncate up, a write
 * after a seek past the end) shows zeros without touching any page.
 *
 * Linux keeps file pages in the page cache (an xarray in the inode's
 * address_space), which also serves mmap; rxos has no mmap of files.
 * Process context, may sleep in the page allocator.
 */
#include "kernel/errno.h"
#include "kernel/fs/internal.h"
#include "kernel/fs/ramfs.h"
#include "kernel/mm/slab.h"
#include "lib/string.h"

struct ramfs_pages {
	unsigned long nr_slots;
	char *page[];
};

#define PAGE_MASK_OFF (PAGE_SIZE - 1)
#define BLOCKS_PER_PAGE (PAGE_SIZE / 512)

/* Make the array hold at least n slots. */
static int ramfs_grow(struct inode *inode, unsigned long n)
{
	struct ramfs_pages *old = inode->i_private, *new;
	unsigned long have = old ? old->nr_slots : 0;
	unsigned long cap = RAMFS_MAX_FILE_SIZE >> PAGE_SHIFT;

	if (n <= have)
		return 0;
	n = min(max(n, 2 * have), cap);
	new = kzalloc(sizeof(*new) + n * sizeof(new->page[0]), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	new->nr_slots = n;
	if (old)
		memcpy(new->page, old->page, have * sizeof(old->page[0]));
	kfree(old);
	inode->i_private = new;
	return 0;
}

/* Page `index`, zero-filled new if `create`; NULL: a hole, or no memory. */
static char *ramfs_page(struct inode *inode, unsigned long index, int create)
{
	struct ramfs_pages *p = inode->i_private;

	if (!p || index >= p->nr_slots)
		return NULL;
	if (!p->page[index] && create) {
		p->page[index] = (char *)get_zeroed_page(GFP_KERNEL);
		if (p->page[index])
			inode->i_blocks += BLOCKS_PER_PAGE;
	}
	return p->page[index];
}

static ssize_t ramfs_read(struct file *file, char *buf, size_t count,
			  loff_t *pos)
{
	struct inode *inode = file_inode(file);
	size_t done = 0;

	if (*pos >= inode->i_size)
		return 0;
	count = min((loff_t)count, inode->i_size - *pos);
	while (done < count) {
		size_t off = *pos & PAGE_MASK_OFF;
		size_t n = min(PAGE_SIZE - off, count - done);
		char *page = ramfs_page(inode, *pos >> PAGE_SHIFT, 0);

		if (page)
			memcpy(buf + done, page + off, n);
		else
			memset(buf + done, 0, n);
		done += n;
		*pos += n;
	}
	return done;
}

static ssize_t ramfs_write(struct file *file, const char *buf, size_t count,
			   loff_t *pos)
{
	struct inode *inode = file_inode(file);
	size_t done = 0;
	int err = generic_write_checks(file, pos, &count);

	if (err || count == 0)
		return err;
	err = ramfs_grow(inode, (*pos + count + PAGE_MASK_OFF) >> PAGE_SHIFT);
	if (err)
		return err;
	while (done < count) {
		size_t off = *pos & PAGE_MASK_OFF;
		size_t n = min(PAGE_SIZE - off, count - done);
		char *page = ramfs_page(inode, *pos >> PAGE_SHIFT, 1);

		if (!page)
			break; /* out of memory: a short write */
		memcpy(page + off, buf + done, n);
		done += n;
		*pos += n;
	}
	if (!done)
		return -ENOMEM;
	if (*pos > inode->i_size)
		inode->i_size = *pos;
	inode->i_mtime = inode->i_ctime = current_time(inode);
	return done;
}

/* Free the pages wholly beyond size, zero the tail of the one it ends in. */
static void ramfs_truncate_pages(struct inode *inode, loff_t size)
{
	struct ramfs_pages *p = inode->i_private;
	unsigned long first = (size + PAGE_MASK_OFF) >> PAGE_SHIFT;
	char *last;

	if (!p)
		return;
	for (unsigned long i = first; i < p->nr_slots; i++) {
		if (p->page[i]) {
			free_page((unsigned long)p->page[i]);
			p->page[i] = NULL;
			inode->i_blocks -= BLOCKS_PER_PAGE;
		}
	}
	last = (size & PAGE_MASK_OFF) ?
		       ramfs_page(inode, size >> PAGE_SHIFT, 0) :
		       NULL;
	if (last)
		memset(last + (size & PAGE_MASK_OFF), 0,
		       PAGE_SIZE - (size & PAGE_MASK_OFF));
}

/* ->setsize: do_truncate checked 0 <= size <= s_maxbytes. */
static int ramfs_setsize(struct inode *inode, loff_t size)
{
	if (size < inode->i_size)
		ramfs_truncate_pages(inode, size);
	inode->i_size = size;
	inode->i_mtime = inode->i_ctime = current_time(inode);
	return 0;
}

void ramfs_free_data(struct inode *inode)
{
	ramfs_truncate_pages(inode, 0);
	kfree(inode->i_private);
	inode->i_private = NULL;
}

const struct inode_operations ramfs_file_inode_operations = {
	.setsize = ramfs_setsize,
};

const struct file_operations ramfs_file_operations = {
	.llseek = generic_file_llseek,
	.read = ramfs_read,
	.write = ramfs_write,
};
