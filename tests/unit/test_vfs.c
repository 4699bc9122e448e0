/*
 * Host tests for the VFS core (kernel/fs): path walk, open/read/write/
 * lseek/truncate, mkdir/rmdir/unlink, symlinks, getdents64 records, stat,
 * mounts, /dev and reference counting. Every test starts from an empty
 * root and ends with nothing referenced and nothing allocated.
 */
#include "tests/unit/unit.h"
#include "tests/unit/host_vfs.h"

static int file_size(const char *path)
{
	struct kstat st;
	int err = vfs_stat(path, NULL, &st);

	return err ? err : (int)st.size;
}

/* ---- path walk ---- */

TEST(walk_handles_dots_repeated_and_trailing_slashes)
{
	struct inode *a, *b;

	vfs_test_begin();
	CHECK_EQ(vfs_mkdir("/usr", 0755, NULL), 0);
	CHECK_EQ(vfs_mkdir("/usr/bin", 0755, NULL), 0);
	CHECK_EQ(kern_path("/usr/bin", 0, NULL, &a), 0);
	CHECK_EQ(kern_path("//usr///./bin/", 0, NULL, &b), 0);
	CHECK(a == b);
	iput(b);
	CHECK_EQ(kern_path("/usr/bin/../bin/.", 0, NULL, &b), 0);
	CHECK(a == b);
	iput(b);
	CHECK_EQ(kern_path("/../../usr/bin", 0, NULL, &b), 0); /* "/.." is "/" */
	CHECK(a == b);
	iput(b);
	iput(a);
	vfs_test_end();
}

TEST(walk_relative_to_cwd_and_dotdot_to_parent)
{
	struct inode *cwd, *r, *root;

	vfs_test_begin();
	CHECK_EQ(vfs_mkdir("/a", 0755, NULL), 0);
	CHECK_EQ(vfs_mkdir("/a/b", 0755, NULL), 0);
	CHECK_EQ(write_file("/a/f", "x", 0), 1);
	CHECK_EQ(kern_path("/a/b", LOOKUP_DIRECTORY, NULL, &cwd), 0);
	CHECK_EQ(kern_path("../f", 0, cwd, &r), 0);
	CHECK(S_ISREG(r->i_mode));
	iput(r);
	CHECK_EQ(kern_path("../..", 0, cwd, &r), 0);
	root = get_root_inode();
	CHECK(r == root);
	iput(r);
	iput(root);
	CHECK_EQ(kern_path("f", 0, cwd, &r), -ENOENT);
	iput(cwd);
	vfs_test_end();
}

TEST(walk_reports_enoent_enotdir_and_empty_path)
{
	struct inode *r;

	vfs_test_begin();
	CHECK_EQ(write_file("/file", "data", 0), 4);
	CHECK_EQ(kern_path("/nope", 0, NULL, &r), -ENOENT);
	CHECK_EQ(kern_path("/nope/x", 0, NULL, &r), -ENOENT);
	CHECK_EQ(kern_path("/file/x", 0, NULL, &r), -ENOTDIR);
	CHECK_EQ(kern_path("/file/", 0, NULL, &r), -ENOTDIR);
	CHECK_EQ(kern_path("/file/.", 0, NULL, &r), -ENOTDIR);
	CHECK_EQ(kern_path("/file", LOOKUP_DIRECTORY, NULL, &r), -ENOTDIR);
	CHECK_EQ(kern_path("", 0, NULL, &r), -ENOENT);
	vfs_test_end();
}

TEST(walk_rejects_long_names_and_paths)
{
	static char name[NAME_MAX + 3], path[PATH_MAX + 2];
	struct inode *r;

	vfs_test_begin();
	name[0] = '/';
	memset(name + 1, 'n', NAME_MAX + 1); /* one byte too long */
	CHECK_EQ(kern_path(name, 0, NULL, &r), -ENAMETOOLONG);
	CHECK_EQ(vfs_mkdir(name, 0755, NULL), -ENAMETOOLONG);
	name[NAME_MAX + 1] = '\0'; /* exactly NAME_MAX: fine */
	CHECK_EQ(vfs_mkdir(name, 0755, NULL), 0);
	CHECK_EQ(kern_path(name, 0, NULL, &r), 0);
	iput(r);
	for (int i = 0; i < PATH_MAX + 1; i += 2)
		memcpy(path + i, "/.", 2);
	path[PATH_MAX + 1] = '\0';
	CHECK_EQ(kern_path(path, 0, NULL, &r), -ENAMETOOLONG);
	path[PATH_MAX - 1] = '\0'; /* 4095 bytes of "/./.": fine */
	CHECK_EQ(kern_path(path, 0, NULL, &r), 0);
	iput(r);
	vfs_test_end();
}

