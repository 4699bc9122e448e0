/*
 * inet_sock.h - struct inet_sock, an AF_INET socket's addresses and ports
 * (Linux: include/net/inet_sock.h).
 *
 * Every AF_INET protocol's sock starts with a struct inet_sock, which
 * starts with the struct sock, so one pointer serves all three views:
 *
 *   struct udp_sock { struct inet_sock inet; ... }   udp_sk(sk)
 *   struct inet_sock { struct sock sk; ... }         inet_sk(sk)
 *
 * The four-tuple, all network byte order except inet_num:
 *   inet_rcv_saddr  local address bound to (bind), 0 = any (INADDR_ANY):
 *                   what the receive lookup matches on
 *   inet_saddr      source address put into sent packets (the bound one,
 *                   or the route's choice after connect)
 *   inet_num        local port, host order (0 = not bound yet)
 *   inet_sport      the same, network order
 *   inet_daddr, inet_dport   the peer, after connect(); 0 = unconnected
 * Written in process context (bind/connect) with BHs off, read by the
 * softirq lookup (udp_rcv).
 */
#ifndef RXOS_NET_IPV4_INET_SOCK_H
#define RXOS_NET_IPV4_INET_SOCK_H

#include "net/core/sock.h"
#include "net/ipv4/in.h"

struct inet_sock {
	struct sock sk; /* first: inet_sk() is a cast */
	__be32 inet_saddr;
	__be32 inet_rcv_saddr;
	__be32 inet_daddr;
	__be16 inet_sport;
	__be16 inet_dport;
	uint16_t inet_num;
	uint8_t tos;	 /* IP_TOS */
	int uc_ttl;	 /* IP_TTL, -1 = the default (64) */
	uint8_t hdrincl; /* IP_HDRINCL: raw sockets build the IP header */
	uint8_t recverr; /* IP_RECVERR */
	uint8_t is_icsk; /* a connection socket (TCP): unused so far */
};

static inline struct inet_sock *inet_sk(const struct sock *sk)
{
	return (struct inet_sock *)sk;
}

#endif
