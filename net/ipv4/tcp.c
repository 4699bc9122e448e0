/*
 * tcp.c - TCP's process side: the socket calls (Linux: net/ipv4/tcp.c,
 * af_inet.c's inet_stream_connect/inet_accept/inet_listen, core/stream.c).
 *
 *   write/send  -> inet_sendmsg -> tcp_sendmsg: copy into MSS-sized skbs
 *                  on sk_write_queue, tcp_push (sleeps when sndbuf full)
 *   read/recv   -> inet_recvmsg -> tcp_recvmsg: copy from
 *                  sk_receive_queue (sleeps until data, FIN or error)
 *   poll/epoll  -> tcp_poll
 *   close       -> tcp_close: FIN (or RST with unread data); the kernel
 *                  keeps the socket for FIN_WAIT*, TIME_WAIT, LAST_ACK
 *   connect     -> inet_stream_connect -> tcp_v4_connect; waits for
 *                  ESTABLISHED (O_NONBLOCK: EINPROGRESS, then poll says
 *                  writable and SO_ERROR tells how it went)
 *   listen, accept -> inet_listen, inet_accept
 *
 * Context: process, may sleep. The socket is locked (lock_sock = BHs
 * off, tcp.h) except while sleeping; softirq wakes sleepers through
 * sk_data_ready, sk_write_space and sk_state_change on sk_wq.
 */
#include "net/ipv4/tcp.h"
#include "kernel/errno.h"
#include "kernel/sched/sched.h"
#include "kernel/signal.h"
#include "kernel/uaccess.h"
#include "lib/string.h"
#include "net/core/if.h"
#include "net/ipv4/inet_common.h"
#include "net/ipv4/ip.h"

/* ---- waiting ---------------------------------------------------------------- */

/* Sleep with the socket unlocked until cond() or timeo runs out. Returns
 * the time left (0: ran out), or -1 on a signal. */
static long sk_wait_event(struct sock *sk, long timeo, bool (*cond)(struct sock *))
{
	if (!sk_sleep(sk))
		return 0;
	release_sock(sk);
	timeo = wait_event_interruptible_timeout(*sk_sleep(sk), cond(sk), timeo);
	lock_sock(sk);
	return timeo;
}

static bool tcp_stream_memory_free(const struct sock *sk)
{
	return tcp_sk(sk)->sk_wmem_queued < sk->sk_sndbuf;
}

/* sk_write_space for TCP (Linux: sk_stream_write_space): wake writers
 * once a third of the send buffer is free again. */
void sk_stream_write_space(struct sock *sk)
{
	wait_queue_head_t *wq = sk->sk_wq;

	if (wq && waitqueue_active(wq) &&
	    tcp_sk(sk)->sk_wmem_queued * 3 <= sk->sk_sndbuf * 2)
		wake_up_interruptible_poll(wq, EPOLLOUT | EPOLLWRNORM |
						       EPOLLWRBAND);
}

static bool tcp_can_write(struct sock *sk)
{
	return tcp_stream_memory_free(sk) || sk->sk_err ||
	       (sk->sk_shutdown & SEND_SHUTDOWN);
}

static bool tcp_connect_done(struct sock *sk)
{
	return !(TCPF(sk->sk_state) & (TCPF(TCP_SYN_SENT) | TCPF(TCP_SYN_RECV)));
}

static bool tcp_has_data(struct sock *sk)
{
	return !skb_queue_empty(&sk->sk_receive_queue) || sk->sk_err ||
	       (sk->sk_shutdown & RCV_SHUTDOWN) || sk->sk_state == TCP_CLOSE;
}

static bool tcp_accept_ready(struct sock *sk)
{
	return !list_empty(&tcp_sk(sk)->accept_queue) ||
	       sk->sk_state != TCP_LISTEN;
}

/* EPIPE and SIGPIPE (unless MSG_NOSIGNAL), as Linux's sk_stream_error. */
static int sk_stream_error(struct sock *sk, int flags, int err)
{
	if (err == -EPIPE) {
		err = sock_error(sk) ? : -EPIPE;
		if (err == -EPIPE && !(flags & MSG_NOSIGNAL))
			send_sig(SIGPIPE, current, 0);
	}
	return err;
}

