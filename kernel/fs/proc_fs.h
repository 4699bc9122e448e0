/*
 * proc_fs.h - publishing files in /proc (Linux: include/linux/proc_fs.h,
 * seq_file.h).
 *
 * A subsystem describes a file by a function that writes its whole text:
 *
 *     static int dev_show(char *buf, int len)
 *     {
 *             int n = proc_printf(buf, len, 0, "Inter-|   Receive ...\n");
 *             for (each device)
 *                     n = proc_printf(buf, len, n, "%6s: %7lu ...\n", ...);
 *             return n;
 *     }
 *     proc_create_single("net/dev", dev_show);
 *
 * show contract: write at most len bytes into buf (a kernel buffer) and
 * return either the length of the whole text, even when it did not fit (as
 * snprintf does), or the bytes stored (as scnprintf does: at most len - 1),
 * or -errno. A return of len - 1 or more means "maybe cut": procfs calls
 * show again with a buffer twice as large (up to PROC_MAX_SNAPSHOT).
 * proc_printf appends at `pos` and returns pos + the piece's full length,
 * so a chain of calls needs no bounds checks. show runs in the process context
 * of the open(): it may take locks (spin_lock_bh for softirq data) and
 * must not sleep for long.
 *
 * Snapshot: show runs once, at open; read() returns slices of that text.
 * So `cat` sees one consistent state even if the data changes between its
 * read() calls (Linux's seq_file restarts show per chunk instead).
 *
 * Writable files (/proc/sys/...): store gets what one write() passed, as a
 * NUL-terminated kernel string of len bytes (< PAGE_SIZE), and returns 0 or
 * -errno (-EINVAL for a bad value); write() then returns the byte count.
 *
 * Paths are relative to /proc; missing directories are created:
 * proc_create_single("sys/net/core/netdev_budget", ...) makes sys/, net/,
 * core/. Register after vfs_caches_init, in process context.
 */
#ifndef RXOS_KERNEL_FS_PROC_FS_H
#define RXOS_KERNEL_FS_PROC_FS_H

#include "kernel/fs/fs.h"

#define PROC_MAX_SNAPSHOT (128 * 1024) /* longest /proc file text */
#define PROC_PATH_MAX 64

/* 0, -EEXIST, -ENOTDIR (a parent is a file), -EINVAL (bad path), -ENODEV
 * (/proc not set up yet), -ENOMEM. */
int proc_create_single(const char *path, int (*show)(char *buf, int len));
int proc_create_rw(const char *path, int (*show)(char *buf, int len),
		   int (*store)(const char *buf, int len));
int proc_mkdir(const char *path);
/* Remove a file or an empty directory; open files keep their snapshot. */
int proc_remove(const char *path);

__printf(4, 5) int proc_printf(char *buf, int len, int pos, const char *fmt,
			       ...);

/*
 * Per-process directories /proc/PID/ come from the process code, which
 * registers (once, with static storage) how to find processes and which
 * files each directory has:
 *
 *     static const struct pid_entry tgid_base_stuff[] = {
 *             { "stat", 0444, proc_pid_stat },      (Linux fs/proc/base.c)
 *             { "cmdline", 0444, proc_pid_cmdline },
 *             { "status", 0444, proc_pid_status },
 *     };
 *     static const struct proc_pid_ops pid_ops = {
 *             .pid_alive = ..., .next_pid = ..., .current_pid = ...,
 *             .entries = tgid_base_stuff, .nr_entries = 3,
 *     };
 *     proc_register_pid_dir(&pid_ops);
 *
 * Then /proc/PID exists while pid_alive(PID); readdir of /proc lists, after
 * the static entries, "self" (if current_pid is set: a symlink to the
 * caller's PID) and every pid from next_pid. Each file's show gets the pid
 * and has the show contract above; it returns -ESRCH if the process is
 * gone (the open then fails with -ESRCH). Nested directories under /proc/PID
 * (fd/, net/) are not supported yet.
 */
struct pid_entry {
	const char *name;
	umode_t mode; /* permission bits, e.g. 0444 */
	int (*show)(int pid, char *buf, int len);
};

struct proc_pid_ops {
	int (*pid_alive)(int pid);  /* non-zero if a process has this pid */
	int (*next_pid)(int after); /* smallest live pid > after, or < 0 */
	int (*current_pid)(void);   /* for /proc/self; may be NULL */
	const struct pid_entry *entries;
	unsigned int nr_entries;
};

/* ops NULL removes the hook. */
void proc_register_pid_dir(const struct proc_pid_ops *ops);

#endif
