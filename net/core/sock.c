/*
 * sock.c - struct sock: lifetime, buffer accounting, the receive queue,
 * the wakeups, datagram receive and the SOL_SOCKET options (Linux:
 * net/core/sock.c, net/core/datagram.c).
 *
 * The two halves of the receive path meet in this file (see sock.h for
 * the picture): sock_queue_rcv_skb runs in softirq (stage 13, called by
 * udp_rcv), sock_def_readable wakes the reader (stage 14), and
 * skb_recv_datagram / skb_copy_datagram_iter run in the reader's process
 * context (stage 15, called by udp_recvmsg).
 *
 * Contexts: sock_queue_rcv_skb, sock_def_* and sock_rfree/sock_wfree may
 * run in softirq; everything else is process context and may sleep.
 */
#include "net/core/sock.h"
#include "kernel/errno.h"
#include "kernel/interrupt.h"
#include "kernel/mm/slab.h"
#include "kernel/sched/sched.h"
#include "kernel/time.h"
#include "kernel/uaccess.h"
#include "lib/string.h"
#include "net/core/dst.h"
#include "net/core/if.h"
#include "net/core/netdevice.h"
#include "net/ipv4/tcp_states.h"

int sk_live_count;

/* ---- lifetime ----------------------------------------------------------------- */

struct sock *sk_alloc(int family, gfp_t gfp, struct proto *prot)
{
	struct sock *sk = kzalloc(prot->obj_size, gfp);

	if (!sk)
		return NULL;
	sk->sk_family = family;
	sk->sk_prot = prot;
	atomic_set(&sk->sk_refcnt, 1);
	/* One for the sock itself: sent skbs still in a device queue keep it
	 * alive after the last sock_put (sock_wfree frees it then). */
	atomic_set(&sk->sk_wmem_alloc, 1);
	INIT_LIST_HEAD(&sk->sk_node);
	sk_live_count++;
	prot->inuse++;
	return sk;
}

static void __sk_free(struct sock *sk)
{
	if (sk->sk_destruct)
		sk->sk_destruct(sk);
	dst_release(sk->sk_dst_cache);
	sk->sk_prot->inuse--;
	sk_live_count--;
	kfree(sk);
}

/* The last sock_put: drop the sock's own wmem unit; free now unless sent
 * skbs are still charged to it. */
void sk_free(struct sock *sk)
{
	skb_queue_purge(&sk->sk_receive_queue);
	skb_queue_purge(&sk->sk_write_queue);
	if (atomic_sub_return(1, &sk->sk_wmem_alloc) == 0)
		__sk_free(sk);
}

void sock_init_data(struct socket *sock, struct sock *sk)
{
	skb_queue_head_init(&sk->sk_receive_queue);
	skb_queue_head_init(&sk->sk_write_queue);
	sk->sk_rcvbuf = SK_RMEM_DEFAULT;
	sk->sk_sndbuf = SK_WMEM_DEFAULT;
	sk->sk_rcvtimeo = MAX_SCHEDULE_TIMEOUT;
	sk->sk_sndtimeo = MAX_SCHEDULE_TIMEOUT;
	sk->sk_state = TCP_CLOSE;
	sk->sk_state_change = sock_def_wakeup;
	sk->sk_data_ready = sock_def_readable;
	sk->sk_write_space = sock_def_write_space;
	sk->sk_error_report = sock_def_error_report;
	if (sock) {
		sk->sk_type = sock->type;
		sk->sk_wq = &sock->wq;
		sock->sk = sk;
	}
	sk->sk_socket = sock;
}

void sock_orphan(struct sock *sk)
{
	local_bh_disable();
	sock_set_flag(sk, SOCK_DEAD);
	sk->sk_socket = NULL;
	sk->sk_wq = NULL;
	local_bh_enable();
}

void sk_common_release(struct sock *sk)
{
	if (sk->sk_prot->destroy)
		sk->sk_prot->destroy(sk);
	if (sk->sk_prot->unhash)
		sk->sk_prot->unhash(sk);
	sock_orphan(sk);
	skb_queue_purge(&sk->sk_receive_queue);
	sock_put(sk);
}

/* ---- buffer accounting ------------------------------------------------------ */

