/*
 * pwd.c - user names from /etc/passwd ("name:passwd:uid:gid:gecos:dir:shell").
 * A missing file or entry gives NULL, and callers print the number.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct passwd pw;
static char line[256];

/* Split one line into pw; 0 if it has fewer than 7 fields. */
static int parse_passwd(char *s)
{
	char *f[7];

	for (int i = 0; i < 7; i++) {
		f[i] = strsep(&s, i < 6 ? ":" : "\n");
		if (!f[i])
			return 0;
	}
	pw.pw_name = f[0];
	pw.pw_passwd = f[1];
	pw.pw_uid = (uid_t)strtoul(f[2], NULL, 10);
	pw.pw_gid = (gid_t)strtoul(f[3], NULL, 10);
	pw.pw_gecos = f[4];
	pw.pw_dir = f[5];
	pw.pw_shell = f[6];
	return 1;
}

/* Scan the file for the first entry matching name (or uid if name NULL). */
static struct passwd *pw_lookup(const char *name, uid_t uid)
{
	FILE *f = fopen("/etc/passwd", "r");
	struct passwd *found = NULL;

	if (!f)
		return NULL;
	while (!found && fgets(line, sizeof(line), f)) {
		if (!parse_passwd(line))
			continue;
		if (name ? !strcmp(pw.pw_name, name) : pw.pw_uid == uid)
			found = &pw;
	}
	fclose(f);
	return found;
}

struct passwd *getpwuid(uid_t uid)
{
	return pw_lookup(NULL, uid);
}

struct passwd *getpwnam(const char *name)
{
	return pw_lookup(name, 0);
}
