/* grp.h - rxos user libc: group names from /etc/group (user/lib/pwd.c). */
#ifndef _RXOS_GRP_H
#define _RXOS_GRP_H

#include <sys/types.h>

struct group {
	char *gr_name;
	char *gr_passwd;
	gid_t gr_gid;
	char **gr_mem;
};

struct group *getgrgid(gid_t gid);

#endif
