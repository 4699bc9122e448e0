/*
 * sys/stat.h - rxos user libc: file status.
 *
 * struct stat IS the kernel's i386 struct stat64
 * (arch/x86/include/uapi/asm/stat.h), 96 bytes, filled directly by the
 * stat64/lstat64/fstat64 system calls. long long members are 4-byte aligned
 * on i386, so there is no hidden padding.
 */
#ifndef _RXOS_SYS_STAT_H
#define _RXOS_SYS_STAT_H

#include <sys/types.h>

struct stat {
	dev_t st_dev;
	unsigned char __pad0[4];
	unsigned long __st_ino; /* truncated inode number; use st_ino */
	mode_t st_mode;
	nlink_t st_nlink;
	uid_t st_uid;
	gid_t st_gid;
	dev_t st_rdev;
	unsigned char __pad3[4];
	off_t st_size;
	blksize_t st_blksize;
	blkcnt_t st_blocks; /* 512-byte units */
	struct timespec st_atim;
	struct timespec st_mtim;
	struct timespec st_ctim;
	ino_t st_ino;
};
#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

#ifdef __i386__
_Static_assert(sizeof(struct stat) == 96, "struct stat64 is 96 bytes on i386");
_Static_assert(__builtin_offsetof(struct stat, st_size) == 44, "st_size at 44");
_Static_assert(__builtin_offsetof(struct stat, st_ino) == 88, "st_ino at 88");
#endif

#define S_IFMT 0170000
#define S_IFSOCK 0140000
#define S_IFLNK 0120000
#define S_IFREG 0100000
#define S_IFBLK 0060000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFIFO 0010000
#define S_ISUID 04000
#define S_ISGID 02000
#define S_ISVTX 01000
#define S_IRWXU 00700
#define S_IRUSR 00400
#define S_IWUSR 00200
#define S_IXUSR 00100
#define S_IRWXG 00070
#define S_IRGRP 00040
#define S_IWGRP 00020
#define S_IXGRP 00010
#define S_IRWXO 00007
#define S_IROTH 00004
#define S_IWOTH 00002
#define S_IXOTH 00001

#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m) (((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)

int stat(const char *path, struct stat *st);
int lstat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);
int mkdir(const char *path, mode_t mode);
mode_t umask(mode_t mask);
int chmod(const char *path, mode_t mode);

#endif
