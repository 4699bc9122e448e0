/*
 * host_vfs.h - the VFS (kernel/fs) compiled into a host unit test.
 *
 * Include after unit.h. Provides the kernel services the VFS calls:
 *   kmalloc & co. from shim_slab.h (host_alloc_fail_in = N fails the Nth
 *   allocation from now, pages included), get_zeroed_page/free_pages
 *   counted in host_pages; printk from shim_printk.h (host_log_has);
 *   local_clock, boot_command_line, linux_banner.
 * and the helpers every VFS test starts and ends with:
 *   vfs_test_begin()  vfs_caches_init() on a clean slate
 *   vfs_test_end()    vfs_exit() must find nothing in use, and every
 *                     allocation must have been freed
 */
#ifndef RXOS_TESTS_UNIT_HOST_VFS_H
#define RXOS_TESTS_UNIT_HOST_VFS_H

#include <stdarg.h>
#include <stdlib.h>

#include "kernel/params.h"
#include "lib/string.c"
#include "lib/vsprintf.c"
#include "tests/unit/shim_printk.h"
#include "tests/unit/shim_slab.h"

/* ---- pages, next to shim_slab.h's kmalloc ---- */

static long host_pages; /* pages not yet freed */

unsigned long get_zeroed_page(gfp_t gfp)
{
	void *p;

	if (host_alloc_should_fail())
		return 0;
	p = aligned_alloc(PAGE_SIZE, PAGE_SIZE);
	memset(p, 0, PAGE_SIZE);
	host_pages++;
	return (unsigned long)p;
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr) {
		host_pages--;
		free((void *)addr);
	}
}

/* ---- clock, boot data ---- */

volatile unsigned long jiffies;
uint64_t local_clock(void)
{
	return (uint64_t)jiffies * 10000000ULL;
}

char boot_command_line[COMMAND_LINE_SIZE] = "console=ttyS0 selftest=vfs";
const char linux_banner[] = "Linux version 0.1.0-rxos (host test)";

/* No file of these tests is ever in an epoll set (test_eventpoll.c
 * tests that path); fput still names the hook. */
struct file;
void eventpoll_release_file(struct file *file) {}

/* ---- the code under test ---- */

#include "kernel/fs/char_dev.c"
#include "kernel/fs/devtmpfs.c"
#include "kernel/fs/file_table.c"
#include "kernel/fs/filesystems.c"
#include "kernel/fs/initramfs.c"
#include "kernel/fs/inode.c"
#include "kernel/fs/libfs.c"
#include "kernel/fs/mem.c"
#include "kernel/fs/namei.c"
#include "kernel/fs/namespace.c"
#include "kernel/fs/open.c"
#include "kernel/fs/proc/base.c"
#include "kernel/fs/proc/generic.c"
#include "kernel/fs/proc/inode.c"
#include "kernel/fs/proc/proc_misc.c"
#include "kernel/fs/proc/root.c"
#include "kernel/fs/ramfs.c"
#include "kernel/fs/ramfs_file.c"
#include "kernel/fs/read_write.c"
#include "kernel/fs/readdir.c"
#include "kernel/fs/stat.c"
#include "kernel/fs/super.c"

/* ---- per-test helpers ---- */

static void vfs_test_begin(void)
{
	host_alloc_fail_in = 0;
	host_log_clear();
	CHECK_EQ(vfs_caches_init(), 0);
}

static void vfs_test_end(void)
{
	host_alloc_fail_in = 0;
	CHECK_EQ(vfs_exit(), 0);
	CHECK_EQ(host_kmalloc_live, 0);
	CHECK_EQ(host_pages, 0);
}

/* Whole-file helpers: open, write/read everything at f_pos, close. */
static int write_file(const char *path, const char *data, unsigned int flags)
{
	struct file *f;
	loff_t pos;
	int err = vfs_open(path, O_WRONLY | O_CREAT | flags, 0644, NULL, &f);

	if (err)
		return err;
	pos = f->f_pos;
	err = (int)vfs_write(f, data, strlen(data), &pos);
	fput(f);
	return err;
}

/* Reads up to len-1 bytes in chunks of `chunk`; NUL-terminates. */
static int read_file_chunked(const char *path, char *buf, int len, int chunk)
{
	struct file *f;
	int got = 0, n;
	loff_t pos = 0;
	int err = vfs_open(path, O_RDONLY, 0, NULL, &f);

	if (err)
		return err;
	do {
		n = (int)vfs_read(f, buf + got, min(chunk, len - 1 - got), &pos);
		if (n > 0)
			got += n;
	} while (n > 0 && got < len - 1);
	buf[got] = '\0';
	fput(f);
	return n < 0 ? n : got;
}

static int read_file(const char *path, char *buf, int len)
{
	return read_file_chunked(path, buf, len, 4096);
}

/* Names from getdents64 in order, space-separated, bufsize bytes per call. */
static int list_dir_with(const char *path, char *out, int outlen,
			 unsigned int bufsize)
{
	char buf[4096] __attribute__((aligned(8)));
	struct file *f;
	int n, err = vfs_open(path, O_RDONLY | O_DIRECTORY, 0, NULL, &f);

	out[0] = '\0';
	if (err)
		return err;
	while ((n = vfs_getdents64(f, buf, min(bufsize, sizeof(buf)))) > 0) {
		for (int off = 0; off < n;) {
			struct linux_dirent64 *d = (void *)(buf + off);

			if (out[0])
				strncat(out, " ", outlen - strlen(out) - 1);
			strncat(out, d->d_name, outlen - strlen(out) - 1);
			off += d->d_reclen;
		}
	}
	fput(f);
	return n;
}

static int list_dir(const char *path, char *out, int outlen)
{
	return list_dir_with(path, out, outlen, 4096);
}

#endif
