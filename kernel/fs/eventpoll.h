/*
 * eventpoll.h - epoll's interface to the rest of the kernel (Linux:
 * include/linux/eventpoll.h, include/uapi/linux/eventpoll.h).
 *
 * The event bits (EPOLLIN, EPOLLOUT, ...) are poll's and live in
 * kernel/poll.h; here are the bits only epoll knows, the user-visible
 * struct epoll_event, and the one hook the VFS calls: eventpoll_release()
 * on the last fput of any file, so that no epoll set keeps an item for a
 * file that is gone.
 */
#ifndef RXOS_KERNEL_FS_EVENTPOLL_H
#define RXOS_KERNEL_FS_EVENTPOLL_H

#include "kernel/fs/fs.h"
#include "kernel/poll.h"

#define EPOLL_CLOEXEC O_CLOEXEC

#define EPOLL_CTL_ADD 1
#define EPOLL_CTL_DEL 2
#define EPOLL_CTL_MOD 3

/* Flags that say how to report, not what to report (uapi/linux/eventpoll.h). */
#define EPOLLEXCLUSIVE (1u << 28) /* wake one of several epolls on a queue */
#define EPOLLWAKEUP (1u << 29)	  /* hold a wakeup source (ignored here) */
#define EPOLLONESHOT (1u << 30)	  /* report once, then disable until MOD */
#define EPOLLET (1u << 31)	  /* edge-triggered */

/*
 * The ABI: on x86 (i386 and x86_64) the struct is packed, 12 bytes, so the
 * 64-bit data sits at offset 4. Other architectures pad it to 16.
 */
struct epoll_event {
	__poll_t events;
	unsigned long long data;
} __attribute__((packed));

/* Called by fput() for every file with epoll items on it (f_ep != NULL). */
void eventpoll_release_file(struct file *file);

static inline void eventpoll_release(struct file *file)
{
	if (file->f_ep)
		eventpoll_release_file(file);
}

#endif
