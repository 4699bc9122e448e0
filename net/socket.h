/*
 * socket.h - the BSD socket layer: struct socket, proto_ops, families,
 * and the message structures the send/receive calls carry (Linux:
 * include/linux/net.h, include/linux/socket.h, include/linux/uio.h).
 *
 * Three objects stand between a file descriptor and a protocol:
 *
 *   fd --> struct file --private_data--> struct socket --sk--> struct sock
 *          (socket_file_ops)             (BSD view: type,      (protocol view:
 *                                         state, ops = the      queues, buffers,
 *                                         family's proto_ops)   sk_prot = udp_prot)
 *
 * sys_socket() asks the family (net_proto_family, registered with
 * sock_register) to fill in sock->ops and sock->sk; every later call goes
 * through sock->ops (inet_dgram_ops for UDP: inet_bind, inet_sendmsg ...),
 * which usually hands on to sk->sk_prot (udp_prot: udp_sendmsg ...).
 *
 * Context: everything here is process context and may sleep, except the
 * wakeups, which the protocols' softirq code triggers (net/core/sock.h).
 * Linux also has sockfs (a mountable pseudo file system) and per-socket
 * security hooks; sockets here are files on a pseudo inode (S_IFSOCK).
 */
#ifndef RXOS_NET_SOCKET_H
#define RXOS_NET_SOCKET_H

#include "kernel/fs/fs.h"
#include "kernel/poll.h"
#include "kernel/sched/wait.h"
#include "kernel/uaccess.h"
#include "net/core/socket.h"

struct sock;
struct file;

/* A family's ioctl does not know cmd: the socket layer tries the device
 * ioctls next (Linux: include/linux/errno.h; never reaches user space). */
#define ENOIOCTLCMD 515

/* ---- socket-level numbers (Linux: asm-generic/socket.h, linux/socket.h) */
#define SOL_SOCKET 1
#define SOL_IP 0
#define SOL_RAW 255

#define SO_DEBUG 1
#define SO_REUSEADDR 2
#define SO_TYPE 3
#define SO_ERROR 4
#define SO_DONTROUTE 5
#define SO_BROADCAST 6
#define SO_SNDBUF 7
#define SO_RCVBUF 8
#define SO_KEEPALIVE 9
#define SO_OOBINLINE 10
#define SO_NO_CHECK 11
#define SO_PRIORITY 12
#define SO_LINGER 13
#define SO_REUSEPORT 15
#define SO_RCVLOWAT 18
#define SO_SNDLOWAT 19
#define SO_RCVTIMEO 20 /* SO_RCVTIMEO_OLD: a 32-bit struct timeval on i386 */
#define SO_SNDTIMEO 21
#define SO_BINDTODEVICE 25
#define SO_ACCEPTCONN 30
#define SO_PROTOCOL 38
#define SO_DOMAIN 39

#define MSG_OOB 0x01
#define MSG_PEEK 0x02
#define MSG_DONTROUTE 0x04
#define MSG_CTRUNC 0x08
#define MSG_TRUNC 0x20
#define MSG_DONTWAIT 0x40
#define MSG_EOR 0x80
#define MSG_WAITALL 0x100
#define MSG_ERRQUEUE 0x2000
#define MSG_NOSIGNAL 0x4000
#define MSG_CMSG_CLOEXEC 0x40000000

#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2

#define SOMAXCONN 4096

/* Room for any address (Linux: __kernel_sockaddr_storage). */
#define _K_SS_MAXSIZE 128
struct sockaddr_storage {
	sa_family_t ss_family;
	char __data[_K_SS_MAXSIZE - sizeof(sa_family_t)];
} __attribute__((aligned(4)));

/* ---- messages (Linux: include/linux/uio.h, include/linux/socket.h) ---- */

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

#define UIO_MAXIOV 1024

/*
 * A cursor over a list of buffers: where the next byte goes or comes from.
 * user: the iov_base are user pointers (recvmsg's iovecs, checked on each
 * copy) or kernel ones (read()/write() on a socket hand over the VFS's
 * kernel bounce buffer). Linux: struct iov_iter with ITER_IOVEC / ITER_KVEC.
 */
struct iov_iter {
	bool user;
	const struct iovec *iov;
	unsigned long nr_segs;
	size_t iov_offset; /* into iov[0] */
	size_t count;	   /* bytes left in all segments */
};

void iov_iter_init(struct iov_iter *i, bool user, const struct iovec *iov,
		   unsigned long nr_segs, size_t count);
/* Both return the bytes copied: fewer than asked means a fault (-EFAULT). */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

/* What sendmsg/recvmsg get from user space (i386: 28 bytes). */
struct user_msghdr {
	void __user *msg_name;
	int msg_namelen;
	struct iovec __user *msg_iov;
	size_t msg_iovlen;
	void __user *msg_control;
	size_t msg_controllen;
	unsigned int msg_flags;
};

/*
 * The kernel's message: the address in kernel memory (msg_name points at
 * a sockaddr_storage the socket layer owns), the data as an iov_iter.
 * recvmsg: the protocol writes the source address to msg_name and sets
 * msg_namelen; it sets MSG_TRUNC etc. in msg_flags.
 */