/* ---- send ----------------------------------------------------------------------- */

/* A write-queue skb for up to mss bytes starting at write_seq. */
static struct sk_buff *tcp_new_data_skb(struct sock *sk, uint32_t mss)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb = alloc_skb(mss, GFP_KERNEL);

	if (!skb)
		return NULL;
	memset(skb->cb, 0, sizeof(skb->cb));
	TCP_SKB_CB(skb)->seq = TCP_SKB_CB(skb)->end_seq = tp->write_seq;
	TCP_SKB_CB(skb)->tcp_flags = TCPHDR_ACK;
	tp->sk_wmem_queued += skb->truesize;
	skb_queue_tail(&sk->sk_write_queue, skb);
	if (!tp->send_head)
		tp->send_head = skb;
	return skb;
}

/* The last skb, if it is unsent and can take more bytes. */
static struct sk_buff *tcp_tail_room(struct sock *sk, uint32_t mss)
{
	struct sk_buff *tail;

	if (skb_queue_empty(&sk->sk_write_queue) || !tcp_sk(sk)->send_head)
		return NULL;
	tail = sk->sk_write_queue.prev;
	if (TCP_SKB_CB(tail)->tcp_flags & (TCPHDR_SYN | TCPHDR_FIN))
		return NULL;
	return tail->len < mss && skb_tailroom(tail) > 0 ? tail : NULL;
}

/* Wait for room in the send buffer; 0, or -EAGAIN/-EPIPE/signal. */
static int sk_stream_wait_memory(struct sock *sk, long *timeo)
{
	while (!tcp_stream_memory_free(sk)) {
		if (sk->sk_err || (sk->sk_shutdown & SEND_SHUTDOWN))
			return -EPIPE;
		if (!*timeo)
			return -EAGAIN;
		if (signal_pending(current))
			return sock_intr_errno(*timeo);
		tcp_push(sk, 0);
		*timeo = sk_wait_event(sk, *timeo, tcp_can_write);
		if (*timeo < 0)
			return sock_intr_errno(sk->sk_sndtimeo);
	}
	return 0;
}

/* Wait until the connection is established (Linux: sk_stream_wait_connect). */
static int sk_stream_wait_connect(struct sock *sk, long *timeo)
{
	while (!tcp_connect_done(sk)) {
		if (!*timeo)
			return -EAGAIN;
		if (signal_pending(current))
			return sock_intr_errno(*timeo);
		*timeo = sk_wait_event(sk, *timeo, tcp_connect_done);
	}
	if (sk->sk_err)
		return sock_error(sk);
	if (sk->sk_state == TCP_CLOSE)
		return -EPIPE;
	return 0;
}

/*
 * DOC: tcp_sendmsg - queue the user's bytes and send what the windows
 * allow. Process context. Fills the last unsent skb up to the MSS, then
 * new ones; sleeps while the send buffer (sk_sndbuf, counted by
 * truesize) is full (MSG_DONTWAIT/O_NONBLOCK: -EAGAIN if nothing was
 * queued). Returns the bytes queued, or -EPIPE (+SIGPIPE unless
 * MSG_NOSIGNAL) after shutdown(SHUT_WR) or a reset, the pending error,
 * -ENOTCONN before connect, -EFAULT.
 */
