/*
 * rm - remove files: rm [-r|-R] [-f] path...
 * -r removes directories and their contents (depth first, never following
 * symbolic links); -f ignores missing files and never fails for them.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int recursive, force;

static int fail(const char *path)
{
	if (force && errno == ENOENT)
		return 0;
	fprintf(stderr, "rm: cannot remove '%s': %s\n", path, strerror(errno));
	return 1;
}

static int rm_path(const char *path);

/* Remove everything inside directory `path`. */
static int rm_contents(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int status = 0;

	if (!d)
		return fail(path);
	while ((e = readdir(d))) {
		char *child;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		child = malloc(strlen(path) + strlen(e->d_name) + 2);
		if (!child) {
			closedir(d);
			return fail(path);
		}
		sprintf(child, "%s/%s", path, e->d_name);
		status |= rm_path(child);
		free(child);
	}
	closedir(d);
	return status;
}

static int rm_path(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return fail(path);
	if (!S_ISDIR(st.st_mode))
		return unlink(path) < 0 ? fail(path) : 0;
	if (!recursive) {
		fprintf(stderr, "rm: cannot remove '%s': Is a directory\n", path);
		return 1;
	}
	if (rm_contents(path))
		return 1;
	return rmdir(path) < 0 ? fail(path) : 0;
}

int main(int argc, char **argv)
{
	int opt, status = 0;

	while ((opt = getopt(argc, argv, "+rRf")) != -1) {
		if (opt == '?')
			return 1;
		if (opt == 'f')
			force = 1;
		else
			recursive = 1;
	}
	if (optind == argc && !force) {
		fprintf(stderr, "rm: missing operand\n");
		return 1;
	}
	for (int i = optind; i < argc; i++)
		status |= rm_path(argv[i]);
	return status;
}
