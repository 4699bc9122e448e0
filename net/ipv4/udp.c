/*
 * udp.c - the User Datagram Protocol (Linux: net/ipv4/udp.c,
 * net/ipv4/datagram.c).
 *
 * Where it sits (udp.h has the header picture):
 *
 *   ip_local_deliver_finish --udp_rcv--> [lookup] --> sk_receive_queue
 *      (softirq, stage 13)                 |  none: ICMP port unreachable
 *                                          v
 *                      sk_data_ready = sock_def_readable (stage 14)
 *   recvfrom --inet_recvmsg--> udp_recvmsg --> skb_recv_datagram (stage 15)
 *   sendto   --inet_sendmsg--> udp_sendmsg --> ip_route_output --> IPv4 out
 *
 * The socket table: every bound UDP socket is on one list (Linux hashes
 * them by port into udp_table, with a second hash by address and port).
 * bind/connect/close change it in process context with bottom halves
 * disabled; udp_rcv and udp_err read it in softirq.
 *
 * Ports: bind(port 0), connect() or the first sendto() of an unbound
 * socket pick an ephemeral port in [32768, 60999] (Linux's default
 * net.ipv4.ip_local_port_range). Two sockets may share a port only if
 * their local addresses differ (neither INADDR_ANY), or both set
 * SO_REUSEADDR, or they are bound to different devices.
 *
 * What Linux adds: the receive checksum is verified lazily (at copy time),
 * UDP-Lite, GRO/GSO, corking (UDP_CORK / MSG_MORE), encapsulation (VXLAN),
 * SO_REUSEPORT groups, early demux, the busy-poll loop, and a separate
 * receive-queue memory scheme (udp_rmem_release).
 */
#include "net/ipv4/udp.h"
#include "kernel/err.h"
#include "kernel/errno.h"
#include "kernel/interrupt.h"
#include "kernel/printk.h"
#include "kernel/random.h"
#include "kernel/fs/proc_fs.h"
#include "lib/vsprintf.h"
#include "net/core/dst.h"
#include "net/core/if.h"
#include "net/core/netdevice.h"
#include "net/ipv4/icmp.h"
#include "net/ipv4/inet_common.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/route.h"
#include "net/ipv4/snmp.h"
#include "net/ipv4/tcp_states.h"

unsigned long udp_statistics[__UDP_MIB_MAX];

static LIST_HEAD(udp_table);

/* /proc/net/udp's "sl" column: Linux's hash bucket of the port. */
#define UDP_HTABLE_SIZE 256

/* ---- ports ------------------------------------------------------------------- */

/*
 * Would sk on port num clash with sk2 (already on it)? Linux's
 * udp_lib_lport_inuse with inet_rcv_saddr_equal(match_wildcard=true).
 */
static bool udp_lport_clash(const struct sock *sk, const struct sock *sk2)
{
	const struct inet_sock *a = inet_sk(sk), *b = inet_sk(sk2);

	if (sk == sk2)
		return false;
	if (sk->sk_reuse && sk2->sk_reuse)
		return false;
	if (sk->sk_bound_dev_if && sk2->sk_bound_dev_if &&
	    sk->sk_bound_dev_if != sk2->sk_bound_dev_if)
		return false;
	return !a->inet_rcv_saddr || !b->inet_rcv_saddr ||
	       a->inet_rcv_saddr == b->inet_rcv_saddr;
}

static bool udp_lport_inuse(const struct sock *sk, unsigned short num)
{
	struct sock *sk2;

	list_for_each_entry(sk2, &udp_table, sk_node)
		if (inet_sk(sk2)->inet_num == num && udp_lport_clash(sk, sk2))
			return true;
	return false;
}

/*
 * udp_v4_get_port - claim local port snum for sk and put sk in the table.
 * snum 0: the first free port of the ephemeral range, scanning from a
 * random start (Linux also picks randomly, and prefers even/odd halves).
 * Process context, BHs off. 0, or 1 when the port is taken / none free.
 */