int tcp_sendmsg(struct sock *sk, struct msghdr *msg, size_t size)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int flags = msg->msg_flags, err = 0;
	long timeo = sock_sndtimeo(sk, flags & MSG_DONTWAIT);
	size_t copied = 0;

	lock_sock(sk);
	if (!tcp_connect_done(sk)) {
		err = sk_stream_wait_connect(sk, &timeo);
		if (err)
			goto out_err;
	}
	if (TCPF(sk->sk_state) & (TCPF(TCP_LISTEN) | TCPF(TCP_CLOSE))) {
		/* never connected (or listening): ENOTCONN; after a reset
		 * or a completed close: the error, else EPIPE */
		err = sk->sk_err ? sock_error(sk) : -EPIPE;
		if (sk->sk_state == TCP_LISTEN ||
		    (sk->sk_state == TCP_CLOSE && !inet_sk(sk)->inet_dport))
			err = -ENOTCONN;
		goto out_err;
	}
	while (copied < size) {
		uint32_t mss = tp->mss_cache;
		struct sk_buff *skb;
		size_t chunk;

		if (sk->sk_err || (sk->sk_shutdown & SEND_SHUTDOWN)) {
			err = -EPIPE;
			goto out_err;
		}
		skb = tcp_tail_room(sk, mss);
		if (!skb) {
			err = sk_stream_wait_memory(sk, &timeo);
			if (err)
				goto out_err;
			skb = tcp_new_data_skb(sk, mss);
			if (!skb) {
				err = -ENOBUFS;
				goto out_err;
			}
		}
		chunk = mss - skb->len;
		if ((int)chunk > skb_tailroom(skb))
			chunk = skb_tailroom(skb);
		if (chunk > size - copied)
			chunk = size - copied;
		if (copy_from_iter(skb_put(skb, chunk), chunk, &msg->msg_iter) !=
		    chunk) {
			skb_trim(skb, skb->len - chunk);
			err = -EFAULT;
			goto out_err;
		}
		TCP_SKB_CB(skb)->end_seq += chunk;
		tp->write_seq += chunk;
		copied += chunk;
		if (skb->len >= mss)
			tcp_push(sk, 0);
	}
	tcp_push(sk, 0);
	release_sock(sk);
	return copied;
out_err:
	tcp_push(sk, 0);
	release_sock(sk);
	if (copied)
		return copied;
	return sk_stream_error(sk, flags, err);
}

/* ---- receive ------------------------------------------------------------------------ */

/*
 * DOC: tcp_recvmsg - copy received bytes to the user. Process context.
 * Waits for the first byte (all len with MSG_WAITALL) unless
 * MSG_DONTWAIT/O_NONBLOCK (-EAGAIN) or SO_RCVTIMEO. MSG_PEEK leaves the
 * bytes queued. Returns the count; 0 at the peer's FIN (end of file);
 * -ECONNRESET after a reset; -ENOTCONN on a listener or unconnected
 * socket. Freed buffer space may open the window: tcp_cleanup_rbuf.
 */
int tcp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags,
		int *addr_len)
{
	struct tcp_sock *tp = tcp_sk(sk);
	long timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT);
	size_t target = flags & MSG_WAITALL ? len : 1;
	uint32_t peek_seq = tp->copied_seq;
	uint32_t *seq = flags & MSG_PEEK ? &peek_seq : &tp->copied_seq;
	int copied = 0, err = 0;

	(void)addr_len;
	if (flags & MSG_OOB)
		return -EINVAL;
	lock_sock(sk);
	if (sk->sk_state == TCP_LISTEN) {
		release_sock(sk);
		return -ENOTCONN;
	}
	while ((size_t)copied < len) {
		struct sk_buff *skb;
		bool found = false;

		for (skb = sk->sk_receive_queue.next;
		     skb != (struct sk_buff *)&sk->sk_receive_queue;
		     skb = skb->next) {
			uint32_t off = *seq - TCP_SKB_CB(skb)->seq;
			size_t n;

			if (off >= skb->len)
				continue;
			n = skb->len - off;
			if (n > len - copied)
				n = len - copied;
			if (skb_copy_datagram_msg(skb, off, msg, n)) {
				if (!copied)
					copied = -EFAULT;
				goto out;
			}
			*seq += n;
			copied += n;
			found = true;
			if (!(flags & MSG_PEEK) && off + n == skb->len) {
				skb_unlink(skb, &sk->sk_receive_queue);
				consume_skb(skb);
			}
			break;
		}
		if (found)
			continue;
		if ((size_t)copied >= target)
			break;
		if (copied) {
			if (sk->sk_err || sk->sk_state == TCP_CLOSE ||
			    (sk->sk_shutdown & RCV_SHUTDOWN) || !timeo ||
			    signal_pending(current))
				break;
		} else {
			if (sock_flag(sk, SOCK_DONE))
				break;
			if (sk->sk_err) {
				copied = sock_error(sk);
				break;
			}
			if (sk->sk_shutdown & RCV_SHUTDOWN)
				break;
			if (sk->sk_state == TCP_CLOSE) {
				copied = -ENOTCONN;
				break;
			}
			if (!timeo) {
				copied = -EAGAIN;
				break;
			}
			if (signal_pending(current)) {
				copied = sock_intr_errno(timeo);
				break;
			}
		}
		tcp_cleanup_rbuf(sk, copied);
		timeo = sk_wait_event(sk, timeo, tcp_has_data);
		if (timeo < 0) {
			if (!copied)
				copied = sock_intr_errno(sk->sk_rcvtimeo);
			break;
		}
	}
