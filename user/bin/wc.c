/*
 * wc - count lines, words and bytes: wc [-l] [-w] [-c] [file...].
 *
 * Output as coreutils prints it: counts in the order lines, words, bytes,
 * right-aligned to one common width. The width is 1 for a single count of
 * a single input, otherwise the digits of the total size of the regular
 * inputs, at least 7 when an input (a pipe, the terminal) has no known size.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct counts {
	unsigned long long lines, words, bytes;
};

static int show_l, show_w, show_c;

static int count_fd(int fd, struct counts *c)
{
	char buf[4096];
	int in_word = 0;
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		c->bytes += (unsigned long long)n;
		for (ssize_t i = 0; i < n; i++) {
			int sp = isspace((unsigned char)buf[i]);

			c->lines += buf[i] == '\n';
			c->words += !sp && !in_word;
			in_word = !sp;
		}
	}
	return 0;
}

static void print_counts(const struct counts *c, int width, const char *name)
{
	const char *sep = "";

	if (show_l)
		printf("%*llu", width, c->lines), sep = " ";
	if (show_w)
		printf("%s%*llu", sep, width, c->words), sep = " ";
	if (show_c)
		printf("%s%*llu", sep, width, c->bytes);
	if (name)
		printf(" %s", name);
	putchar('\n');
}

static int number_width(int nfiles, char **files)
{
	unsigned long long total = 0;
	int width = 1, minimum = 1;
	struct stat st;

	for (int i = 0; i < nfiles || (nfiles == 0 && i == 0); i++) {
		int r = nfiles && strcmp(files[i], "-") ? stat(files[i], &st)
							: fstat(0, &st);

		if (r == 0 && S_ISREG(st.st_mode))
			total += (unsigned long long)st.st_size;
		else if (r == 0)
			minimum = 7;
	}
	for (; total >= 10; total /= 10)
		width++;
	return width < minimum ? minimum : width;
}

static int wc_file(const char *name, struct counts *c)
{
	int fd = strcmp(name, "-") ? open(name, O_RDONLY) : 0;

	if (fd < 0 || count_fd(fd, c) < 0) {
		fprintf(stderr, "wc: %s: %s\n", name, strerror(errno));
		if (fd > 0)
			close(fd);
		return 1;
	}
	if (fd > 0)
		close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	struct counts total = { 0, 0, 0 };
	int opt, status = 0, width, nfiles;

	while ((opt = getopt(argc, argv, "+lwc")) != -1) {
		if (opt == '?')
			return 1;
		show_l |= opt == 'l', show_w |= opt == 'w', show_c |= opt == 'c';
	}
	if (!show_l && !show_w && !show_c)
		show_l = show_w = show_c = 1;
	nfiles = argc - optind;
	width = number_width(nfiles, argv + optind);
	if (show_l + show_w + show_c == 1 && nfiles <= 1)
		width = 1;
	if (nfiles == 0) {
		status = wc_file("-", &total);
		print_counts(&total, width, NULL);
		return status;
	}
	for (int i = optind; i < argc; i++) {
		struct counts c = { 0, 0, 0 };

		if (wc_file(argv[i], &c)) {
			status = 1;
			continue;
		}
		print_counts(&c, width, argv[i]);
		total.lines += c.lines, total.words += c.words, total.bytes += c.bytes;
	}
	if (nfiles > 1)
		print_counts(&total, width, "total");
	return status;
}