static int udp_v4_get_port(struct sock *sk, unsigned short snum)
{
	unsigned int range = UDP_EPHEMERAL_HIGH - UDP_EPHEMERAL_LOW + 1;

	if (!snum) {
		unsigned int start = get_random_u32() % range;

		for (unsigned int i = 0; i < range; i++) {
			unsigned short port =
				UDP_EPHEMERAL_LOW + (start + i) % range;

			if (!udp_lport_inuse(sk, port)) {
				snum = port;
				break;
			}
		}
		if (!snum)
			return 1;
	} else if (udp_lport_inuse(sk, snum)) {
		return 1;
	}
	inet_sk(sk)->inet_num = snum;
	if (!sk->sk_hashed) {
		list_add_tail(&sk->sk_node, &udp_table);
		sk->sk_hashed = true;
		sock_hold(sk); /* the table's reference */
	}
	return 0;
}

/* UDP is hashed by get_port; a socket is never hashed without a port. */
static int udp_lib_hash(struct sock *sk)
{
	return 0;
}

static void udp_lib_unhash(struct sock *sk)
{
	local_bh_disable();
	if (sk->sk_hashed) {
		list_del_init(&sk->sk_node);
		sk->sk_hashed = false;
		inet_sk(sk)->inet_num = 0;
		local_bh_enable();
		sock_put(sk);
		return;
	}
	local_bh_enable();
}

/* ---- lookup -------------------------------------------------------------------- */

/*
 * How well sk matches a datagram saddr:sport -> daddr:dport on device dif:
 * -1 for no match, else higher for more exact. Every field the socket has
 * fixed (bound address, connected peer, bound device) must match and adds
 * 4, so a connected socket beats one bound to the address, which beats an
 * INADDR_ANY one. Linux: compute_score().
 */
static int compute_score(struct sock *sk, __be32 saddr, __be16 sport,
			 __be32 daddr, unsigned short hnum, int dif)
{
	struct inet_sock *inet = inet_sk(sk);
	int score = 2; /* PF_INET */

	if (inet->inet_num != hnum)
		return -1;
	if (inet->inet_rcv_saddr) {
		if (inet->inet_rcv_saddr != daddr)
			return -1;
		score += 4;
	}
	if (inet->inet_daddr) {
		if (inet->inet_daddr != saddr)
			return -1;
		score += 4;
	}
	if (inet->inet_dport) {
		if (inet->inet_dport != sport)
			return -1;
		score += 4;
	}
	if (sk->sk_bound_dev_if) {
		if (sk->sk_bound_dev_if != dif)
			return -1;
		score += 4;
	}
	return score;
}

struct sock *__udp4_lib_lookup(__be32 saddr, __be16 sport, __be32 daddr,
			       __be16 dport, int dif)
{
	unsigned short hnum = ntohs(dport);
	struct sock *sk, *result = NULL;
	int badness = -1;

	list_for_each_entry(sk, &udp_table, sk_node) {
		int score = compute_score(sk, saddr, sport, daddr, hnum, dif);

		if (score > badness) {
			result = sk;
			badness = score;
		}
	}
	return result;
}

/* ---- receive: stage 13 --------------------------------------------------------- */

/*
 * The checksum over pseudo header + UDP header + data (RFC 768); 0 in the
 * header means the sender computed none, which IPv4 allows. True when the
 * datagram must be dropped. A NIC that verified it (CHECKSUM_UNNECESSARY)
 * saves the work. Linux defers the full sum to the copy in udp_recvmsg.
 */
static bool udp4_csum_bad(struct sk_buff *skb, struct udphdr *uh,
			  unsigned short ulen)
{
	const struct iphdr *iph = ip_hdr(skb);

	if (!uh->check || skb->ip_summed == CHECKSUM_UNNECESSARY)
		return false;
	return csum_tcpudp_magic(iph->saddr, iph->daddr, ulen, IPPROTO_UDP,
				 csum_partial(uh, ulen, 0)) != 0;
}

/*
 * Queue on the socket: drop the UDP header (the reader gets the payload;
 * transport_header still points at it for the source port), charge the
 * skb to the socket and wake it. A full receive buffer counts
 * RcvbufErrors and InErrors and frees skb with SOCKET_RCVBUFF.
 * Linux: udp_queue_rcv_skb -> __udp_enqueue_schedule_skb.
 */