out:
	if (!(flags & MSG_PEEK))
		tcp_cleanup_rbuf(sk, copied);
	release_sock(sk);
	(void)err;
	return copied;
}

/* ---- poll --------------------------------------------------------------------------- */

/*
 * DOC: tcp_poll - what a poll/select/epoll caller may do now (Linux's
 * function of the same name). A listener: readable when a connection
 * waits in the accept queue. Otherwise: EPOLLIN with unread data or
 * after the peer's FIN (EPOLLRDHUP too); EPOLLOUT in the synchronized
 * states while the send buffer has room (or after SHUT_WR, so the
 * writer learns EPIPE); EPOLLHUP when both directions are shut or the
 * socket is CLOSE; EPOLLERR with a pending error (a refused connect).
 */
static __poll_t tcp_poll(struct file *file, struct socket *sock,
			 poll_table *wait)
{
	struct sock *sk = sock->sk;
	__poll_t mask = 0;
	int state;

	poll_wait(file, sk_sleep(sk), wait);
	state = sk->sk_state;
	if (state == TCP_LISTEN)
		return list_empty(&tcp_sk(sk)->accept_queue) ?
			       0 : EPOLLIN | EPOLLRDNORM;
	if (sk->sk_shutdown == SHUTDOWN_MASK || state == TCP_CLOSE)
		mask |= EPOLLHUP;
	if (sk->sk_shutdown & RCV_SHUTDOWN)
		mask |= EPOLLIN | EPOLLRDNORM | EPOLLRDHUP;
	if (state != TCP_SYN_SENT && state != TCP_SYN_RECV) {
		if (tcp_sk(sk)->rcv_nxt != tcp_sk(sk)->copied_seq &&
		    !skb_queue_empty(&sk->sk_receive_queue))
			mask |= EPOLLIN | EPOLLRDNORM;
		if (!(sk->sk_shutdown & SEND_SHUTDOWN)) {
			if (tcp_stream_memory_free(sk))
				mask |= EPOLLOUT | EPOLLWRNORM;
		} else {
			mask |= EPOLLOUT | EPOLLWRNORM;
		}
	}
	if (sk->sk_err)
		mask |= EPOLLERR;
	return mask;
}

/* ---- close, shutdown ------------------------------------------------------------------ */

/* The FIN-sending transition for close()/shutdown() (Linux:
 * tcp_close_state): ESTABLISHED/SYN_RECV -> FIN_WAIT1, CLOSE_WAIT ->
 * LAST_ACK; true if a FIN must go. */
static bool tcp_close_state(struct sock *sk)
{
	switch (sk->sk_state) {
	case TCP_ESTABLISHED:
	case TCP_SYN_RECV:
		tcp_set_state(sk, TCP_FIN_WAIT1);
		return true;
	case TCP_CLOSE_WAIT:
		tcp_set_state(sk, TCP_LAST_ACK);
		return true;
	case TCP_SYN_SENT:
		tcp_done(sk);
		return false;
	default:
		return false;
	}
}

/* shutdown(): SHUT_WR (SEND_SHUTDOWN) sends our FIN - the half-close. */
void tcp_shutdown(struct sock *sk, int how)
{
	if (!(how & SEND_SHUTDOWN))
		return;
	lock_sock(sk);
	if (TCPF(sk->sk_state) & (TCPF(TCP_ESTABLISHED) | TCPF(TCP_SYN_RECV) |
				  TCPF(TCP_CLOSE_WAIT))) {
		if (tcp_close_state(sk))
			tcp_send_fin(sk);
	}
	release_sock(sk);
}

