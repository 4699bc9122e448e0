/*
 * ls - list directory contents: ls [-l] [-a] [-1] [path...]
 *
 * -a shows names starting with '.', -l the long format of coreutils
 * ("drwxr-xr-x 2 root root 4096 Nov 22 08:03 name", after a "total"
 * line of 1 KiB blocks), -1 one name per line. Without -l or -1, names
 * go in columns when standard output is a terminal, else one per line.
 * Names are sorted by byte value (the "C" locale).
 */
#include <dirent.h>
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct entry {
	char *name;
	struct stat st;
};

struct listing {
	struct entry *e;
	size_t n, cap;
};

static int opt_all, opt_long, opt_one;
static int status;

static void warn_errno(const char *what, const char *path)
{
	fprintf(stderr, "ls: %s '%s': %s\n", what, path, strerror(errno));
	status = status ? status : 2;
}

static int add_entry(struct listing *l, const char *name, const struct stat *st)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		struct entry *e = realloc(l->e, cap * sizeof(*e));
		if (!e)
			return -1;
		l->e = e;
		l->cap = cap;
	}
	l->e[l->n].name = strdup(name);
	l->e[l->n].st = *st;
	return l->e[l->n++].name ? 0 : -1;
}

static void free_listing(struct listing *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->e[i].name);
	free(l->e);
	l->e = NULL;
	l->n = l->cap = 0;
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

/* ---- long format -------------------------------------------------------- */

static void mode_string(mode_t m, char *s)
{
	const char *rwx = "rwxrwxrwx";

	s[0] = S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISCHR(m) ? 'c'
	     : S_ISBLK(m) ? 'b' : S_ISFIFO(m) ? 'p' : S_ISSOCK(m) ? 's' : '-';
	for (int i = 0; i < 9; i++)
		s[i + 1] = (m & (0400 >> i)) ? rwx[i] : '-';
	if (m & S_ISUID)
		s[3] = s[3] == 'x' ? 's' : 'S';
	if (m & S_ISGID)
		s[6] = s[6] == 'x' ? 's' : 'S';
	if (m & S_ISVTX)
		s[9] = s[9] == 'x' ? 't' : 'T';
	s[10] = '\0';
}

/* A user or group name from the database, else the number. */
static void id_name(const char *name, unsigned id, char *buf, size_t size)
{
	if (name)
		snprintf(buf, size, "%s", name);
	else
		snprintf(buf, size, "%u", id);
}

static void owner_name(uid_t uid, char *buf, size_t size)
{
	struct passwd *pw = getpwuid(uid);

	id_name(pw ? pw->pw_name : NULL, uid, buf, size);
}

static void group_name(gid_t gid, char *buf, size_t size)
{
	struct group *gr = getgrgid(gid);

	id_name(gr ? gr->gr_name : NULL, gid, buf, size);
}

/* "Nov 22 08:03" within the last six months, else "Nov 22  2023". */
static void time_string(time_t t, char *buf, size_t size)
{
	static const char *mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
				     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	if (t > now - 15778476 && t <= now + 60) /* half a Gregorian year */
		snprintf(buf, size, "%s %2d %02d:%02d", mon[tm.tm_mon], tm.tm_mday,
			 tm.tm_hour, tm.tm_min);
	else
		snprintf(buf, size, "%s %2d  %d", mon[tm.tm_mon], tm.tm_mday,
			 tm.tm_year + 1900);
}

static void size_string(const struct stat *st, char *buf, size_t size)
{
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		snprintf(buf, size, "%u, %u", (unsigned)((st->st_rdev >> 8) & 0xfff),
			 (unsigned)((st->st_rdev & 0xff) | ((st->st_rdev >> 12) & 0xfff00)));
	else
		snprintf(buf, size, "%lld", (long long)st->st_size);
}

struct widths {
	int links, owner, group, size;
};

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

/* Grow the column widths in w to fit every entry of l. */
static void measure(const struct listing *l, struct widths *w)
{
	char buf[64];

	for (size_t i = 0; i < l->n; i++) {
		const struct stat *st = &l->e[i].st;

		w->links = max_int(w->links, snprintf(buf, sizeof(buf), "%u",
						      (unsigned)st->st_nlink));
		owner_name(st->st_uid, buf, sizeof(buf));
		w->owner = max_int(w->owner, (int)strlen(buf));
		group_name(st->st_gid, buf, sizeof(buf));
		w->group = max_int(w->group, (int)strlen(buf));
		size_string(st, buf, sizeof(buf));
		w->size = max_int(w->size, (int)strlen(buf));
	}
}

