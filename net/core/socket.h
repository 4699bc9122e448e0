/*
 * socket.h - socket addresses and families as user space passes them
 * (Linux: include/linux/socket.h, include/uapi/linux/socket.h).
 *
 * Only the parts every protocol needs: struct sockaddr (the generic address
 * that bind/connect/ioctl take), the address families and the socket types.
 * The socket layer itself (struct socket, proto_ops) is in net/socket.h.
 */
#ifndef RXOS_NET_CORE_SOCKET_H
#define RXOS_NET_CORE_SOCKET_H

#include <stdint.h>

typedef unsigned short sa_family_t;

/* Generic address: 16 bytes, the size of sockaddr_in. */
struct sockaddr {
	sa_family_t sa_family; /* AF_xxx */
	char sa_data[14];      /* family-specific */
};

/* Address families, Linux's numbers. */
#define AF_UNSPEC 0
#define AF_UNIX 1
#define AF_INET 2
#define AF_INET6 10
#define AF_NETLINK 16
#define AF_PACKET 17
#define AF_MAX 46
#define PF_UNSPEC AF_UNSPEC
#define PF_INET AF_INET
#define PF_PACKET AF_PACKET

/* Socket types (Linux: include/linux/net.h, enum sock_type). */
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_RAW 3
#define SOCK_SEQPACKET 5
#define SOCK_PACKET 10
#define SOCK_TYPE_MASK 0xf
/* Flags or'ed into the type argument of socket()/accept4(). */
#define SOCK_NONBLOCK 00004000 /* O_NONBLOCK */
#define SOCK_CLOEXEC 02000000  /* O_CLOEXEC */

#endif