static int udp_queue_rcv_skb(struct sock *sk, struct sk_buff *skb)
{
	skb_pull(skb, sizeof(struct udphdr));
	if (__sock_queue_rcv_skb(sk, skb) < 0) {
		UDP_INC_STATS(UDP_MIB_RCVBUFERRORS);
		UDP_INC_STATS(UDP_MIB_INERRORS);
		kfree_skb_reason(skb, SKB_DROP_REASON_SOCKET_RCVBUFF);
		return -1;
	}
	return 0;
}

/* No socket on the port: tell the sender and drop. */
static void udp_no_socket(struct sk_buff *skb)
{
	UDP_INC_STATS(UDP_MIB_NOPORTS);
	icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, 0);
	kfree_skb_reason(skb, SKB_DROP_REASON_NO_SOCKET);
}

/* Sent to many: a broadcast or multicast address (the route says so, or
 * the link-layer address did). */
static bool udp_is_mcast(const struct sk_buff *skb)
{
	const struct rtable *rt = skb_rtable(skb);
	__be32 daddr = ip_hdr(skb)->daddr;

	if (rt && (rt->rt_flags & (RTCF_BROADCAST | RTCF_MULTICAST)))
		return true;
	return skb->pkt_type == PACKET_BROADCAST ||
	       skb->pkt_type == PACKET_MULTICAST || ipv4_is_multicast(daddr) ||
	       ipv4_is_lbcast(daddr);
}

/* Does sk want a broadcast/multicast datagram (Linux: __udp_is_mcast_sock)?
 * Every field it fixed must match; unlike unicast there is no "best". */
static bool udp_mcast_match(struct sock *sk, __be32 saddr, __be16 sport,
			    __be32 daddr, unsigned short hnum, int dif)
{
	struct inet_sock *inet = inet_sk(sk);

	return inet->inet_num == hnum &&
	       (!inet->inet_daddr || inet->inet_daddr == saddr) &&
	       (!inet->inet_dport || inet->inet_dport == sport) &&
	       (!inet->inet_rcv_saddr || inet->inet_rcv_saddr == daddr) &&
	       (!sk->sk_bound_dev_if || sk->sk_bound_dev_if == dif);
}

/*
 * A broadcast or multicast datagram goes to every matching socket: a
 * clone to each but the last, which gets skb itself. None: IgnoredMulti,
 * and no ICMP error (RFC 1122 3.2.2: never about a broadcast). Linux:
 * __udp4_lib_mcast_deliver (which also checks group membership filters).
 */
static void udp_mcast_deliver(struct sk_buff *skb, const struct udphdr *uh,
			      int dif)
{
	const struct iphdr *iph = ip_hdr(skb);
	unsigned short hnum = ntohs(uh->dest);
	struct sock *sk, *last = NULL;

	list_for_each_entry(sk, &udp_table, sk_node) {
		struct sk_buff *nskb;

		if (!udp_mcast_match(sk, iph->saddr, uh->source, iph->daddr,
				     hnum, dif))
			continue;
		if (last) {
			nskb = skb_clone(skb, GFP_ATOMIC);
			if (!nskb) {
				atomic_inc(&last->sk_drops);
				UDP_INC_STATS(UDP_MIB_RCVBUFERRORS);
				UDP_INC_STATS(UDP_MIB_INERRORS);
			} else {
				udp_queue_rcv_skb(last, nskb);
			}
		}
		last = sk;
	}
	if (last) {
		udp_queue_rcv_skb(last, skb);
		return;
	}
	UDP_INC_STATS(UDP_MIB_IGNOREDMULTI);
	kfree_skb_reason(skb, SKB_DROP_REASON_NO_SOCKET);
}