TEST(symlinks_followed_in_middle_and_on_request_at_end)
{
	struct inode *r, *dir;
	char buf[64];

	vfs_test_begin();
	CHECK_EQ(vfs_mkdir("/real", 0755, NULL), 0);
	CHECK_EQ(write_file("/real/f", "hello", 0), 5);
	CHECK_EQ(vfs_symlink("/real", "/abs", NULL), 0);
	CHECK_EQ(vfs_symlink("real/f", "/rel", NULL), 0);
	CHECK_EQ(kern_path("/abs/f", 0, NULL, &r), 0);
	CHECK(S_ISREG(r->i_mode));
	iput(r);
	CHECK_EQ(kern_path("/rel", 0, NULL, &r), 0);
	CHECK(S_ISLNK(r->i_mode)); /* no LOOKUP_FOLLOW: the link itself */
	iput(r);
	CHECK_EQ(kern_path("/rel", LOOKUP_FOLLOW, NULL, &r), 0);
	CHECK(S_ISREG(r->i_mode));
	iput(r);
	CHECK_EQ(kern_path("/abs/", 0, NULL, &dir), 0); /* slash follows */
	CHECK(S_ISDIR(dir->i_mode));
	iput(dir);
	CHECK_EQ(read_file("/rel", buf, sizeof(buf)), 5);
	CHECK_STR(buf, "hello");
	CHECK_EQ(vfs_readlink("/rel", NULL, buf, sizeof(buf)), 6);
	CHECK(!memcmp(buf, "real/f", 6));
	CHECK_EQ(vfs_readlink("/real", NULL, buf, sizeof(buf)), -EINVAL);
	CHECK_EQ(vfs_symlink("/nowhere", "/dangling", NULL), 0);
	CHECK_EQ(kern_path("/dangling", LOOKUP_FOLLOW, NULL, &r), -ENOENT);
	vfs_test_end();
}

TEST(symlink_loops_end_in_eloop)
{
	struct inode *r;

	vfs_test_begin();
	CHECK_EQ(vfs_symlink("/b", "/a", NULL), 0);
	CHECK_EQ(vfs_symlink("/a", "/b", NULL), 0);
	CHECK_EQ(vfs_symlink("self", "/self", NULL), 0);
	CHECK_EQ(kern_path("/a", LOOKUP_FOLLOW, NULL, &r), -ELOOP);
	CHECK_EQ(kern_path("/self/x", 0, NULL, &r), -ELOOP);
	CHECK_EQ(vfs_open("/a", O_RDONLY, 0, NULL, &(struct file *){ 0 }), -ELOOP);
	vfs_test_end();
}

/* ---- open, read, write, lseek, truncate ---- */

TEST(create_write_read_back)
{
	char buf[64];
	struct file *f;
	loff_t pos = 0;

	vfs_test_begin();
	CHECK_EQ(vfs_open("/f", O_RDWR | O_CREAT, 0600, NULL, &f), 0);
	CHECK_EQ(vfs_write(f, "hello world", 11, &pos), 11);
	CHECK_EQ(pos, 11);
	pos = 6;
	CHECK_EQ(vfs_read(f, buf, sizeof(buf), &pos), 5);
	CHECK(!memcmp(buf, "world", 5));
	CHECK_EQ(vfs_read(f, buf, sizeof(buf), &pos), 0); /* end of file */
	CHECK_EQ(file_inode(f)->i_mode, S_IFREG | 0600);
	fput(f);
	CHECK_EQ(file_size("/f"), 11);
	vfs_test_end();
}

TEST(open_flags_excl_trunc_append_directory)
{
	struct file *f;
	char buf[32];

	vfs_test_begin();
	CHECK_EQ(write_file("/f", "abcdef", 0), 6);
	CHECK_EQ(vfs_open("/f", O_RDWR | O_CREAT | O_EXCL, 0644, NULL, &f), -EEXIST);
	CHECK_EQ(vfs_open("/f", O_RDONLY | O_DIRECTORY, 0, NULL, &f), -ENOTDIR);
	CHECK_EQ(vfs_open("/missing", O_RDONLY, 0, NULL, &f), -ENOENT);
	CHECK_EQ(write_file("/f", "XY", O_APPEND), 2);
	CHECK_EQ(read_file("/f", buf, sizeof(buf)), 8);
	CHECK_STR(buf, "abcdefXY");
	CHECK_EQ(write_file("/f", "new", O_TRUNC), 3);
	CHECK_EQ(read_file("/f", buf, sizeof(buf)), 3);
	CHECK_STR(buf, "new");
	CHECK_EQ(vfs_open("/", O_WRONLY, 0, NULL, &f), -EISDIR);
	CHECK_EQ(vfs_open("/", O_RDONLY | O_CREAT, 0644, NULL, &f), -EISDIR);
	CHECK_EQ(vfs_open("/g/", O_RDWR | O_CREAT, 0644, NULL, &f), -EISDIR);
	CHECK_EQ(vfs_open("/f", O_ACCMODE, 0, NULL, &f), -EINVAL);
	vfs_test_end();
}

