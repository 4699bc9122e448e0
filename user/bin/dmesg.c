/*
 * dmesg - print the kernel log buffer.
 *
 * Asks syslog(2) (glibc's name: klogctl) for the buffer size
 * (SYSLOG_ACTION_SIZE_BUFFER = 10), then for all of it
 * (SYSLOG_ACTION_READ_ALL = 3). Each record starts with "<N>", the log
 * level; like util-linux dmesg we print the lines without it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <unistd.h>

#define SIZE_BUFFER 10
#define READ_ALL 3

/* Skip a "<digits>" prefix at the start of a line. */
static const char *strip_level(const char *line)
{
	const char *p = line + 1;

	if (*line != '<')
		return line;
	while (*p >= '0' && *p <= '9')
		p++;
	return *p == '>' && p > line + 1 ? p + 1 : line;
}

static void print_log(char *buf, int len)
{
	char *line = buf, *end = buf + len;

	while (line < end) {
		char *nl = memchr(line, '\n', (size_t)(end - line));
		char *stop = nl ? nl : end;
		const char *text = strip_level(line);

		*stop = '\0';
		printf("%s\n", text);
		line = stop + 1;
	}
}

int main(void)
{
	int size = klogctl(SIZE_BUFFER, NULL, 0), len;
	char *buf;

	if (size <= 0)
		size = 1 << 16;
	buf = malloc((size_t)size + 1);
	if (!buf) {
		perror("dmesg");
		return 1;
	}
	len = klogctl(READ_ALL, buf, size);
	if (len < 0) {
		perror("dmesg: read kernel buffer failed");
		return 1;
	}
	print_log(buf, len);
	return 0;
}