static void print_long(const char *dir, const struct entry *e, const struct widths *w)
{
	char mode[11], owner[64], group[64], size[64], when[32], target[4096];
	ssize_t n;

	mode_string(e->st.st_mode, mode);
	owner_name(e->st.st_uid, owner, sizeof(owner));
	group_name(e->st.st_gid, group, sizeof(group));
	size_string(&e->st, size, sizeof(size));
	time_string(e->st.st_mtime, when, sizeof(when));
	printf("%s %*u %-*s %-*s %*s %s %s", mode, w->links, (unsigned)e->st.st_nlink,
	       w->owner, owner, w->group, group, w->size, size, when, e->name);
	if (S_ISLNK(e->st.st_mode)) {
		char path[4096];

		snprintf(path, sizeof(path), "%s%s%s", dir ? dir : "",
			 dir ? "/" : "", e->name);
		n = readlink(path, target, sizeof(target) - 1);
		if (n >= 0) {
			target[n] = '\0';
			printf(" -> %s", target);
		}
	}
	putchar('\n');
}

/* ---- short formats ------------------------------------------------------ */

static int terminal_width(void)
{
	struct winsize ws;

	if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* Columns filled top to bottom, then left to right, as coreutils does. */
static void print_columns(const struct listing *l)
{
	size_t width = 1, cols, rows;

	for (size_t i = 0; i < l->n; i++)
		if (strlen(l->e[i].name) + 2 > width)
			width = strlen(l->e[i].name) + 2;
	cols = (size_t)terminal_width() / width;
	cols = cols ? cols : 1;
	rows = (l->n + cols - 1) / cols;
	for (size_t r = 0; r < rows; r++) {
		for (size_t c = 0; c < cols; c++) {
			size_t i = c * rows + r;
			if (i >= l->n)
				break;
			if (c + 1 < cols && i + rows < l->n)
				printf("%-*s", (int)width, l->e[i].name);
			else
				printf("%s", l->e[i].name);
		}
		putchar('\n');
	}
}

/* `also` is measured with l: coreutils aligns file operands with the
 * directory operands listed after them. */
static void print_listing(const char *dir, struct listing *l, int total,
			  const struct listing *also)
{
	struct widths w = { 0, 0, 0, 0 };
	unsigned long long blocks = 0;

	qsort(l->e, l->n, sizeof(l->e[0]), cmp_entry);
	if (!opt_long) {
		if (opt_one || !isatty(1))
			for (size_t i = 0; i < l->n; i++)
				printf("%s\n", l->e[i].name);
		else
			print_columns(l);
		return;
	}
	for (size_t i = 0; i < l->n; i++)
		blocks += (unsigned long long)l->e[i].st.st_blocks;
	if (total)
		printf("total %llu\n", (blocks + 1) / 2);
	measure(l, &w);
	if (also)
		measure(also, &w);
	for (size_t i = 0; i < l->n; i++)
		print_long(dir, &l->e[i], &w);
}

/* ---- walking ------------------------------------------------------------ */

static void list_dir(const char *path)
{
	struct listing l = { NULL, 0, 0 };
	DIR *d = opendir(path);
	struct dirent *e;

	if (!d) {
		warn_errno("cannot open directory", path);
		return;
	}
	while ((e = readdir(d))) {
		char full[4096];
		struct stat st;

		if (e->d_name[0] == '.' && !opt_all)
			continue;
		snprintf(full, sizeof(full), "%s/%s", path, e->d_name);
		if (lstat(full, &st) < 0) {
			warn_errno("cannot access", full);
			continue;
		}
		if (add_entry(&l, e->d_name, &st) < 0)
			break;
	}
	closedir(d);
	print_listing(path, &l, 1, NULL);
	free_listing(&l);
}

int main(int argc, char **argv)
{
	struct listing files = { NULL, 0, 0 }, dirs = { NULL, 0, 0 };
	int opt, nargs;

	while ((opt = getopt(argc, argv, "+la1")) != -1) {
		if (opt == '?')
			return 2;
		opt_long |= opt == 'l', opt_all |= opt == 'a', opt_one |= opt == '1';
	}
	nargs = argc - optind;
	for (int i = optind; i < argc || (nargs == 0 && i == optind); i++) {
		const char *path = nargs ? argv[i] : ".";
		struct stat st;

		if (lstat(path, &st) < 0) {
			warn_errno("cannot access", path);
			continue;
		}
		if (S_ISLNK(st.st_mode) && !opt_long)
			stat(path, &st); /* follow links to directories */
		add_entry(S_ISDIR(st.st_mode) ? &dirs : &files, path, &st);
	}
	if (files.n)
		print_listing(NULL, &files, 0, &dirs);
	qsort(dirs.e, dirs.n, sizeof(dirs.e[0]), cmp_entry);
	for (size_t i = 0; i < dirs.n; i++) {
		if (nargs > 1)
			printf("%s%s:\n", files.n || i ? "\n" : "", dirs.e[i].name);
		list_dir(dirs.e[i].name);
	}
	return status;
}
