/*
 * tcp_ipv4.c - TCP over IPv4: the softirq entry, the socket table,
 * listening, connecting, resets, ISNs and /proc (Linux:
 * net/ipv4/tcp_ipv4.c, inet_hashtables.c, inet_connection_sock.c,
 * tcp_minisocks.c, core/secure_seq.c).
 *
 *   ip_local_deliver_finish --tcp_v4_rcv--> checksum, header
 *       --> __inet_lookup: established 4-tuple first, then listener
 *       --> tcp_v4_do_rcv --> tcp_rcv_established / tcp_rcv_state_process
 *       none: tcp_v4_send_reset (not for a RST), drop NO_SOCKET
 *
 * The table: every TCP socket with a port (bound, listening, connected,
 * children) is on tcp_hashinfo, holding one reference. Linux has three
 * hashes (bind, listening, established); one list is enough here and
 * the lookup does the two passes. Changed in process context with BHs
 * off, read in softirq.
 *
 * Listening (Linux's request socks made small): a SYN for a listener
 * creates a full child socket in SYN_RECV on the listener's SYN queue
 * and in the table (its SYN-ACK is retransmitted by its own timer); the
 * ACK completing the handshake moves it to the accept queue. Both
 * queues are bounded by listen's backlog; overflow counts
 * ListenOverflows / ListenDrops (TcpExt of /proc/net/netstat).
 */
#include "net/ipv4/tcp.h"
#include "kernel/errno.h"
#include "kernel/fs/proc_fs.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "kernel/random.h"
#include "kernel/time.h"
#include "lib/string.h"
#include "lib/vsprintf.h"
#include "net/core/dst.h"
#include "net/core/netdevice.h"
#include "net/ipv4/inet_common.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/route.h"
#include "net/ipv4/snmp.h"

static LIST_HEAD(tcp_hashinfo);
unsigned long sysctl_tcp_tw_len = TCP_TIMEWAIT_LEN;

#define TCP_EPHEMERAL_LOW 32768
#define TCP_EPHEMERAL_HIGH 60999

/* ---- ISN (RFC 6528) --------------------------------------------------------- */

static uint32_t isn_key[4];
static bool isn_key_ready;

/* A keyed mix of 32-bit words (Linux uses SipHash; this is a small
 * xorshift-multiply mix under a random boot key, enough to make ISNs
 * unguessable from outside without the key). */
static uint32_t tcp_keyed_hash(const uint32_t *w, int n)
{
	uint32_t h = isn_key[0];

	for (int i = 0; i < n; i++) {
		h ^= w[i] + isn_key[(i + 1) & 3];
		h *= 0x9e3779b1u;
		h ^= h >> 15;
		h *= 0x85ebca77u;
		h ^= h >> 13;
	}
	return h ^ isn_key[3];
}

/* RFC 6528: ISN = M + F(localip, localport, remoteip, remoteport, key),
 * M a clock ticking every 4 microseconds. */
uint32_t secure_tcp_seq(__be32 saddr, __be32 daddr, __be16 sport, __be16 dport)
{
	uint32_t w[3] = { saddr, daddr, (uint32_t)sport << 16 | dport };

	if (!isn_key_ready) {
		get_random_bytes(isn_key, sizeof(isn_key));
		isn_key_ready = true;
	}
	return tcp_keyed_hash(w, 3) + (uint32_t)(local_clock() / 4000);
}

/* ---- the table ---------------------------------------------------------------- */

static bool tcp_lport_clash(const struct sock *sk, const struct sock *sk2)
{
	const struct inet_sock *a = inet_sk(sk), *b = inet_sk(sk2);

	if (sk == sk2)
		return false;
	/* SO_REUSEADDR: share with anything not listening (as Linux, a
	 * TIME_WAIT socket needs only the newcomer's flag) */
	if (sk->sk_reuse && sk2->sk_state != TCP_LISTEN &&
	    (sk2->sk_reuse || sk2->sk_state == TCP_TIME_WAIT))
		return false;
	return !a->inet_rcv_saddr || !b->inet_rcv_saddr ||
	       a->inet_rcv_saddr == b->inet_rcv_saddr;
}

