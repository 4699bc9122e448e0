/*
 * filesystems.c - the list of file system types (Linux: fs/filesystems.c).
 *
 * vfs_mount() finds a type by name here; /proc/filesystems lists them. The
 * types are static structures chained through ->next. Process context.
 */
#include "kernel/errno.h"
#include "kernel/fs/internal.h"
#include "kernel/fs/proc_fs.h"
#include "lib/string.h"

static struct file_system_type *file_systems;

static struct file_system_type **find_filesystem(const char *name)
{
	struct file_system_type **p;

	for (p = &file_systems; *p; p = &(*p)->next)
		if (!strcmp((*p)->name, name))
			break;
	return p;
}

/* 0, or -EBUSY when a type of that name is already registered. */
int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p = find_filesystem(fs->name);

	if (*p)
		return -EBUSY;
	fs->next = NULL;
	*p = fs;
	return 0;
}

int unregister_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;

	for (p = &file_systems; *p; p = &(*p)->next) {
		if (*p == fs) {
			*p = fs->next;
			fs->next = NULL;
			return 0;
		}
	}
	return -EINVAL;
}

struct file_system_type *get_fs_type(const char *name)
{
	return *find_filesystem(name);
}

/* "nodev\tproc": every rxos file system lives in memory, none needs a disk. */
int filesystems_proc_show(char *buf, int len)
{
	int n = 0;

	for (struct file_system_type *fs = file_systems; fs; fs = fs->next)
		n = proc_printf(buf, len, n, "nodev\t%s\n", fs->name);
	return n;
}
