/*
 * Host tests for kernel/fs/initramfs.c: cpio "newc" archives built in
 * memory, valid ones (checked by walking the resulting tree) and hostile
 * ones (rejected with a logged reason, nothing created, nothing leaked).
 */
#include "tests/unit/unit.h"
#include "tests/unit/host_vfs.h"

/* ---- building archives ---- */

struct cpio {
	char buf[96 * 1024];
	unsigned long len;
	unsigned int ino;
};

/* All 13 header fields, so hostile tests can set any of them. */
struct hdr {
	unsigned long f[F_NR];
};

static void put_pad4(struct cpio *c)
{
	while (c->len & 3)
		c->buf[c->len++] = '\0';
}

static void cpio_raw(struct cpio *c, const char *magic, const struct hdr *h,
		     const char *name, unsigned long namelen, const void *data,
		     unsigned long size)
{
	c->len += sprintf(c->buf + c->len, "%s", magic);
	for (int i = 0; i < F_NR; i++)
		c->len += sprintf(c->buf + c->len, "%08lX", h->f[i]);
	memcpy(c->buf + c->len, name, namelen);
	c->len += namelen;
	put_pad4(c);
	if (size)
		memcpy(c->buf + c->len, data, size);
	c->len += size;
	put_pad4(c);
}

static struct hdr hdr_for(struct cpio *c, const char *name, unsigned long mode,
			  unsigned long size)
{
	struct hdr h = { { 0 } };

	h.f[F_INO] = ++c->ino;
	h.f[F_MODE] = mode;
	h.f[F_NLINK] = 1;
	h.f[F_MTIME] = 1700000000;
	h.f[F_FILESIZE] = size;
	h.f[F_NAMESIZE] = strlen(name) + 1;
	return h;
}

static void cpio_add(struct cpio *c, const char *name, unsigned long mode,
		     const char *data)
{
	unsigned long size = data ? strlen(data) : 0;
	struct hdr h = hdr_for(c, name, mode, size);

	cpio_raw(c, "070701", &h, name, strlen(name) + 1, data, size);
}

static void cpio_trailer(struct cpio *c)
{
	cpio_add(c, "TRAILER!!!", 0, NULL);
}

static struct cpio arc;

static void arc_reset(void)
{
	memset(&arc, 0, sizeof(arc));
}

/* ---- checking the tree ---- */

static int mode_of(const char *path)
{
	struct kstat st;
	int err = vfs_lstat(path, NULL, &st);

	return err ? err : st.mode;
}

static int root_is_empty(void)
{
	char buf[256] __attribute__((aligned(8)));
	struct file *f;
	int n;

	if (vfs_open("/", O_RDONLY, 0, NULL, &f))
		return 0;
	n = vfs_getdents64(f, buf, sizeof(buf));
	fput(f);
	return n == 48; /* "." and ".." only */
}

/* The archive is rejected with `why` in the log and "/" stays empty. */
static void check_rejected(const char *why)
{
	CHECK_EQ(populate_rootfs(arc.buf, arc.len), -EINVAL);
	if (!host_log_has(why))
		FAILF("log lacks \"%s\": %s", why, host_log);
	CHECK(host_log_has("Initramfs unpacking failed"));
	CHECK(root_is_empty());
}

/* One entry "a" (data "abc") whose header field `field` is `value`. */
static void check_field_rejected(const char *magic, int field,
				 unsigned long value, const char *why)
{
	struct hdr h;

	vfs_test_begin();
	arc_reset();
	h = hdr_for(&arc, "a", S_IFREG | 0644, 3);
	h.f[field] = value;
	cpio_raw(&arc, magic, &h, "a", 2, "abc", 3);
	cpio_trailer(&arc);
	check_rejected(why);
	vfs_test_end();
}

/* ---- valid archives ---- */