TEST(append_writes_always_land_at_the_end)
{
	struct file *a, *b;
	loff_t pa = 0, pb = 0;
	char buf[16];

	vfs_test_begin();
	CHECK_EQ(vfs_open("/log", O_WRONLY | O_CREAT | O_APPEND, 0644, NULL, &a), 0);
	CHECK_EQ(vfs_open("/log", O_WRONLY | O_APPEND, 0, NULL, &b), 0);
	CHECK_EQ(vfs_write(a, "11", 2, &pa), 2);
	CHECK_EQ(vfs_write(b, "22", 2, &pb), 2);
	CHECK_EQ(vfs_write(a, "33", 2, &pa), 2);
	CHECK_EQ(pa, 6);
	fput(a);
	fput(b);
	CHECK_EQ(read_file("/log", buf, sizeof(buf)), 6);
	CHECK_STR(buf, "112233");
	vfs_test_end();
}

TEST(read_and_write_need_the_right_access_mode)
{
	struct file *f;
	loff_t pos = 0;
	char c;

	vfs_test_begin();
	CHECK_EQ(write_file("/f", "x", 0), 1);
	CHECK_EQ(vfs_open("/f", O_RDONLY, 0, NULL, &f), 0);
	CHECK_EQ(vfs_write(f, "y", 1, &pos), -EBADF);
	CHECK_EQ(vfs_ftruncate(f, 0), -EINVAL);
	fput(f);
	CHECK_EQ(vfs_open("/f", O_WRONLY, 0, NULL, &f), 0);
	CHECK_EQ(vfs_read(f, &c, 1, &pos), -EBADF);
	fput(f);
	CHECK_EQ(vfs_open("/", O_RDONLY, 0, NULL, &f), 0);
	CHECK_EQ(vfs_read(f, &c, 1, &pos), -EISDIR);
	fput(f);
	vfs_test_end();
}

TEST(lseek_set_cur_end_and_errors)
{
	struct file *f;

	vfs_test_begin();
	CHECK_EQ(write_file("/f", "0123456789", 0), 10);
	CHECK_EQ(vfs_open("/f", O_RDONLY, 0, NULL, &f), 0);
	CHECK_EQ(vfs_llseek(f, 4, SEEK_SET), 4);
	CHECK_EQ(vfs_llseek(f, 2, SEEK_CUR), 6);
	CHECK_EQ(vfs_llseek(f, -3, SEEK_END), 7);
	CHECK_EQ(f->f_pos, 7);
	CHECK_EQ(vfs_llseek(f, -8, SEEK_CUR), -EINVAL);
	CHECK_EQ(f->f_pos, 7); /* a failed seek does not move */
	CHECK_EQ(vfs_llseek(f, 0, 42), -EINVAL);
	CHECK_EQ(vfs_llseek(f, 0x7fffffffffffffffLL, SEEK_CUR), -EINVAL);
	CHECK_EQ(vfs_llseek(f, 100, SEEK_SET), 100); /* past the end is fine */
	fput(f);
	vfs_test_end();
}

TEST(write_past_end_leaves_a_hole_of_zeros_across_pages)
{
	static char buf[3 * 4096 + 16];
	struct file *f;
	loff_t pos = 2 * 4096 + 100;
	struct kstat st;

	vfs_test_begin();
	CHECK_EQ(vfs_open("/sparse", O_RDWR | O_CREAT, 0644, NULL, &f), 0);
	CHECK_EQ(vfs_write(f, "end", 3, &pos), 3);
	CHECK_EQ(vfs_fstat(f, &st), 0);
	CHECK_EQ(st.size, 2 * 4096 + 103);
	CHECK_EQ(st.blocks, 8); /* only the page written holds memory */
	pos = 0;
	CHECK_EQ(vfs_read(f, buf, sizeof(buf), &pos), 2 * 4096 + 103);
	for (int i = 0; i < 2 * 4096 + 100; i++)
		if (buf[i]) {
			CHECK(!"hole not zero");
			break;
		}
	CHECK(!memcmp(buf + 2 * 4096 + 100, "end", 3));
	fput(f);
	vfs_test_end();
}

TEST(large_write_spans_pages_and_reads_back_in_odd_chunks)
{
	static char data[20000], back[20001];
	struct file *f;
	loff_t pos = 0;

	vfs_test_begin();
	for (int i = 0; i < (int)sizeof(data); i++)
		data[i] = (char)('a' + i % 23);
	CHECK_EQ(vfs_open("/big", O_WRONLY | O_CREAT, 0644, NULL, &f), 0);
	CHECK_EQ(vfs_write(f, data, sizeof(data), &pos), sizeof(data));
	fput(f);
	CHECK_EQ(read_file_chunked("/big", back, sizeof(back), 777), sizeof(data));
	CHECK(!memcmp(data, back, sizeof(data)));
	vfs_test_end();
}