static bool tcp_lport_inuse(const struct sock *sk, unsigned short num)
{
	struct sock *sk2;

	list_for_each_entry(sk2, &tcp_hashinfo, sk_node)
		if (inet_sk(sk2)->inet_num == num && tcp_lport_clash(sk, sk2))
			return true;
	return false;
}

static void tcp_hash_add(struct sock *sk)
{
	if (sk->sk_hashed)
		return;
	list_add_tail(&sk->sk_node, &tcp_hashinfo);
	sk->sk_hashed = true;
	sock_hold(sk);
}

/* bind()/listen()/connect(): claim port snum (0 = ephemeral). BHs off.
 * 0, or 1 if taken. Linux: inet_csk_get_port. */
int tcp_v4_get_port(struct sock *sk, unsigned short snum)
{
	unsigned int range = TCP_EPHEMERAL_HIGH - TCP_EPHEMERAL_LOW + 1;

	if (!snum) {
		unsigned int start = get_random_u32() % range;

		for (unsigned int i = 0; i < range && !snum; i++) {
			unsigned short port =
				TCP_EPHEMERAL_LOW + (start + i) % range;

			if (!tcp_lport_inuse(sk, port))
				snum = port;
		}
		if (!snum)
			return 1;
	} else if (tcp_lport_inuse(sk, snum)) {
		return 1;
	}
	inet_sk(sk)->inet_num = snum;
	tcp_hash_add(sk);
	return 0;
}

/* listen() on a bound port: no other listener may cover the same
 * address (SO_REUSEADDR shares a port, never a listening one). BHs off. */
bool tcp_v4_listen_clash(struct sock *sk)
{
	struct sock *sk2;

	list_for_each_entry(sk2, &tcp_hashinfo, sk_node)
		if (sk2 != sk && sk2->sk_state == TCP_LISTEN &&
		    inet_sk(sk2)->inet_num == inet_sk(sk)->inet_num &&
		    (!inet_sk(sk)->inet_rcv_saddr || !inet_sk(sk2)->inet_rcv_saddr ||
		     inet_sk(sk)->inet_rcv_saddr == inet_sk(sk2)->inet_rcv_saddr))
			return true;
	return false;
}

int tcp_v4_hash(struct sock *sk)
{
	return 0; /* hashed by get_port */
}

/* Out of the table; drops the table's reference (may free sk). */
void tcp_v4_unhash(struct sock *sk)
{
	local_bh_disable();
	if (sk->sk_hashed) {
		list_del_init(&sk->sk_node);
		sk->sk_hashed = false;
		local_bh_enable();
		sock_put(sk);
		return;
	}
	local_bh_enable();
}

/*
 * DOC: __inet_lookup - the socket for a segment saddr:sport -> daddr:dport.
 * First a connection with exactly this 4-tuple (any state but LISTEN
 * and CLOSE), then a listener on dport bound to daddr or INADDR_ANY
 * (the exact address wins). Softirq, or BHs off. NULL: none.
 */
struct sock *__inet_lookup(__be32 saddr, __be16 sport, __be32 daddr,
			   __be16 dport, int dif)
{
	unsigned short hnum = ntohs(dport);
	struct sock *sk, *wild = NULL;

	list_for_each_entry(sk, &tcp_hashinfo, sk_node) {
		struct inet_sock *inet = inet_sk(sk);

		if (inet->inet_num != hnum || sk->sk_state == TCP_CLOSE ||
		    sk->sk_state == TCP_LISTEN)
			continue;
		if (inet->inet_daddr == saddr && inet->inet_dport == sport &&
		    inet->inet_rcv_saddr == daddr)
			return sk;
	}
	list_for_each_entry(sk, &tcp_hashinfo, sk_node) {
		struct inet_sock *inet = inet_sk(sk);

		if (inet->inet_num != hnum || sk->sk_state != TCP_LISTEN)
			continue;
		if (sk->sk_bound_dev_if && sk->sk_bound_dev_if != dif)
			continue;
		if (inet->inet_rcv_saddr == daddr)
			return sk;
		if (!inet->inet_rcv_saddr && !wild)
			wild = sk;
	}
	return wild;
}