/* Abort the children of a listener being closed (Linux:
 * inet_csk_listen_stop): accepted-queue ones get a RST. */
static void tcp_listen_stop(struct sock *sk)
{
	struct tcp_sock *ltp = tcp_sk(sk);
	struct list_head *queues[2] = { &ltp->syn_queue, &ltp->accept_queue };

	for (int q = 0; q < 2; q++) {
		while (!list_empty(queues[q])) {
			struct tcp_sock *tp = list_first_entry(
				queues[q], struct tcp_sock, accept_node);
			struct sock *child = &tp->inet.sk;

			if (q == 1)
				tcp_send_active_reset(child);
			tcp_done(child); /* unlinks it; frees it (SOCK_DEAD) */
		}
	}
}

/*
 * DOC: tcp_close - the last close() of the socket (Linux's tcp_close).
 * Unread data: RST and CLOSE at once (RFC 2525 2.17, TCPAbortOnClose).
 * Else our FIN (FIN_WAIT1 / LAST_ACK); the socket is orphaned and the
 * kernel sees the rest of the close through (FIN_WAIT2 lasts
 * tcp_fin_timeout, TIME_WAIT 2MSL). A listener resets its children.
 */
void tcp_close(struct sock *sk, long timeout)
{
	struct tcp_sock *tp = tcp_sk(sk);
	bool unread;

	(void)timeout;
	lock_sock(sk);
	sk->sk_shutdown = SHUTDOWN_MASK;
	unread = tp->rcv_nxt != tp->copied_seq &&
		 !skb_queue_empty(&sk->sk_receive_queue);
	skb_queue_purge(&sk->sk_receive_queue);
	if (sk->sk_state == TCP_LISTEN) {
		tcp_set_state(sk, TCP_CLOSE);
		tcp_listen_stop(sk);
	} else if (unread && sk->sk_state != TCP_CLOSE) {
		NET_INC_STATS(LINUX_MIB_TCPABORTONCLOSE);
		tcp_send_active_reset(sk);
		tcp_done(sk);
	} else if (tcp_close_state(sk)) {
		tcp_send_fin(sk);
	}
	sock_orphan(sk);
	if (sk->sk_state == TCP_FIN_WAIT2)
		tcp_reset_keepalive_timer(sk, TCP_FIN_TIMEOUT);
	if (sk->sk_state == TCP_CLOSE) {
		tcp_clear_xmit_timers(sk);
		release_sock(sk);
		tcp_v4_unhash(sk);
	} else {
		release_sock(sk);
	}
	sock_put(sk); /* the socket's reference */
}

/* connect(AF_UNSPEC) or a failed connect: back to CLOSE, RST if the
 * connection was alive (Linux: tcp_disconnect). */
int tcp_disconnect(struct sock *sk, int flags)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct inet_sock *inet = inet_sk(sk);

	(void)flags;
	if (sk->sk_state == TCP_LISTEN) {
		tcp_set_state(sk, TCP_CLOSE);
		tcp_listen_stop(sk);
	} else if (sk->sk_state != TCP_CLOSE) {
		if (tcp_in_synchronized(sk))
			tcp_send_active_reset(sk);
		tcp_done(sk);
	}
	skb_queue_purge(&sk->sk_receive_queue);
	sk->sk_shutdown = 0;
	sock_reset_flag(sk, SOCK_DONE);
	inet->inet_daddr = 0;
	inet->inet_dport = 0;
	tp->fin_queued = 0;
	tp->srtt_us = tp->mdev_us = 0;
	tp->icsk_rto = TCP_TIMEOUT_INIT;
	tp->snd_cwnd = TCP_INIT_CWND;
	tp->ca_state = TCP_CA_Open;
	return 0;
}

/* ---- options -------------------------------------------------------------------------- */

