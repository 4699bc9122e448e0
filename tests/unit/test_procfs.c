/*
 * Host tests for /proc (kernel/fs/proc): registration with nested paths,
 * snapshot reads, growing buffers, writable /proc/sys files, the /proc/PID
 * hook and the VFS's own files. Each test mounts /proc and ends with
 * nothing referenced and nothing allocated.
 */
#include "tests/unit/unit.h"
#include "tests/unit/host_vfs.h"

static void proc_test_begin(void)
{
	vfs_test_begin();
	CHECK_EQ(prepare_namespace(), 0);
}

static int counter;

static int counter_show(char *buf, int len)
{
	int n = 0;

	for (int i = 0; i < 3; i++)
		n = proc_printf(buf, len, n, "line %d: counter=%d\n", i, counter);
	return n;
}

static int budget = 300;
static char last_store[64];

static int budget_show(char *buf, int len)
{
	return proc_printf(buf, len, 0, "%d\n", budget);
}

static int budget_store(const char *buf, int len)
{
	unsigned long v;
	char tmp[32];

	strlcpy(last_store, buf, sizeof(last_store));
	if (len >= (int)sizeof(tmp))
		return -EINVAL;
	strlcpy(tmp, buf, sizeof(tmp));
	if (len && tmp[len - 1] == '\n')
		tmp[len - 1] = '\0';
	if (kstrtoul(tmp, 10, &v))
		return -EINVAL;
	budget = (int)v;
	return 0;
}

/* ---- registration ---- */

TEST(nested_paths_create_directories_and_read_back)
{
	char buf[256];
	struct kstat st;

	proc_test_begin();
	counter = 5;
	CHECK_EQ(proc_create_single("net/dev", counter_show), 0);
	CHECK_EQ(proc_create_rw("sys/net/core/netdev_budget", budget_show,
				budget_store), 0);
	CHECK_EQ(vfs_stat("/proc/net", NULL, &st), 0);
	CHECK_EQ(st.mode, S_IFDIR | 0555);
	CHECK_EQ(vfs_stat("/proc/net/dev", NULL, &st), 0);
	CHECK_EQ(st.mode, S_IFREG | 0444);
	CHECK_EQ(st.size, 0); /* as Linux: the size of a /proc file is 0 */
	CHECK_EQ(vfs_stat("/proc/sys/net/core/netdev_budget", NULL, &st), 0);
	CHECK_EQ(st.mode, S_IFREG | 0644);
	CHECK_EQ(read_file("/proc/net/dev", buf, sizeof(buf)), 54);
	CHECK_STR(buf, "line 0: counter=5\nline 1: counter=5\nline 2: counter=5\n");
	vfs_test_end();
}

TEST(bad_registrations_are_refused)
{
	proc_test_begin();
	CHECK_EQ(proc_create_single("net/dev", counter_show), 0);
	CHECK_EQ(proc_create_single("net/dev", counter_show), -EEXIST);
	CHECK_EQ(proc_create_single("net/dev/x", counter_show), -ENOTDIR);
	CHECK_EQ(proc_create_single("/abs", counter_show), -EINVAL);
	CHECK_EQ(proc_create_single("../x", counter_show), -EINVAL);
	CHECK_EQ(proc_create_single("a//b", counter_show), -EINVAL);
	CHECK_EQ(proc_create_single("dir/", counter_show), -EINVAL);
	CHECK_EQ(proc_create_single("", counter_show), -EINVAL);
	CHECK_EQ(proc_create_single("x", NULL), -EINVAL);
	CHECK_EQ(proc_create_rw("y", budget_show, NULL), -EINVAL);
	CHECK_EQ(proc_mkdir("net"), -EEXIST);
	CHECK_EQ(proc_mkdir("sys/kernel"), 0);
	vfs_test_end();
	CHECK_EQ(proc_create_single("late", counter_show), -ENODEV);
}

TEST(remove_files_and_empty_dirs)
{
	struct file *f;
	char buf[128];
	loff_t pos = 0;

	proc_test_begin();
	CHECK_EQ(proc_create_single("net/dev", counter_show), 0);
	CHECK_EQ(vfs_open("/proc/net/dev", O_RDONLY, 0, NULL, &f), 0);
	CHECK_EQ(proc_remove("net"), -ENOTEMPTY);
	CHECK_EQ(proc_remove("net/dev"), 0);
	CHECK_EQ(proc_remove("net/dev"), -ENOENT);
	CHECK_EQ(vfs_read(f, buf, sizeof(buf), &pos), 54); /* snapshot kept */
	fput(f);
	CHECK_EQ(proc_remove("net"), 0);
	CHECK_EQ(vfs_open("/proc/net", O_RDONLY, 0, NULL, &f), -ENOENT);
	vfs_test_end();
}