/* CurrEstab: connections in ESTABLISHED or CLOSE_WAIT (RFC 4022). */
int tcp_curr_estab(void)
{
	struct sock *sk;
	int n = 0;

	list_for_each_entry(sk, &tcp_hashinfo, sk_node)
		if (sk->sk_state == TCP_ESTABLISHED ||
		    sk->sk_state == TCP_CLOSE_WAIT)
			n++;
	return n;
}

/* ---- resets without a socket ------------------------------------------------------ */

/*
 * DOC: tcp_v4_send_reset - answer a segment nobody wants (RFC 9293
 * 3.10.7.1 "CLOSED"): ACK set -> <SEQ=SEG.ACK><CTL=RST>; else
 * <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>. Never for a RST. skb
 * (data at its TCP header) stays the caller's. Softirq.
 */
void tcp_v4_send_reset(struct sk_buff *skb)
{
	const struct tcphdr *th = tcp_hdr(skb);
	const struct iphdr *iph = ip_hdr(skb);
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);
	struct sk_buff *rskb;
	struct tcphdr *rth;

	if (th->rst || skb->pkt_type != PACKET_HOST)
		return;
	rskb = alloc_skb(MAX_TCP_HEADER, GFP_ATOMIC);
	if (!rskb)
		return;
	skb_reserve(rskb, MAX_TCP_HEADER);
	rth = skb_push(rskb, sizeof(*rth));
	skb_reset_transport_header(rskb);
	memset(rth, 0, sizeof(*rth));
	rth->source = th->dest;
	rth->dest = th->source;
	rth->doff = sizeof(*rth) / 4;
	rth->rst = 1;
	if (th->ack) {
		rth->seq = th->ack_seq;
	} else {
		rth->ack = 1;
		rth->ack_seq = htonl(tcb->end_seq);
	}
	rth->check = csum_tcpudp_magic(iph->daddr, iph->saddr, sizeof(*rth),
				       IPPROTO_TCP,
				       csum_partial(rth, sizeof(*rth), 0));
	TCP_INC_STATS(TCP_MIB_OUTSEGS);
	TCP_INC_STATS(TCP_MIB_OUTRSTS);
	ip_build_and_send_pkt(rskb, iph->daddr, iph->saddr, IPPROTO_TCP, 0);
}

/* ---- listening ------------------------------------------------------------------- */

/* Fields every TCP socket starts with (tcp_init_sock, and children). */
void tcp_init_sock_common(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	skb_queue_head_init(&tp->out_of_order_queue);
	INIT_LIST_HEAD(&tp->syn_queue);
	INIT_LIST_HEAD(&tp->accept_queue);
	INIT_LIST_HEAD(&tp->accept_node);
	tcp_init_xmit_timers(sk);
	tp->icsk_rto = TCP_TIMEOUT_INIT;
	tp->snd_cwnd = TCP_INIT_CWND;
	tp->snd_ssthresh = 0x7fffffff; /* TCP_INFINITE_SSTHRESH */
	tp->mss_cache = TCP_MSS_DEFAULT;
	tp->advmss = 1460;
	tp->rcv_mss = TCP_MSS_DEFAULT;
	tp->ca_ops = &tcp_reno;
	sk->sk_write_space = sk_stream_write_space;
	sk->sk_destruct = tcp_sk_destruct;
}

/* The window scale that lets us offer our whole receive buffer. */
static uint8_t tcp_pick_wscale(const struct sock *sk)
{
	uint32_t space = sk->sk_rcvbuf > SK_RMEM_MAX ? sk->sk_rcvbuf : SK_RMEM_MAX;
	uint8_t ws = 0;

	if (!sysctl_tcp_window_scaling)
		return 0;
	while (space > 65535 && ws < TCP_MAX_WSCALE) {
		space >>= 1;
		ws++;
	}
	return ws;
}

/* Our MSS towards daddr: the route's MTU (Linux: tcp_mss_to_mtu/advmss). */
static uint32_t tcp_route_advmss(__be32 daddr, __be32 saddr, int oif,
				 __be32 *chosen_saddr)
{
	struct flowi4 fl4 = { .daddr = daddr, .saddr = saddr, .flowi4_oif = oif,
			      .flowi4_proto = IPPROTO_TCP };
	struct rtable *rt = ip_route_output_key(&fl4);
	uint32_t mtu;

	if (IS_ERR(rt))
		return 0;
	mtu = rt->rt_pmtu ? rt->rt_pmtu : rt->dst.dev->mtu;
	if (chosen_saddr)
		*chosen_saddr = fl4.saddr;
	ip_rt_put(rt);
	return tcp_mss_for_mtu(mtu);
}