TEST(unpacks_dirs_files_symlinks_and_nodes_with_modes)
{
	char buf[64];
	struct kstat st;

	vfs_test_begin();
	arc_reset();
	cpio_add(&arc, ".", S_IFDIR | 0755, NULL);
	cpio_add(&arc, "bin", S_IFDIR | 0755, NULL);
	cpio_add(&arc, "bin/hello", S_IFREG | 0755, "#!hello\n");
	cpio_add(&arc, "dev", S_IFDIR | 0755, NULL);
	cpio_add(&arc, "etc", S_IFDIR | 0700, NULL);
	cpio_add(&arc, "etc/motd", S_IFREG | 0640, "welcome");
	cpio_add(&arc, "sbin", S_IFDIR | 0755, NULL);
	cpio_add(&arc, "sbin/init", S_IFLNK | 0777, "../bin/hello");
	{
		struct hdr h = hdr_for(&arc, "dev/console", S_IFCHR | 0600, 0);

		h.f[F_RMAJ] = 5;
		h.f[F_RMIN] = 1;
		h.f[F_UID] = 7;
		cpio_raw(&arc, "070701", &h, "dev/console", 12, NULL, 0);
	}
	cpio_trailer(&arc);
	CHECK_EQ(populate_rootfs(arc.buf, arc.len), 0);
	CHECK(host_log_has("initramfs: unpacking"));
	CHECK_EQ(mode_of("/bin"), S_IFDIR | 0755);
	CHECK_EQ(mode_of("/etc"), S_IFDIR | 0700);
	CHECK_EQ(mode_of("/etc/motd"), S_IFREG | 0640);
	CHECK_EQ(mode_of("/sbin/init"), S_IFLNK | 0777);
	CHECK_EQ(read_file("/etc/motd", buf, sizeof(buf)), 7);
	CHECK_STR(buf, "welcome");
	CHECK_EQ(read_file("/sbin/init", buf, sizeof(buf)), 8); /* via the link */
	CHECK_STR(buf, "#!hello\n");
	CHECK_EQ(vfs_lstat("/dev/console", NULL, &st), 0);
	CHECK_EQ(st.mode, S_IFCHR | 0600);
	CHECK_EQ(st.rdev, MKDEV(5, 1));
	CHECK_EQ(st.uid, 7);
	CHECK_EQ(st.mtime.tv_sec, 1700000000);
	vfs_test_end();
}

TEST(dot_slash_and_leading_slash_prefixes_are_stripped)
{
	vfs_test_begin();
	arc_reset();
	cpio_add(&arc, "./a", S_IFDIR | 0755, NULL);
	cpio_add(&arc, "/a/b", S_IFREG | 0644, "b");
	cpio_add(&arc, "./", S_IFDIR | 0755, NULL);
	cpio_trailer(&arc);
	CHECK_EQ(populate_rootfs(arc.buf, arc.len), 0);
	CHECK_EQ(mode_of("/a/b"), S_IFREG | 0644);
	vfs_test_end();
}

TEST(file_spanning_several_pages_is_copied_exactly)
{
	static char data[10000], back[10001];

	vfs_test_begin();
	arc_reset();
	for (int i = 0; i < (int)sizeof(data) - 1; i++)
		data[i] = (char)('A' + i % 26);
	cpio_add(&arc, "big", S_IFREG | 0644, data);
	cpio_trailer(&arc);
	CHECK_EQ(populate_rootfs(arc.buf, arc.len), 0);
	CHECK_EQ(read_file("/big", back, sizeof(back)), sizeof(data) - 1);
	CHECK(!memcmp(data, back, sizeof(data) - 1));
	vfs_test_end();
}

TEST(newc_with_checksum_is_verified)
{
	struct hdr h;

	vfs_test_begin();
	arc_reset();
	h = hdr_for(&arc, "f", S_IFREG | 0644, 3);
	h.f[F_CHKSUM] = 'a' + 'b' + 'c';
	cpio_raw(&arc, "070702", &h, "f", 2, "abc", 3);
	cpio_trailer(&arc);
	CHECK_EQ(populate_rootfs(arc.buf, arc.len), 0);
	CHECK_EQ(mode_of("/f"), S_IFREG | 0644);
	vfs_test_end();
	check_field_rejected("070702", F_CHKSUM, 1, "bad checksum");
}

