/*
 * in.h - IPv4 addresses and protocol numbers as user space sees them
 * (Linux: include/uapi/linux/in.h, include/linux/in.h).
 *
 * Addresses are __be32 (network byte order) everywhere in the stack, as in
 * Linux: 10.0.2.15 is htonl(0x0a00020f). Compare with htonl() constants.
 */
#ifndef RXOS_NET_IPV4_IN_H
#define RXOS_NET_IPV4_IN_H

#include "kernel/byteorder.h"
#include "net/core/socket.h"

/* IP protocol numbers (the iphdr protocol field) */
enum {
	IPPROTO_IP = 0,
	IPPROTO_ICMP = 1,
	IPPROTO_IGMP = 2,
	IPPROTO_TCP = 6,
	IPPROTO_UDP = 17,
	IPPROTO_RAW = 255,
	IPPROTO_MAX = 256,
};

struct in_addr {
	__be32 s_addr;
};

struct sockaddr_in {
	sa_family_t sin_family; /* AF_INET */
	__be16 sin_port;
	struct in_addr sin_addr;
	unsigned char __pad[8]; /* to sizeof(struct sockaddr) */
};

#define INADDR_ANY ((uint32_t)0x00000000)
#define INADDR_BROADCAST ((uint32_t)0xffffffff)
#define INADDR_NONE ((uint32_t)0xffffffff)
#define INADDR_LOOPBACK ((uint32_t)0x7f000001) /* 127.0.0.1, host order */

static inline bool ipv4_is_loopback(__be32 addr)
{
	return (addr & htonl(0xff000000)) == htonl(0x7f000000);
}

static inline bool ipv4_is_multicast(__be32 addr)
{
	return (addr & htonl(0xf0000000)) == htonl(0xe0000000);
}

static inline bool ipv4_is_lbcast(__be32 addr)
{
	return addr == htonl(INADDR_BROADCAST);
}

static inline bool ipv4_is_zeronet(__be32 addr)
{
	return (addr & htonl(0xff000000)) == 0;
}

/* The netmask of a prefix length: 24 -> 255.255.255.0 (network order). */
static inline __be32 inet_make_mask(int logmask)
{
	return logmask ? htonl(~((1u << (32 - logmask)) - 1)) : 0;
}

#endif