/* A child for a SYN (Linux: tcp_create_openreq_child, made eagerly). */
static struct sock *tcp_create_child(struct sock *parent, struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);
	const struct tcphdr *th = tcp_hdr(skb);
	struct sock *sk = sk_alloc(PF_INET, GFP_ATOMIC, &tcp_prot);
	struct tcp_sock *tp;
	struct inet_sock *inet;
	uint32_t mss;

	if (!sk)
		return NULL;
	sock_init_data(NULL, sk);
	sk->sk_type = SOCK_STREAM;
	sk->sk_protocol = IPPROTO_TCP;
	sk->sk_rcvbuf = parent->sk_rcvbuf;
	sk->sk_sndbuf = parent->sk_sndbuf;
	sk->sk_flags = parent->sk_flags & (1UL << SOCK_KEEPOPEN);
	tcp_init_sock_common(sk);
	tp = tcp_sk(sk);
	inet = inet_sk(sk);
	inet->uc_ttl = -1;
	inet->is_icsk = 1;
	inet->inet_num = inet_sk(parent)->inet_num;
	inet->inet_sport = th->dest;
	inet->inet_rcv_saddr = inet->inet_saddr = iph->daddr;
	inet->inet_daddr = iph->saddr;
	inet->inet_dport = th->source;
	tp->nonagle = tcp_sk(parent)->nonagle;
	tp->keepalive_time = tcp_sk(parent)->keepalive_time;
	tp->keepalive_intvl = tcp_sk(parent)->keepalive_intvl;
	tp->keepalive_probes = tcp_sk(parent)->keepalive_probes;
	tp->rx_opt.user_mss = tcp_sk(parent)->rx_opt.user_mss;
	mss = tcp_route_advmss(iph->saddr, iph->daddr, 0, NULL);
	if (mss)
		tp->advmss = mss;
	if (tp->rx_opt.user_mss && tp->rx_opt.user_mss < tp->advmss)
		tp->advmss = tp->rx_opt.user_mss;
	return sk;
}

/* The SYN's options and sequence numbers into the child. */
static void tcp_child_init_seq(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	const struct tcphdr *th = tcp_hdr(skb);
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);
	struct inet_sock *inet = inet_sk(sk);
	uint32_t isn;

	tcp_parse_options(th, &tp->rx_opt, true);
	tp->rx_opt.tstamp_ok = tp->rx_opt.saw_tstamp && sysctl_tcp_timestamps;
	tp->rx_opt.wscale_ok = tp->rx_opt.saw_wscale && sysctl_tcp_window_scaling;
	tp->rx_opt.saw_wscale = tp->rx_opt.wscale_ok;
	tp->rx_opt.rcv_wscale = tp->rx_opt.wscale_ok ? tcp_pick_wscale(sk) : 0;
	if (!tp->rx_opt.wscale_ok)
		tp->rx_opt.snd_wscale = 0;
	tp->rx_opt.ts_recent = tp->rx_opt.rcv_tsval;
	tp->rx_opt.ts_recent_stamp = ktime_get_real_seconds_tcp();
	tp->rcv_nxt = tp->copied_seq = tp->rcv_wup = tcb->seq + 1;
	tp->snd_wl1 = tcb->seq;
	tp->snd_wnd = tp->max_window = ntohs(th->window);
	isn = secure_tcp_seq(inet->inet_saddr, inet->inet_daddr,
			     inet->inet_sport, inet->inet_dport);
	tp->write_seq = tp->snd_una = tp->snd_nxt = tp->snd_max = isn;
	tp->rcv_wnd = tcp_space_window(sk);
	if (!tp->rx_opt.wscale_ok && tp->rcv_wnd > 65535)
		tp->rcv_wnd = 65535;
	{
		bool saw_ts = tp->rx_opt.saw_tstamp;
		uint32_t mss = tp->rx_opt.mss_clamp ? tp->rx_opt.mss_clamp :
						      TCP_MSS_DEFAULT;

		if (tp->rx_opt.user_mss && tp->rx_opt.user_mss < mss)
			mss = tp->rx_opt.user_mss;
		if (mss > tp->advmss)
			mss = tp->advmss;
		tp->mss_cache = mss - (tp->rx_opt.tstamp_ok && saw_ts ?
					       TCPOLEN_TSTAMP_ALIGNED : 0);
	}
}

