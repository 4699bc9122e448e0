/*
 * initramfs.c - unpack the initramfs (a cpio archive) into "/" (Linux:
 * init/initramfs.c).
 *
 * The boot loader hands the kernel the archive as a module; start_kernel
 * passes its kernel-virtual address and length to populate_rootfs() after
 * vfs_caches_init(). Format: cpio "newc" (magic 070701, or 070702 with a
 * checksum), as `cpio -o -H newc` writes it:
 *
 *   +-------------------------+------------------+-----------------+
 *   | header: 110 ASCII bytes | name, NUL, pad   | data, pad       |  ...
 *   | "070701" + 13 x %08X    | to 4 bytes       | to 4 bytes      |
 *   +-------------------------+------------------+-----------------+
 *   fields: ino mode uid gid nlink mtime filesize devmajor devminor
 *           rdevmajor rdevminor namesize check
 *
 * and ends with an entry named "TRAILER!!!". Directories, regular files,
 * symlinks (the data is the target) and device nodes become ramfs inodes
 * with the archive's mode, owner and mtime.
 *
 * The archive is untrusted input. A first pass checks the whole archive
 * without creating anything: magic, header digits, every name and file
 * inside the buffer, names NUL-terminated and free of "..", file types
 * known, checksums, a trailer present. Any failure rejects the archive with
 * a logged reason and leaves "/" as it was. The second pass creates; an
 * entry that cannot be created (a name twice, out of memory) is logged and
 * skipped. All arithmetic is on lengths already checked against the buffer.
 *
 * Linux also accepts compressed and concatenated archives, hard links
 * (entries sharing an inode number) and removes an existing file before
 * writing one; rxos stops at the first trailer and treats each entry alone.
 * Process context (boot), may sleep.
 */
#include "kernel/errno.h"
#include "kernel/fs/internal.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "lib/string.h"

#define CPIO_HDR_LEN 110
#define CPIO_TRAILER "TRAILER!!!"

enum cpio_field {
	F_INO,
	F_MODE,
	F_UID,
	F_GID,
	F_NLINK,
	F_MTIME,
	F_FILESIZE,
	F_MAJ,
	F_MIN,
	F_RMAJ,
	F_RMIN,
	F_NAMESIZE,
	F_CHKSUM,
	F_NR
};

struct cpio_entry {
	unsigned long f[F_NR];
	int has_csum;	  /* magic 070702 */
	const char *name; /* NUL-terminated inside the archive */
	const char *data; /* f[F_FILESIZE] bytes */
};

struct cpio_reader {
	const char *buf;
	unsigned long len;
	unsigned long pos; /* next header; always <= len */
};

static unsigned long align4(unsigned long x)
{
	return (x + 3) & ~3UL;
}

/*
 * The 13 eight-digit hex fields after the magic (Linux: parse_header).
 * 0, or -1 when a field is not all hex digits.
 */
static int parse_header(const char *h, struct cpio_entry *e)
{
	char field[9], *end;

	field[8] = '\0';
	for (int i = 0; i < F_NR; i++) {
		memcpy(field, h + 6 + i * 8, 8);
		e->f[i] = simple_strtoul(field, &end, 16);
		if (end != field + 8)
			return -1;
	}
	return 0;
}

/* The name and data of the entry whose header starts at r->pos. */
static const char *cpio_locate(struct cpio_reader *r, struct cpio_entry *e)
{
	unsigned long name_at = r->pos + CPIO_HDR_LEN, data_at;
	unsigned long namesize = e->f[F_NAMESIZE];
	unsigned long size = e->f[F_FILESIZE];

	if (namesize == 0 || namesize > PATH_MAX)
		return "bad name size";
	if (namesize > r->len - name_at)
		return "name beyond end of archive";
	e->name = r->buf + name_at;
	if (e->name[namesize - 1] || strlen(e->name) != namesize - 1)
		return "name not NUL-terminated";
	data_at = align4(name_at + namesize);
	if (data_at > r->len || size > r->len - data_at)
		return "file data beyond end of archive";
	e->data = r->buf + data_at;
	r->pos = min(align4(data_at + size), r->len);
	return NULL;
}

/* Read the next entry; NULL, or why the archive is bad. */
static const char *cpio_next(struct cpio_reader *r, struct cpio_entry *e)
{
	const char *h = r->buf + r->pos;

	if (r->len - r->pos < CPIO_HDR_LEN)
		return "truncated header (no TRAILER!!!)";
	if (memcmp(h, "070701", 6) && memcmp(h, "070702", 6))
		return "bad magic";
	e->has_csum = h[5] == '2';
	if (parse_header(h, e))
		return "bad header digits";
	return cpio_locate(r, e);
}

/* "./bin/sh" and "/bin/sh" name "bin/sh"; "." and "" name "/" itself. */
static const char *entry_path(const char *name)
{
	while (name[0] == '.' && name[1] == '/')
		name += 2;
	while (name[0] == '/')
		name++;
	return (name[0] == '.' && name[1] == '\0') ? name + 1 : name;
}

static int has_dotdot(const char *p)
{
	for (;;) {
		if (p[0] == '.' && p[1] == '.' && (p[2] == '/' || !p[2]))
			return 1;
		p = strchr(p, '/');
		if (!p)
			return 0;
		p++;
	}
}

static int type_known(unsigned long mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
	case S_IFDIR:
	case S_IFLNK:
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		return 1;
	}
	return 0;
}