void sock_rfree(struct sk_buff *skb)
{
	atomic_sub_return(skb->truesize, &skb->sk->sk_rmem_alloc);
}

void sock_wfree(struct sk_buff *skb)
{
	struct sock *sk = skb->sk;

	if (atomic_sub_return(skb->truesize, &sk->sk_wmem_alloc) == 0) {
		__sk_free(
			sk); /* the sock was closed while this was in flight */
		return;
	}
	if (!sock_flag(sk, SOCK_DEAD))
		sk->sk_write_space(sk);
}

void skb_set_owner_r(struct sk_buff *skb, struct sock *sk)
{
	skb_orphan(skb);
	skb->sk = sk;
	skb->destructor = sock_rfree;
	atomic_add(skb->truesize, &sk->sk_rmem_alloc);
}

void skb_set_owner_w(struct sk_buff *skb, struct sock *sk)
{
	skb_orphan(skb);
	skb->sk = sk;
	skb->destructor = sock_wfree;
	atomic_add(skb->truesize, &sk->sk_wmem_alloc);
}

/* Room in the send buffer again, or a reason not to wait any more. */
static bool sock_wmem_wait_done(struct sock *sk)
{
	return sk_wmem_alloc_get(sk) < sk->sk_sndbuf || sk->sk_err ||
	       (sk->sk_shutdown & SEND_SHUTDOWN);
}

/*
 * A skb with `size` bytes of room for a datagram being sent, charged to
 * sk. While the socket's sent-but-not-yet-freed skbs fill sk_sndbuf, wait
 * (up to SO_SNDTIMEO) for sock_wfree -> sk_write_space to make room.
 * NULL with *errcode: the pending socket error, -EPIPE after
 * shutdown(SHUT_WR), -EAGAIN (nonblocking, or the timeout ran out),
 * -ERESTARTSYS/-EINTR (a signal), -ENOBUFS (no memory).
 * Process context. Linux: sock_alloc_send_pskb + sock_wait_for_wmem.
 */
struct sk_buff *sock_alloc_send_skb(struct sock *sk, unsigned long size,
				    int noblock, int *errcode)
{
	long timeo = sock_sndtimeo(sk, noblock);
	struct sk_buff *skb;

	for (;;) {
		*errcode = sock_error(sk);
		if (*errcode)
			return NULL;
		*errcode = -EPIPE;
		if (sk->sk_shutdown & SEND_SHUTDOWN)
			return NULL;
		if (sk_wmem_alloc_get(sk) < sk->sk_sndbuf)
			break;
		*errcode = -EAGAIN;
		if (!timeo)
			return NULL;
		timeo = wait_event_interruptible_timeout(
			*sk_sleep(sk), sock_wmem_wait_done(sk), timeo);
		if (timeo < 0) {
			*errcode = sock_intr_errno(sk->sk_sndtimeo);
			return NULL;
		}
		if (!timeo && !sock_wmem_wait_done(sk))
			return NULL; /* SO_SNDTIMEO ran out: -EAGAIN */
	}
	skb = alloc_skb(size, GFP_KERNEL);
	if (!skb) {
		*errcode = -ENOBUFS;
		return NULL;
	}
	skb_set_owner_w(skb, sk);
	return skb;
}

int sock_error(struct sock *sk)
{
	int err = sk->sk_err;

	if (!err)
		return 0;
	sk->sk_err = 0;
	return -err;
}

/* ---- stage 13: queue a packet on the socket (softirq) ------------------------ */

/*
 * __sock_queue_rcv_skb - append a received packet to sk's receive queue.
 * @sk:  the socket udp_rcv (or raw_rcv) found for the packet
 * @skb: the packet, skb->data at the payload the reader will get
 *
 * Context: softirq (or process context with BHs off).
 * Ownership: on 0 the queue owns skb; on a negative return skb is still
 * the caller's, who frees it with the reason (SOCKET_RCVBUFF) and counts
 * the protocol's own statistics (UDP RcvbufErrors).
 * Returns 0, or -ENOMEM when the socket's receive buffer is full: the
 * memory already charged plus this skb's truesize would exceed sk_rcvbuf.
 * (Linux checks "rmem_alloc >= rcvbuf" before charging, so one packet may
 * overshoot; it also runs the socket filter and can fail with -ENOBUFS on
 * protocol memory pressure.)
 *
 * DOC: __sock_queue_rcv_skb
 */
