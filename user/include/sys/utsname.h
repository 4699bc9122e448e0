/* sys/utsname.h - rxos user libc: struct new_utsname of uname(2), nr 122. */
#ifndef _RXOS_SYS_UTSNAME_H
#define _RXOS_SYS_UTSNAME_H

struct utsname {
	char sysname[65];
	char nodename[65];
	char release[65];
	char version[65];
	char machine[65];
	char domainname[65];
};

int uname(struct utsname *u);

#endif