/* ---- reading ---- */

TEST(snapshot_stays_consistent_while_data_changes)
{
	char a[128], b[128];
	struct file *f;
	loff_t pos = 0;
	int n;

	proc_test_begin();
	CHECK_EQ(proc_create_single("counter", counter_show), 0);
	counter = 1;
	CHECK_EQ(vfs_open("/proc/counter", O_RDONLY, 0, NULL, &f), 0);
	n = (int)vfs_read(f, a, 20, &pos);
	CHECK_EQ(n, 20);
	counter = 999999; /* would change the length and the text */
	n += (int)vfs_read(f, a + n, sizeof(a) - 1 - n, &pos);
	a[n] = '\0';
	fput(f);
	counter = 1;
	CHECK_EQ(read_file("/proc/counter", b, sizeof(b)), n);
	CHECK_STR(a, b);
	counter = 2; /* a new open sees the new value */
	CHECK_EQ(read_file("/proc/counter", b, sizeof(b)), n);
	CHECK(strstr(b, "counter=2") != NULL);
	vfs_test_end();
}

static int big_lines = 600;
static int big_show(char *buf, int len)
{
	int n = 0;

	for (int i = 0; i < big_lines; i++)
		n = proc_printf(buf, len, n, "%04d abcdefghijklmnopqrstuvwxyz\n", i);
	return n;
}

TEST(output_larger_than_a_page_grows_the_buffer)
{
	static char buf[64 * 1024];

	proc_test_begin();
	big_lines = 600; /* 600 * 32 = 19200 bytes */
	CHECK_EQ(proc_create_single("big", big_show), 0);
	CHECK_EQ(read_file_chunked("/proc/big", buf, sizeof(buf), 1000), 19200);
	CHECK(!strncmp(buf, "0000 abc", 8));
	CHECK(!strncmp(buf + 19200 - 32, "0599 abc", 8));
	vfs_test_end();
}

/* The style of kernel/irq.c's show_interrupts: bytes stored, < len. */
static int scn_show(char *buf, int len)
{
	int n = 0;

	for (int i = 0; i < 500; i++)
		n += scnprintf(buf + n, len - n, "%04d scnprintf-style line\n", i);
	return n;
}

TEST(scnprintf_style_show_that_fills_the_buffer_is_retried)
{
	static char buf[32 * 1024];

	proc_test_begin();
	CHECK_EQ(proc_create_single("interrupts", scn_show), 0);
	CHECK_EQ(read_file("/proc/interrupts", buf, sizeof(buf)), 500 * 26);
	CHECK(!strncmp(buf + 499 * 26, "0499 scnprintf-style line\n", 26));
	vfs_test_end();
}

TEST(output_beyond_the_limit_is_cut_not_overflowed)
{
	static char buf[PROC_MAX_SNAPSHOT + 100];
	int n;

	proc_test_begin();
	big_lines = PROC_MAX_SNAPSHOT / 32 + 100;
	CHECK_EQ(proc_create_single("huge", big_show), 0);
	n = read_file("/proc/huge", buf, sizeof(buf));
	CHECK(n > PROC_MAX_SNAPSHOT - 64 && n < PROC_MAX_SNAPSHOT);
	big_lines = 600;
	vfs_test_end();
}

static int failing_show(char *buf, int len)
{
	return -EIO;
}

TEST(show_error_fails_the_open)
{
	struct file *f;

	proc_test_begin();
	CHECK_EQ(proc_create_single("broken", failing_show), 0);
	CHECK_EQ(vfs_open("/proc/broken", O_RDONLY, 0, NULL, &f), -EIO);
	vfs_test_end();
}

TEST(proc_printf_counts_what_did_not_fit)
{
	char buf[8];
	int n;

	memset(buf, 'x', sizeof(buf));
	n = proc_printf(buf, 6, 0, "abc");
	CHECK_EQ(n, 3);
	n = proc_printf(buf, 6, n, "defgh");
	CHECK_EQ(n, 8); /* did not fit: the caller returns 8 >= 6 */
	CHECK_EQ(buf[6], 'x');
	n = proc_printf(buf, 6, n, "ij");
	CHECK_EQ(n, 10);
	CHECK_EQ(buf[7], 'x');
}

