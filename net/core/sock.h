/*
 * sock.h - struct sock, the protocol's half of a socket, and struct proto
 * (Linux: include/net/sock.h, net/core/sock.c, net/core/datagram.c).
 *
 * A struct sock is what the softirq side of the stack sees: udp_rcv finds
 * one by address and port and appends the packet to sk_receive_queue; the
 * process side (recvfrom) takes it off again. In between sit two limits
 * and the wakeup:
 *
 *   softirq (stage 13/14)                     process (stage 15)
 *   ---------------------                     ------------------
 *   udp_rcv -> __udp_queue_rcv_skb            recvfrom -> udp_recvmsg
 *     -> sock_queue_rcv_skb                     -> skb_recv_datagram
 *        rmem_alloc + truesize > rcvbuf?            (sleeps on sk_wq while
 *          yes: drop SOCKET_RCVBUFF                  the queue is empty)
 *        skb_set_owner_r: rmem += truesize       -> skb_copy_datagram_msg
 *        queue on sk_receive_queue               -> skb_free_datagram
 *        sk->sk_data_ready(sk) -------wake----->     sock_rfree: rmem -= truesize
 *
 * Buffer accounting: every skb a socket holds is charged to it by its
 * truesize (data + struct overhead), sk_rmem_alloc for received ones,
 * sk_wmem_alloc for ones it sent that are still in the stack; the skb's
 * destructor (sock_rfree / sock_wfree) uncharges it when freed.
 *
 * Lifetime: sk_refcnt. The socket holds one reference (dropped by
 * sk_common_release at close); anything else that keeps a pointer takes
 * one with sock_hold. On one CPU with softirqs disabled around the hash
 * tables, a lookup in softirq never races with the close.
 *
 * Locking: process-context code that touches what softirq also touches
 * (the receive queue, the protocol's hash) does it with bottom halves
 * disabled (local_bh_disable), the one-CPU spelling of Linux's lock_sock /
 * spin_lock_bh. Linux also has the socket backlog (packets that arrive while
 * a process owns the socket lock); rxos never needs it.
 */
#ifndef RXOS_NET_CORE_SOCK_H
#define RXOS_NET_CORE_SOCK_H

#include "kernel/atomic.h"
#include "kernel/list.h"
#include "kernel/poll.h"
#include "kernel/sched/wait.h"
#include "net/core/skbuff.h"
#include "net/socket.h"

struct proto;
struct dst_entry;

/*
 * Defaults for sk_rcvbuf/sk_sndbuf (Linux: net.core.rmem_default and
 * wmem_default = 212992 on a typical box). SO_RCVBUF/SO_SNDBUF double the
 * value given (room for struct overhead, as Linux does) and clamp it to
 * [SOCK_MIN_*BUF, 2 * sysctl_*mem_max].
 */
#define SK_RMEM_DEFAULT 212992
#define SK_WMEM_DEFAULT 212992
#define SK_RMEM_MAX 212992   /* net.core.rmem_max */
#define SK_WMEM_MAX 212992   /* net.core.wmem_max */
#define SOCK_MIN_RCVBUF 2304 /* Linux: 2 * (2048 + SKB overhead), rounded */
#define SOCK_MIN_SNDBUF 4608

/* sk_shutdown */
#define RCV_SHUTDOWN 1
#define SEND_SHUTDOWN 2
#define SHUTDOWN_MASK 3

/* sk_flags bits (Linux: enum sock_flags) */
enum sock_flags {
	SOCK_DEAD, /* orphaned: its struct socket is gone */
	SOCK_DONE,
	SOCK_KEEPOPEN,	/* SO_KEEPALIVE */
	SOCK_BROADCAST, /* SO_BROADCAST */
	SOCK_RCVTSTAMP,
	SOCK_DBG,
	SOCK_LOCALROUTE, /* SO_DONTROUTE */
	SOCK_URGINLINE,
};

/* sk_userlocks: what the user fixed with bind(), kept over disconnect */
#define SOCK_SNDBUF_LOCK 1
#define SOCK_RCVBUF_LOCK 2
#define SOCK_BINDADDR_LOCK 4
#define SOCK_BINDPORT_LOCK 8

/* sk_reuse (Linux: SK_NO_REUSE, SK_CAN_REUSE) */
#define SK_NO_REUSE 0
#define SK_CAN_REUSE 1

struct sock {
	/* Identity: set at sk_alloc, never change. */
	unsigned short sk_family;   /* AF_INET */
	unsigned short sk_type;	    /* SOCK_DGRAM */
	unsigned short sk_protocol; /* IPPROTO_UDP */
	struct proto *sk_prot;	    /* &udp_prot */
	atomic_t sk_refcnt;

	/* The protocol's lookup table (udp_table): process context changes
	 * it with BHs off, softirq reads it. */
	struct list_head sk_node;
	bool sk_hashed;
	unsigned char sk_reuse;	    /* SO_REUSEADDR */
	unsigned char sk_userlocks; /* SOCK_BIND*_LOCK: bind() chose these */
	int sk_bound_dev_if;	    /* SO_BINDTODEVICE ifindex, 0 = any */

