/*
 * stdio.c - buffered streams over file descriptors.
 *
 * A FILE has one buffer used either for reading or for writing:
 *
 *   reading:  buf [ consumed | rpos .. rlen unread | free ]
 *   writing:  buf [ 0 .. wlen waiting to be written | free ]
 *
 * Buffering as glibc does it: stderr unbuffered; stdout line buffered when
 * it is a terminal (decided at its first write), else fully buffered;
 * files fully buffered. Before refilling any input buffer, stdout is
 * flushed, so a prompt printed without '\n' shows before the read blocks.
 * exit() calls __stdio_flush_all(). Single-threaded: no locks.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format.h"
#include "libc.h"

#define F_READ 0x01
#define F_WRITE 0x02
#define F_EOF 0x04
#define F_ERR 0x08
#define F_LINEBUF 0x10
#define F_UNBUF 0x20
#define F_BUFSET 0x40   /* buffering mode decided */
#define F_OWNBUF 0x80   /* buf was malloc'd by us */
#define F_STATIC 0x100  /* stdin/stdout/stderr: never freed */

struct _FILE {
	int fd;
	int flags;
	char *buf;
	size_t size;
	size_t rpos, rlen; /* read window */
	size_t wlen;       /* bytes waiting to be written */
	int ungot;         /* ungetc's byte, or EOF */
	struct _FILE *next; /* every open stream, for __stdio_flush_all */
};

static char stdin_buf[BUFSIZ], stdout_buf[BUFSIZ];
static FILE f_stderr = { 2, F_WRITE | F_UNBUF | F_BUFSET | F_STATIC,
			 NULL, 0, 0, 0, 0, EOF, NULL };
static FILE f_stdout = { 1, F_WRITE | F_STATIC, stdout_buf, BUFSIZ,
			 0, 0, 0, EOF, &f_stderr };
static FILE f_stdin = { 0, F_READ | F_BUFSET | F_STATIC, stdin_buf, BUFSIZ,
			0, 0, 0, EOF, &f_stdout };
FILE *stdin = &f_stdin;
FILE *stdout = &f_stdout;
FILE *stderr = &f_stderr;
static FILE *all_files = &f_stdin;

/* ---- low level -------------------------------------------------------- */

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* stdout's mode is settled when it is first written to. */
static void decide_buffering(FILE *f)
{
	if (!(f->flags & F_BUFSET) && isatty(f->fd))
		f->flags |= F_LINEBUF;
	f->flags |= F_BUFSET;
}

int fflush(FILE *f)
{
	if (!f) {
		__stdio_flush_all();
		return 0;
	}
	if (!f->wlen)
		return 0;
	if (write_all(f->fd, f->buf, f->wlen) < 0) {
		f->flags |= F_ERR;
		f->wlen = 0;
		return EOF;
	}
	f->wlen = 0;
	return 0;
}

void __stdio_flush_all(void)
{
	for (FILE *f = all_files; f; f = f->next)
		fflush(f);
}

/* Switch a read/write stream to writing: give back unread input. */
static void to_write(FILE *f)
{
	if (f->rpos < f->rlen)
		lseek(f->fd, -(off_t)(f->rlen - f->rpos), SEEK_CUR);
	f->rpos = f->rlen = 0;
	f->ungot = EOF;
	decide_buffering(f);
}

/* ---- output ----------------------------------------------------------- */

static size_t put_bytes(FILE *f, const char *p, size_t n)
{
	if (!(f->flags & F_WRITE)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return 0;
	}
	if (f->rlen)
		to_write(f);
	decide_buffering(f);
	if ((f->flags & F_UNBUF) || !f->buf) {
		if (fflush(f) < 0 || write_all(f->fd, p, n) < 0) {
			f->flags |= F_ERR;
			return 0;
		}
		return n;
	}
	for (size_t i = 0; i < n; i++) {
		if (f->wlen == f->size && fflush(f) < 0)
			return i;
		f->buf[f->wlen++] = p[i];
		if (p[i] == '\n' && (f->flags & F_LINEBUF) && fflush(f) < 0)
			return i + 1;
	}
	return n;
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	if (!size || !n)
		return 0;
	return put_bytes(f, p, size * n) / size;
}