static int tcp_setsockopt(struct sock *sk, int level, int optname,
			  void __user *optval, unsigned int optlen)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int val, err = 0;

	if (level != SOL_TCP)
		return ip_setsockopt(sk, level, optname, optval, optlen);
	if (optlen < sizeof(int))
		return -EINVAL;
	if (get_user(val, (int __user *)optval))
		return -EFAULT;
	lock_sock(sk);
	switch (optname) {
	case TCP_NODELAY:
		if (val)
			tp->nonagle |= TCP_NAGLE_OFF;
		else
			tp->nonagle &= ~TCP_NAGLE_OFF;
		tcp_push(sk, 0);
		break;
	case TCP_CORK:
		if (val) {
			tp->nonagle |= TCP_NAGLE_CORK;
		} else {
			tp->nonagle &= ~TCP_NAGLE_CORK;
			tcp_push(sk, TCP_NAGLE_PUSH);
		}
		break;
	case TCP_MAXSEG:
		if (val && (val < (int)TCP_MIN_MSS || val > 65535))
			err = -EINVAL;
		else
			tp->rx_opt.user_mss = val;
		break;
	case TCP_KEEPIDLE:
		if (val < 1 || val > TCP_MAX_KEEPIDLE) {
			err = -EINVAL;
			break;
		}
		tp->keepalive_time = val * HZ;
		if (sock_flag(sk, SOCK_KEEPOPEN))
			tcp_set_keepalive(sk, 1);
		break;
	case TCP_KEEPINTVL:
		if (val < 1 || val > TCP_MAX_KEEPINTVL)
			err = -EINVAL;
		else
			tp->keepalive_intvl = val * HZ;
		break;
	case TCP_KEEPCNT:
		if (val < 1 || val > TCP_MAX_KEEPCNT)
			err = -EINVAL;
		else
			tp->keepalive_probes = val;
		break;
	default:
		err = -ENOPROTOOPT;
	}
	release_sock(sk);
	return err;
}

static int tcp_getsockopt(struct sock *sk, int level, int optname,
			  char __user *optval, int __user *optlen)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int len, val;

	if (level != SOL_TCP)
		return ip_getsockopt(sk, level, optname, optval, optlen);
	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	switch (optname) {
	case TCP_NODELAY:
		val = !!(tp->nonagle & TCP_NAGLE_OFF);
		break;
	case TCP_CORK:
		val = !!(tp->nonagle & TCP_NAGLE_CORK);
		break;
	case TCP_MAXSEG:
		val = tp->mss_cache;
		if (TCPF(sk->sk_state) & (TCPF(TCP_CLOSE) | TCPF(TCP_LISTEN)))
			val = tp->rx_opt.user_mss ? tp->rx_opt.user_mss :
						    TCP_MSS_DEFAULT;
		break;
	case TCP_KEEPIDLE:
		val = (tp->keepalive_time ? tp->keepalive_time :
					    TCP_KEEPALIVE_TIME) / HZ;
		break;
	case TCP_KEEPINTVL:
		val = (tp->keepalive_intvl ? tp->keepalive_intvl :
					     TCP_KEEPALIVE_INTVL) / HZ;
		break;
	case TCP_KEEPCNT:
		val = tp->keepalive_probes ? tp->keepalive_probes :
					     TCP_KEEPALIVE_PROBES;
		break;
	default:
		return -ENOPROTOOPT;
	}
	if (len > (int)sizeof(int))
		len = sizeof(int);
	if (put_user(len, optlen) || copy_to_user(optval, &val, len))
		return -EFAULT;
	return 0;
}

/* SIOCINQ: unread bytes; SIOCOUTQ: unacknowledged + unsent bytes. */
static int tcp_ioctl(struct sock *sk, int cmd, int *karg)
{
	struct tcp_sock *tp = tcp_sk(sk);

	switch (cmd) {
	case SIOCINQ:
		if (sk->sk_state == TCP_LISTEN)
			return -EINVAL;
		*karg = tp->rcv_nxt - tp->copied_seq;
		if (sk->sk_shutdown & RCV_SHUTDOWN && *karg)
			(*karg)--; /* the FIN is not a byte */
		if (*karg < 0)
			*karg = 0;
		return 0;
	case SIOCOUTQ:
		if (sk->sk_state == TCP_LISTEN)
			return -EINVAL;
		*karg = tp->write_seq - tp->snd_una;
		return 0;
	default:
		return -ENOIOCTLCMD;
	}
}

