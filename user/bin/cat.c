/*
 * cat - copy files (or standard input, named "-") to standard output.
 * Straight read/write with no stdio buffering, so a pipe's data is passed
 * on as soon as it arrives.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int write_all(int fd, const char *p, ssize_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, (size_t)n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= w;
	}
	return 0;
}

static int cat_fd(int fd, const char *name)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
			return 1;
		}
		if (write_all(1, buf, n) < 0) {
			fprintf(stderr, "cat: write error: %s\n", strerror(errno));
			return 1;
		}
	}
	return 0;
}

static int cat_file(const char *name)
{
	int fd, r;

	if (!strcmp(name, "-"))
		return cat_fd(0, "-");
	fd = open(name, O_RDONLY);
	if (fd < 0) {
		fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
		return 1;
	}
	r = cat_fd(fd, name);
	close(fd);
	return r;
}

int main(int argc, char **argv)
{
	int status = 0;

	if (argc < 2)
		return cat_fd(0, "-");
	for (int i = 1; i < argc; i++)
		status |= cat_file(argv[i]);
	return status;
}