int __sock_queue_rcv_skb(struct sock *sk, struct sk_buff *skb)
{
	if (atomic_read(&sk->sk_rmem_alloc) >= sk->sk_rcvbuf) {
		atomic_inc(&sk->sk_drops);
		return -ENOMEM;
	}
	skb_dst_drop(skb); /* the route is not needed any more */
	skb_set_owner_r(skb, sk);
	skb_queue_tail(&sk->sk_receive_queue, skb);
	if (!sock_flag(sk, SOCK_DEAD))
		sk->sk_data_ready(sk);
	return 0;
}

/* The same, freeing the skb (SOCKET_RCVBUFF) when it does not fit. */
int sock_queue_rcv_skb(struct sock *sk, struct sk_buff *skb)
{
	int err = __sock_queue_rcv_skb(sk, skb);

	if (err)
		kfree_skb_reason(skb, SKB_DROP_REASON_SOCKET_RCVBUFF);
	return err;
}

/* ---- stage 14: wake the reader -------------------------------------------------- */

/*
 * DOC: sock_def_readable - stage 14, "wake the reader".
 *
 * sk->sk_data_ready for every socket that keeps the default: called by
 * the protocol right after it queued a packet on sk_receive_queue (stage
 * 13), in softirq. It wakes whoever sleeps on the socket's wait queue:
 *   - a process blocked in recvfrom/recvmsg/read (skb_recv_datagram's
 *     wait: autoremove_wake_function -> try_to_wake_up),
 *   - every poll/select caller that registered via datagram_poll (pollwake),
 *   - later, epoll (ep_poll_callback hooks in exactly like pollwake).
 * The key is the poll mask EPOLLIN|EPOLLRDNORM..., so poll/epoll entries
 * that only wait for EPOLLOUT are not woken. Nothing here sleeps; the woken
 * task runs once the softirq is over (stage 15, in its own context).
 */
void sock_def_readable(struct sock *sk)
{
	wait_queue_head_t *wq = sk->sk_wq;

	if (wq && waitqueue_active(wq))
		wake_up_interruptible_poll(
			wq, EPOLLIN | EPOLLPRI | EPOLLRDNORM | EPOLLRDBAND);
}

/* Sent memory was freed: a writer waiting for sndbuf space may go on. */
void sock_def_write_space(struct sock *sk)
{
	wait_queue_head_t *wq = sk->sk_wq;

	if (wq && waitqueue_active(wq) &&
	    sk_wmem_alloc_get(sk) * 2 <= sk->sk_sndbuf)
		wake_up_interruptible_poll(wq, EPOLLOUT | EPOLLWRNORM |
						       EPOLLWRBAND);
}

/* State changed (connected, shut down): wake everyone to re-check. */
void sock_def_wakeup(struct sock *sk)
{
	wait_queue_head_t *wq = sk->sk_wq;

	if (wq && waitqueue_active(wq))
		wake_up_interruptible_all(wq);
}

/* sk_err was set (udp_err: ECONNREFUSED): blocked callers return it. */
void sock_def_error_report(struct sock *sk)
{
	wait_queue_head_t *wq = sk->sk_wq;

	if (wq && waitqueue_active(wq))
		wake_up_interruptible_poll(wq, EPOLLERR);
}

/* ---- stage 15: take a datagram off the queue (process context) --------------- */

/* Something to report instead of waiting: an error, or a shut-down end. */
static int sock_rcv_wait_done(struct sock *sk)
{
	return !skb_queue_empty(&sk->sk_receive_queue) || sk->sk_err ||
	       (sk->sk_shutdown & RCV_SHUTDOWN);
}

/*
 * The next datagram, or NULL with *err: the pending socket error, 0 after
 * shutdown(SHUT_RD) (end of file), -EAGAIN when nonblocking (MSG_DONTWAIT,
 * O_NONBLOCK) or when SO_RCVTIMEO ran out, -ERESTARTSYS/-EINTR on a signal.
 * MSG_PEEK leaves it queued (with an extra reference: free it with
 * skb_free_datagram either way). Process context; sleeps on sk_wq.
 *
 * DOC: skb_recv_datagram
 */