TEST(truncate_shrinks_then_grows_with_zeros)
{
	char buf[32];
	struct file *f;

	vfs_test_begin();
	CHECK_EQ(write_file("/f", "abcdefghij", 0), 10);
	CHECK_EQ(vfs_truncate("/f", 4, NULL), 0);
	CHECK_EQ(file_size("/f"), 4);
	CHECK_EQ(vfs_truncate("/f", 8, NULL), 0);
	CHECK_EQ(read_file("/f", buf, sizeof(buf)), 8);
	CHECK(!memcmp(buf, "abcd\0\0\0\0", 8)); /* old bytes do not come back */
	CHECK_EQ(vfs_truncate("/f", -1, NULL), -EINVAL);
	CHECK_EQ(vfs_truncate("/", 0, NULL), -EISDIR);
	CHECK_EQ(vfs_truncate("/f", RAMFS_MAX_FILE_SIZE + 1, NULL), -EFBIG);
	CHECK_EQ(vfs_open("/f", O_RDWR, 0, NULL, &f), 0);
	CHECK_EQ(vfs_ftruncate(f, 0), 0);
	fput(f);
	CHECK_EQ(file_size("/f"), 0);
	vfs_test_end();
}

TEST(write_beyond_size_limit_is_efbig_or_short)
{
	struct file *f;
	loff_t pos = RAMFS_MAX_FILE_SIZE;

	vfs_test_begin();
	CHECK_EQ(vfs_open("/f", O_WRONLY | O_CREAT, 0644, NULL, &f), 0);
	CHECK_EQ(vfs_write(f, "x", 1, &pos), -EFBIG);
	pos = RAMFS_MAX_FILE_SIZE - 2;
	CHECK_EQ(vfs_write(f, "xyz", 3, &pos), 2);
	pos = -1;
	CHECK_EQ(vfs_write(f, "x", 1, &pos), -EINVAL);
	fput(f);
	vfs_test_end();
}

/* ---- names: mkdir, rmdir, unlink ---- */

TEST(mkdir_rmdir_and_their_errors)
{
	struct kstat st;

	vfs_test_begin();
	CHECK_EQ(vfs_mkdir("/d", 0750, NULL), 0);
	CHECK_EQ(vfs_mkdir("/d", 0750, NULL), -EEXIST);
	CHECK_EQ(vfs_mkdir("/d/", 0750, NULL), -EEXIST);
	CHECK_EQ(vfs_mkdir("/x/y", 0750, NULL), -ENOENT);
	CHECK_EQ(vfs_mkdir("/", 0750, NULL), -EEXIST);
	CHECK_EQ(vfs_mkdir("/d/sub/", 0700, NULL), 0); /* trailing slash fine */
	CHECK_EQ(vfs_stat("/d", NULL, &st), 0);
	CHECK_EQ(st.mode, S_IFDIR | 0750);
	CHECK_EQ(st.nlink, 3); /* name, ".", sub's ".." */
	CHECK_EQ(vfs_rmdir("/d", NULL), -ENOTEMPTY);
	CHECK_EQ(vfs_rmdir("/d/sub/.", NULL), -EINVAL);
	CHECK_EQ(vfs_rmdir("/d/sub/..", NULL), -ENOTEMPTY);
	CHECK_EQ(vfs_rmdir("/", NULL), -EBUSY);
	CHECK_EQ(write_file("/file", "", 0), 0);
	CHECK_EQ(vfs_rmdir("/file", NULL), -ENOTDIR);
	CHECK_EQ(vfs_rmdir("/d/sub", NULL), 0);
	CHECK_EQ(vfs_stat("/d", NULL, &st), 0);
	CHECK_EQ(st.nlink, 2);
	CHECK_EQ(vfs_rmdir("/d/", NULL), 0);
	CHECK_EQ(vfs_stat("/d", NULL, &st), -ENOENT);
	vfs_test_end();
}

TEST(unlink_and_its_errors)
{
	vfs_test_begin();
	CHECK_EQ(vfs_mkdir("/d", 0755, NULL), 0);
	CHECK_EQ(write_file("/f", "x", 0), 1);
	CHECK_EQ(vfs_unlink("/d", NULL), -EISDIR);
	CHECK_EQ(vfs_unlink("/", NULL), -EISDIR);
	CHECK_EQ(vfs_unlink("/f/", NULL), -ENOTDIR);
	CHECK_EQ(vfs_unlink("/nope", NULL), -ENOENT);
	CHECK_EQ(vfs_unlink("/f", NULL), 0);
	CHECK_EQ(file_size("/f"), -ENOENT);
	vfs_test_end();
}

TEST(unlinked_open_file_lives_until_last_fput)
{
	struct file *f, *g;
	char buf[8];
	loff_t pos = 0;

	vfs_test_begin();
	CHECK_EQ(write_file("/f", "still", 0), 5);
	CHECK_EQ(vfs_open("/f", O_RDONLY, 0, NULL, &f), 0);
	g = get_file(f); /* as dup() does */
	CHECK_EQ(f->f_count, 2);
	CHECK_EQ(vfs_unlink("/f", NULL), 0);
	CHECK_EQ(file_inode(f)->i_nlink, 0);
	fput(f);
	CHECK_EQ(vfs_read(g, buf, sizeof(buf), &pos), 5);
	CHECK(!memcmp(buf, "still", 5));
	CHECK(host_pages > 0);
	fput(g); /* the data goes now */
	CHECK_EQ(host_pages, 0);
	vfs_test_end();
}