/*
 * DOC: tcp_conn_request - a SYN for a listener (Linux's function of the
 * same name, tcp_v4_conn_request). Context: softirq. skb stays the
 * caller's. Returns 0 (a child was made and its SYN-ACK sent) or a drop
 * reason:
 *   accept queue full (more than backlog waiting): ListenOverflows +
 *     ListenDrops, SOCKET_BACKLOG (the client retransmits its SYN)
 *   SYN queue full (backlog children in SYN_RECV): ListenDrops
 *   no memory: NOMEM
 */
int tcp_conn_request(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *ltp = tcp_sk(sk), *tp;
	struct sock *child;

	if (ltp->sk_ack_backlog > ltp->sk_max_ack_backlog) {
		NET_INC_STATS(LINUX_MIB_LISTENOVERFLOWS);
		NET_INC_STATS(LINUX_MIB_LISTENDROPS);
		return SKB_DROP_REASON_SOCKET_BACKLOG;
	}
	if (ltp->syn_qlen >= (ltp->sk_max_ack_backlog ? ltp->sk_max_ack_backlog : 1)) {
		NET_INC_STATS(LINUX_MIB_LISTENDROPS);
		return SKB_DROP_REASON_SOCKET_BACKLOG;
	}
	child = tcp_create_child(sk, skb);
	if (!child) {
		NET_INC_STATS(LINUX_MIB_LISTENDROPS);
		return SKB_DROP_REASON_NOMEM;
	}
	tcp_child_init_seq(child, skb);
	tp = tcp_sk(child);
	child->sk_state = TCP_SYN_RECV;
	tp->parent = sk;
	list_add_tail(&tp->accept_node, &ltp->syn_queue);
	ltp->syn_qlen++;
	tcp_hash_add(child);
	sock_put(child); /* the table's reference is the one that stays */
	tcp_connect_queue_syn(child, TCPHDR_SYN | TCPHDR_ACK);
	tcp_write_xmit(child, TCP_NAGLE_PUSH);
	return 0;
}

/*
 * The handshake of a child completed (its ACK came): ESTABLISHED and onto
 * the listener's accept queue, the listener woken (accept, poll). Accept
 * queue full: ListenOverflows, stay in SYN_RECV (the ACK is dropped; our
 * SYN-ACK retransmission asks for it again), as Linux does.
 */
void tcp_child_established(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sock *parent = tp->parent;
	struct tcp_sock *ltp = tcp_sk(parent);

	if (ltp->sk_ack_backlog > ltp->sk_max_ack_backlog) {
		NET_INC_STATS(LINUX_MIB_LISTENOVERFLOWS);
		NET_INC_STATS(LINUX_MIB_LISTENDROPS);
		return;
	}
	list_del(&tp->accept_node);
	ltp->syn_qlen--;
	list_add_tail(&tp->accept_node, &ltp->accept_queue);
	tp->on_accept_queue = 1;
	ltp->sk_ack_backlog++;
	tcp_init_transfer(sk);
	TCP_INC_STATS(TCP_MIB_PASSIVEOPENS);
	parent->sk_data_ready(parent);
}

/* ---- connect ---------------------------------------------------------------------- */

/*
 * DOC: tcp_v4_connect - start an active open (Linux's function of the
 * same name + tcp_connect). Process context, socket locked. Route to
 * the peer (source address, MSS from the route's MTU), bind an
 * ephemeral port, pick the ISN (RFC 6528), queue and send the SYN with
 * MSS, timestamps and window scale: SYN_SENT. 0 or -errno.
 */