struct sk_buff *skb_recv_datagram(struct sock *sk, unsigned int flags, int *err)
{
	long timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT);
	struct sk_buff *skb;

	for (;;) {
		*err = sock_error(sk);
		if (*err)
			return NULL;
		local_bh_disable();
		skb = skb_peek(&sk->sk_receive_queue);
		if (skb) {
			if (flags & MSG_PEEK)
				skb_get(skb);
			else
				skb_unlink(skb, &sk->sk_receive_queue);
		}
		local_bh_enable();
		if (skb)
			return skb;
		*err = 0;
		if (sk->sk_shutdown & RCV_SHUTDOWN)
			return NULL;
		*err = -EAGAIN;
		if (!timeo)
			return NULL;
		timeo = wait_event_interruptible_timeout(
			*sk_sleep(sk), sock_rcv_wait_done(sk), timeo);
		if (timeo < 0) {
			*err = sock_intr_errno(sk->sk_rcvtimeo);
			return NULL;
		}
		if (!timeo && !sock_rcv_wait_done(sk))
			return NULL; /* SO_RCVTIMEO expired: -EAGAIN */
	}
}

/* Done with a datagram: uncharges it (sock_rfree) unless a peek's copy. */
void skb_free_datagram(struct sock *sk, struct sk_buff *skb)
{
	consume_skb(skb);
}

/* Copy size bytes from offset in skb's (linear) data to the iterator;
 * 0 or -EFAULT. */
/* DOC: skb_copy_datagram_iter */
int skb_copy_datagram_iter(const struct sk_buff *skb, int offset,
			   struct iov_iter *to, int size)
{
	if (offset < 0 || size < 0 || (unsigned int)(offset + size) > skb->len)
		return -EFAULT;
	if (copy_to_iter(skb->data + offset, size, to) != (size_t)size)
		return -EFAULT;
	return 0;
}

int datagram_ioctl(struct sock *sk, int cmd, int *karg)
{
	struct sk_buff *skb;

	switch (cmd) {
	case SIOCOUTQ:
		*karg = sk_wmem_alloc_get(sk);
		return 0;
	case SIOCINQ:
		local_bh_disable();
		skb = skb_peek(&sk->sk_receive_queue);
		*karg = skb ? (int)skb->len : 0;
		local_bh_enable();
		return 0;
	default:
		return -ENOIOCTLCMD;
	}
}

/*
 * poll() on a datagram socket: readable when a datagram is queued, an
 * error is pending or the receive side is shut down; writable while the
 * send buffer has room. Registers on sk_wq, where sock_def_readable wakes.
 */
__poll_t datagram_poll(struct file *file, struct socket *sock, poll_table *wait)
{
	struct sock *sk = sock->sk;
	__poll_t mask = 0;

	poll_wait(file, sk_sleep(sk), wait);
	if (sk->sk_err)
		mask |= EPOLLERR;
	if (sk->sk_shutdown & RCV_SHUTDOWN)
		mask |= EPOLLRDHUP | EPOLLIN | EPOLLRDNORM;
	if (sk->sk_shutdown == SHUTDOWN_MASK)
		mask |= EPOLLHUP;
	if (!skb_queue_empty(&sk->sk_receive_queue))
		mask |= EPOLLIN | EPOLLRDNORM;
	if (sk_wmem_alloc_get(sk) < sk->sk_sndbuf)
		mask |= EPOLLOUT | EPOLLWRNORM | EPOLLWRBAND;
	return mask;
}

/* ---- proto_ops for what a family does not support (Linux: sock_no_*) -------- */

int sock_no_bind(struct socket *sock, struct sockaddr *a, int len)
{
	return -EOPNOTSUPP;
}

int sock_no_connect(struct socket *sock, struct sockaddr *a, int len, int f)
{
	return -EOPNOTSUPP;
}

int sock_no_socketpair(struct socket *a, struct socket *b)
{
	return -EOPNOTSUPP;
}

int sock_no_accept(struct socket *sock, struct socket *newsock, int flags)
{
	return -EOPNOTSUPP;
}

int sock_no_listen(struct socket *sock, int backlog)
{
	return -EOPNOTSUPP;
}

int sock_no_shutdown(struct socket *sock, int how)
{
	return -EOPNOTSUPP;
}