TEST(creating_in_a_removed_directory_fails)
{
	struct inode *cwd, *r;
	struct file *f;

	vfs_test_begin();
	CHECK_EQ(vfs_mkdir("/gone", 0755, NULL), 0);
	CHECK_EQ(kern_path("/gone", 0, NULL, &cwd), 0);
	CHECK_EQ(vfs_rmdir("/gone", NULL), 0);
	CHECK_EQ(vfs_open("new", O_WRONLY | O_CREAT, 0644, cwd, &f), -ENOENT);
	CHECK_EQ(vfs_mkdir("sub", 0755, cwd), -ENOENT);
	CHECK_EQ(kern_path("..", 0, cwd, &r), -ENOENT);
	iput(cwd);
	vfs_test_end();
}

TEST(mknod_makes_nodes_and_rejects_dirs)
{
	struct kstat st;
	struct file *f;

	vfs_test_begin();
	CHECK_EQ(vfs_mknod("/fifo", S_IFIFO | 0600, 0, NULL), 0);
	CHECK_EQ(vfs_mknod("/c", S_IFCHR | 0600, MKDEV(1, 3), NULL), 0);
	CHECK_EQ(vfs_mknod("/dir", S_IFDIR | 0600, 0, NULL), -EINVAL);
	CHECK_EQ(vfs_mknod("/x/", S_IFCHR | 0600, 0, NULL), -ENOENT);
	CHECK_EQ(vfs_lstat("/c", NULL, &st), 0);
	CHECK_EQ(st.rdev, MKDEV(1, 3));
	CHECK(S_ISCHR(st.mode));
	CHECK_EQ(vfs_open("/fifo", O_RDONLY, 0, NULL, &f), -ENXIO);
	CHECK_EQ(vfs_open("/c", O_RDWR, 0, NULL, &f), 0); /* /dev/null's driver */
	fput(f);
	vfs_test_end();
}

/* ---- getdents64 ---- */

TEST(getdents64_record_layout_matches_linux)
{
	char buf[256] __attribute__((aligned(8)));
	struct linux_dirent64 *d;
	struct inode *dir;
	struct file *f;
	int n, off = 0;

	vfs_test_begin();
	CHECK_EQ(vfs_mkdir("/d", 0755, NULL), 0);
	CHECK_EQ(write_file("/d/abc", "", 0), 0);
	CHECK_EQ(vfs_mkdir("/d/sub", 0755, NULL), 0);
	CHECK_EQ(vfs_symlink("abc", "/d/ln", NULL), 0);
	CHECK_EQ(offsetof(struct linux_dirent64, d_name), 19);
	CHECK_EQ(vfs_open("/d", O_RDONLY, 0, NULL, &f), 0);
	n = vfs_getdents64(f, buf, sizeof(buf));
	CHECK_EQ(n, 24 + 24 + 24 + 24 + 24);
	d = (void *)buf;
	CHECK_STR(d->d_name, ".");
	CHECK_EQ(d->d_reclen, 24); /* 19 + 2 rounded up to 8 */
	CHECK_EQ(d->d_type, DT_DIR);
	CHECK_EQ(d->d_ino, file_inode(f)->i_ino);
	CHECK_EQ(d->d_off, 1);
	off += d->d_reclen;
	d = (void *)(buf + off);
	CHECK_STR(d->d_name, "..");
	CHECK_EQ(kern_path("/", 0, NULL, &dir), 0);
	CHECK_EQ(d->d_ino, dir->i_ino);
	iput(dir);
	off += d->d_reclen;
	d = (void *)(buf + off);
	CHECK_STR(d->d_name, "abc");
	CHECK_EQ(d->d_type, DT_REG);
	off += d->d_reclen;
	d = (void *)(buf + off);
	CHECK_STR(d->d_name, "sub");
	CHECK_EQ(d->d_type, DT_DIR);
	off += d->d_reclen;
	d = (void *)(buf + off);
	CHECK_STR(d->d_name, "ln");
	CHECK_EQ(d->d_type, DT_LNK);
	CHECK_EQ(d->d_off, f->f_pos);
	CHECK_EQ(vfs_getdents64(f, buf, sizeof(buf)), 0); /* end */
	fput(f);
	vfs_test_end();
}

