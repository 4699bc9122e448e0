/* sys/select.h - rxos user libc: select via _newselect (nr 142). */
#ifndef _RXOS_SYS_SELECT_H
#define _RXOS_SYS_SELECT_H

#include <sys/types.h>

#define FD_SETSIZE 1024

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(unsigned long))];
} fd_set;

#define __FD_WORD(fd) ((fd) / (8 * (int)sizeof(unsigned long)))
#define __FD_MASK(fd) (1UL << ((fd) % (8 * (int)sizeof(unsigned long))))
#define FD_ZERO(s) __builtin_memset((s), 0, sizeof(fd_set))
#define FD_SET(fd, s) ((s)->fds_bits[__FD_WORD(fd)] |= __FD_MASK(fd))
#define FD_CLR(fd, s) ((s)->fds_bits[__FD_WORD(fd)] &= ~__FD_MASK(fd))
#define FD_ISSET(fd, s) (((s)->fds_bits[__FD_WORD(fd)] & __FD_MASK(fd)) != 0)

int select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *tv);

#endif
