/*
 * poll.h - how a file tells poll/select/epoll when it is ready
 * (Linux: include/linux/poll.h, include/uapi/asm-generic/poll.h).
 *
 * A file's ->poll(file, pt) method does two things:
 *
 *   static __poll_t pipe_poll(struct file *file, poll_table *pt)
 *   {
 *       poll_wait(file, &pipe->rd_wait, pt);   register: "wake me here"
 *       return pipe_len(pipe) ? EPOLLIN | EPOLLRDNORM : 0;   ready now?
 *   }
 *
 * poll_wait() calls the table's _qproc, which belongs to the caller:
 * poll/select (select.c) hang a wait entry whose func is pollwake on the
 * queue; epoll hangs one whose func is ep_poll_callback. When the file
 * becomes ready its code calls wake_up_interruptible_poll(queue, mask)
 * and that func runs - in the waker's context, often softirq (a socket's
 * sk_data_ready) or hardirq (a tty). A NULL table (or _qproc) means "just
 * report the mask": poll's second and later passes, epoll's re-checks.
 */
#ifndef RXOS_KERNEL_POLL_H
#define RXOS_KERNEL_POLL_H

#include "kernel/sched/wait.h"

typedef unsigned int __poll_t;

/* Linux's values (uapi/asm-generic/poll.h, eventpoll.h): the same bits
 * serve poll's revents and epoll's events. */
#define EPOLLIN 0x00000001u
#define EPOLLPRI 0x00000002u
#define EPOLLOUT 0x00000004u
#define EPOLLERR 0x00000008u
#define EPOLLHUP 0x00000010u
#define EPOLLNVAL 0x00000020u
#define EPOLLRDNORM 0x00000040u
#define EPOLLRDBAND 0x00000080u
#define EPOLLWRNORM 0x00000100u
#define EPOLLWRBAND 0x00000200u
#define EPOLLMSG 0x00000400u
#define EPOLLRDHUP 0x00002000u

#define POLLIN EPOLLIN
#define POLLPRI EPOLLPRI
#define POLLOUT EPOLLOUT
#define POLLERR EPOLLERR
#define POLLHUP EPOLLHUP
#define POLLNVAL EPOLLNVAL
#define POLLRDNORM EPOLLRDNORM
#define POLLRDBAND EPOLLRDBAND
#define POLLWRNORM EPOLLWRNORM
#define POLLWRBAND EPOLLWRBAND
#define POLLRDHUP EPOLLRDHUP

struct file;
struct poll_table_struct;

typedef void (*poll_queue_proc)(struct file *file, wait_queue_head_t *whead,
				struct poll_table_struct *pt);

typedef struct poll_table_struct {
	poll_queue_proc _qproc; /* NULL: do not register */
	__poll_t _key;		/* events the caller wants (~0: all) */
} poll_table;

static inline void poll_wait(struct file *filp, wait_queue_head_t *wait_address,
			     poll_table *p)
{
	if (p && p->_qproc && wait_address)
		p->_qproc(filp, wait_address, p);
}

static inline int poll_does_not_wait(const poll_table *p)
{
	return !p || !p->_qproc;
}

static inline __poll_t poll_requested_events(const poll_table *p)
{
	return p ? p->_key : ~0u;
}

static inline void init_poll_funcptr(poll_table *pt, poll_queue_proc qproc)
{
	pt->_qproc = qproc;
	pt->_key = ~0u;
}

#endif