/*
 * DOC: udp_rcv - stage 13 for UDP: check the datagram, find its socket,
 * queue it.
 *
 * Context: softirq, called by ip_local_deliver_finish through the
 * net_protocol table (IPPROTO_UDP), after IP reassembly and INPUT rules.
 * skb: owned by us from here on; data at the UDP header, network header
 * set, the IP header's length already trimmed to tot_len.
 * Returns 0 always (the skb was queued or freed).
 *
 * The checks, in order (each failure counts Udp InErrors and frees skb
 * with the reason given):
 *   1. the 8-byte header is there                    PKT_TOO_SMALL
 *   2. 8 <= uh->len <= bytes received; trim to uh->len  PKT_TOO_SMALL
 *   3. checksum, unless 0 (none sent)         UDP_CSUM (+ InCsumErrors)
 * Broadcast/multicast: a copy to every matching socket (udp_mcast_deliver).
 * Unicast: the socket matching the most fields wins (connected 4-tuple,
 * then bound address, then INADDR_ANY: compute_score). None:
 * NoPorts, ICMP port unreachable to the sender, drop NO_SOCKET. Found:
 * udp_queue_rcv_skb (RcvbufErrors + SOCKET_RCVBUFF if full), which ends in
 * sk_data_ready - stage 14. InDatagrams is counted when a reader takes it
 * (udp_recvmsg), as in Linux.
 */
int udp_rcv(struct sk_buff *skb)
{
	enum skb_drop_reason reason = SKB_DROP_REASON_PKT_TOO_SMALL;
	const struct iphdr *iph;
	struct udphdr *uh;
	unsigned short ulen;
	struct sock *sk;

	if (!pskb_may_pull(skb, sizeof(struct udphdr)))
		goto drop;
	skb_reset_transport_header(skb);
	uh = udp_hdr(skb);
	ulen = ntohs(uh->len);
	if (ulen < sizeof(struct udphdr) || ulen > skb->len)
		goto drop;
	skb_trim(skb, ulen);
	if (udp4_csum_bad(skb, uh, ulen)) {
		reason = SKB_DROP_REASON_UDP_CSUM;
		UDP_INC_STATS(UDP_MIB_CSUMERRORS);
		goto drop;
	}
	iph = ip_hdr(skb);
	if (udp_is_mcast(skb)) {
		udp_mcast_deliver(skb, uh, skb->dev ? skb->dev->ifindex : 0);
		return 0;
	}
	sk = __udp4_lib_lookup(iph->saddr, uh->source, iph->daddr, uh->dest,
			       skb->dev ? skb->dev->ifindex : 0);
	if (!sk) {
		udp_no_socket(skb);
		return 0;
	}
	udp_queue_rcv_skb(sk, skb);
	return 0;
drop:
	UDP_INC_STATS(UDP_MIB_INERRORS);
	kfree_skb_reason(skb, reason);
	return 0;
}

/* ---- ICMP errors ----------------------------------------------------------------- */

/* Linux's icmp_err_convert: errno for each ICMP_DEST_UNREACH code, and
 * whether it is "hard" (fatal: reported on a connected socket). */
static const struct {
	int errno;
	bool fatal;
} udp_unreach_err[] = {
	[ICMP_NET_UNREACH] = { ENETUNREACH, false },
	[ICMP_HOST_UNREACH] = { EHOSTUNREACH, false },
	[ICMP_PROT_UNREACH] = { ENOPROTOOPT, true },
	[ICMP_PORT_UNREACH] = { ECONNREFUSED, true },
	[ICMP_FRAG_NEEDED] = { EMSGSIZE, false },
	[ICMP_SR_FAILED] = { EOPNOTSUPP, false },
	[ICMP_NET_UNKNOWN] = { ENETUNREACH, true },
	[ICMP_HOST_UNKNOWN] = { EHOSTDOWN, true },
	[8] = { ENONET, true }, /* ICMP_HOST_ISOLATED */
	[ICMP_NET_ANO] = { ENETUNREACH, true },
	[ICMP_HOST_ANO] = { EHOSTUNREACH, true },
	[11] = { ENETUNREACH, false },	/* ICMP_NET_UNR_TOS */
	[12] = { EHOSTUNREACH, false }, /* ICMP_HOST_UNR_TOS */
	[ICMP_PKT_FILTERED] = { EHOSTUNREACH, true },
	[ICMP_PREC_VIOLATION] = { EHOSTUNREACH, true },
	[ICMP_PREC_CUTOFF] = { EHOSTUNREACH, true },
};