/* ---- SOL_SOCKET options ------------------------------------------------------- */

/* i386's struct timeval (SO_RCVTIMEO_OLD): two 32-bit longs. */
struct sock_timeval32 {
	int32_t tv_sec;
	int32_t tv_usec;
};

#define USEC_PER_SEC 1000000L

/* Linux's sock_set_timeout: {0,0} means wait forever, a negative time means
 * don't wait, and usec must be below a second (-EDOM). */
static int sock_set_timeout(long *timeo_p, void __user *optval,
			    unsigned int optlen)
{
	struct sock_timeval32 tv;

	if (optlen < sizeof(tv))
		return -EINVAL;
	if (copy_from_user(&tv, optval, sizeof(tv)))
		return -EFAULT;
	if (tv.tv_usec < 0 || tv.tv_usec >= USEC_PER_SEC)
		return -EDOM;
	if (tv.tv_sec < 0) {
		*timeo_p = 0;
		return 0;
	}
	*timeo_p = MAX_SCHEDULE_TIMEOUT;
	if (tv.tv_sec == 0 && tv.tv_usec == 0)
		return 0;
	if (tv.tv_sec < MAX_SCHEDULE_TIMEOUT / HZ - 1)
		*timeo_p = tv.tv_sec * HZ + (tv.tv_usec + USEC_PER_SEC / HZ -
					     1) / (USEC_PER_SEC / HZ);
	return 0;
}

static void sock_get_timeout(long timeo, struct sock_timeval32 *tv)
{
	if (timeo == MAX_SCHEDULE_TIMEOUT) {
		tv->tv_sec = 0;
		tv->tv_usec = 0;
		return;
	}
	tv->tv_sec = timeo / HZ;
	tv->tv_usec = (timeo % HZ) * (USEC_PER_SEC / HZ);
}

/* SO_BINDTODEVICE: a device name ("" unbinds); root only on Linux. */
static int sock_setbindtodevice(struct sock *sk, void __user *optval,
				unsigned int optlen)
{
	char devname[IFNAMSIZ];
	struct net_device *dev;

	if (optlen > IFNAMSIZ - 1)
		optlen = IFNAMSIZ - 1;
	memset(devname, 0, sizeof(devname));
	if (optlen && copy_from_user(devname, optval, optlen))
		return -EFAULT;
	if (!devname[0]) {
		sk->sk_bound_dev_if = 0;
		return 0;
	}
	dev = __dev_get_by_name(devname);
	if (!dev)
		return -ENODEV;
	sk->sk_bound_dev_if = dev->ifindex;
	return 0;
}

/* "Double it": Linux reserves half of rcvbuf/sndbuf for struct overhead,
 * so the value a user sets is doubled and getsockopt shows the double. */
static int sock_buf_size(int val, int max, int min)
{
	unsigned int v = (unsigned int)val;

	if (v > (unsigned int)max)
		v = max;
	return (int)v * 2 > min ? (int)v * 2 : min;
}

int sock_setsockopt(struct socket *sock, int level, int optname,
		    void __user *optval, unsigned int optlen)
{
	struct sock *sk = sock->sk;
	int val;

	if (optname == SO_BINDTODEVICE)
		return sock_setbindtodevice(sk, optval, optlen);
	if (optname == SO_RCVTIMEO)
		return sock_set_timeout(&sk->sk_rcvtimeo, optval, optlen);
	if (optname == SO_SNDTIMEO)
		return sock_set_timeout(&sk->sk_sndtimeo, optval, optlen);
	if (optlen < sizeof(int))
		return -EINVAL;
	if (get_user(val, (int __user *)optval))
		return -EFAULT;

	switch (optname) {
	case SO_DEBUG:
		sock_valbool_flag(sk, SOCK_DBG, val);
		return 0;
	case SO_REUSEADDR:
		sk->sk_reuse = val ? SK_CAN_REUSE : SK_NO_REUSE;
		return 0;
	case SO_DONTROUTE:
		sock_valbool_flag(sk, SOCK_LOCALROUTE, val);
		return 0;
	case SO_BROADCAST:
		sock_valbool_flag(sk, SOCK_BROADCAST, val);
		return 0;
	case SO_SNDBUF:
		sk->sk_sndbuf =
			sock_buf_size(val, SK_WMEM_MAX, SOCK_MIN_SNDBUF);
		sk->sk_write_space(sk);
		return 0;
	case SO_RCVBUF:
		sk->sk_rcvbuf =
			sock_buf_size(val, SK_RMEM_MAX, SOCK_MIN_RCVBUF);
		return 0;
	case SO_KEEPALIVE:
		sock_valbool_flag(sk, SOCK_KEEPOPEN, val);
		if (sk->sk_prot->keepalive)
			sk->sk_prot->keepalive(sk, val);
		return 0;
	case SO_OOBINLINE:
		sock_valbool_flag(sk, SOCK_URGINLINE, val);
		return 0;
	case SO_PRIORITY:
		if (val < 0 || val > 6) /* above 6 needs CAP_NET_ADMIN: root */
			return -EPERM;
		sk->sk_priority = val;
		return 0;
	case SO_RCVLOWAT:
	case SO_NO_CHECK:
		return 0; /* accepted, no effect here */
	default:
		return -ENOPROTOOPT;
	}
}

