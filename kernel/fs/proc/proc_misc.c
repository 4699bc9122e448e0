/*
 * proc_misc.c - the /proc files the VFS provides itself (Linux:
 * fs/proc/cmdline.c, fs/proc/version.c, fs/filesystems.c,
 * fs/proc_namespace.c).
 *
 *   /proc/cmdline      the boot command line
 *   /proc/version      linux_banner (kernel/main.c)
 *   /proc/filesystems  registered file system types
 *   /proc/mounts       the mount table (Linux: a link to self/mounts)
 */
#include "kernel/fs/proc/internal.h"
#include "kernel/params.h"

extern const char linux_banner[];

static int cmdline_proc_show(char *buf, int len)
{
	return proc_printf(buf, len, 0, "%s\n", boot_command_line);
}

static int version_proc_show(char *buf, int len)
{
	return proc_printf(buf, len, 0, "%s\n", linux_banner);
}

int proc_misc_init(void)
{
	int err = proc_create_single("cmdline", cmdline_proc_show);

	if (!err)
		err = proc_create_single("version", version_proc_show);
	if (!err)
		err = proc_create_single("filesystems", filesystems_proc_show);
	if (!err)
		err = proc_create_single("mounts", mounts_show);
	return err;
}