/*
 * udp_err - an ICMP error came back about a datagram we sent.
 *
 * Context: softirq, from icmp_rcv's err_handler dispatch. skb->data is at
 * the quoted IP header (at least 8 bytes of the UDP header follow, RFC
 * 792); icmp_hdr(skb) is the ICMP header. skb stays the caller's.
 *
 * RFC 1122 4.1.3.3: pass the error to the application. As Linux does
 * without IP_RECVERR, only a hard error (port unreachable -> ECONNREFUSED)
 * on a connected socket is reported: stored in sk_err and returned by the
 * next send or receive call (or SO_ERROR); the reader is woken. Unconnected
 * sockets could not tell which destination it was about.
 */
void udp_err(struct sk_buff *skb, uint32_t info)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	const struct icmphdr *icmph = icmp_hdr(skb);
	const struct udphdr *uh;
	struct sock *sk;
	bool harderr = false;
	int err;

	if (!pskb_may_pull(skb, iph->ihl * 4 + 8))
		return;
	uh = (const struct udphdr *)(skb->data + iph->ihl * 4);
	/* We sent it: its source is our end, its destination the peer. */
	sk = __udp4_lib_lookup(iph->daddr, uh->dest, iph->saddr, uh->source,
			       skb->dev ? skb->dev->ifindex : 0);
	if (!sk) {
		ICMP_INC_STATS(ICMP_MIB_INERRORS);
		return;
	}
	switch (icmph->type) {
	case ICMP_TIME_EXCEEDED:
		err = EHOSTUNREACH;
		break;
	case ICMP_PARAMETERPROB:
		err = EPROTO;
		harderr = true;
		break;
	case ICMP_DEST_UNREACH:
		err = EHOSTUNREACH;
		if (icmph->code < ARRAY_SIZE(udp_unreach_err)) {
			err = udp_unreach_err[icmph->code].errno;
			harderr = udp_unreach_err[icmph->code].fatal;
		}
		break;
	default: /* source quench, redirect: nothing for the socket */
		return;
	}
	if (!harderr || sk->sk_state != TCP_ESTABLISHED)
		return;
	sk->sk_err = err;
	sk->sk_error_report(sk);
}

/* ---- receive: stage 15 ----------------------------------------------------------- */

/*
 * udp_recvmsg - hand one datagram to the reader.
 *
 * Context: process, may sleep in skb_recv_datagram (MSG_DONTWAIT/
 * O_NONBLOCK: -EAGAIN instead; SO_RCVTIMEO bounds the wait).
 * Copies at most len bytes; a longer datagram is cut and MSG_TRUNC set in
 * msg_flags - the rest is lost, as UDP is message-oriented. flags:
 * MSG_PEEK leaves it queued; MSG_TRUNC returns the real length. The source
 * address goes to msg->msg_name when the caller asked for it. Returns the
 * byte count, or the pending socket error (ECONNREFUSED after an ICMP
 * port unreachable on a connected socket), or -EFAULT.
 *
 * DOC: udp_recvmsg
 */
int udp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags,
		int *addr_len)
{
	struct sockaddr_in *sin = msg->msg_name;
	bool peeking = flags & MSG_PEEK;
	struct sk_buff *skb;
	unsigned int ulen, copied;
	int err;

	if (flags & MSG_ERRQUEUE)
		return -EAGAIN; /* no error queue: IP_RECVERR is not kept */
	skb = skb_recv_datagram(sk, flags, &err);
	if (!skb)
		return err;
	ulen = skb->len;
	copied = len < ulen ? len : ulen;
	if (copied < ulen)
		msg->msg_flags |= MSG_TRUNC;
	err = skb_copy_datagram_msg(skb, 0, msg, copied);
	if (err) {
		if (!peeking) {
			atomic_inc(&sk->sk_drops);
			UDP_INC_STATS(UDP_MIB_INERRORS);
		}
		skb_free_datagram(sk, skb);
		return err;
	}
	if (!peeking)
		UDP_INC_STATS(UDP_MIB_INDATAGRAMS);
	if (sin) {
		memset(sin, 0, sizeof(*sin));
		sin->sin_family = AF_INET;
		sin->sin_port = udp_hdr(skb)->source;
		sin->sin_addr.s_addr = ip_hdr(skb)->saddr;
		*addr_len = sizeof(*sin);
	}
	skb_free_datagram(sk, skb);
	return flags & MSG_TRUNC ? (int)ulen : (int)copied;
}

