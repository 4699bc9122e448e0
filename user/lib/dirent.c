/*
 * dirent.c - directory streams over getdents64.
 *
 * getdents64 fills a buffer with variable-length linux_dirent64 records
 * { u64 d_ino; s64 d_off; u16 d_reclen; u8 d_type; char d_name[] };
 * d_reclen is the distance to the next record. readdir() hands out one
 * record at a time, refilling the buffer when it is used up; 0 from
 * getdents64 means the end of the directory.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libc.h"

#define DIRBUF_SIZE 2048

struct _DIR {
	int fd;
	size_t pos, len; /* next record and end of valid data in buf */
	struct dirent ent;
	char buf[DIRBUF_SIZE];
};

/* The kernel's record; d_name runs to d_reclen. */
struct linux_dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
} __attribute__((packed));

DIR *fdopendir(int fd)
{
	DIR *d = malloc(sizeof(*d));

	if (!d)
		return NULL;
	d->fd = fd;
	d->pos = d->len = 0;
	return d;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d;

	if (fd < 0)
		return NULL;
	d = fdopendir(fd);
	if (!d)
		close(fd);
	return d;
}

static int dir_refill(DIR *d)
{
	long n = __getdents64(d->fd, d->buf, sizeof(d->buf));

	if (n <= 0)
		return (int)n; /* 0: end; -1: errno set */
	d->pos = 0;
	d->len = (size_t)n;
	return 1;
}

struct dirent *readdir(DIR *d)
{
	struct linux_dirent64 *k;
	size_t namelen;

	if (d->pos >= d->len && dir_refill(d) <= 0)
		return NULL;
	k = (struct linux_dirent64 *)(d->buf + d->pos);
	if (k->d_reclen == 0 || d->pos + k->d_reclen > d->len) {
		errno = EIO; /* a malformed record: stop rather than loop */
		d->pos = d->len;
		return NULL;
	}
	d->pos += k->d_reclen;
	d->ent.d_ino = k->d_ino;
	d->ent.d_off = k->d_off;
	d->ent.d_reclen = k->d_reclen;
	d->ent.d_type = k->d_type;
	namelen = strnlen(k->d_name, k->d_reclen - sizeof(*k));
	if (namelen > (sizeof(d->ent.d_name) - 1))
		namelen = (sizeof(d->ent.d_name) - 1);
	memcpy(d->ent.d_name, k->d_name, namelen);
	d->ent.d_name[namelen] = '\0';
	return &d->ent;
}

int closedir(DIR *d)
{
	int r = close(d->fd);

	free(d);
	return r;
}

int dirfd(DIR *d)
{
	return d->fd;
}

void rewinddir(DIR *d)
{
	lseek(d->fd, 0, SEEK_SET);
	d->pos = d->len = 0;
}
