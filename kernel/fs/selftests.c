/*
 * selftests.c - the VFS on the real machine: selftest=vfs_initramfs.
 *
 * start_kernel has mounted the root ramfs, unpacked the initramfs into it
 * and mounted /dev and /proc. The test lists "/" into the log ("vfs: ls /: bin dev ..."), prints /proc/mounts, and checks a
 * round trip through a file in /tmp and /dev/null. The integration test
 * tests/integration/test_vfs.py reads those lines.
 *
 * Process context (end of start_kernel), interrupts on.
 */
#include "kernel/errno.h"
#include "kernel/fs/fs.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "kernel/selftest.h"
#include "lib/string.h"
#include "lib/vsprintf.h"

#define LS_BUF 2048

/* start_kernel unpacked the initramfs: its /bin must be there. */
static int initramfs_present(void)
{
	struct inode *bin;
	int err = kern_path("/bin", LOOKUP_FOLLOW | LOOKUP_DIRECTORY, NULL, &bin);

	if (err) {
		pr_err("vfs_initramfs: no /bin: the initramfs was not unpacked\n");
		return err;
	}
	iput(bin);
	return 0;
}

/* Append the names of one getdents64 buffer to line (not "." or ".."). */
static void names_of(const char *buf, int n, char *line, int linelen)
{
	for (int off = 0; off < n;) {
		const struct linux_dirent64 *d = (const void *)(buf + off);
		int used = strlen(line);

		if (strcmp(d->d_name, ".") && strcmp(d->d_name, ".."))
			snprintf(line + used, linelen - used, " %s", d->d_name);
		off += d->d_reclen;
	}
}

static int ls(const char *path)
{
	char *buf = kmalloc(2 * LS_BUF, GFP_KERNEL);
	struct file *f;
	int n, err = buf ? vfs_open(path, O_RDONLY | O_DIRECTORY, 0, NULL, &f) :
			   -ENOMEM;

	if (err) {
		kfree(buf);
		return err;
	}
	buf[LS_BUF] = '\0';
	while ((n = vfs_getdents64(f, buf, LS_BUF)) > 0)
		names_of(buf, n, buf + LS_BUF, LS_BUF);
	pr_info("vfs: ls %s:%s\n", path, buf + LS_BUF);
	fput(f);
	kfree(buf);
	return n;
}

/* Print a small text file line by line, prefixed. */
static int cat(const char *path)
{
	char *buf = kmalloc(LS_BUF, GFP_KERNEL);
	struct file *f;
	loff_t pos = 0;
	int n, err = buf ? vfs_open(path, O_RDONLY, 0, NULL, &f) : -ENOMEM;

	if (err) {
		kfree(buf);
		return err;
	}
	n = vfs_read(f, buf, LS_BUF - 1, &pos);
	fput(f);
	if (n >= 0) {
		buf[n] = '\0';
		for (char *l = buf, *nl; *l; l = nl + 1) {
			nl = strchr(l, '\n');
			if (!nl)
				break;
			*nl = '\0';
			pr_info("vfs: %s: %s\n", path, l);
		}
	}
	kfree(buf);
	return n < 0 ? n : 0;
}

/* Write, read back and remove /tmp/selftest; write to /dev/null. */
static int round_trip(void)
{
	char back[16];
	struct file *f;
	loff_t pos = 0;
	int err = vfs_open("/tmp/selftest", O_RDWR | O_CREAT | O_TRUNC, 0644,
			   NULL, &f);

	if (err)
		return err;
	if (vfs_write(f, "rxos vfs", 8, &pos) != 8)
		err = -EIO;
	pos = 0;
	if (!err &&
	    (vfs_read(f, back, 16, &pos) != 8 || memcmp(back, "rxos vfs", 8)))
		err = -EIO;
	fput(f);
	if (!err)
		err = vfs_unlink("/tmp/selftest", NULL);
	if (!err)
		err = vfs_open("/dev/null", O_WRONLY, 0, NULL, &f);
	if (!err) {
		err = vfs_write(f, back, 8, &pos) == 8 ? 0 : -EIO;
		fput(f);
	}
	return err;
}

SELFTEST(vfs_initramfs)
{
	int err = ls("/");

	if (!err)
		err = initramfs_present();
	if (!err)
		err = ls("/dev");
	if (!err)
		err = cat("/proc/mounts");
	if (!err) {
		err = vfs_mkdir("/tmp", 01777, NULL);
		err = err == -EEXIST ? round_trip() : err ? err : round_trip();
	}
	if (err)
		pr_err("vfs_initramfs: error %d\n", err);
	return err;
}