/* ---- send ------------------------------------------------------------------------- */

/* Where a datagram goes: msg_name, or the connected peer. */
static int udp_dest(struct sock *sk, struct msghdr *msg, __be32 *daddr,
		    __be16 *dport)
{
	struct sockaddr_in *usin = msg->msg_name;

	if (!usin) {
		if (sk->sk_state != TCP_ESTABLISHED)
			return -EDESTADDRREQ;
		*daddr = inet_sk(sk)->inet_daddr;
		*dport = inet_sk(sk)->inet_dport;
		return 0;
	}
	if (msg->msg_namelen < (int)sizeof(*usin))
		return -EINVAL;
	if (usin->sin_family != AF_INET && usin->sin_family != AF_UNSPEC)
		return -EAFNOSUPPORT;
	if (!usin->sin_port)
		return -EINVAL;
	*daddr = usin->sin_addr.s_addr;
	*dport = usin->sin_port;
	return 0;
}

/* Route the datagram: 0 and a referenced *rtp with fl4->saddr chosen. */
static int udp_route(struct sock *sk, struct flowi4 *fl4, struct rtable **rtp)
{
	struct rtable *rt = ip_route_output_key(fl4);

	if (IS_ERR(rt)) {
		if (PTR_ERR(rt) == -ENETUNREACH)
			IP_INC_STATS(IPSTATS_MIB_OUTNOROUTES);
		return PTR_ERR(rt);
	}
	if ((rt->rt_flags & RTCF_BROADCAST) && !sock_flag(sk, SOCK_BROADCAST)) {
		ip_rt_put(rt);
		return -EACCES; /* sending to a broadcast needs SO_BROADCAST */
	}
	*rtp = rt;
	return 0;
}

/*
 * The UDP header and checksum in front of the payload at skb->data, then
 * IPv4 (ip_build_and_send_pkt pushes the IP header, runs LOCAL_OUT and
 * fragments above the MTU). A checksum that sums to 0 is sent as 0xffff:
 * 0 would mean "no checksum" (RFC 768). Consumes skb. Linux: udp_send_skb.
 *
 * DOC: udp_send_skb
 */
static int udp_send_skb(struct sk_buff *skb, struct flowi4 *fl4, __be16 sport,
			__be16 dport)
{
	unsigned int ulen = skb->len + sizeof(struct udphdr);
	struct udphdr *uh = skb_push(skb, sizeof(*uh));
	int err;

	uh->source = sport;
	uh->dest = dport;
	uh->len = htons(ulen);
	uh->check = 0;
	uh->check = csum_tcpudp_magic(fl4->saddr, fl4->daddr, ulen, IPPROTO_UDP,
				      csum_partial(uh, ulen, 0));
	if (!uh->check)
		uh->check = 0xffff; /* CSUM_MANGLED_0 */
	err = ip_build_and_send_pkt(skb, fl4->saddr, fl4->daddr, IPPROTO_UDP,
				    fl4->flowi4_tos);
	if (err) {
		if (err == -ENOBUFS) {
			UDP_INC_STATS(UDP_MIB_SNDBUFERRORS);
			err = 0; /* as Linux without IP_RECVERR */
		}
		return err;
	}
	UDP_INC_STATS(UDP_MIB_OUTDATAGRAMS);
	return 0;
}

/* A skb charged to sk with room for the headers, holding the user's data. */
static struct sk_buff *udp_make_skb(struct sock *sk, struct msghdr *msg,
				    size_t len, int *err)
{
	unsigned int hh =
		MAX_HEADER + sizeof(struct iphdr) + sizeof(struct udphdr);
	struct sk_buff *skb;

	skb = sock_alloc_send_skb(sk, hh + len, msg->msg_flags & MSG_DONTWAIT,
				  err);
	if (!skb)
		return NULL;
	skb_reserve(skb, hh);
	if (copy_from_iter(skb_put(skb, len), len, &msg->msg_iter) != len) {
		kfree_skb_reason(skb, SKB_DROP_REASON_SKB_UCOPY_FAULT);
		*err = -EFAULT;
		return NULL;
	}
	return skb;
}