/* ---- writing ---- */

TEST(writable_file_passes_each_write_to_store)
{
	char buf[32];
	struct file *f;
	loff_t pos = 0;

	proc_test_begin();
	budget = 300;
	CHECK_EQ(proc_create_rw("sys/net/core/netdev_budget", budget_show,
				budget_store), 0);
	/* echo 600 > ...: O_WRONLY | O_CREAT | O_TRUNC */
	CHECK_EQ(write_file("/proc/sys/net/core/netdev_budget", "600\n", O_TRUNC), 4);
	CHECK_STR(last_store, "600\n");
	CHECK_EQ(budget, 600);
	CHECK_EQ(read_file("/proc/sys/net/core/netdev_budget", buf, sizeof(buf)), 4);
	CHECK_STR(buf, "600\n");
	CHECK_EQ(write_file("/proc/sys/net/core/netdev_budget", "lots\n", 0), -EINVAL);
	CHECK_EQ(budget, 600);
	CHECK_EQ(vfs_open("/proc/sys/net/core/netdev_budget", O_WRONLY, 0, NULL, &f), 0);
	CHECK_EQ(vfs_write(f, buf, 4096, &pos), -EINVAL); /* >= a page */
	fput(f);
	vfs_test_end();
}

TEST(read_only_file_cannot_be_opened_for_writing)
{
	struct file *f;

	proc_test_begin();
	CHECK_EQ(vfs_open("/proc/version", O_WRONLY, 0, NULL, &f), -EACCES);
	CHECK_EQ(vfs_open("/proc/version", O_RDWR, 0, NULL, &f), -EACCES);
	vfs_test_end();
}

/* ---- the VFS's own files ---- */

TEST(cmdline_version_filesystems)
{
	char buf[256];

	proc_test_begin();
	CHECK_EQ(read_file("/proc/cmdline", buf, sizeof(buf)), 27);
	CHECK_STR(buf, "console=ttyS0 selftest=vfs\n");
	read_file("/proc/version", buf, sizeof(buf));
	CHECK_STR(buf, "Linux version 0.1.0-rxos (host test)\n");
	read_file("/proc/filesystems", buf, sizeof(buf));
	CHECK_STR(buf, "nodev\trootfs\nnodev\tramfs\nnodev\tdevtmpfs\nnodev\tproc\n");
	vfs_test_end();
}

/* ---- /proc/PID ---- */

static const int live_pids[] = { 1, 7, 42 };
static int current_pid = 7;
static int gone_pid = -1;

static int test_pid_alive(int pid)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(live_pids); i++)
		if (live_pids[i] == pid && pid != gone_pid)
			return 1;
	return 0;
}

static int test_next_pid(int after)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(live_pids); i++)
		if (live_pids[i] > after && live_pids[i] != gone_pid)
			return live_pids[i];
	return -1;
}

static int test_current_pid(void)
{
	return current_pid;
}

static int pid_stat_show(int pid, char *buf, int len)
{
	if (!test_pid_alive(pid))
		return -ESRCH;
	return proc_printf(buf, len, 0, "%d (task%d) S\n", pid, pid);
}

static int pid_cmdline_show(int pid, char *buf, int len)
{
	return proc_printf(buf, len, 0, "/bin/sh");
}

static const struct pid_entry test_pid_entries[] = {
	{ "stat", 0444, pid_stat_show },
	{ "cmdline", 0444, pid_cmdline_show },
	{ "status", 0444, pid_stat_show },
};

static const struct proc_pid_ops test_pid_ops = {
	.pid_alive = test_pid_alive,
	.next_pid = test_next_pid,
	.current_pid = test_current_pid,
	.entries = test_pid_entries,
	.nr_entries = ARRAY_SIZE(test_pid_entries),
};

