/*
 * utsname.h - what uname(2) and the boot banner say about this kernel
 * (Linux: include/generated/utsrelease.h, include/linux/utsname.h).
 *
 * sysname is "Linux" on purpose: scripts and tools test `uname -s`, and the
 * system-call interface is Linux's; the release names rxos.
 */
#ifndef RXOS_KERNEL_UTSNAME_H
#define RXOS_KERNEL_UTSNAME_H

#define UTS_SYSNAME "Linux"
#define UTS_RELEASE "0.1.0-rxos"
#define UTS_VERSION "#1"
#define UTS_MACHINE "i686"
#define UTS_NODENAME "rxos"
#define __NEW_UTS_LEN 64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

/* The running system's names; sethostname() changes nodename. */
struct new_utsname *init_utsname(void);

#endif