TEST(getdents64_small_buffer_resumes_and_too_small_is_einval)
{
	char names[512], buf[64] __attribute__((aligned(8)));
	struct file *f;

	vfs_test_begin();
	CHECK_EQ(vfs_mkdir("/d", 0755, NULL), 0);
	for (int i = 0; i < 10; i++) {
		char p[32];

		snprintf(p, sizeof(p), "/d/file%02d", i);
		CHECK_EQ(write_file(p, "", 0), 0);
	}
	CHECK_EQ(list_dir_with("/d", names, sizeof(names), 40), 0);
	CHECK_STR(names, ". .. file00 file01 file02 file03 file04 file05 file06 "
			 "file07 file08 file09");
	CHECK_EQ(vfs_open("/d", O_RDONLY, 0, NULL, &f), 0);
	CHECK_EQ(vfs_getdents64(f, buf, 16), -EINVAL);
	CHECK_EQ(f->f_pos, 0);
	fput(f);
	CHECK_EQ(vfs_open("/d/file00", O_RDONLY, 0, NULL, &f), 0);
	CHECK_EQ(vfs_getdents64(f, buf, sizeof(buf)), -ENOTDIR);
	fput(f);
	vfs_test_end();
}

TEST(getdents64_neither_skips_nor_repeats_when_names_are_removed)
{
	char buf[48] __attribute__((aligned(8)));
	struct linux_dirent64 *d = (void *)buf;
	struct file *f;

	vfs_test_begin();
	CHECK_EQ(vfs_mkdir("/d", 0755, NULL), 0);
	CHECK_EQ(write_file("/d/a", "", 0), 0);
	CHECK_EQ(write_file("/d/b", "", 0), 0);
	CHECK_EQ(write_file("/d/c", "", 0), 0);
	CHECK_EQ(vfs_open("/d", O_RDONLY, 0, NULL, &f), 0);
	CHECK_EQ(vfs_llseek(f, 2, SEEK_SET), 2);    /* skip . and .. */
	CHECK_EQ(vfs_getdents64(f, buf, 24), 24); /* one record: "a" */
	CHECK_STR(d->d_name, "a");
	CHECK_EQ(vfs_unlink("/d/a", NULL), 0);
	CHECK_EQ(vfs_getdents64(f, buf, 24), 24);
	CHECK_STR(d->d_name, "b");
	CHECK_EQ(vfs_getdents64(f, buf, 24), 24);
	CHECK_STR(d->d_name, "c");
	CHECK_EQ(vfs_getdents64(f, buf, 24), 0);
	CHECK_EQ(vfs_llseek(f, 0, SEEK_SET), 0); /* rewinddir */
	CHECK_EQ(vfs_getdents64(f, buf, 24), 24);
	CHECK_STR(d->d_name, ".");
	fput(f);
	vfs_test_end();
}

/* ---- stat ---- */

TEST(stat_fills_kstat_and_lstat_sees_the_link)
{
	struct kstat st, lst;
	struct inode *root;

	vfs_test_begin();
	jiffies = 250; /* 2.5 s after boot */
	CHECK_EQ(write_file("/f", "12345", 0), 5);
	CHECK_EQ(vfs_symlink("/f", "/l", NULL), 0);
	CHECK_EQ(vfs_stat("/l", NULL, &st), 0);
	CHECK_EQ(vfs_lstat("/l", NULL, &lst), 0);
	CHECK_EQ(st.mode, S_IFREG | 0644);
	CHECK_EQ(st.size, 5);
	CHECK_EQ(st.nlink, 1);
	CHECK_EQ(st.blksize, 4096);
	CHECK_EQ(st.mtime.tv_sec, 2);
	CHECK_EQ(st.mtime.tv_nsec, 500000000);
	CHECK_EQ(lst.mode, S_IFLNK | 0777);
	CHECK_EQ(lst.size, 2);
	CHECK(lst.ino != st.ino);
	root = get_root_inode();
	CHECK_EQ(st.dev, root->i_sb->s_dev);
	iput(root);
	jiffies = 0;
	vfs_test_end();
}

/* ---- mounts ---- */

TEST(mount_crosses_into_and_out_of_the_mounted_fs)
{
	char names[256];
	struct inode *cwd, *r;
	struct kstat a, b;

	vfs_test_begin();
	CHECK_EQ(vfs_mkdir("/mnt", 0755, NULL), 0);
	CHECK_EQ(write_file("/mnt/hidden", "x", 0), 1);
	CHECK_EQ(vfs_mount("/mnt", "ramfs"), 0);
	CHECK_EQ(vfs_mount("/mnt", "ramfs"), -EBUSY);
	CHECK_EQ(vfs_mount("/mnt", "nosuchfs"), -ENODEV);
	CHECK_EQ(file_size("/mnt/hidden"), -ENOENT); /* covered */
	CHECK_EQ(write_file("/mnt/new", "yy", 0), 2);
	CHECK_EQ(vfs_stat("/mnt/new", NULL, &a), 0);
	CHECK_EQ(vfs_stat("/", NULL, &b), 0);
	CHECK(a.dev != b.dev);
	CHECK_EQ(kern_path("/mnt", 0, NULL, &cwd), 0);
	CHECK_EQ(kern_path("../mnt/new", 0, cwd, &r), 0); /* ".." leaves it */
	iput(r);
	CHECK_EQ(vfs_umount("/mnt"), -EBUSY); /* cwd is in it */
	iput(cwd);
	CHECK_EQ(list_dir("/mnt", names, sizeof(names)), 0);
	CHECK_STR(names, ". .. new");
	CHECK_EQ(vfs_rmdir("/mnt", NULL), -EBUSY);
	CHECK_EQ(vfs_umount("/mnt"), 0);
	CHECK_EQ(vfs_umount("/mnt"), -EINVAL);
	CHECK_EQ(file_size("/mnt/hidden"), 1); /* visible again */
	vfs_test_end();
}