static int tcp_init_sock(struct sock *sk)
{
	tcp_init_sock_common(sk);
	inet_sk(sk)->is_icsk = 1;
	return 0;
}

/* Last reference gone: what is left in TCP's own queue. */
static void tcp_destroy_sock(struct sock *sk)
{
	skb_queue_purge(&tcp_sk(sk)->out_of_order_queue);
}

void tcp_sk_destruct(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	while (!skb_queue_empty(&sk->sk_write_queue))
		tcp_free_skb(sk, skb_dequeue(&sk->sk_write_queue));
	skb_queue_purge(&tp->out_of_order_queue);
}

struct proto tcp_prot = {
	.name = "TCP",
	.obj_size = sizeof(struct tcp_sock),
	.close = tcp_close,
	.connect = tcp_v4_connect,
	.disconnect = tcp_disconnect,
	.ioctl = tcp_ioctl,
	.init = tcp_init_sock,
	.destroy = tcp_destroy_sock,
	.shutdown = tcp_shutdown,
	.setsockopt = tcp_setsockopt,
	.getsockopt = tcp_getsockopt,
	.sendmsg = tcp_sendmsg,
	.recvmsg = tcp_recvmsg,
	.hash = tcp_v4_hash,
	.unhash = tcp_v4_unhash,
	.get_port = tcp_v4_get_port,
	.keepalive = tcp_set_keepalive,
};

/* ---- proto_ops: the stream socket calls (af_inet.c in Linux) ------------------------- */

/*
 * DOC: inet_stream_connect - connect() on a stream socket (Linux's
 * function). Blocking: waits for ESTABLISHED; -ECONNREFUSED after a RST,
 * -ETIMEDOUT after tcp_syn_retries. O_NONBLOCK: -EINPROGRESS, later
 * calls -EALREADY while connecting, 0 once connected.
 */
static int inet_stream_connect(struct socket *sock, struct sockaddr *uaddr,
			       int addr_len, int flags)
{
	struct sock *sk = sock->sk;
	long timeo;
	int err;

	if (addr_len < (int)sizeof(uaddr->sa_family))
		return -EINVAL;
	lock_sock(sk);
	if (uaddr->sa_family == AF_UNSPEC) {
		err = tcp_disconnect(sk, flags);
		sock->state = err ? SS_DISCONNECTING : SS_UNCONNECTED;
		goto out;
	}
	switch (sock->state) {
	case SS_CONNECTED:
		err = -EISCONN;
		goto out;
	case SS_CONNECTING:
		err = -EALREADY;
		break;
	case SS_UNCONNECTED:
		err = -EISCONN;
		if (sk->sk_state != TCP_CLOSE)
			goto out;
		sk->sk_err = 0;
		err = tcp_v4_connect(sk, uaddr, addr_len);
		if (err < 0)
			goto out;
		sock->state = SS_CONNECTING;
		err = -EINPROGRESS;
		break;
	default:
		err = -EINVAL;
		goto out;
	}
	timeo = sock_sndtimeo(sk, flags & O_NONBLOCK);
	if (!tcp_connect_done(sk)) {
		if (!timeo)
			goto out;
		timeo = sk_wait_event(sk, timeo, tcp_connect_done);
		if (timeo < 0) {
			err = sock_intr_errno(sk->sk_sndtimeo);
			goto out;
		}
		if (!tcp_connect_done(sk)) {
			err = -ETIMEDOUT; /* SO_SNDTIMEO ran out */
			goto out;
		}
	}
	if (sk->sk_state == TCP_CLOSE) {
		err = sock_error(sk) ? : -ECONNABORTED;
		sock->state = SS_UNCONNECTED;
		tcp_disconnect(sk, flags);
		goto out;
	}
	sock->state = SS_CONNECTED;
	err = 0;
out:
	release_sock(sk);
	return err;
}

/*
 * DOC: inet_accept - the next established connection of a listener.
 * Blocks until one is on the accept queue (O_NONBLOCK: -EAGAIN); not
 * listening: -EINVAL. The child joins newsock (sock_graft).
 */