TEST(entry_that_cannot_be_created_is_logged_and_skipped)
{
	vfs_test_begin();
	arc_reset();
	cpio_add(&arc, "nodir/f", S_IFREG | 0644, "x"); /* parent missing */
	cpio_add(&arc, "ok", S_IFREG | 0644, "y");
	cpio_add(&arc, "ok/sub", S_IFDIR | 0755, NULL); /* parent is a file */
	cpio_trailer(&arc);
	CHECK_EQ(populate_rootfs(arc.buf, arc.len), -EIO);
	CHECK(host_log_has("cannot create /nodir/f: error -2"));
	CHECK(host_log_has("cannot create /ok/sub: error -20"));
	CHECK(host_log_has("2 entries could not be created"));
	CHECK_EQ(mode_of("/ok"), S_IFREG | 0644);
	vfs_test_end();
}

TEST(bytes_after_the_trailer_are_ignored)
{
	vfs_test_begin();
	arc_reset();
	cpio_add(&arc, "a", S_IFREG | 0644, "a");
	cpio_trailer(&arc);
	memset(arc.buf + arc.len, 0, 512); /* cpio pads to 512-byte blocks */
	memcpy(arc.buf + arc.len + 512, "junk", 4);
	arc.len += 516;
	CHECK_EQ(populate_rootfs(arc.buf, arc.len), 0);
	vfs_test_end();
}

TEST(unpacking_survives_every_allocation_failure)
{
	for (long n = 0; n < 30; n++) {
		vfs_test_begin();
		arc_reset();
		cpio_add(&arc, "d", S_IFDIR | 0755, NULL);
		cpio_add(&arc, "d/f", S_IFREG | 0644, "data");
		cpio_add(&arc, "l", S_IFLNK | 0777, "d/f");
		cpio_trailer(&arc);
		host_alloc_fail_in = n + 1;
		int err = populate_rootfs(arc.buf, arc.len);
		CHECK(err == 0 || err == -EIO);
		vfs_test_end();
	}
}

/* ---- hostile archives ---- */

TEST(rejects_bad_magic)
{
	vfs_test_begin();
	arc_reset();
	cpio_add(&arc, "a", S_IFREG | 0644, "a");
	cpio_trailer(&arc);
	memcpy(arc.buf, "070707", 6); /* the old "odc" format */
	check_rejected("bad magic");
	vfs_test_end();
}

TEST(rejects_empty_and_truncated_header)
{
	vfs_test_begin();
	arc_reset();
	check_rejected("truncated header");
	vfs_test_end();

	vfs_test_begin();
	arc_reset();
	cpio_add(&arc, "a", S_IFREG | 0644, "a");
	cpio_trailer(&arc);
	arc.len -= 60; /* cut inside the trailer's header */
	check_rejected("truncated header");
	vfs_test_end();
}

TEST(rejects_missing_trailer)
{
	vfs_test_begin();
	arc_reset();
	cpio_add(&arc, "a", S_IFREG | 0644, "a");
	check_rejected("no TRAILER!!!");
	vfs_test_end();
}

TEST(rejects_non_hex_header_digits)
{
	vfs_test_begin();
	arc_reset();
	cpio_add(&arc, "a", S_IFREG | 0644, "a");
	cpio_trailer(&arc);
	arc.buf[6 + 8 * F_FILESIZE + 3] = 'G';
	check_rejected("bad header digits");
	vfs_test_end();
}

TEST(rejects_name_or_data_beyond_the_buffer)
{
	check_field_rejected("070701", F_NAMESIZE, 3000,
			     "name beyond end of archive");
	check_field_rejected("070701", F_FILESIZE, 5000,
			     "file data beyond end of archive");
}

