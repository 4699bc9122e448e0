/*
 * mkdir - make directories: mkdir [-p] dir...
 * -p creates missing parents and accepts directories that already exist.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* mkdir every prefix of path ending before a '/', then path itself. */
static int mkdir_parents(char *path)
{
	for (char *p = path + 1;; p++) {
		char saved = *p;

		if (*p != '/' && *p != '\0')
			continue;
		*p = '\0';
		if (mkdir(path, 0777) < 0 && !(errno == EEXIST && is_dir(path))) {
			*p = saved;
			return -1;
		}
		*p = saved;
		if (!saved)
			return 0;
		while (p[1] == '/')
			p++;
		if (!p[1])
			return 0; /* trailing slash */
	}
}

int main(int argc, char **argv)
{
	int parents = 0, opt, status = 0;

	while ((opt = getopt(argc, argv, "+p")) != -1) {
		if (opt == '?')
			return 1;
		parents = 1;
	}
	if (optind == argc) {
		fprintf(stderr, "mkdir: missing operand\n");
		return 1;
	}
	for (int i = optind; i < argc; i++) {
		int r = parents ? mkdir_parents(argv[i]) : mkdir(argv[i], 0777);

		if (r < 0) {
			fprintf(stderr, "mkdir: cannot create directory '%s': %s\n",
				argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
