/* sys/uio.h - rxos user libc: scatter/gather vectors. */
#ifndef _RXOS_SYS_UIO_H
#define _RXOS_SYS_UIO_H

#include <sys/types.h>

struct iovec {
	void *iov_base;
	size_t iov_len;
};

ssize_t writev(int fd, const struct iovec *iov, int n);

#endif
