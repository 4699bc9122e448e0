/*
 * datagram.c - connect() for IPv4 datagram sockets (Linux:
 * net/ipv4/datagram.c, ip4_datagram_connect).
 *
 * A connected UDP (or raw) socket has a fixed peer: send() needs no
 * address, and the receive lookup (compute_score) only matches datagrams
 * from that peer, ahead of unconnected sockets on the same port. The
 * route is looked up once here to check the peer is reachable and to pick
 * the source address. Called by inet_dgram_connect (the socket is already
 * bound, inet_autobind) through sk->sk_prot->connect. Process context.
 */
#include "kernel/errno.h"
#include "kernel/err.h"
#include "kernel/interrupt.h"
#include "lib/checksum.h" /* ip.h needs __sum16 */
#include "net/ipv4/inet_common.h"
#include "net/ipv4/inet_sock.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/route.h"
#include "net/ipv4/snmp.h"
#include "net/ipv4/tcp_states.h"

/*
 * 0, or: -EINVAL (short address), -EAFNOSUPPORT (not AF_INET),
 * -ENETUNREACH (no route: OutNoRoutes), -EACCES (a broadcast address
 * without SO_BROADCAST). Linux also caches the route in sk_dst_cache and
 * rehashes the socket when the source address was chosen here.
 */
int ip4_datagram_connect(struct sock *sk, struct sockaddr *uaddr, int addr_len)
{
	struct sockaddr_in *usin = (struct sockaddr_in *)uaddr;
	struct inet_sock *inet = inet_sk(sk);
	struct flowi4 fl4 = { 0 };
	struct rtable *rt;

	if (addr_len < (int)sizeof(*usin))
		return -EINVAL;
	if (usin->sin_family != AF_INET)
		return -EAFNOSUPPORT;
	fl4.daddr = usin->sin_addr.s_addr;
	fl4.saddr = inet->inet_saddr;
	fl4.flowi4_oif = sk->sk_bound_dev_if;
	fl4.flowi4_proto = sk->sk_protocol;
	fl4.flowi4_tos = inet->tos;
	rt = ip_route_output_key(&fl4);
	if (IS_ERR(rt)) {
		if (PTR_ERR(rt) == -ENETUNREACH)
			IP_INC_STATS(IPSTATS_MIB_OUTNOROUTES);
		return PTR_ERR(rt);
	}
	if ((rt->rt_flags & RTCF_BROADCAST) && !sock_flag(sk, SOCK_BROADCAST)) {
		ip_rt_put(rt);
		return -EACCES;
	}
	local_bh_disable();
	if (!inet->inet_saddr)
		inet->inet_saddr = fl4.saddr;
	if (!inet->inet_rcv_saddr)
		inet->inet_rcv_saddr = fl4.saddr;
	inet->inet_daddr = fl4.daddr;
	inet->inet_dport = usin->sin_port;
	sk->sk_state = TCP_ESTABLISHED;
	local_bh_enable();
	ip_rt_put(rt);
	return 0;
}
