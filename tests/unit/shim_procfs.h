/*
 * shim_procfs.h - proc_create_single/proc_create_rw for host unit tests of
 * code that registers /proc files. Include the code under test between
 *
 *     #define proc_create_single shim_proc_create_single
 *     #define proc_create_rw shim_proc_create_rw
 *     #include "net/core/net-procfs.c"
 *     #undef ...
 *
 * (so tests that bring their own proc_create_* stubs still link); each
 * call is recorded, so a test can
 * find a file's show/store by its path and run them (registering a path
 * again replaces it, as tests re-run init functions) (procfs itself is
 * tested in test_procfs.c).
 */
#ifndef RXOS_TESTS_UNIT_SHIM_PROCFS_H
#define RXOS_TESTS_UNIT_SHIM_PROCFS_H

#include <string.h>

#include "kernel/fs/proc_fs.h"

#define SHIM_PROC_MAX 64

struct shim_proc_file {
	char path[PROC_PATH_MAX];
	int (*show)(char *buf, int len);
	int (*store)(const char *buf, int len);
};

static struct shim_proc_file shim_proc_files[SHIM_PROC_MAX];
static int shim_proc_count;

static int shim_proc_create_rw(const char *path,
			       int (*show)(char *buf, int len),
			       int (*store)(const char *buf, int len))
{
	struct shim_proc_file *f = NULL;

	/* a second registration (a test re-running an init) replaces */
	for (int i = 0; i < shim_proc_count; i++)
		if (!strcmp(shim_proc_files[i].path, path))
			f = &shim_proc_files[i];
	if (!f && shim_proc_count == SHIM_PROC_MAX)
		return -12; /* -ENOMEM */
	if (!f)
		f = &shim_proc_files[shim_proc_count++];
	strncpy(f->path, path, sizeof(f->path) - 1);
	f->show = show;
	f->store = store;
	return 0;
}

static int shim_proc_create_single(const char *path,
				   int (*show)(char *buf, int len))
{
	return shim_proc_create_rw(path, show, NULL);
}

static struct shim_proc_file *shim_proc_find(const char *path)
{
	for (int i = 0; i < shim_proc_count; i++)
		if (!strcmp(shim_proc_files[i].path, path))
			return &shim_proc_files[i];
	return NULL;
}

static void shim_proc_reset(void)
{
	shim_proc_count = 0;
}

#endif