int fputc(int c, FILE *f)
{
	char ch = (char)c;

	return put_bytes(f, &ch, 1) == 1 ? (unsigned char)c : EOF;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int fputs(const char *s, FILE *f)
{
	size_t n = strlen(s);

	return put_bytes(f, s, n) == n ? 0 : EOF;
}

int puts(const char *s)
{
	return fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF ? EOF : 0;
}

/* ---- printf family ---------------------------------------------------- */

struct file_sink {
	struct fmt_sink sink;
	FILE *f;
};

static void file_write(struct fmt_sink *sink, const char *s, size_t n)
{
	put_bytes(((struct file_sink *)sink)->f, s, n);
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	struct file_sink fs = { { file_write, 0 }, f };
	int n = vformat(&fs.sink, fmt, ap);

	return (f->flags & F_ERR) ? -1 : n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

/* Straight to a descriptor through a temporary stream on the stack. */
int vdprintf(int fd, const char *fmt, va_list ap)
{
	char buf[256];
	FILE tmp = { fd, F_WRITE | F_BUFSET, buf, sizeof(buf), 0, 0, 0, EOF, NULL };
	int n = vfprintf(&tmp, fmt, ap);

	return fflush(&tmp) < 0 ? -1 : n;
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

void perror(const char *s)
{
	int err = errno;

	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, strerror(err));
	else
		fprintf(stderr, "%s\n", strerror(err));
}

/* ---- input ------------------------------------------------------------ */

/* Read the next chunk; 0 at end of file or on error (flags say which). */
static int refill(FILE *f)
{
	ssize_t n;

	if (!(f->flags & F_READ)) {
		f->flags |= F_ERR;
		return 0;
	}
	fflush(f); /* a read/write stream switching to reading */
	if (f_stdout.flags & F_LINEBUF)
		fflush(&f_stdout);
	n = read(f->fd, f->buf, f->size);
	if (n <= 0) {
		f->flags |= n ? F_ERR : F_EOF;
		return 0;
	}
	f->rpos = 0;
	f->rlen = (size_t)n;
	return 1;
}

int fgetc(FILE *f)
{
	int c = f->ungot;

	if (c != EOF) {
		f->ungot = EOF;
		return c;
	}
	if (f->rpos == f->rlen && !refill(f))
		return EOF;
	return (unsigned char)f->buf[f->rpos++];
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

int ungetc(int c, FILE *f)
{
	if (c == EOF || f->ungot != EOF)
		return EOF;
	f->ungot = (unsigned char)c;
	f->flags &= ~F_EOF;
	return c;
}

char *fgets(char *s, int size, FILE *f)
{
	int i = 0, c = 0;

	if (size <= 0)
		return NULL;
	while (i < size - 1 && c != '\n' && (c = fgetc(f)) != EOF)
		s[i++] = (char)c;
	s[i] = '\0';
	return i ? s : NULL;
}

ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f)
{
	size_t n = 0;
	int c;

	do {
		c = fgetc(f);
		if (c == EOF)
			break;
		if (n + 2 > *cap || !*line) {
			size_t ncap = *cap < 64 ? 128 : *cap * 2;
			char *p = realloc(*line, ncap);
			if (!p)
				return -1;
			*line = p;
			*cap = ncap;
		}
		(*line)[n++] = (char)c;
	} while (c != delim);
	if (n == 0)
		return -1;
	(*line)[n] = '\0';
	return (ssize_t)n;
}

ssize_t getline(char **line, size_t *cap, FILE *f)
{
	return getdelim(line, cap, '\n', f);
}

size_t fread(void *p, size_t size, size_t n, FILE *f)
{
	char *d = p;
	size_t want = size * n, got = 0;
	int c;

	if (!size || !n)
		return 0;
	while (got < want && (c = fgetc(f)) != EOF) {
		size_t chunk = f->rlen - f->rpos;

		d[got++] = (char)c;
		if (chunk > want - got)
			chunk = want - got;
		memcpy(d + got, f->buf + f->rpos, chunk);
		f->rpos += chunk;
		got += chunk;
	}
	return got / size;
}

int feof(FILE *f)
{
	return !!(f->flags & F_EOF);
}

int ferror(FILE *f)
{
	return !!(f->flags & F_ERR);
}

void clearerr(FILE *f)
{
	f->flags &= ~(F_EOF | F_ERR);
}

int fileno(FILE *f)
{
	return f->fd;
}

/* ---- opening and closing ---------------------------------------------- */

/* "r", "w", "a", each with optional '+', 'b' (ignored), 'e' (close-on-exec). */
static int mode_flags(const char *mode, int *fflags)
{
	int o;

	switch (mode[0]) {
	case 'r': o = O_RDONLY; *fflags = F_READ; break;
	case 'w': o = O_WRONLY | O_CREAT | O_TRUNC; *fflags = F_WRITE; break;
	case 'a': o = O_WRONLY | O_CREAT | O_APPEND; *fflags = F_WRITE; break;
	default: errno = EINVAL; return -1;
	}
	if (strchr(mode, '+')) {
		o = (o & ~O_ACCMODE) | O_RDWR;
		*fflags = F_READ | F_WRITE;
	}
	if (strchr(mode, 'e'))
		o |= O_CLOEXEC;
	return o;
}

FILE *fdopen(int fd, const char *mode)
{
	int fflags;
	FILE *f;

	if (mode_flags(mode, &fflags) < 0)
		return NULL;
	f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->buf = malloc(BUFSIZ);
	if (!f->buf) {
		free(f);
		return NULL;
	}
	f->fd = fd;
	f->flags = fflags | F_OWNBUF | F_BUFSET;
	f->size = BUFSIZ;
	f->ungot = EOF;
	f->next = all_files;
	all_files = f;
	return f;
}

FILE *fopen(const char *path, const char *mode)
{
	int fflags, o = mode_flags(mode, &fflags), fd;
	FILE *f;

	if (o < 0)
		return NULL;
	fd = open(path, o, 0666);
	if (fd < 0)
		return NULL;
	f = fdopen(fd, mode);
	if (!f)
		close(fd);
	return f;
}

int fclose(FILE *f)
{
	int r = fflush(f);

	if (close(f->fd) < 0)
		r = EOF;
	if (f->flags & F_STATIC)
		return r;
	for (FILE **pp = &all_files; *pp; pp = &(*pp)->next) {
		if (*pp == f) {
			*pp = f->next;
			break;
		}
	}
	if (f->flags & F_OWNBUF)
		free(f->buf);
	free(f);
	return r;
}

int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	fflush(f);
	f->flags &= ~(F_LINEBUF | F_UNBUF);
	f->flags |= F_BUFSET;
	if (mode == _IONBF)
		f->flags |= F_UNBUF;
	else if (mode == _IOLBF)
		f->flags |= F_LINEBUF;
	if (buf && size) {
		if (f->flags & F_OWNBUF)
			free(f->buf);
		f->flags &= ~F_OWNBUF;
		f->buf = buf;
		f->size = size;
	}
	return 0;
}

void setbuf(FILE *f, char *buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}