int tcp_v4_connect(struct sock *sk, struct sockaddr *uaddr, int addr_len)
{
	struct sockaddr_in *usin = (struct sockaddr_in *)uaddr;
	struct inet_sock *inet = inet_sk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	__be32 saddr = 0;
	uint32_t mss;

	if (addr_len < (int)sizeof(*usin))
		return -EINVAL;
	if (usin->sin_family != AF_INET)
		return -EAFNOSUPPORT;
	mss = tcp_route_advmss(usin->sin_addr.s_addr, inet->inet_saddr,
			       sk->sk_bound_dev_if, &saddr);
	if (!mss)
		return -ENETUNREACH;
	if (!inet->inet_saddr)
		inet->inet_saddr = saddr;
	inet->inet_rcv_saddr = inet->inet_saddr;
	inet->inet_daddr = usin->sin_addr.s_addr;
	inet->inet_dport = usin->sin_port;
	if (!inet->inet_num) {
		if (tcp_v4_get_port(sk, 0))
			return -EADDRNOTAVAIL;
		inet->inet_sport = htons(inet->inet_num);
	}
	tp->advmss = mss;
	if (tp->rx_opt.user_mss && tp->rx_opt.user_mss < mss)
		tp->advmss = tp->rx_opt.user_mss;
	tp->rx_opt.tstamp_ok = sysctl_tcp_timestamps;
	tp->rx_opt.wscale_ok = sysctl_tcp_window_scaling;
	tp->rx_opt.rcv_wscale = tcp_pick_wscale(sk);
	tp->write_seq = secure_tcp_seq(inet->inet_saddr, inet->inet_daddr,
				       inet->inet_sport, inet->inet_dport);
	tp->snd_una = tp->snd_nxt = tp->snd_max = tp->write_seq;
	tp->rcv_wnd = tcp_space_window(sk);
	tp->snd_wnd = 1; /* the SYN needs no window */
	tcp_set_state(sk, TCP_SYN_SENT);
	tcp_connect_queue_syn(sk, TCPHDR_SYN);
	TCP_INC_STATS(TCP_MIB_ACTIVEOPENS);
	tcp_write_xmit(sk, TCP_NAGLE_PUSH);
	return 0;
}

/* ---- receive: the softirq entry ----------------------------------------------------- */

/* Linux: tcp_v4_do_rcv. Socket owned (softirq). Consumes skb. */
int tcp_v4_do_rcv(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);

	tcp_parse_options(tcp_hdr(skb), &tp->rx_opt, tcp_hdr(skb)->syn);
	if (sk->sk_state == TCP_ESTABLISHED) {
		tcp_rcv_established(sk, skb);
		return 0;
	}
	if (tcp_rcv_state_process(sk, skb)) {
		tcp_v4_send_reset(skb);
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_FLAGS);
	}
	return 0;
}

/* TCP checksum over the pseudo header; true when wrong. */
static bool tcp_v4_csum_bad(struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);

	if (skb->ip_summed == CHECKSUM_UNNECESSARY)
		return false;
	return csum_tcpudp_magic(iph->saddr, iph->daddr, skb->len, IPPROTO_TCP,
				 csum_partial(skb->data, skb->len, 0)) != 0;
}

/*
 * DOC: tcp_v4_rcv - stage 13 for TCP.
 *
 * Context: softirq, from ip_local_deliver_finish (IPPROTO_TCP). skb: ours;
 * data at the TCP header, length trimmed to the IP datagram. Always 0.
 * Checks in order, each counted in InErrs and freed with its reason:
 *   not for this host (pkt_type)          OTHERHOST
 *   20-byte header, doff >= 5, doff*4 <= length   PKT_TOO_SMALL
 *   checksum                              TCP_CSUM (+ InCsumErrors)
 * Then TCP_SKB_CB is filled (seq, end_seq = seq + SYN + FIN + payload,
 * ack_seq, flags), InSegs counted, and __inet_lookup finds the socket.
 * None: NoPorts has no TCP counter; a reset goes back (not for a RST)
 * and the skb is dropped NO_SOCKET.
 */