TEST(rejects_huge_sizes_without_overflow)
{
	check_field_rejected("070701", F_FILESIZE, 0xffffffffUL,
			     "file data beyond end of archive");
	check_field_rejected("070701", F_NAMESIZE, 0xffffffffUL,
			     "bad name size");
	check_field_rejected("070701", F_NAMESIZE, 0, "bad name size");
}

TEST(rejects_name_without_nul)
{
	struct hdr h;

	vfs_test_begin();
	arc_reset();
	h = hdr_for(&arc, "abcd", S_IFREG | 0644, 0);
	h.f[F_NAMESIZE] = 4; /* "abcd" with no room for the NUL */
	cpio_raw(&arc, "070701", &h, "abcdxxxx", 8, NULL, 0);
	cpio_trailer(&arc);
	check_rejected("name not NUL-terminated");
	vfs_test_end();
}

TEST(rejects_paths_with_dotdot_anywhere)
{
	static const char *const bad[] = {
		"../etc/passwd", "a/../../x", "a/..", "..", "./../x",
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		vfs_test_begin();
		arc_reset();
		cpio_add(&arc, "a", S_IFDIR | 0755, NULL);
		cpio_add(&arc, bad[i], S_IFREG | 0644, "evil");
		cpio_trailer(&arc);
		check_rejected("path with \"..\"");
		vfs_test_end();
	}
	vfs_test_begin(); /* ".." only as a whole component */
	arc_reset();
	cpio_add(&arc, "..foo", S_IFREG | 0644, "ok");
	cpio_add(&arc, "x..", S_IFREG | 0644, "ok");
	cpio_trailer(&arc);
	CHECK_EQ(populate_rootfs(arc.buf, arc.len), 0);
	vfs_test_end();
}

TEST(rejects_unknown_types_and_bad_symlinks)
{
	vfs_test_begin();
	arc_reset();
	cpio_add(&arc, "weird", 0170000 | 0644, NULL);
	cpio_trailer(&arc);
	check_rejected("unknown file type");
	vfs_test_end();

	vfs_test_begin();
	arc_reset();
	cpio_add(&arc, "l", S_IFLNK | 0777, NULL); /* empty target */
	cpio_trailer(&arc);
	check_rejected("bad symlink length");
	vfs_test_end();
}

TEST(rejected_archive_leaves_existing_tree_alone)
{
	vfs_test_begin();
	CHECK_EQ(vfs_mkdir("/keep", 0755, NULL), 0);
	arc_reset();
	cpio_add(&arc, "new", S_IFREG | 0644, "x");
	cpio_add(&arc, "../escape", S_IFREG | 0644, "x");
	cpio_trailer(&arc);
	CHECK_EQ(populate_rootfs(arc.buf, arc.len), -EINVAL);
	CHECK_EQ(mode_of("/new"), -ENOENT); /* checked before creating */
	CHECK_EQ(mode_of("/keep"), S_IFDIR | 0755);
	vfs_test_end();
}

/* ---- the real thing ---- */

TEST(real_build_initramfs_unpacks_if_built)
{
	FILE *fp = fopen("build/initramfs.cpio", "rb");
	static char img[8 << 20];
	size_t n;

	if (!fp)
		return; /* run from `make unit-test`, which builds it first */
	n = fread(img, 1, sizeof(img), fp);
	fclose(fp);
	vfs_test_begin();
	CHECK_EQ(populate_rootfs(img, n), 0);
	CHECK_EQ(mode_of("/bin") & S_IFMT, S_IFDIR);
	CHECK_EQ(mode_of("/dev") & S_IFMT, S_IFDIR);
	CHECK_EQ(mode_of("/proc") & S_IFMT, S_IFDIR);
	CHECK_EQ(prepare_namespace(), 0);
	CHECK_EQ(mode_of("/dev/null"), S_IFCHR | 0666);
	vfs_test_end();
}

RUN_TESTS()