	/* State, for the protocol's state machine (TCP_ESTABLISHED, TCP_CLOSE
	 * double as UDP's connected / unconnected, as in Linux). */
	volatile unsigned char sk_state;
	unsigned char sk_shutdown; /* RCV_SHUTDOWN | SEND_SHUTDOWN */
	unsigned long sk_flags;	   /* 1 << SOCK_* */

	/* Receive side: queued by softirq, taken by the process. */
	struct sk_buff_head sk_receive_queue;
	atomic_t sk_rmem_alloc; /* truesize of skbs charged to us */
	int sk_rcvbuf;		/* limit for sk_rmem_alloc */
	atomic_t sk_drops;	/* skbs refused: rcvbuf full, ... */
	long sk_rcvtimeo;	/* jiffies; MAX_SCHEDULE_TIMEOUT = forever */

	/* Send side. */
	struct sk_buff_head sk_write_queue; /* (TCP's; unused by UDP) */
	atomic_t sk_wmem_alloc;		    /* sent skbs not yet freed */
	int sk_sndbuf;
	long sk_sndtimeo;
	uint32_t sk_priority;
	struct dst_entry *sk_dst_cache; /* connected route (unused here) */

	/* Errors: a hard error (ICMP port unreachable on a connected UDP
	 * socket) is stored here and returned, once, by the next call. */
	int sk_err;
	int sk_err_soft;

	/* The process side. */
	struct socket *sk_socket; /* NULL once orphaned */
	wait_queue_head_t *sk_wq; /* &sk_socket->wq, NULL once orphaned */
	uid_t sk_uid;
	unsigned long sk_ino; /* its file's inode number, for /proc */

	/* Callbacks (sock_init_data sets the sock_def_* defaults). */
	void (*sk_state_change)(struct sock *sk);
	void (*sk_data_ready)(struct sock *sk);
	void (*sk_write_space)(struct sock *sk);
	void (*sk_error_report)(struct sock *sk);
	void (*sk_destruct)(struct sock *sk);
};

/* ---- struct proto: a transport protocol's socket methods ----
 * (Linux: struct proto in include/net/sock.h; udp_prot, raw_prot.) The
 * family's proto_ops (inet_dgram_ops) call these. Process context. */
struct proto {
	const char *name;      /* "UDP" */
	unsigned int obj_size; /* sizeof(struct udp_sock): sk_alloc size */
	void (*close)(struct sock *sk, long timeout);
	int (*connect)(struct sock *sk, struct sockaddr *uaddr, int addr_len);
	int (*disconnect)(struct sock *sk, int flags);
	int (*ioctl)(struct sock *sk, int cmd, int *karg);
	int (*init)(struct sock *sk);
	void (*destroy)(struct sock *sk);
	void (*shutdown)(struct sock *sk, int how);
	int (*setsockopt)(struct sock *sk, int level, int optname,
			  void __user *optval, unsigned int optlen);
	int (*getsockopt)(struct sock *sk, int level, int optname,
			  char __user *optval, int __user *option);
	int (*sendmsg)(struct sock *sk, struct msghdr *msg, size_t len);
	int (*recvmsg)(struct sock *sk, struct msghdr *msg, size_t len,
		       int flags, int *addr_len);
	/* Protocols with their own bind (raw): otherwise inet_bind's
	 * get_port path. */
	int (*bind)(struct sock *sk, struct sockaddr *addr, int addr_len);
	/* Put into / take out of the protocol's lookup table. */
	int (*hash)(struct sock *sk);
	void (*unhash)(struct sock *sk);
	/* Claim local port snum (0: pick an ephemeral one); 0 or -EADDRINUSE. */
	int (*get_port)(struct sock *sk, unsigned short snum);
	/* SO_KEEPALIVE changed (TCP arms its keepalive timer). */
	void (*keepalive)(struct sock *sk, int valbool);
	int inuse; /* sockets of this protocol (/proc/net/sockstat) */
};

/* ---- lifetime (sock.c) ---- */
/* A zeroed sock of prot->obj_size bytes, one reference. Process context. */
struct sock *sk_alloc(int family, gfp_t gfp, struct proto *prot);
void sk_free(struct sock *sk);
/* Attach sk to sock (may be NULL for kernel-internal socks): queues,
 * buffers, default callbacks, sk_wq. */
void sock_init_data(struct socket *sock, struct sock *sk);
/* Detach from the struct socket: no more wakeups, SOCK_DEAD. */
void sock_orphan(struct sock *sk);
/* Close for datagram protocols: unhash, purge the queue, orphan, put. */
void sk_common_release(struct sock *sk);

static inline void sock_hold(struct sock *sk)
{
	atomic_inc(&sk->sk_refcnt);
}

/* The last reference frees the sock (after its queues are empty). */
static inline void sock_put(struct sock *sk)
{
	if (atomic_dec_and_test(&sk->sk_refcnt))
		sk_free(sk);
}

static inline bool sock_flag(const struct sock *sk, enum sock_flags flag)
{
	return sk->sk_flags & (1UL << flag);
}

