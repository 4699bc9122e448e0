/*
 * sys/types.h - rxos user libc: the Linux i386 ABI's basic types.
 *
 * off_t and ino_t are 64-bit, as glibc gives with _FILE_OFFSET_BITS=64:
 * files are reached through the *64 system calls (stat64, _llseek,
 * getdents64), so one set of types serves every program.
 */
#ifndef _RXOS_SYS_TYPES_H
#define _RXOS_SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef long ssize_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef unsigned int nlink_t;
typedef long long off_t;
typedef unsigned long long ino_t;
typedef unsigned long long dev_t;
typedef long blksize_t;
typedef long long blkcnt_t;
typedef long time_t;
typedef long suseconds_t;
typedef unsigned int useconds_t;
typedef int clockid_t;
typedef long clock_t;
typedef unsigned int id_t;
typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;

/* Defined here so sys/stat.h, time.h and sys/select.h share one copy. */
struct timespec {
	time_t tv_sec;
	long tv_nsec;
};
struct timeval {
	time_t tv_sec;
	suseconds_t tv_usec;
};

#endif
