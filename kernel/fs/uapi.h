/*
 * uapi.h - the file-system numbers user space sees (Linux:
 * include/uapi/asm-generic/fcntl.h, include/uapi/linux/stat.h, dirent.h,
 * limits.h, include/linux/kdev_t.h).
 *
 * open() flags, file modes, lseek whences and getdents64 records carry
 * Linux's i386 values, so a program built against Linux headers (or musl)
 * passes them through the system-call layer unchanged.
 *
 * Host unit tests compile this next to the host libc, which already names
 * ssize_t, loff_t, dev_t, uid_t and gid_t: there we take the host's types.
 */
#ifndef RXOS_KERNEL_FS_UAPI_H
#define RXOS_KERNEL_FS_UAPI_H

#include <stdint.h>

#ifdef RXOS_HOST_TEST
#include <sys/types.h>
#else
typedef int ssize_t; /* i386 __kernel_ssize_t */
typedef long long loff_t;
typedef unsigned int dev_t; /* kernel-internal form, see MKDEV */
typedef unsigned int uid_t;
typedef unsigned int gid_t;
#endif
typedef unsigned short umode_t;
typedef long long time64_t;

#ifndef NAME_MAX
#define NAME_MAX 255 /* bytes in one path component, without the NUL */
#endif
#ifndef PATH_MAX
#define PATH_MAX 4096 /* bytes in a path, with the NUL */
#endif
#define MAXSYMLINKS 40 /* symlinks one path walk may follow (ELOOP) */

/* open(2) flags: octal, as in asm-generic/fcntl.h. */
#define O_ACCMODE 00000003
#define O_RDONLY 00000000
#define O_WRONLY 00000001
#define O_RDWR 00000002
#define O_CREAT 00000100
#define O_EXCL 00000200
#define O_NOCTTY 00000400
#define O_TRUNC 00001000
#define O_APPEND 00002000
#define O_NONBLOCK 00004000
#define O_LARGEFILE 00100000
#define O_DIRECTORY 00200000
#define O_NOFOLLOW 00400000
#define O_CLOEXEC 02000000

/* File type and permission bits of i_mode / st_mode. */
#define S_IFMT 00170000
#define S_IFSOCK 0140000
#define S_IFLNK 0120000
#define S_IFREG 0100000
#define S_IFBLK 0060000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFIFO 0010000
#define S_ISUID 0004000
#define S_ISGID 0002000
#define S_ISVTX 0001000
#define S_IALLUGO 0007777 /* every bit that is not the type */

#define S_ISLNK(m) (((m)&S_IFMT) == S_IFLNK)
#define S_ISREG(m) (((m)&S_IFMT) == S_IFREG)
#define S_ISDIR(m) (((m)&S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m)&S_IFMT) == S_IFCHR)
#define S_ISBLK(m) (((m)&S_IFMT) == S_IFBLK)
#define S_ISFIFO(m) (((m)&S_IFMT) == S_IFIFO)
#define S_ISSOCK(m) (((m)&S_IFMT) == S_IFSOCK)

/* lseek whence (the host's stdio.h spells them the same). */
#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

/* d_type of a getdents64 record: the file type bits shifted down. */
#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12
#define S_DT(mode) (((mode)&S_IFMT) >> 12)

/*
 * One getdents64 record. Records follow each other in the buffer, each
 * d_reclen bytes long (a multiple of 8); d_off is the position to resume
 * after this record (what telldir returns). Layout fixed by the ABI.
 */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[]; /* NUL-terminated */
};

/*
 * Device numbers inside the kernel: 12 bits of major, 20 of minor (Linux
 * include/linux/kdev_t.h). The syscall layer converts with new_encode_dev()
 * when it fills st_rdev.
 */
#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)
#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev)&MINORMASK))
#define MKDEV(ma, mi) (((dev_t)(ma) << MINORBITS) | (dev_t)(mi))

#endif