TEST(prepare_namespace_mounts_dev_and_proc)
{
	char buf[512];

	vfs_test_begin();
	CHECK_EQ(prepare_namespace(), 0);
	CHECK_EQ(read_file("/proc/mounts", buf, sizeof(buf)), 76);
	CHECK_STR(buf, "rootfs / rootfs rw 0 0\n"
		       "devtmpfs /dev devtmpfs rw 0 0\n"
		       "proc /proc proc rw 0 0\n");
	CHECK_EQ(vfs_mount("/tmp", "ramfs"), -ENOENT);
	CHECK_EQ(vfs_mount("/", "ramfs"), -EBUSY);
	CHECK_EQ(vfs_mkdir("/proc/x", 0755, NULL), -EPERM);
	CHECK_EQ(vfs_unlink("/proc/version", NULL), -EPERM);
	vfs_test_end();
}

/* ---- /dev ---- */

static int test_dev_opens;
static int test_dev_open(struct inode *inode, struct file *file)
{
	test_dev_opens++;
	file->private_data = (void *)(unsigned long)MINOR(inode->i_rdev);
	return 0;
}

static long test_dev_ioctl(struct file *file, unsigned int cmd,
			   unsigned long arg)
{
	return (long)(unsigned long)file->private_data * 1000 + cmd;
}

static const struct file_operations test_dev_fops = {
	.open = test_dev_open,
	.unlocked_ioctl = test_dev_ioctl,
};

TEST(dev_null_and_zero)
{
	char buf[8] = "xxxxxxx";
	struct file *f;
	loff_t pos = 0;
	struct kstat st;

	vfs_test_begin();
	CHECK_EQ(prepare_namespace(), 0);
	CHECK_EQ(vfs_stat("/dev/null", NULL, &st), 0);
	CHECK_EQ(st.mode, S_IFCHR | 0666);
	CHECK_EQ(st.rdev, MKDEV(1, 3));
	CHECK_EQ(vfs_open("/dev/null", O_RDWR, 0, NULL, &f), 0);
	CHECK_EQ(vfs_write(f, "abc", 3, &pos), 3);
	CHECK_EQ(vfs_read(f, buf, 8, &pos), 0);
	CHECK_EQ(vfs_llseek(f, 5, SEEK_SET), 0);
	CHECK_EQ(vfs_ioctl(f, 1, 0), -ENOTTY);
	CHECK_EQ(vfs_poll(f, NULL), DEFAULT_POLLMASK);
	fput(f);
	CHECK_EQ(vfs_open("/dev/zero", O_RDONLY, 0, NULL, &f), 0);
	CHECK_EQ(vfs_read(f, buf, 8, &pos), 8);
	CHECK(!memcmp(buf, "\0\0\0\0\0\0\0\0", 8));
	fput(f);
	vfs_test_end();
}

TEST(register_chrdev_node_makes_dev_nodes_that_reach_the_driver)
{
	char names[256];
	struct file *f;

	vfs_test_begin();
	CHECK_EQ(prepare_namespace(), 0);
	test_dev_opens = 0;
	CHECK_EQ(register_chrdev_node("ttyS1", 0620, MKDEV(4, 65), &test_dev_fops), 0);
	CHECK_EQ(register_chrdev_node("net/tun", 0600, MKDEV(10, 200), &test_dev_fops), 0);
	CHECK_EQ(register_chrdev_node("ttyS1", 0620, MKDEV(4, 66), &test_dev_fops), -EBUSY);
	CHECK_EQ(register_chrdev_node("other", 0620, MKDEV(4, 65), &test_dev_fops), -EBUSY);
	CHECK_EQ(register_chrdev_node("../etc/x", 0620, MKDEV(9, 9), &test_dev_fops), -EINVAL);
	CHECK_EQ(register_chrdev_node("/abs", 0620, MKDEV(9, 9), &test_dev_fops), -EINVAL);
	CHECK_EQ(list_dir("/dev", names, sizeof(names)), 0);
	CHECK_STR(names, ". .. null zero ttyS1 net");
	CHECK_EQ(vfs_open("/dev/ttyS1", O_RDWR, 0, NULL, &f), 0);
	CHECK_EQ(test_dev_opens, 1);
	CHECK(f->f_op == &test_dev_fops);
	CHECK_EQ(vfs_ioctl(f, 7, 0), 65007);
	fput(f);
	CHECK_EQ(vfs_open("/dev/net/tun", O_RDWR, 0, NULL, &f), 0);
	CHECK_EQ(vfs_ioctl(f, 1, 0), 200001);
	fput(f);
	unregister_chrdev_node("ttyS1", MKDEV(4, 65));
	CHECK_EQ(file_size("/dev/ttyS1"), -ENOENT);
	CHECK_EQ(vfs_mknod("/dev/again", S_IFCHR | 0600, MKDEV(4, 65), NULL), 0);
	CHECK_EQ(vfs_open("/dev/again", O_RDWR, 0, NULL, &f), -ENXIO);
	vfs_test_end();
}