/*
 * udp_sendmsg - send one datagram of len bytes.
 *
 * Context: process (sendto/sendmsg/write via inet_sendmsg, which bound
 * the socket to an ephemeral port first if it was not).
 * Destination: msg_name, or the connected peer (-EDESTADDRREQ if none);
 * port 0 is -EINVAL. Errors: -EMSGSIZE above 65507 bytes (what fits in
 * one IPv4 datagram), -EOPNOTSUPP for MSG_OOB, a pending socket error
 * (ECONNREFUSED after port unreachable), -ENETUNREACH (no route),
 * -EACCES (broadcast without SO_BROADCAST), -EFAULT, -EAGAIN (sndbuf
 * full and nonblocking, or SO_SNDTIMEO ran out; blocking callers wait for
 * room), -ENOBUFS. Returns len on success.
 * Linux also corks (MSG_MORE), takes ancillary data (IP_PKTINFO, TTL),
 * caches the connected route, and builds fragments while copying.
 *
 * DOC: udp_sendmsg
 */
int udp_sendmsg(struct sock *sk, struct msghdr *msg, size_t len)
{
	struct inet_sock *inet = inet_sk(sk);
	struct flowi4 fl4 = { 0 };
	struct rtable *rt = NULL;
	struct sk_buff *skb;
	__be16 dport;
	int err;

	if (len > UDP_MAX_PAYLOAD)
		return -EMSGSIZE;
	if (msg->msg_flags & MSG_OOB)
		return -EOPNOTSUPP;
	err = udp_dest(sk, msg, &fl4.daddr, &dport);
	if (err)
		return err;
	fl4.saddr = inet->inet_saddr;
	fl4.flowi4_oif = sk->sk_bound_dev_if;
	fl4.flowi4_tos = inet->tos;
	fl4.flowi4_proto = IPPROTO_UDP;
	err = udp_route(sk, &fl4, &rt);
	if (err)
		return err;
	skb = udp_make_skb(sk, msg, len, &err);
	if (!skb) {
		ip_rt_put(rt);
		if (err == -ENOBUFS || err == -EAGAIN)
			UDP_INC_STATS(UDP_MIB_SNDBUFERRORS);
		return err;
	}
	skb_dst_set(skb, &rt->dst); /* the skb takes our route reference */
	err = udp_send_skb(skb, &fl4, inet->inet_sport, dport);
	return err ? err : (int)len;
}

/* ---- connect, disconnect, close -------------------------------------------------- */

/*
 * connect() with AF_UNSPEC (or the sk_prot->disconnect path): forget the
 * peer; an address or port that bind() did not fix is given up too.
 */
static int udp_disconnect(struct sock *sk, int flags)
{
	struct inet_sock *inet = inet_sk(sk);

	local_bh_disable();
	sk->sk_state = TCP_CLOSE;
	inet->inet_daddr = 0;
	inet->inet_dport = 0;
	sk->sk_bound_dev_if = 0;
	if (!(sk->sk_userlocks & SOCK_BINDADDR_LOCK))
		inet->inet_rcv_saddr = inet->inet_saddr = 0;
	local_bh_enable();
	if (!(sk->sk_userlocks & SOCK_BINDPORT_LOCK)) {
		udp_lib_unhash(sk);
		inet->inet_sport = 0;
	}
	dst_release(sk->sk_dst_cache);
	sk->sk_dst_cache = NULL;
	return 0;
}

static void udp_lib_close(struct sock *sk, long timeout)
{
	sk_common_release(sk);
}

/* SIOCINQ/FIONREAD: the next datagram's payload size (not the total, as
 * for streams); SIOCOUTQ: bytes sent and not yet freed. */
static int udp_ioctl(struct sock *sk, int cmd, int *karg)
{
	return datagram_ioctl(sk, cmd, karg);
}

static int udp_setsockopt(struct sock *sk, int level, int optname,
			  void __user *optval, unsigned int optlen)
{
	if (level == SOL_UDP)
		return -ENOPROTOOPT;
	return ip_setsockopt(sk, level, optname, optval, optlen);
}

static int udp_getsockopt(struct sock *sk, int level, int optname,
			  char __user *optval, int __user *optlen)
{
	if (level == SOL_UDP)
		return -ENOPROTOOPT;
	return ip_getsockopt(sk, level, optname, optval, optlen);
}

