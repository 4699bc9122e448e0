/*
 * readdir.c - getdents64 (Linux: fs/readdir.c).
 *
 * The directory's ->iterate calls filldir64 once per entry; filldir64 packs
 * struct linux_dirent64 records into the caller's buffer until one does not
 * fit. Each record's d_off is the position after it, so lseek(fd, d_off)
 * or the next getdents64 resumes right behind it. The buffer is kernel
 * memory; the syscall layer copies the records out.
 */
#include "kernel/errno.h"
#include "kernel/fs/internal.h"
#include "lib/string.h"

struct getdents_callback64 {
	struct dir_context ctx;
	char *current;		     /* where the next record goes */
	struct linux_dirent64 *prev; /* its d_off is set by the next one */
	unsigned int count;	     /* bytes left */
	int error;
};

static bool filldir64(struct dir_context *ctx, const char *name, int namlen,
		      loff_t offset, unsigned long long ino,
		      unsigned int d_type)
{
	struct getdents_callback64 *buf =
		container_of(ctx, struct getdents_callback64, ctx);
	unsigned int reclen = ALIGN_UP(
		offsetof(struct linux_dirent64, d_name) + namlen + 1, 8u);
	struct linux_dirent64 *d = (struct linux_dirent64 *)buf->current;

	buf->error = -EINVAL; /* reported only if not even one record fits */
	if (reclen > buf->count)
		return false;
	if (buf->prev)
		buf->prev->d_off = offset;
	d->d_ino = ino;
	d->d_off = 0;
	d->d_reclen = reclen;
	d->d_type = d_type;
	memcpy(d->d_name, name, namlen);
	memset(d->d_name + namlen, 0,
	       reclen - offsetof(struct linux_dirent64, d_name) - namlen);
	buf->prev = d;
	buf->current += reclen;
	buf->count -= reclen;
	return true;
}

/* Run ->iterate from f_pos and store where it stopped. */
int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int res;

	if (!file->f_op || !file->f_op->iterate)
		return -ENOTDIR;
	ctx->pos = file->f_pos;
	res = file->f_op->iterate(file, ctx);
	file->f_pos = ctx->pos;
	inode->i_atime = current_time(inode);
	return res;
}

/*
 * Fill buf (count bytes, 8-byte aligned) with records from file->f_pos on.
 * Returns bytes used, 0 at the end of the directory, -EINVAL if the next
 * record alone does not fit, -ENOTDIR.
 */
int vfs_getdents64(struct file *file, void *dirent, unsigned int count)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir64,
		.current = dirent,
		.count = count,
	};
	int error = iterate_dir(file, &buf.ctx);

	if (error >= 0)
		error = buf.error;
	if (buf.prev) {
		buf.prev->d_off = buf.ctx.pos;
		error = count - buf.count;
	}
	return error;
}