TEST(pid_directories_come_from_the_hook)
{
	char buf[128];
	struct kstat st;
	struct file *f;

	proc_test_begin();
	proc_register_pid_dir(&test_pid_ops);
	CHECK_EQ(vfs_stat("/proc/42", NULL, &st), 0);
	CHECK_EQ(st.mode, S_IFDIR | 0555);
	CHECK_EQ(read_file("/proc/42/stat", buf, sizeof(buf)), 14);
	CHECK_STR(buf, "42 (task42) S\n");
	CHECK_EQ(read_file("/proc/1/cmdline", buf, sizeof(buf)), 7);
	CHECK_STR(buf, "/bin/sh");
	CHECK_EQ(vfs_stat("/proc/2", NULL, &st), -ENOENT);
	CHECK_EQ(vfs_stat("/proc/042", NULL, &st), -ENOENT);
	CHECK_EQ(vfs_stat("/proc/42/nope", NULL, &st), -ENOENT);
	CHECK_EQ(list_dir_with("/proc/42", buf, sizeof(buf), 512), 0);
	CHECK_STR(buf, ". .. stat cmdline status");
	CHECK_EQ(vfs_open("/proc/42/..", O_RDONLY, 0, NULL, &f), 0);
	CHECK_EQ(file_inode(f)->i_ino, 1); /* back at the /proc root */
	fput(f);
	proc_register_pid_dir(NULL);
	CHECK_EQ(vfs_stat("/proc/42", NULL, &st), -ENOENT);
	vfs_test_end();
}

TEST(proc_readdir_lists_static_then_self_then_pids_in_small_chunks)
{
	char names[512];

	proc_test_begin();
	proc_register_pid_dir(&test_pid_ops);
	CHECK_EQ(proc_create_single("net/dev", counter_show), 0);
	CHECK_EQ(list_dir_with("/proc", names, sizeof(names), 32), 0);
	CHECK_STR(names, ". .. cmdline version filesystems mounts net self 1 7 42");
	proc_register_pid_dir(NULL);
	CHECK_EQ(list_dir_with("/proc", names, sizeof(names), 512), 0);
	CHECK_STR(names, ". .. cmdline version filesystems mounts net");
	vfs_test_end();
}

TEST(self_is_a_link_to_the_callers_pid)
{
	char buf[64];
	struct inode *a, *b;

	proc_test_begin();
	proc_register_pid_dir(&test_pid_ops);
	current_pid = 7;
	CHECK_EQ(vfs_readlink("/proc/self", NULL, buf, sizeof(buf)), 1);
	CHECK_EQ(buf[0], '7');
	CHECK_EQ(read_file("/proc/self/stat", buf, sizeof(buf)), 12);
	CHECK_STR(buf, "7 (task7) S\n");
	CHECK_EQ(kern_path("/proc/self", LOOKUP_FOLLOW, NULL, &a), 0);
	CHECK_EQ(kern_path("/proc/7", 0, NULL, &b), 0);
	CHECK_EQ(a->i_ino, b->i_ino);
	iput(a);
	iput(b);
	proc_register_pid_dir(NULL);
	vfs_test_end();
}

TEST(process_that_exits_between_lookup_and_open_gives_esrch)
{
	struct inode *dir;
	struct file *f;

	proc_test_begin();
	proc_register_pid_dir(&test_pid_ops);
	CHECK_EQ(kern_path("/proc/42", 0, NULL, &dir), 0);
	gone_pid = 42;
	CHECK_EQ(vfs_open("stat", O_RDONLY, 0, dir, &f), -ENOENT);
	CHECK_EQ(vfs_umount("/proc"), -EBUSY); /* dir is in use */
	iput(dir);
	gone_pid = -1;
	CHECK_EQ(kern_path("/proc/42/stat", 0, NULL, &dir), 0);
	gone_pid = 42;
	iput(dir);
	CHECK_EQ(vfs_open("/proc/42/stat", O_RDONLY, 0, NULL, &f), -ENOENT);
	gone_pid = -1;
	proc_register_pid_dir(NULL);
	vfs_test_end();
}

static int esrch_show(int pid, char *buf, int len)
{
	return -ESRCH;
}

static const struct pid_entry esrch_entries[] = { { "stat", 0444, esrch_show } };
static const struct proc_pid_ops esrch_ops = {
	.pid_alive = test_pid_alive,
	.next_pid = test_next_pid,
	.entries = esrch_entries,
	.nr_entries = 1,
};

TEST(show_reporting_esrch_fails_the_open)
{
	struct file *f;
	struct kstat st;

	proc_test_begin();
	proc_register_pid_dir(&esrch_ops);
	CHECK_EQ(vfs_open("/proc/1/stat", O_RDONLY, 0, NULL, &f), -ESRCH);
	CHECK_EQ(vfs_stat("/proc/self", NULL, &st), -ENOENT); /* no current_pid */
	proc_register_pid_dir(NULL);
	vfs_test_end();
}

RUN_TESTS()