int tcp_v4_rcv(struct sk_buff *skb)
{
	enum skb_drop_reason reason = SKB_DROP_REASON_PKT_TOO_SMALL;
	const struct iphdr *iph;
	struct tcp_skb_cb *tcb;
	struct tcphdr *th;
	struct sock *sk;

	if (skb->pkt_type != PACKET_HOST) {
		kfree_skb_reason(skb, SKB_DROP_REASON_OTHERHOST);
		return 0;
	}
	if (!pskb_may_pull(skb, sizeof(struct tcphdr)))
		goto bad;
	skb_reset_transport_header(skb);
	th = tcp_hdr(skb);
	if (th->doff < sizeof(struct tcphdr) / 4 || th->doff * 4u > skb->len)
		goto bad;
	if (tcp_v4_csum_bad(skb)) {
		reason = SKB_DROP_REASON_TCP_CSUM;
		TCP_INC_STATS(TCP_MIB_CSUMERRORS);
		goto bad;
	}
	TCP_INC_STATS(TCP_MIB_INSEGS);
	iph = ip_hdr(skb);
	tcb = TCP_SKB_CB(skb);
	memset(tcb, 0, sizeof(*tcb));
	tcb->seq = ntohl(th->seq);
	tcb->end_seq = tcb->seq + th->syn + th->fin + skb->len - th->doff * 4;
	tcb->ack_seq = ntohl(th->ack_seq);
	tcb->tcp_flags = tcp_flag_byte(th);
	sk = __inet_lookup(iph->saddr, th->source, iph->daddr, th->dest,
			   skb->dev ? skb->dev->ifindex : 0);
	if (!sk) {
		tcp_v4_send_reset(skb);
		kfree_skb_reason(skb, SKB_DROP_REASON_NO_SOCKET);
		return 0;
	}
	skb_pull(skb, th->doff * 4); /* data at the payload; th stays valid */
	sock_hold(sk);
	tcp_v4_do_rcv(sk, skb);
	sock_put(sk);
	return 0;
bad:
	TCP_INC_STATS(TCP_MIB_INERRS);
	kfree_skb_reason(skb, reason);
	return 0;
}

/* ICMP errors about our segments: not acted on (Linux: tcp_v4_err sets
 * soft errors, handles PMTU and aborts SYN_SENT on hard errors). */
void tcp_v4_err(struct sk_buff *skb, uint32_t info)
{
	(void)skb;
	(void)info;
}

/* ---- /proc/net/tcp, snmp, netstat --------------------------------------------------- */

/* Linux's get_tcp4_sock: one line padded to 149 columns. */
static int tcp4_format_sock(char *buf, int len, int pos, struct sock *sk, int i)
{
	struct inet_sock *inet = inet_sk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	int timer_active = 0, rx_queue, tx_queue;
	long timer_expires = 0;
	char line[200];

	if (tp->icsk_pending == ICSK_TIME_RETRANS) {
		timer_active = 1;
		timer_expires = (long)(tp->icsk_timeout - jiffies);
	} else if (tp->icsk_pending == ICSK_TIME_PROBE0) {
		timer_active = 4;
		timer_expires = (long)(tp->icsk_timeout - jiffies);
	} else if (timer_pending(&tp->sk_timer)) {
		timer_active = sk->sk_state == TCP_TIME_WAIT ? 3 : 2;
		timer_expires = (long)(tp->sk_timer.expires - jiffies);
	}
	if (timer_expires < 0)
		timer_expires = 0;
	if (sk->sk_state == TCP_LISTEN) {
		rx_queue = tp->sk_ack_backlog;
		tx_queue = 0;
	} else {
		rx_queue = (int)(tp->rcv_nxt - tp->copied_seq);
		if (rx_queue < 0)
			rx_queue = 0;
		tx_queue = (int)(tp->write_seq - tp->snd_una);
	}
	scnprintf(line, sizeof(line),
		  "%4d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5u %8d %lu %d %08lx %lu %lu %u %u %d",
		  i, inet->inet_rcv_saddr, inet->inet_num, inet->inet_daddr,
		  ntohs(inet->inet_dport), sk->sk_state, tx_queue, rx_queue,
		  timer_active, (unsigned long)timer_expires, tp->icsk_retransmits,
		  sk->sk_uid, tp->icsk_probes_out, sk->sk_ino,
		  atomic_read(&sk->sk_refcnt), 0UL, tp->icsk_rto,
		  tp->icsk_ack.ato, (tp->icsk_ack.quick << 1) | tp->icsk_ack.pingpong,
		  tp->snd_cwnd,
		  sk->sk_state == TCP_LISTEN ? 0 :
		  (tp->snd_ssthresh >= 0xFFFF ? -1 : (int)tp->snd_ssthresh));
	return proc_printf(buf, len, pos, "%-149s\n", line);
}