struct msghdr {
	void *msg_name;
	int msg_namelen;
	struct iov_iter msg_iter;
	void __user *msg_control; /* ancillary data: not supported, len 0 */
	size_t msg_controllen;
	unsigned int msg_flags;
};

/* ---- struct socket ---- */

typedef enum {
	SS_FREE = 0,	  /* not allocated */
	SS_UNCONNECTED,	  /* unconnected to any socket */
	SS_CONNECTING,	  /* in process of connecting */
	SS_CONNECTED,	  /* connected to socket */
	SS_DISCONNECTING, /* in process of disconnecting */
} socket_state;

struct proto_ops;

/*
 * The BSD half of a socket. Lives exactly as long as its file: the last
 * close runs sock_close -> ops->release, which detaches (sock_orphan) and
 * drops the struct sock; the sock may live on while packets hold it.
 */
struct socket {
	socket_state state;
	short type; /* SOCK_DGRAM, ... */
	unsigned long flags;
	struct file *file; /* back pointer, not referenced */
	struct sock *sk;   /* the protocol's half */
	const struct proto_ops *ops;
	wait_queue_head_t wq; /* sleepers in recv/poll/epoll: sk->sk_wq */
};

/*
 * A family's operations on its sockets (Linux: struct proto_ops). Addresses
 * are kernel copies; optval/optlen of the sockopt calls and ioctl's arg are
 * user pointers. Return 0/a byte count, or -errno. Process context.
 */
struct proto_ops {
	int family;
	int (*release)(struct socket *sock);
	int (*bind)(struct socket *sock, struct sockaddr *myaddr,
		    int sockaddr_len);
	int (*connect)(struct socket *sock, struct sockaddr *vaddr,
		       int sockaddr_len, int flags);
	int (*socketpair)(struct socket *sock1, struct socket *sock2);
	int (*accept)(struct socket *sock, struct socket *newsock, int flags);
	/* Writes the local (peer = 0) or remote address; returns its length. */
	int (*getname)(struct socket *sock, struct sockaddr *addr, int peer);
	__poll_t (*poll)(struct file *file, struct socket *sock,
			 poll_table *wait);
	int (*ioctl)(struct socket *sock, unsigned int cmd, unsigned long arg);
	int (*listen)(struct socket *sock, int len);
	int (*shutdown)(struct socket *sock, int flags);
	int (*setsockopt)(struct socket *sock, int level, int optname,
			  void __user *optval, unsigned int optlen);
	int (*getsockopt)(struct socket *sock, int level, int optname,
			  char __user *optval, int __user *optlen);
	int (*sendmsg)(struct socket *sock, struct msghdr *m, size_t total_len);
	int (*recvmsg)(struct socket *sock, struct msghdr *m, size_t total_len,
		       int flags);
};

/* A protocol family: how to make a socket of it (Linux: net_proto_family). */
struct net_proto_family {
	int family;
	/* Set sock->ops and sock->sk for (sock->type, protocol); -errno. */
	int (*create)(struct socket *sock, int protocol, int kern);
};

/* 0, -EINVAL (family out of range), -EEXIST (already registered). */
int sock_register(const struct net_proto_family *fam);
void sock_unregister(int family);

/* ---- the socket layer (socket.c) ---- */

struct socket *sock_alloc(void);
void sock_release(struct socket *sock);
int sock_create(int family, int type, int protocol, struct socket **res);
/* Kernel sockets (ICMP's, say): not attached to any file. */
int sock_create_kern(int family, int type, int protocol, struct socket **res);
/* A file for sock; the file owns the socket afterwards. */
int sock_alloc_file(struct socket *sock, int flags, struct file **res);
/* The socket of an open file, or NULL with *err = -ENOTSOCK. */
struct socket *sock_from_file(struct file *file, int *err);
/* fget + sock_from_file: *err = -EBADF or -ENOTSOCK when NULL. */
struct socket *sockfd_lookup(int fd, int *err);
static inline void sockfd_put(struct socket *sock)
{
	fput(sock->file);
}

int sock_sendmsg(struct socket *sock, struct msghdr *msg);
int sock_recvmsg(struct socket *sock, struct msghdr *msg, int flags);

/* Copy an address in from / out to user space, with Linux's checks. */
int move_addr_to_kernel(void __user *uaddr, int ulen,
			struct sockaddr_storage *kaddr);
int move_addr_to_user(struct sockaddr_storage *kaddr, int klen,
		      void __user *uaddr, int __user *ulen);

/* Not in the i386 table (only via socketcall); defined in socket.c. */
long sys_accept(int fd, struct sockaddr __user *upeer_sockaddr,
		int __user *upeer_addrlen);
long sys_send(int fd, void __user *buff, size_t len, unsigned int flags);
long sys_recv(int fd, void __user *ubuf, size_t size, unsigned int flags);

/* How many sockets are open (/proc/net/sockstat's "sockets: used"). */
extern int sockets_in_use;

#endif