TEST(chrdev_registered_before_vfs_init_gets_its_node)
{
	struct kstat st;

	chrdev_reset();
	CHECK_EQ(register_chrdev_node("console", 0600, MKDEV(5, 1), &test_dev_fops), 0);
	vfs_test_begin();
	CHECK_EQ(prepare_namespace(), 0);
	CHECK_EQ(vfs_stat("/dev/console", NULL, &st), 0);
	CHECK_EQ(st.rdev, MKDEV(5, 1));
	CHECK_EQ(st.mode, S_IFCHR | 0600);
	vfs_test_end();
}

/* ---- pseudo files (sockets, pipes) ---- */

static int pseudo_released;
static int pseudo_release(struct inode *inode, struct file *file)
{
	pseudo_released = (int)(long)file->private_data;
	return 0;
}

static const struct file_operations pseudo_fops = {
	.release = pseudo_release,
};

TEST(pseudo_file_has_its_own_inode_and_goes_with_the_last_fput)
{
	struct file *f;
	struct kstat st;

	vfs_test_begin();
	pseudo_released = 0;
	CHECK_EQ(alloc_file_pseudo(S_IFSOCK | 0777, O_RDWR, &pseudo_fops,
				   (void *)42L, &f), 0);
	CHECK_EQ(vfs_fstat(f, &st), 0);
	CHECK(S_ISSOCK(st.mode));
	CHECK_EQ(vfs_llseek(f, 0, SEEK_SET), -ESPIPE);
	get_file(f);
	fput(f);
	CHECK_EQ(pseudo_released, 0);
	fput(f);
	CHECK_EQ(pseudo_released, 42);
	vfs_test_end();
}

/* ---- robustness ---- */

TEST(every_allocation_failure_is_clean)
{
	/* Fail the 1st, 2nd, ... allocation of a sequence of operations. */
	for (long n = 0; n < 40; n++) {
		struct file *f;
		loff_t pos = 0;
		int err;

		vfs_test_begin();
		host_alloc_fail_in = n + 1;
		err = vfs_mkdir("/d", 0755, NULL);
		if (!err)
			err = vfs_symlink("/d", "/l", NULL);
		if (!err)
			err = vfs_open("/l/f", O_RDWR | O_CREAT, 0644, NULL, &f);
		if (!err) {
			err = vfs_write(f, "data", 4, &pos) == 4 ? 0 : -ENOMEM;
			fput(f);
		}
		if (!err)
			err = vfs_mount("/d", "ramfs");
		CHECK(err == 0 || err == -ENOMEM);
		vfs_test_end();
	}
}

TEST(deep_tree_is_freed_without_recursion)
{
	static char path[PATH_MAX];
	int len = 0;

	vfs_test_begin();
	for (int i = 0; i < 1500; i++) {
		memcpy(path + len, "/a", 3);
		len += 2;
		CHECK_EQ(vfs_mkdir(path, 0755, NULL), 0);
	}
	CHECK_EQ(write_file("/a/a/a/f", "x", 0), 1);
	vfs_test_end(); /* kill_litter_super walks 1500 levels */
}

TEST(d_path_gives_absolute_paths_across_mounts)
{
	char buf[64];
	struct inode *d;

	vfs_test_begin();
	CHECK_EQ(vfs_mkdir("/mnt", 0755, NULL), 0);
	CHECK_EQ(vfs_mount("/mnt", "ramfs"), 0);
	CHECK_EQ(vfs_mkdir("/mnt/sub", 0755, NULL), 0);
	CHECK_EQ(kern_path("/mnt/sub", 0, NULL, &d), 0);
	CHECK_EQ(d_path(d, buf, sizeof(buf)), 8);
	CHECK_STR(buf, "/mnt/sub");
	CHECK_EQ(d_path(d, buf, 8), -ENAMETOOLONG);
	iput(d);
	d = get_root_inode();
	CHECK_EQ(d_path(d, buf, sizeof(buf)), 1);
	CHECK_STR(buf, "/");
	iput(d);
	CHECK_EQ(vfs_umount("/mnt"), 0);
	vfs_test_end();
}

RUN_TESTS()