/* An int-valued option's value, or -ENOPROTOOPT. */
static int sock_getsockopt_int(struct sock *sk, struct socket *sock,
			       int optname, int *v)
{
	switch (optname) {
	case SO_DEBUG:
		*v = sock_flag(sk, SOCK_DBG);
		return 0;
	case SO_REUSEADDR:
		*v = sk->sk_reuse;
		return 0;
	case SO_TYPE:
		*v = sock->type;
		return 0;
	case SO_PROTOCOL:
		*v = sk->sk_protocol;
		return 0;
	case SO_DOMAIN:
		*v = sk->sk_family;
		return 0;
	case SO_ERROR:
		*v = -sock_error(sk);
		if (!*v) { /* Linux: the soft error, swapped out */
			*v = sk->sk_err_soft;
			sk->sk_err_soft = 0;
		}
		return 0;
	case SO_DONTROUTE:
		*v = sock_flag(sk, SOCK_LOCALROUTE);
		return 0;
	case SO_BROADCAST:
		*v = sock_flag(sk, SOCK_BROADCAST);
		return 0;
	case SO_SNDBUF:
		*v = sk->sk_sndbuf;
		return 0;
	case SO_RCVBUF:
		*v = sk->sk_rcvbuf;
		return 0;
	case SO_KEEPALIVE:
		*v = sock_flag(sk, SOCK_KEEPOPEN);
		return 0;
	case SO_OOBINLINE:
		*v = sock_flag(sk, SOCK_URGINLINE);
		return 0;
	case SO_PRIORITY:
		*v = sk->sk_priority;
		return 0;
	case SO_RCVLOWAT:
		*v = 1;
		return 0;
	case SO_ACCEPTCONN:
		*v = sk->sk_state == TCP_LISTEN;
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

/*
 * Like Linux: the value is cut to the user's length (which must be >= 0)
 * and the length actually written goes back to *optlen.
 */
int sock_getsockopt(struct socket *sock, int level, int optname,
		    char __user *optval, int __user *optlen)
{
	struct sock *sk = sock->sk;
	union {
		int val;
		struct sock_timeval32 tm;
		char name[IFNAMSIZ];
	} v;
	int len, lv = sizeof(int), err;

	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	memset(&v, 0, sizeof(v));
	if (optname == SO_RCVTIMEO || optname == SO_SNDTIMEO) {
		sock_get_timeout(optname == SO_RCVTIMEO ? sk->sk_rcvtimeo :
							  sk->sk_sndtimeo,
				 &v.tm);
		lv = sizeof(v.tm);
	} else if (optname == SO_BINDTODEVICE) {
		struct net_device *dev =
			sk->sk_bound_dev_if ?
				__dev_get_by_index(sk->sk_bound_dev_if) :
				NULL;

		if (dev)
			strlcpy(v.name, dev->name, IFNAMSIZ);
		lv = dev ? (int)strlen(v.name) + 1 : 0;
		if (len < lv)
			return -EINVAL;
	} else {
		err = sock_getsockopt_int(sk, sock, optname, &v.val);
		if (err)
			return err;
	}
	if (len > lv)
		len = lv;
	if (copy_to_user(optval, &v, len))
		return -EFAULT;
	return put_user(len, optlen);
}
