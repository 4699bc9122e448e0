/*
 * libc.h - internal interfaces between the rxos user libc's files.
 * Not installed in user/include: programs never see these.
 */
#ifndef RXOS_USER_LIBC_H
#define RXOS_USER_LIBC_H

#include <stddef.h>

/* stdio.c: write out every stream's buffer (exit() calls it). */
void __stdio_flush_all(void);

/* dirent.c uses this raw wrapper of getdents64. */
long __getdents64(int fd, void *buf, size_t n);

#endif
