/*
 * inet_common.h - the AF_INET socket family: inetsw and the proto_ops
 * shared by its protocols (Linux: include/net/inet_common.h,
 * include/net/protocol.h's struct inet_protosw).
 *
 * socket(AF_INET, type, protocol) looks (type, protocol) up in inetsw, the
 * table protocols register with inet_register_protosw at boot:
 *
 *   type         protocol       prot        ops
 *   SOCK_DGRAM   IPPROTO_UDP    udp_prot    inet_dgram_ops   (udp.c)
 *   SOCK_RAW     IPPROTO_IP(*)  raw_prot    inet_sockraw_ops (raw.c)
 *   (*) a wildcard: any protocol number
 *
 * Errors as Linux's inet_create: a type nobody registered ->
 * -ESOCKTNOSUPPORT, a type with no matching protocol -> -EPROTONOSUPPORT,
 * protocol outside 0..255 -> -EINVAL, SOCK_RAW without CAP_NET_RAW ->
 * -EPERM (everyone is root here).
 */
#ifndef RXOS_NET_IPV4_INET_COMMON_H
#define RXOS_NET_IPV4_INET_COMMON_H

#include "kernel/list.h"
#include "net/core/sock.h"
#include "net/socket.h"

#define INET_PROTOSW_REUSE 0x01	    /* sockets start with SO_REUSEADDR */
#define INET_PROTOSW_PERMANENT 0x02 /* cannot be unregistered */
#define INET_PROTOSW_ICSK 0x04	    /* a connection socket (TCP) */

struct inet_protosw {
	struct list_head list;
	unsigned short type;	 /* SOCK_DGRAM, SOCK_RAW ... */
	unsigned short protocol; /* IPPROTO_UDP, or IPPROTO_IP = wildcard */
	struct proto *prot;
	const struct proto_ops *ops;
	unsigned char flags; /* INET_PROTOSW_* */
};

/* Boot, process context. Several entries per type are fine. */
void inet_register_protosw(struct inet_protosw *p);
void inet_unregister_protosw(struct inet_protosw *p);

/* proto_ops pieces, for protocols' own ops tables (raw.c). */
int inet_release(struct socket *sock);
int inet_bind(struct socket *sock, struct sockaddr *uaddr, int addr_len);
int inet_dgram_connect(struct socket *sock, struct sockaddr *uaddr,
		       int addr_len, int flags);
int inet_getname(struct socket *sock, struct sockaddr *uaddr, int peer);
int inet_ioctl(struct socket *sock, unsigned int cmd, unsigned long arg);
int inet_shutdown(struct socket *sock, int how);
int inet_sendmsg(struct socket *sock, struct msghdr *msg, size_t size);
int inet_recvmsg(struct socket *sock, struct msghdr *msg, size_t size,
		 int flags);
int inet_setsockopt(struct socket *sock, int level, int optname,
		    void __user *optval, unsigned int optlen);
int inet_getsockopt(struct socket *sock, int level, int optname,
		    char __user *optval, int __user *optlen);
/* Bind to an ephemeral port if not bound yet (sendmsg, connect). */
int inet_autobind(struct sock *sk);

extern const struct proto_ops inet_dgram_ops;

/* connect() for datagram protocols (datagram.c): route, pick the source
 * address, remember the peer. */
int ip4_datagram_connect(struct sock *sk, struct sockaddr *uaddr, int addr_len);

/* IP-level socket options, SOL_IP (ip_sockglue.c). */
int ip_setsockopt(struct sock *sk, int level, int optname, void __user *optval,
		  unsigned int optlen);
int ip_getsockopt(struct sock *sk, int level, int optname, char __user *optval,
		  int __user *optlen);

/* The socket family's part of inet_init (af_inet.c). */
void inet_sock_init(void);

#endif