struct proto udp_prot = {
	.name = "UDP",
	.obj_size = sizeof(struct udp_sock),
	.close = udp_lib_close,
	.disconnect = udp_disconnect,
	.connect = ip4_datagram_connect,
	.ioctl = udp_ioctl,
	.setsockopt = udp_setsockopt,
	.getsockopt = udp_getsockopt,
	.sendmsg = udp_sendmsg,
	.recvmsg = udp_recvmsg,
	.hash = udp_lib_hash,
	.unhash = udp_lib_unhash,
	.get_port = udp_v4_get_port,
};

/* ---- /proc/net/udp and the Udp rows of /proc/net/snmp ------------------------------- */

/*
 * One line per socket, Linux's udp4_format_sock: addresses as the raw
 * __be32 printed in hex (so 127.0.0.1 reads 0100007F on x86), ports in
 * host order, each line padded to 127 columns. The pointer column shows
 * zeros, as %pK does for a reader without CAP_SYSLOG.
 */
static int udp4_format_sock(char *buf, int len, int pos, struct sock *sk)
{
	struct inet_sock *inet = inet_sk(sk);
	char line[160];

	scnprintf(line, sizeof(line),
		  "%5d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX "
		  "%08X %5u %8d %lu %d %08lx %u",
		  inet->inet_num & (UDP_HTABLE_SIZE - 1), inet->inet_rcv_saddr,
		  ntohs(inet->inet_sport), inet->inet_daddr,
		  ntohs(inet->inet_dport), sk->sk_state, sk_wmem_alloc_get(sk),
		  sk_rmem_alloc_get(sk), 0, 0UL, 0, sk->sk_uid, 0, sk->sk_ino,
		  atomic_read(&sk->sk_refcnt), 0UL, atomic_read(&sk->sk_drops));
	return proc_printf(buf, len, pos, "%-127s\n", line);
}

int udp4_seq_show(char *buf, int len)
{
	struct sock *sk;
	int pos;

	pos = proc_printf(buf, len, 0, "%-127s\n",
			  "   sl  local_address rem_address   st tx_queue "
			  "rx_queue tr tm->when retrnsmt   uid  timeout inode "
			  "ref pointer drops");
	local_bh_disable();
	for (int bucket = 0; bucket < UDP_HTABLE_SIZE; bucket++)
		list_for_each_entry(sk, &udp_table, sk_node)
			if ((inet_sk(sk)->inet_num & (UDP_HTABLE_SIZE - 1)) ==
			    bucket)
				pos = udp4_format_sock(buf, len, pos, sk);
	local_bh_enable();
	return pos;
}

static const char *const udp_mib_names[__UDP_MIB_MAX] = {
	"InDatagrams",	"NoPorts",	"InErrors",
	"OutDatagrams", "RcvbufErrors", "SndbufErrors",
	"InCsumErrors", "IgnoredMulti", "MemErrors",
};

/* The Udp row of /proc/net/snmp (net/ipv4/proc.c calls it, registered
 * below). UdpLite follows in Linux; rxos has no UDP-Lite: zeros. */
static int udp_snmp_show(char *buf, int len, int pos)
{
	return snmp_put_row(buf, len, pos, "Udp", udp_mib_names, udp_statistics,
			    __UDP_MIB_MAX);
}

static int udplite_snmp_show(char *buf, int len, int pos)
{
	static const unsigned long zeros[__UDP_MIB_MAX];

	return snmp_put_row(buf, len, pos, "UdpLite", udp_mib_names, zeros,
			    __UDP_MIB_MAX);
}

/* ---- boot -------------------------------------------------------------------------------- */

static const struct net_protocol udp_protocol = {
	.handler = udp_rcv,
	.err_handler = udp_err,
};

/* From inet_sock_init (inet_init), process context at boot. */
void udp_init(void)
{
	if (inet_add_protocol(&udp_protocol, IPPROTO_UDP))
		pr_err("udp_init: cannot add protocol\n");
	proc_create_single("net/udp", udp4_seq_show);
	snmp_register_row(udp_snmp_show, SNMP_ROW_UDP);
	snmp_register_row(udplite_snmp_show, SNMP_ROW_UDPLITE);
}
