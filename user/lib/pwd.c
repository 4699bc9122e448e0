/*
 * pwd.c - user and group names from /etc/passwd
 * ("name:passwd:uid:gid:gecos:dir:shell") and /etc/group
 * ("name:passwd:gid:members"). A missing file or entry gives NULL, and
 * callers such as ls and ps print the number instead.
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct passwd pw;
static struct group gr;
static char *no_members[1];
static char line[256];

/* Split s at ':' into up to n fields (the last one ends at '\n'). */
static int split_fields(char *s, char **f, int n)
{
	for (int i = 0; i < n; i++) {
		f[i] = strsep(&s, i < n - 1 ? ":" : "\n");
		if (!f[i])
			return 0;
	}
	return 1;
}

/* 1 if this passwd line is for `name` (or for uid, when name is NULL). */
static int passwd_line(char *s, const char *name, uid_t uid)
{
	char *f[7];

	if (!split_fields(s, f, 7))
		return 0;
	pw.pw_name = f[0];
	pw.pw_passwd = f[1];
	pw.pw_uid = (uid_t)strtoul(f[2], NULL, 10);
	pw.pw_gid = (gid_t)strtoul(f[3], NULL, 10);
	pw.pw_gecos = f[4];
	pw.pw_dir = f[5];
	pw.pw_shell = f[6];
	return name ? !strcmp(pw.pw_name, name) : pw.pw_uid == uid;
}

static int group_line(char *s, const char *name, gid_t gid)
{
	char *f[4];

	(void)name;
	if (!split_fields(s, f, 4))
		return 0;
	gr.gr_name = f[0];
	gr.gr_passwd = f[1];
	gr.gr_gid = (gid_t)strtoul(f[2], NULL, 10);
	gr.gr_mem = no_members; /* member lists are not parsed */
	return gr.gr_gid == gid;
}

/* The first line of `path` that `match` accepts; 1 if found. */
static int scan_db(const char *path, int (*match)(char *, const char *, unsigned),
		   const char *name, unsigned id)
{
	FILE *f = fopen(path, "r");
	int found = 0;

	if (!f)
		return 0;
	while (!found && fgets(line, sizeof(line), f))
		found = match(line, name, id);
	fclose(f);
	return found;
}

struct passwd *getpwuid(uid_t uid)
{
	return scan_db("/etc/passwd", passwd_line, NULL, uid) ? &pw : NULL;
}

struct passwd *getpwnam(const char *name)
{
	return scan_db("/etc/passwd", passwd_line, name, 0) ? &pw : NULL;
}

struct group *getgrgid(gid_t gid)
{
	return scan_db("/etc/group", group_line, NULL, gid) ? &gr : NULL;
}