static inline void sock_set_flag(struct sock *sk, enum sock_flags flag)
{
	sk->sk_flags |= 1UL << flag;
}

static inline void sock_reset_flag(struct sock *sk, enum sock_flags flag)
{
	sk->sk_flags &= ~(1UL << flag);
}

static inline void sock_valbool_flag(struct sock *sk, enum sock_flags bit,
				     int valbool)
{
	if (valbool)
		sock_set_flag(sk, bit);
	else
		sock_reset_flag(sk, bit);
}

static inline wait_queue_head_t *sk_sleep(struct sock *sk)
{
	return sk->sk_wq;
}

/* ---- buffer accounting ---- */
void sock_rfree(struct sk_buff *skb);
void sock_wfree(struct sk_buff *skb);
/* Charge a received skb to sk: sk_rmem_alloc += truesize, destructor. */
void skb_set_owner_r(struct sk_buff *skb, struct sock *sk);
/* Charge a skb being sent: sk_wmem_alloc += truesize; sock_wfree later. */
void skb_set_owner_w(struct sk_buff *skb, struct sock *sk);
/* A skb for sending, charged to sk; waits (SO_SNDTIMEO) while sk_sndbuf
 * is full. NULL with *err (-EAGAIN, -EPIPE, -ENOBUFS, socket error). */
struct sk_buff *sock_alloc_send_skb(struct sock *sk, unsigned long size,
				    int noblock, int *errcode);

static inline int sk_rmem_alloc_get(const struct sock *sk)
{
	return atomic_read(&sk->sk_rmem_alloc);
}

/* Less the one unit the sock holds on itself (see sk_alloc). */
static inline int sk_wmem_alloc_get(const struct sock *sk)
{
	return atomic_read(&sk->sk_wmem_alloc) - 1;
}

/* The hard error, once: reading it clears it (SO_ERROR, the next call). */
int sock_error(struct sock *sk);

/* ---- receive queue (stage 13/14): softirq ---- */
int __sock_queue_rcv_skb(struct sock *sk, struct sk_buff *skb);
int sock_queue_rcv_skb(struct sock *sk, struct sk_buff *skb);

/* ---- the default callbacks (stage 14) ---- */
void sock_def_readable(struct sock *sk);
void sock_def_write_space(struct sock *sk);
void sock_def_wakeup(struct sock *sk);
void sock_def_error_report(struct sock *sk);

/* ---- datagram receive (datagram.c in Linux; stage 15) ---- */
struct sk_buff *skb_recv_datagram(struct sock *sk, unsigned int flags,
				  int *err);
void skb_free_datagram(struct sock *sk, struct sk_buff *skb);
/* Copy len bytes of skb's data from offset on to the iterator. */
int skb_copy_datagram_iter(const struct sk_buff *from, int offset,
			   struct iov_iter *to, int size);
static inline int skb_copy_datagram_msg(const struct sk_buff *from, int offset,
					struct msghdr *msg, int size)
{
	return skb_copy_datagram_iter(from, offset, &msg->msg_iter, size);
}
__poll_t datagram_poll(struct file *file, struct socket *sock,
		       poll_table *wait);
/*
 * SIOCINQ (FIONREAD): the size of the next queued datagram as the protocol
 * queued it (UDP: payload, raw: with the IP header); SIOCOUTQ: bytes sent
 * and not yet freed. -ENOIOCTLCMD for other commands. Process context.
 */
int datagram_ioctl(struct sock *sk, int cmd, int *karg);

/* Jiffies a blocking call may wait: 0 with O_NONBLOCK/MSG_DONTWAIT. */
static inline long sock_rcvtimeo(const struct sock *sk, bool noblock)
{
	return noblock ? 0 : sk->sk_rcvtimeo;
}

static inline long sock_sndtimeo(const struct sock *sk, bool noblock)
{
	return noblock ? 0 : sk->sk_sndtimeo;
}

/* A wait cut short by a signal: restartable (-ERESTARTSYS) unless it
 * had a timeout (SO_RCVTIMEO), which is -EINTR as in Linux. */
static inline int sock_intr_errno(long timeo)
{
	return timeo == MAX_SCHEDULE_TIMEOUT ? -ERESTARTSYS : -EINTR;
}

/* ---- proto_ops entries for unsupported calls: -EOPNOTSUPP ---- */
int sock_no_bind(struct socket *sock, struct sockaddr *a, int len);
int sock_no_connect(struct socket *sock, struct sockaddr *a, int len, int f);
int sock_no_socketpair(struct socket *a, struct socket *b);
int sock_no_accept(struct socket *sock, struct socket *newsock, int flags);
int sock_no_listen(struct socket *sock, int backlog);
int sock_no_shutdown(struct socket *sock, int how);

/* ---- SOL_SOCKET options (sock.c) ---- */
int sock_setsockopt(struct socket *sock, int level, int optname,
		    void __user *optval, unsigned int optlen);
int sock_getsockopt(struct socket *sock, int level, int optname,
		    char __user *optval, int __user *optlen);

/* Sockets whose struct sock is still alive (tests: nothing leaks). */
extern int sk_live_count;

#endif