static unsigned long cpio_csum(const struct cpio_entry *e)
{
	unsigned long sum = 0;

	for (unsigned long i = 0; i < e->f[F_FILESIZE]; i++)
		sum += (unsigned char)e->data[i];
	return sum & 0xffffffffUL;
}

/* Pass 1: is this entry acceptable? NULL or the reason. */
static const char *check_entry(const struct cpio_entry *e)
{
	unsigned long mode = e->f[F_MODE], size = e->f[F_FILESIZE];

	if (has_dotdot(e->name))
		return "path with \"..\"";
	if (!type_known(mode))
		return "unknown file type";
	if (S_ISLNK(mode) && (size == 0 || size >= PATH_MAX))
		return "bad symlink length";
	if (e->has_csum && cpio_csum(e) != e->f[F_CHKSUM])
		return "bad checksum";
	return NULL;
}

static int is_trailer(const struct cpio_entry *e)
{
	return !strcmp(e->name, CPIO_TRAILER);
}

/* Pass 1 over the whole archive; counts the entries before the trailer. */
static const char *cpio_validate(const char *buf, unsigned long len, int *n)
{
	struct cpio_reader r = { buf, len, 0 };
	struct cpio_entry e;
	const char *err;

	for (*n = 0;; (*n)++) {
		err = cpio_next(&r, &e);
		if (err)
			return err;
		if (is_trailer(&e))
			return NULL;
		err = check_entry(&e);
		if (err)
			return err;
	}
}

static int write_all(struct file *f, const char *data, unsigned long len)
{
	loff_t pos = 0;

	while ((unsigned long)pos < len) {
		ssize_t n = vfs_write(f, data + pos, len - pos, &pos);

		if (n < 0)
			return n;
	}
	return 0;
}

static int create_file(const char *path, const struct cpio_entry *e,
		       struct inode *root)
{
	struct file *f;
	int err = vfs_open(path, O_WRONLY | O_CREAT | O_TRUNC, e->f[F_MODE],
			   root, &f);

	if (err)
		return err;
	err = write_all(f, e->data, e->f[F_FILESIZE]);
	fput(f);
	return err;
}

static int create_symlink(const char *path, const struct cpio_entry *e,
			  struct inode *root)
{
	unsigned long len = e->f[F_FILESIZE];
	char *target = kmalloc(len + 1, GFP_KERNEL);
	int err;

	if (!target)
		return -ENOMEM;
	memcpy(target, e->data, len);
	target[len] = '\0';
	err = vfs_symlink(target, path, root);
	kfree(target);
	return err;
}

static int create_entry(const char *path, const struct cpio_entry *e,
			struct inode *root)
{
	umode_t mode = (umode_t)e->f[F_MODE];
	dev_t rdev = MKDEV(e->f[F_RMAJ], e->f[F_RMIN]);
	int err;

	switch (mode & S_IFMT) {
	case S_IFDIR:
		err = vfs_mkdir(path, mode, root);
		return err == -EEXIST ? 0 : err; /* merge into what exists */
	case S_IFREG:
		return create_file(path, e, root);
	case S_IFLNK:
		return create_symlink(path, e, root);
	default:
		return vfs_mknod(path, mode, rdev, root);
	}
}

/* Owner and mtime from the archive (Linux: init_chown, do_utime). */
static void set_attrs(const char *path, const struct cpio_entry *e,
		      struct inode *root)
{
	struct inode *inode;

	if (kern_path(path, 0, root, &inode))
		return;
	inode->i_uid = e->f[F_UID];
	inode->i_gid = e->f[F_GID];
	inode->i_mtime.tv_sec = e->f[F_MTIME];
	inode->i_mtime.tv_nsec = 0;
	iput(inode);
}

/* Pass 2: create every entry; returns how many failed. */
static int cpio_unpack(const char *buf, unsigned long len, struct inode *root)
{
	struct cpio_reader r = { buf, len, 0 };
	struct cpio_entry e;
	int failed = 0;

	while (!cpio_next(&r, &e) && !is_trailer(&e)) {
		const char *path = entry_path(e.name);
		int err;

		if (!*path)
			continue; /* "." is the root itself */
		err = create_entry(path, &e, root);
		if (err) {
			pr_err("initramfs: cannot create /%s: error %d\n", path,
			       err);
			failed++;
		} else {
			set_attrs(path, &e, root);
		}
	}
	return failed;
}

/*
 * Check the archive, then unpack it (Linux: unpack_to_rootfs). Returns
 * NULL, or the reason the archive was rejected (then nothing was created).
 */
const char *unpack_to_rootfs(const char *buf, unsigned long len, int *failed)
{
	struct inode *root = get_root_inode();
	const char *err;
	int n;

	*failed = 0;
	if (!root)
		return "no root file system";
	err = cpio_validate(buf, len, &n);
	if (!err) {
		pr_info("initramfs: unpacking %lu bytes, %d entries\n", len, n);
		*failed = cpio_unpack(buf, len, root);
	}
	iput(root);
	return err;
}

/* 0; -EINVAL for a rejected archive; -EIO if some entries failed. */
int populate_rootfs(const void *buf, unsigned long len)
{
	int failed;
	const char *err = unpack_to_rootfs(buf, len, &failed);

	if (err) {
		pr_err("Initramfs unpacking failed: %s\n", err);
		return -EINVAL;
	}
	if (failed) {
		pr_err("initramfs: %d entries could not be created\n", failed);
		return -EIO;
	}
	return 0;
}