/* /proc/net/tcp: listeners first, then the rest, as Linux's hash walk
 * happens to order them (listening hash before established). */
int tcp4_seq_show(char *buf, int len)
{
	struct sock *sk;
	int pos, i = 0;

	pos = proc_printf(buf, len, 0, "%-149s\n",
			  "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode");
	local_bh_disable();
	list_for_each_entry(sk, &tcp_hashinfo, sk_node)
		if (sk->sk_state == TCP_LISTEN)
			pos = tcp4_format_sock(buf, len, pos, sk, i++);
	list_for_each_entry(sk, &tcp_hashinfo, sk_node)
		if (sk->sk_state != TCP_LISTEN && sk->sk_state != TCP_CLOSE)
			pos = tcp4_format_sock(buf, len, pos, sk, i++);
	local_bh_enable();
	return pos;
}

static const char *const tcp_mib_names[__TCP_MIB_MAX] = {
	"RtoAlgorithm", "RtoMin",	"RtoMax",      "MaxConn",
	"ActiveOpens",	"PassiveOpens", "AttemptFails", "EstabResets",
	"CurrEstab",	"InSegs",	"OutSegs",     "RetransSegs",
	"InErrs",	"OutRsts",	"InCsumErrors",
};

/* The Tcp row: Linux prints MaxConn as -1 (signed) and the RTO bounds
 * in milliseconds. */
static int tcp_snmp_show(char *buf, int len, int pos)
{
	pos = proc_printf(buf, len, pos, "Tcp:");
	for (int i = 0; i < __TCP_MIB_MAX; i++)
		pos = proc_printf(buf, len, pos, " %s", tcp_mib_names[i]);
	pos = proc_printf(buf, len, pos, "\nTcp: 1 %lu %lu -1",
			  (unsigned long)jiffies_to_msecs(TCP_RTO_MIN),
			  (unsigned long)jiffies_to_msecs(TCP_RTO_MAX));
	for (int i = TCP_MIB_ACTIVEOPENS; i < __TCP_MIB_MAX; i++)
		pos = proc_printf(buf, len, pos, " %lu",
				  i == TCP_MIB_CURRESTAB ?
					  (unsigned long)tcp_curr_estab() :
					  tcp_statistics[i]);
	return proc_printf(buf, len, pos, "\n");
}

static const char *const tcp_ext_names[__LINUX_MIB_TCP_MAX] = {
	"ListenOverflows", "ListenDrops",	"PAWSEstab",
	"TCPChallengeACK", "TCPSYNChallenge",	"TCPFastRetrans",
	"TCPTimeouts",	   "TCPAbortOnData",	"TCPAbortOnClose",
	"TCPAbortOnTimeout", "TCPOFOQueue",	"TCPOFOMerge",
	"DelayedACKs",	   "TCPPartialUndo",
};

/* TcpExt of /proc/net/netstat: the counters rxos keeps, under Linux's
 * names (Linux has about 120 more). */
static int tcp_netstat_show(char *buf, int len, int pos)
{
	return snmp_put_row(buf, len, pos, "TcpExt", tcp_ext_names,
			    tcp_ext_statistics, __LINUX_MIB_TCP_MAX);
}

static const struct net_protocol tcp_protocol = {
	.handler = tcp_v4_rcv,
	.err_handler = tcp_v4_err,
};

void tcp_v4_init(void)
{
	if (inet_add_protocol(&tcp_protocol, IPPROTO_TCP))
		pr_err("tcp_v4_init: cannot add protocol\n");
	proc_create_single("net/tcp", tcp4_seq_show);
	snmp_register_row(tcp_snmp_show, SNMP_ROW_TCP);
	netstat_register_row(tcp_netstat_show);
}
