/*
 * mem.c - /dev/null and /dev/zero (Linux: drivers/char/mem.c).
 *
 * Major 1 as on Linux: null is (1, 3), zero is (1, 5). Registered by
 * vfs_caches_init through chr_dev_init. Reads and writes run in the
 * caller's process context and never sleep.
 */
#include "kernel/fs/internal.h"
#include "lib/string.h"

static ssize_t read_null(struct file *file, char *buf, size_t count,
			 loff_t *pos)
{
	return 0;
}

static ssize_t write_null(struct file *file, const char *buf, size_t count,
			  loff_t *pos)
{
	return count;
}

static ssize_t read_zero(struct file *file, char *buf, size_t count,
			 loff_t *pos)
{
	memset(buf, 0, count);
	return count;
}

/* Seeking always succeeds and lands at 0, as on Linux. */
static loff_t null_lseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos = 0;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek,
	.read = read_null,
	.write = write_null,
};

static const struct file_operations zero_fops = {
	.llseek = null_lseek,
	.read = read_zero,
	.write = write_null,
};

int chr_dev_init(void)
{
	int err = register_chrdev_node("null", 0666, MKDEV(1, 3), &null_fops);

	if (!err)
		err = register_chrdev_node("zero", 0666, MKDEV(1, 5),
					   &zero_fops);
	return err;
}