static int inet_accept(struct socket *sock, struct socket *newsock, int flags)
{
	struct sock *sk = sock->sk, *child;
	struct tcp_sock *ltp = tcp_sk(sk), *tp;
	long timeo = sock_rcvtimeo(sk, flags & O_NONBLOCK);
	int err = -EINVAL;

	lock_sock(sk);
	while (sk->sk_state == TCP_LISTEN && list_empty(&ltp->accept_queue)) {
		err = -EAGAIN;
		if (!timeo)
			goto out;
		if (signal_pending(current)) {
			err = sock_intr_errno(timeo);
			goto out;
		}
		timeo = sk_wait_event(sk, timeo, tcp_accept_ready);
		if (timeo < 0) {
			err = sock_intr_errno(sk->sk_rcvtimeo);
			goto out;
		}
	}
	if (sk->sk_state != TCP_LISTEN) {
		err = -EINVAL;
		goto out;
	}
	tp = list_first_entry(&ltp->accept_queue, struct tcp_sock, accept_node);
	list_del_init(&tp->accept_node);
	tp->on_accept_queue = 0;
	tp->parent = NULL;
	ltp->sk_ack_backlog--;
	child = &tp->inet.sk;
	/* sock_graft: the child now has a process side. The table holds the
	 * child's only reference; the socket takes one of its own. */
	sock_hold(child);
	child->sk_socket = newsock;
	child->sk_wq = &newsock->wq;
	newsock->sk = child;
	newsock->state = SS_CONNECTED;
	err = 0;
out:
	release_sock(sk);
	return err;
}

/* listen(backlog): LISTEN, bound to a port (an ephemeral one if none);
 * backlog capped at SOMAXCONN (Linux: inet_listen). */
static int inet_listen(struct socket *sock, int backlog)
{
	struct sock *sk = sock->sk;
	struct tcp_sock *tp = tcp_sk(sk);
	int err = -EINVAL;

	lock_sock(sk);
	if (sock->state != SS_UNCONNECTED || sock->type != SOCK_STREAM)
		goto out;
	if (backlog < 0)
		backlog = 0;
	if (backlog > SOMAXCONN)
		backlog = SOMAXCONN;
	tp->sk_max_ack_backlog = backlog;
	if (sk->sk_state == TCP_LISTEN) {
		err = 0;
		goto out;
	}
	if (sk->sk_state != TCP_CLOSE)
		goto out;
	if (!inet_sk(sk)->inet_num) {
		err = -EADDRINUSE;
		if (tcp_v4_get_port(sk, 0))
			goto out;
		inet_sk(sk)->inet_sport = htons(inet_sk(sk)->inet_num);
	} else {
		/* a bound port may be shared by SO_REUSEADDR binders; only one
		 * may listen on it */
		err = -EADDRINUSE;
		if (tcp_v4_listen_clash(sk))
			goto out;
	}
	tcp_set_state(sk, TCP_LISTEN);
	err = 0;
out:
	release_sock(sk);
	return err;
}

static __poll_t inet_stream_poll(struct file *file, struct socket *sock,
				 poll_table *wait)
{
	return tcp_poll(file, sock, wait);
}

const struct proto_ops inet_stream_ops = {
	.family = PF_INET,
	.release = inet_release,
	.bind = inet_bind,
	.connect = inet_stream_connect,
	.socketpair = sock_no_socketpair,
	.accept = inet_accept,
	.getname = inet_getname,
	.poll = inet_stream_poll,
	.ioctl = inet_ioctl,
	.listen = inet_listen,
	.shutdown = inet_shutdown,
	.setsockopt = inet_setsockopt,
	.getsockopt = inet_getsockopt,
	.sendmsg = inet_sendmsg,
	.recvmsg = inet_recvmsg,
};

static struct inet_protosw tcp_protosw = {
	.type = SOCK_STREAM,
	.protocol = IPPROTO_TCP,
	.prot = &tcp_prot,
	.ops = &inet_stream_ops,
	.flags = INET_PROTOSW_PERMANENT | INET_PROTOSW_ICSK,
};

/* From inet_sock_init (boot, process context). */
void tcp_init(void)
{
	inet_register_protosw(&tcp_protosw);
	tcp_v4_init();
}
