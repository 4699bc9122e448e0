/*
 * Host tests for net/ipv4/udp.c and net/core/sock.c: udp_rcv's checks
 * and named drops, its lookup order (connected beats bound beats
 * wildcard), the receive buffer limit and its accounting, port rules
 * (SO_REUSEADDR, ephemeral range), udp_recvmsg (MSG_TRUNC, MSG_PEEK,
 * source address, blocking rules), udp_err, udp_sendmsg's header and
 * checksum, and the /proc/net/udp and snmp text.
 *
 * The IPv4 layer is faked: ip_route_output_key answers one route,
 * ip_build_and_send_pkt records the datagram, icmp_send records the error.
 * User memory is host memory (a pointer below 4096 faults).
 */
#include "tests/unit/shim_netcore.h"
#include "lib/checksum.c"
#include "net/ipv4/snmp.c"
#include "kernel/sched/sched.h"
#include "kernel/sched/wait.c"

volatile unsigned int __preempt_count;
static struct task_struct task;
struct task_struct *current_task = &task;

/* ---- scheduler: a sleeper is "woken" by what the test queued to happen -- */

int try_to_wake_up(struct task_struct *p, unsigned int state)
{
	if (!(p->state & state))
		return 0;
	p->state = TASK_RUNNING;
	return 1;
}

static void (*while_asleep)(void);
static int nr_schedules;
void schedule(void)
{
	nr_schedules++;
	if (while_asleep) {
		void (*f)(void) = while_asleep;

		while_asleep = NULL;
		f();
		return;
	}
	set_tsk_thread_flag(current, TIF_SIGPENDING); /* nothing will come */
}

/* A finite timeout runs out when nothing is due; forever means schedule. */
long schedule_timeout(long t)
{
	if (while_asleep || t == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return t == MAX_SCHEDULE_TIMEOUT ? t : t - 1;
	}
	nr_schedules++;
	return 0;
}

/* ---- user memory ---------------------------------------------------------- */

static bool bad_ptr(const void *p)
{
	return (unsigned long)p < 4096;
}

unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	if (bad_ptr(to))
		return n;
	memcpy(to, from, n);
	return 0;
}

unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	if (bad_ptr(from))
		return n;
	memcpy(to, from, n);
	return 0;
}

int access_ok(const void *addr, unsigned long size)
{
	return 1;
}

/* ---- fakes for the IPv4 layer --------------------------------------------- */

#include "net/ipv4/ip.h"
#include "net/ipv4/route.h"

static struct rtable fake_rt;
static int route_err, route_broadcast;
static __be32 route_saddr;

static void fake_rt_destroy(struct dst_entry *dst)
{
}

struct rtable *ip_route_output_key(struct flowi4 *fl4)
{
	if (route_err)
		return ERR_PTR(route_err);
	fake_rt.dst.destroy = fake_rt_destroy;
	atomic_inc(&fake_rt.dst.__refcnt);
	fake_rt.rt_flags = route_broadcast ? RTCF_BROADCAST : 0;
	if (!fl4->saddr)
		fl4->saddr = route_saddr;
	return &fake_rt;
}

static struct sk_buff *sent;
static __be32 sent_saddr, sent_daddr;
int ip_build_and_send_pkt(struct sk_buff *skb, __be32 saddr, __be32 daddr,
			  uint8_t protocol, uint8_t tos)
{
	if (sent)
		kfree_skb(sent);
	sent = skb;
	sent_saddr = saddr;
	sent_daddr = daddr;
	return 0;
}

static int icmp_sent, icmp_type, icmp_code;
void icmp_send(struct sk_buff *skb_in, int type, int code, __be32 info)
{
	icmp_sent++;
	icmp_type = type;
	icmp_code = code;
}

int inet_add_protocol(const struct net_protocol *prot, unsigned char protocol)
{
	return 0;
}

static int (*snmp_rows[4])(char *, int, int);
int snmp_register_row(int (*show)(char *buf, int len, int pos), int order)
{
	snmp_rows[order / 10 - 1] = show;
	return 0;
}

int snmp_put_row(char *buf, int len, int pos, const char *name,
		 const char *const *fields, const unsigned long *vals, int n)
{
	pos = proc_printf(buf, len, pos, "%s:", name);
	for (int i = 0; i < n; i++)
		pos = proc_printf(buf, len, pos, " %s", fields[i]);
	pos = proc_printf(buf, len, pos, "\n%s:", name);
	for (int i = 0; i < n; i++)
		pos = proc_printf(buf, len, pos, " %lu", vals[i]);
	return proc_printf(buf, len, pos, "\n");
}

int proc_printf(char *buf, int len, int pos, const char *fmt, ...)
{
	int fits = pos >= 0 && pos < len;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(fits ? buf + pos : NULL, fits ? (size_t)(len - pos) : 0,
		      fmt, ap);
	va_end(ap);
	return pos + n;
}

int ip_setsockopt(struct sock *sk, int level, int optname, void *optval,
		  unsigned int optlen)
{
	return -ENOPROTOOPT;
}

int ip_getsockopt(struct sock *sk, int level, int optname, char *optval,
		  int *optlen)
{
	return -EOPNOTSUPP;
}

static uint32_t next_random;
uint32_t get_random_u32(void)
{
	return next_random;
}

#include "net/core/iov_iter.c"
#include "net/core/sock.c"
#include "net/ipv4/datagram.c"
#define proc_create_single shim_proc_create_single
#include "net/ipv4/udp.c"
#undef proc_create_single

/* ---- helpers -------------------------------------------------------------- */

#define LOCAL htonl(0x0a000002)	 /* 10.0.0.2: ours */
#define PEER htonl(0x0a000001)	 /* 10.0.0.1 */
#define OTHER htonl(0x0a000009) /* 10.0.0.9 */

static struct socket socks[8];
static int nsocks;

static void reset(void)
{
	static bool skb_ready;

	if (!skb_ready) {
		skb_init();
		skb_ready = true;
	}
	for (int i = 0; i < nsocks; i++)
		if (socks[i].sk)
			udp_lib_close(socks[i].sk, 0);
	if (sent)
		kfree_skb(sent);
	sent = NULL;
	memset(udp_statistics, 0, sizeof(udp_statistics));
	memset(socks, 0, sizeof(socks));
	nsocks = 0;
	icmp_sent = 0;
	route_err = route_broadcast = 0;
	route_saddr = LOCAL;
	memset(&task, 0, sizeof(task));
	while_asleep = NULL;
	nr_schedules = 0;
}

/* A UDP sock as inet_create would make it, unbound. */
static struct sock *new_udp(void)
{
	struct socket *sock = &socks[nsocks++];
	struct sock *sk = sk_alloc(AF_INET, GFP_KERNEL, &udp_prot);

	sock->type = SOCK_DGRAM;
	init_waitqueue_head(&sock->wq);
	sock_init_data(sock, sk);
	sk->sk_protocol = IPPROTO_UDP;
	inet_sk(sk)->uc_ttl = -1;
	return sk;
}

/* ... bound to addr:port (as inet_bind does it). 0 or -EADDRINUSE. */
static int bind_udp(struct sock *sk, __be32 addr, unsigned short port)
{
	struct inet_sock *inet = inet_sk(sk);

	inet->inet_rcv_saddr = inet->inet_saddr = addr;
	if (udp_v4_get_port(sk, port)) {
		inet->inet_rcv_saddr = inet->inet_saddr = 0;
		return -EADDRINUSE;
	}
	inet->inet_sport = htons(inet->inet_num);
	return 0;
}

static struct net_device fake_dev = { .ifindex = 2 };

/*
 * A datagram as udp_rcv gets it: IP header before data, data at the UDP
 * header. ulen_delta skews uh->len; csum: 1 = right, 0 = none, -1 wrong.
 */
static struct sk_buff *dgram(__be32 saddr, unsigned short sport,
			     __be32 daddr, unsigned short dport,
			     const char *payload, int ulen_delta, int csum)
{
	unsigned int plen = strlen(payload), ulen = 8 + plen;
	struct sk_buff *skb = alloc_skb(NET_SKB_PAD + 20 + ulen, GFP_ATOMIC);
	struct iphdr *iph;
	struct udphdr *uh;

	skb_reserve(skb, NET_SKB_PAD);
	iph = skb_put(skb, 20);
	*iph = (struct iphdr){ .version = 4, .ihl = 5, .ttl = 64,
			       .protocol = IPPROTO_UDP,
			       .tot_len = htons(20 + ulen), .saddr = saddr,
			       .daddr = daddr };
	skb_reset_network_header(skb);
	skb_pull(skb, 20);
	uh = skb_put(skb, 8);
	memcpy(skb_put(skb, plen), payload, plen);
	uh->source = htons(sport);
	uh->dest = htons(dport);
	uh->len = htons(ulen + ulen_delta);
	uh->check = 0;
	if (csum) {
		uh->check = csum_tcpudp_magic(saddr, daddr, ulen, IPPROTO_UDP,
					      csum_partial(uh, ulen, 0));
		if (!uh->check)
			uh->check = 0xffff;
		if (csum < 0)
			uh->check ^= 0x0101;
	}
	skb->dev = &fake_dev;
	skb->pkt_type = PACKET_HOST;
	return skb;
}

static struct sk_buff *good(__be32 saddr, unsigned short sport,
			    unsigned short dport, const char *payload)
{
	return dgram(saddr, sport, LOCAL, dport, payload, 0, 1);
}

/* Read one datagram as recvfrom would (MSG_DONTWAIT unless flags say). */
static int recv_on(struct sock *sk, char *buf, size_t len, int flags,
		   struct sockaddr_in *from)
{
	struct iovec iov = { .iov_base = buf, .iov_len = len };
	struct msghdr msg = { .msg_name = from };
	int addr_len = 0, n;

	iov_iter_init(&msg.msg_iter, true, &iov, 1, len);
	n = udp_recvmsg(sk, &msg, len, flags, &addr_len);
	if (n >= 0 && buf && (size_t)n < len)
		buf[n] = 0;
	if (flags & MSG_TRUNC)
		CHECK(msg.msg_flags & MSG_TRUNC);
	return n;
}

/* ---- udp_rcv: the checks and their drop reasons ---------------------------- */

TEST(udp_rcv_drops_a_datagram_shorter_than_its_header_pkt_too_small)
{
	unsigned long before = skb_drop_count(SKB_DROP_REASON_PKT_TOO_SMALL);
	struct sk_buff *skb;

	reset();
	skb = good(PEER, 1, 5000, "");
	skb_trim(skb, 5);
	CHECK_EQ(udp_rcv(skb), 0);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_PKT_TOO_SMALL) - before, 1);
	CHECK_EQ(udp_statistics[UDP_MIB_INERRORS], 1);
	CHECK_EQ(icmp_sent, 0);
}

TEST(udp_rcv_drops_a_length_field_beyond_the_packet_or_below_8)
{
	unsigned long before = skb_drop_count(SKB_DROP_REASON_PKT_TOO_SMALL);

	reset();
	udp_rcv(dgram(PEER, 1, LOCAL, 5000, "abc", 1, 0));
	udp_rcv(dgram(PEER, 1, LOCAL, 5000, "abc", -4, 0));
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_PKT_TOO_SMALL) - before, 2);
	CHECK_EQ(udp_statistics[UDP_MIB_INERRORS], 2);
	CHECK_EQ(udp_statistics[UDP_MIB_NOPORTS], 0);
}

TEST(udp_rcv_drops_a_bad_checksum_as_udp_csum_before_the_lookup)
{
	unsigned long before = skb_drop_count(SKB_DROP_REASON_UDP_CSUM);

	reset();
	udp_rcv(dgram(PEER, 1, LOCAL, 5000, "corrupt", 0, -1));
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_UDP_CSUM) - before, 1);
	CHECK_EQ(udp_statistics[UDP_MIB_CSUMERRORS], 1);
	CHECK_EQ(udp_statistics[UDP_MIB_INERRORS], 1);
	CHECK_EQ(udp_statistics[UDP_MIB_NOPORTS], 0);
	CHECK_EQ(icmp_sent, 0);
}

TEST(udp_rcv_takes_zero_checksum_as_none_and_trims_padding)
{
	struct sock *sk;
	struct sk_buff *skb;
	char buf[32];

	reset();
	sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 5000), 0);
	skb = dgram(PEER, 1, LOCAL, 5000, "abcdef", -2, 0); /* len says 12 */
	udp_rcv(skb);
	CHECK_EQ(recv_on(sk, buf, sizeof(buf), MSG_DONTWAIT, NULL), 4);
	CHECK_STR(buf, "abcd");
	CHECK_EQ(udp_statistics[UDP_MIB_INERRORS], 0);
}

TEST(udp_rcv_no_socket_answers_port_unreachable_and_drops_no_socket)
{
	unsigned long before = skb_drop_count(SKB_DROP_REASON_NO_SOCKET);

	reset();
	udp_rcv(good(PEER, 1, 7, "x"));
	CHECK_EQ(icmp_sent, 1);
	CHECK_EQ(icmp_type, ICMP_DEST_UNREACH);
	CHECK_EQ(icmp_code, ICMP_PORT_UNREACH);
	CHECK_EQ(udp_statistics[UDP_MIB_NOPORTS], 1);
	CHECK_EQ(udp_statistics[UDP_MIB_INERRORS], 0);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_NO_SOCKET) - before, 1);
}

TEST(udp_rcv_broadcast_without_socket_is_ignored_without_icmp)
{
	struct sk_buff *skb;

	reset();
	skb = dgram(PEER, 1, htonl(INADDR_BROADCAST), 7, "x", 0, 1);
	skb->pkt_type = PACKET_BROADCAST;
	udp_rcv(skb);
	CHECK_EQ(icmp_sent, 0);
	CHECK_EQ(udp_statistics[UDP_MIB_IGNOREDMULTI], 1);
	CHECK_EQ(udp_statistics[UDP_MIB_NOPORTS], 0);
}

TEST(broadcast_goes_to_every_matching_socket_as_clones)
{
	struct sock *a, *b, *mine;
	struct sk_buff *skb;
	unsigned long live;
	char buf[16];

	reset();
	live = skb_live_count();
	a = new_udp();
	b = new_udp();
	mine = new_udp();
	a->sk_reuse = b->sk_reuse = mine->sk_reuse = SK_CAN_REUSE;
	CHECK_EQ(bind_udp(a, 0, 67), 0);
	CHECK_EQ(bind_udp(b, 0, 67), 0);
	CHECK_EQ(bind_udp(mine, LOCAL, 67), 0); /* bound to unicast: not it */
	skb = dgram(PEER, 68, htonl(0x0a0000ff), 67, "dhcp?", 0, 1);
	skb->pkt_type = PACKET_BROADCAST;
	udp_rcv(skb);
	CHECK_EQ(recv_on(a, buf, sizeof(buf), MSG_DONTWAIT, NULL), 5);
	CHECK_STR(buf, "dhcp?");
	CHECK_EQ(recv_on(b, buf, sizeof(buf), MSG_DONTWAIT, NULL), 5);
	CHECK_STR(buf, "dhcp?");
	CHECK_EQ(recv_on(mine, buf, sizeof(buf), MSG_DONTWAIT, NULL), -EAGAIN);
	CHECK_EQ(udp_statistics[UDP_MIB_IGNOREDMULTI], 0);
	CHECK_EQ(icmp_sent, 0);
	CHECK_EQ(skb_live_count(), live);
}

/* ---- the lookup order ------------------------------------------------------ */

TEST(udp_lookup_prefers_connected_then_bound_address_then_wildcard)
{
	struct sock *any, *bound, *conn;
	char buf[32];

	reset();
	any = new_udp();
	bound = new_udp();
	conn = new_udp();
	any->sk_reuse = bound->sk_reuse = conn->sk_reuse = SK_CAN_REUSE;
	CHECK_EQ(bind_udp(any, 0, 5000), 0);
	CHECK_EQ(bind_udp(bound, LOCAL, 5000), 0);
	CHECK_EQ(bind_udp(conn, LOCAL, 5000), 0);
	inet_sk(conn)->inet_daddr = PEER;
	inet_sk(conn)->inet_dport = htons(40000);
	conn->sk_state = TCP_ESTABLISHED;

	udp_rcv(good(PEER, 40000, 5000, "to-conn")); /* the exact 4-tuple */
	udp_rcv(good(PEER, 40001, 5000, "to-bound")); /* other port */
	udp_rcv(dgram(OTHER, 1, htonl(0x0a0000ff), 5000, "to-any", 0, 1));
	CHECK_EQ(recv_on(conn, buf, sizeof(buf), MSG_DONTWAIT, NULL), 7);
	CHECK_STR(buf, "to-conn");
	CHECK_EQ(recv_on(bound, buf, sizeof(buf), MSG_DONTWAIT, NULL), 8);
	CHECK_STR(buf, "to-bound");
	CHECK_EQ(recv_on(any, buf, sizeof(buf), MSG_DONTWAIT, NULL), 6);
	CHECK_STR(buf, "to-any");
	CHECK_EQ(recv_on(conn, buf, sizeof(buf), MSG_DONTWAIT, NULL), -EAGAIN);
	CHECK_EQ(udp_statistics[UDP_MIB_INDATAGRAMS], 3);
}

TEST(udp_lookup_connected_socket_ignores_other_peers)
{
	struct sock *conn;

	reset();
	conn = new_udp();
	CHECK_EQ(bind_udp(conn, 0, 5000), 0);
	inet_sk(conn)->inet_daddr = PEER;
	inet_sk(conn)->inet_dport = htons(40000);
	udp_rcv(good(OTHER, 40000, 5000, "stranger"));
	CHECK_EQ(skb_queue_len(&conn->sk_receive_queue), 0);
	CHECK_EQ(udp_statistics[UDP_MIB_NOPORTS], 1);
	CHECK_EQ(icmp_sent, 1);
}

TEST(udp_lookup_respects_the_bound_device)
{
	struct sock *sk;

	reset();
	sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 5000), 0);
	sk->sk_bound_dev_if = 3; /* not fake_dev (2) */
	udp_rcv(good(PEER, 1, 5000, "x"));
	CHECK_EQ(udp_statistics[UDP_MIB_NOPORTS], 1);
	sk->sk_bound_dev_if = 2;
	udp_rcv(good(PEER, 1, 5000, "x"));
	CHECK_EQ(skb_queue_len(&sk->sk_receive_queue), 1);
}

/* ---- receive buffer --------------------------------------------------------- */

TEST(receive_buffer_full_drops_socket_rcvbuff_and_counts_rcvbuferrors)
{
	unsigned long before = skb_drop_count(SKB_DROP_REASON_SOCKET_RCVBUFF);
	struct sock *sk;
	char buf[8];

	reset();
	sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 5000), 0);
	sk->sk_rcvbuf = 1; /* the first skb still fits (rmem 0 < 1), as Linux */
	udp_rcv(good(PEER, 1, 5000, "one"));
	udp_rcv(good(PEER, 1, 5000, "two"));
	udp_rcv(good(PEER, 1, 5000, "three"));
	CHECK_EQ(skb_queue_len(&sk->sk_receive_queue), 1);
	CHECK_EQ(udp_statistics[UDP_MIB_RCVBUFERRORS], 2);
	CHECK_EQ(udp_statistics[UDP_MIB_INERRORS], 2);
	CHECK_EQ(atomic_read(&sk->sk_drops), 2);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_SOCKET_RCVBUFF) - before, 2);
	CHECK(sk_rmem_alloc_get(sk) > 0);
	CHECK_EQ(recv_on(sk, buf, sizeof(buf), MSG_DONTWAIT, NULL), 3);
	CHECK_EQ(sk_rmem_alloc_get(sk), 0); /* sock_rfree uncharged it */
}

TEST(queued_skb_is_charged_by_truesize_and_purged_on_close)
{
	struct sock *sk;
	struct sk_buff *skb;
	unsigned long live;

	reset();
	live = skb_live_count();
	sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 5000), 0);
	skb = good(PEER, 1, 5000, "abc");
	udp_rcv(skb);
	CHECK_EQ(sk_rmem_alloc_get(sk), (int)skb->truesize);
	CHECK_EQ(skb->sk, sk);
	udp_lib_close(sk, 0); /* unhash + sk_common_release: queue purged */
	socks[0].sk = NULL;
	CHECK_EQ(skb_live_count(), live);
	CHECK(list_empty(&udp_table));
}

static unsigned long got_key;
static int woke(wait_queue_entry_t *e, unsigned int m, int f, void *key)
{
	got_key = (unsigned long)key;
	return 1;
}

TEST(data_ready_wakes_a_reader_with_epollin_key)
{
	struct sock *sk;
	wait_queue_entry_t w;

	reset();
	sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 5000), 0);
	init_waitqueue_func_entry(&w, woke);
	add_wait_queue(sk_sleep(sk), &w);
	udp_rcv(good(PEER, 1, 5000, "x"));
	CHECK(got_key & EPOLLIN);
	CHECK(got_key & EPOLLRDNORM);
	remove_wait_queue(sk_sleep(sk), &w);
}

/* ---- ports ------------------------------------------------------------------ */

TEST(port_in_use_unless_both_sockets_set_reuseaddr)
{
	struct sock *a, *b;

	reset();
	a = new_udp();
	b = new_udp();
	CHECK_EQ(bind_udp(a, 0, 5000), 0);
	CHECK_EQ(bind_udp(b, 0, 5000), -EADDRINUSE);
	CHECK_EQ(bind_udp(b, LOCAL, 5000), -EADDRINUSE); /* a is INADDR_ANY */
	b->sk_reuse = SK_CAN_REUSE;
	CHECK_EQ(bind_udp(b, 0, 5000), -EADDRINUSE); /* a did not say so */
	a->sk_reuse = SK_CAN_REUSE;
	CHECK_EQ(bind_udp(b, 0, 5000), 0);
}

TEST(different_local_addresses_may_share_a_port)
{
	struct sock *a, *b;

	reset();
	a = new_udp();
	b = new_udp();
	CHECK_EQ(bind_udp(a, LOCAL, 5000), 0);
	CHECK_EQ(bind_udp(b, htonl(0x7f000001), 5000), 0);
}

TEST(ephemeral_ports_come_from_32768_to_60999_and_skip_used_ones)
{
	struct sock *a, *b, *c;

	reset();
	a = new_udp();
	b = new_udp();
	c = new_udp();
	next_random = UDP_EPHEMERAL_HIGH - UDP_EPHEMERAL_LOW; /* start at 60999 */
	CHECK_EQ(bind_udp(a, 0, 0), 0);
	CHECK_EQ(inet_sk(a)->inet_num, 60999);
	CHECK_EQ(bind_udp(b, 0, 0), 0);
	CHECK_EQ(inet_sk(b)->inet_num, 32768); /* wrapped around */
	CHECK_EQ(ntohs(inet_sk(b)->inet_sport), 32768);
	next_random = 0;
	CHECK_EQ(bind_udp(c, 0, 0), 0);
	CHECK_EQ(inet_sk(c)->inet_num, 32769);
}

/* ---- udp_recvmsg -------------------------------------------------------------- */

TEST(recvmsg_truncates_with_msg_trunc_and_gives_the_source)
{
	struct sockaddr_in from;
	struct sock *sk;
	char buf[8];

	reset();
	sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 5000), 0);
	udp_rcv(good(PEER, 4242, 5000, "0123456789"));
	udp_rcv(good(PEER, 4242, 5000, "0123456789"));
	CHECK_EQ(recv_on(sk, buf, 4, MSG_DONTWAIT, &from), 4);
	CHECK(!memcmp(buf, "0123", 4));
	CHECK_EQ(from.sin_family, AF_INET);
	CHECK_EQ(from.sin_port, htons(4242));
	CHECK_EQ(from.sin_addr.s_addr, PEER);
	/* MSG_TRUNC as a flag: the real length is returned */
	CHECK_EQ(recv_on(sk, buf, 4, MSG_DONTWAIT | MSG_TRUNC, NULL), 10);
	CHECK_EQ(skb_queue_len(&sk->sk_receive_queue), 0); /* rest is lost */
}

TEST(recvmsg_peek_leaves_the_datagram_and_counts_it_once)
{
	struct sock *sk;
	char buf[16];

	reset();
	sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 5000), 0);
	udp_rcv(good(PEER, 1, 5000, "peekaboo"));
	CHECK_EQ(recv_on(sk, buf, sizeof(buf), MSG_DONTWAIT | MSG_PEEK, NULL), 8);
	CHECK_EQ(udp_statistics[UDP_MIB_INDATAGRAMS], 0);
	CHECK_EQ(recv_on(sk, buf, sizeof(buf), MSG_DONTWAIT, NULL), 8);
	CHECK_STR(buf, "peekaboo");
	CHECK_EQ(udp_statistics[UDP_MIB_INDATAGRAMS], 1);
	CHECK_EQ(sk_rmem_alloc_get(sk), 0);
}

TEST(recvmsg_into_a_bad_buffer_is_efault_and_counts_inerrors)
{
	struct sock *sk;

	reset();
	sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 5000), 0);
	udp_rcv(good(PEER, 1, 5000, "x"));
	CHECK_EQ(recv_on(sk, (char *)8, 16, MSG_DONTWAIT, NULL), -EFAULT);
	CHECK_EQ(udp_statistics[UDP_MIB_INERRORS], 1);
	CHECK_EQ(skb_queue_len(&sk->sk_receive_queue), 0);
}

static struct sock *waiting_sk;
static void datagram_arrives(void)
{
	udp_rcv(good(PEER, 1, 5000, "late"));
}

TEST(blocking_recv_sleeps_until_a_datagram_is_queued)
{
	struct sock *sk;
	char buf[16];

	reset();
	sk = waiting_sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 5000), 0);
	while_asleep = datagram_arrives;
	CHECK_EQ(recv_on(sk, buf, sizeof(buf), 0, NULL), 4);
	CHECK_STR(buf, "late");
	CHECK(nr_schedules >= 1);
}

TEST(blocking_recv_is_interrupted_by_a_signal_restartably)
{
	struct sock *sk;
	char buf[16];

	reset();
	sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 5000), 0);
	/* nothing comes: the schedule shim raises a signal */
	CHECK_EQ(recv_on(sk, buf, sizeof(buf), 0, NULL), -ERESTARTSYS);
}

TEST(rcvtimeo_expiry_is_eagain_and_a_signal_then_eintr)
{
	struct sock *sk;
	char buf[16];

	reset();
	sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 5000), 0);
	sk->sk_rcvtimeo = 5;
	/* schedule_timeout returns 0: the time ran out */
	CHECK_EQ(recv_on(sk, buf, sizeof(buf), 0, NULL), -EAGAIN);
	set_tsk_thread_flag(current, TIF_SIGPENDING);
	CHECK_EQ(recv_on(sk, buf, sizeof(buf), 0, NULL), -EINTR);
}

TEST(shutdown_rd_makes_recv_return_end_of_file)
{
	struct sock *sk;
	char buf[4];

	reset();
	sk = new_udp();
	sk->sk_shutdown |= RCV_SHUTDOWN;
	CHECK_EQ(recv_on(sk, buf, sizeof(buf), 0, NULL), 0);
}

/* ---- ICMP errors ---------------------------------------------------------------- */

/* The ICMP error skb as icmp_rcv hands it over: data at the quoted IP
 * header of a datagram we sent LOCAL:lport -> PEER:pport. */
static struct sk_buff *icmp_err(int type, int code, unsigned short lport,
				unsigned short pport)
{
	struct sk_buff *skb = alloc_skb(256, GFP_ATOMIC);
	struct icmphdr *ih;
	struct iphdr *iph;
	struct udphdr *uh;

	skb_reserve(skb, 64);
	ih = skb_put(skb, sizeof(*ih));
	memset(ih, 0, sizeof(*ih));
	ih->type = type;
	ih->code = code;
	skb_reset_transport_header(skb);
	skb_pull(skb, sizeof(*ih));
	iph = skb_put(skb, 20);
	*iph = (struct iphdr){ .version = 4, .ihl = 5, .protocol = IPPROTO_UDP,
			       .saddr = LOCAL, .daddr = PEER };
	uh = skb_put(skb, 8);
	uh->source = htons(lport);
	uh->dest = htons(pport);
	skb->dev = &fake_dev;
	return skb;
}

TEST(port_unreachable_sets_econnrefused_on_a_connected_socket_once)
{
	struct sock *sk;
	struct sk_buff *skb;
	char buf[4];

	reset();
	sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 5000), 0);
	skb = icmp_err(ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, 5000, 9);
	udp_err(skb, 0); /* not connected: ignored (RFC 1122 4.1.3.3) */
	CHECK_EQ(sk->sk_err, 0);
	inet_sk(sk)->inet_daddr = PEER;
	inet_sk(sk)->inet_dport = htons(9);
	sk->sk_state = TCP_ESTABLISHED;
	udp_err(skb, 0);
	CHECK_EQ(sk->sk_err, ECONNREFUSED);
	CHECK_EQ(recv_on(sk, buf, sizeof(buf), MSG_DONTWAIT, NULL), -ECONNREFUSED);
	CHECK_EQ(recv_on(sk, buf, sizeof(buf), MSG_DONTWAIT, NULL), -EAGAIN);
	kfree_skb(skb);
}

TEST(soft_icmp_errors_are_not_reported)
{
	struct sock *sk;
	struct sk_buff *skb;

	reset();
	sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 5000), 0);
	inet_sk(sk)->inet_daddr = PEER;
	inet_sk(sk)->inet_dport = htons(9);
	sk->sk_state = TCP_ESTABLISHED;
	skb = icmp_err(ICMP_DEST_UNREACH, ICMP_HOST_UNREACH, 5000, 9);
	udp_err(skb, 0);
	CHECK_EQ(sk->sk_err, 0);
	kfree_skb(skb);
}

/* ---- udp_sendmsg ---------------------------------------------------------------- */

static int send_on(struct sock *sk, const char *data, struct sockaddr_in *to)
{
	struct iovec iov = { .iov_base = (void *)data, .iov_len = strlen(data) };
	struct msghdr msg = { .msg_name = to,
			      .msg_namelen = to ? sizeof(*to) : 0 };

	iov_iter_init(&msg.msg_iter, true, &iov, 1, iov.iov_len);
	return udp_sendmsg(sk, &msg, iov.iov_len);
}

TEST(sendmsg_builds_header_and_a_checksum_the_receiver_accepts)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(53),
				  .sin_addr.s_addr = PEER };
	struct sock *sk;
	struct udphdr *uh;

	reset();
	sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 4000), 0);
	CHECK_EQ(send_on(sk, "query", &to), 5);
	CHECK(sent);
	uh = (struct udphdr *)sent->data;
	CHECK_EQ(ntohs(uh->source), 4000);
	CHECK_EQ(ntohs(uh->dest), 53);
	CHECK_EQ(ntohs(uh->len), 13);
	CHECK_EQ(sent_saddr, LOCAL);
	CHECK_EQ(sent_daddr, PEER);
	CHECK_EQ(csum_tcpudp_magic(LOCAL, PEER, 13, IPPROTO_UDP,
				   csum_partial(uh, 13, 0)), 0);
	CHECK(!memcmp(uh + 1, "query", 5));
	CHECK_EQ(sent->sk, sk);
	CHECK(sk_wmem_alloc_get(sk) > 0);
	CHECK_EQ(udp_statistics[UDP_MIB_OUTDATAGRAMS], 1);
	kfree_skb(sent);
	sent = NULL;
	CHECK_EQ(sk_wmem_alloc_get(sk), 0); /* sock_wfree uncharged it */
}

TEST(sendmsg_argument_errors)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = 0,
				  .sin_addr.s_addr = PEER };
	struct sock *sk;
	struct iovec iov = { .iov_base = "x", .iov_len = 65508 };
	struct msghdr msg = { 0 };

	reset();
	sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 4000), 0);
	CHECK_EQ(send_on(sk, "x", NULL), -EDESTADDRREQ);
	CHECK_EQ(send_on(sk, "x", &to), -EINVAL); /* port 0 */
	to.sin_port = htons(9);
	to.sin_family = AF_INET6;
	CHECK_EQ(send_on(sk, "x", &to), -EAFNOSUPPORT);
	to.sin_family = AF_INET;
	route_broadcast = 1;
	CHECK_EQ(send_on(sk, "x", &to), -EACCES);
	sock_set_flag(sk, SOCK_BROADCAST);
	CHECK_EQ(send_on(sk, "x", &to), 1);
	route_err = -ENETUNREACH;
	CHECK_EQ(send_on(sk, "x", &to), -ENETUNREACH);
	iov_iter_init(&msg.msg_iter, true, &iov, 1, iov.iov_len);
	CHECK_EQ(udp_sendmsg(sk, &msg, 65508), -EMSGSIZE);
	route_err = 0;
	iov.iov_base = (void *)8;
	iov.iov_len = 4;
	msg.msg_name = &to;
	msg.msg_namelen = sizeof(to);
	iov_iter_init(&msg.msg_iter, true, &iov, 1, 4);
	CHECK_EQ(udp_sendmsg(sk, &msg, 4), -EFAULT);
	CHECK_EQ(fake_rt.dst.__refcnt.counter, 1); /* only the sent skb's */
}

static void tx_done(void)
{
	kfree_skb(sent); /* the "device" frees it: sock_wfree, write_space */
	sent = NULL;
}

TEST(full_send_buffer_is_eagain_nonblocking_and_waits_otherwise)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(9),
				  .sin_addr.s_addr = PEER };
	struct iovec iov = { .iov_base = "y", .iov_len = 1 };
	struct msghdr msg = { .msg_name = &to, .msg_namelen = sizeof(to),
			      .msg_flags = MSG_DONTWAIT };
	struct sock *sk;

	reset();
	sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 4000), 0);
	sk->sk_sndbuf = 1;
	CHECK_EQ(send_on(sk, "x", &to), 1); /* held in `sent`: sndbuf full */
	iov_iter_init(&msg.msg_iter, true, &iov, 1, 1);
	CHECK_EQ(udp_sendmsg(sk, &msg, 1), -EAGAIN);
	CHECK_EQ(udp_statistics[UDP_MIB_SNDBUFERRORS], 1);
	while_asleep = tx_done;
	CHECK_EQ(send_on(sk, "z", &to), 1); /* slept until the first was freed */
	CHECK(nr_schedules >= 1);
	CHECK_EQ(((char *)sent->data)[8], 'z');
	sk->sk_sndtimeo = 3;
	CHECK_EQ(send_on(sk, "w", &to), -EAGAIN); /* SO_SNDTIMEO ran out */
}

TEST(connect_then_send_uses_the_peer_and_a_pending_error_is_returned)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(9),
				  .sin_addr.s_addr = PEER };
	struct sock *sk;

	reset();
	sk = new_udp();
	CHECK_EQ(bind_udp(sk, 0, 4000), 0);
	CHECK_EQ(ip4_datagram_connect(sk, (struct sockaddr *)&to, sizeof(to)), 0);
	CHECK_EQ(sk->sk_state, TCP_ESTABLISHED);
	CHECK_EQ(inet_sk(sk)->inet_rcv_saddr, LOCAL);
	CHECK_EQ(send_on(sk, "hi", NULL), 2);
	CHECK_EQ(sent_daddr, PEER);
	sk->sk_err = ECONNREFUSED;
	CHECK_EQ(send_on(sk, "hi", NULL), -ECONNREFUSED);
	CHECK_EQ(udp_disconnect(sk, 0), 0);
	CHECK_EQ(send_on(sk, "hi", NULL), -EDESTADDRREQ);
	CHECK_EQ(inet_sk(sk)->inet_num, 0); /* bind_udp did not lock the port */
}

/* ---- /proc ------------------------------------------------------------------------ */

TEST(proc_net_udp_has_linux_columns_and_127_wide_lines)
{
	static char text[4096];
	struct sock *sk;
	char *line2;

	reset();
	sk = new_udp();
	sk->sk_ino = 1234;
	CHECK_EQ(bind_udp(sk, htonl(0x7f000001), 5555), 0);
	inet_sk(sk)->inet_daddr = htonl(0x7f000001);
	inet_sk(sk)->inet_dport = htons(9);
	sk->sk_state = TCP_ESTABLISHED;
	udp4_seq_show(text, sizeof(text));
	CHECK(!strncmp(text, "   sl  local_address rem_address   st tx_queue "
			     "rx_queue tr tm->when retrnsmt   uid  timeout "
			     "inode ref pointer drops", 108));
	CHECK_EQ(strchr(text, '\n') - text, 127);
	line2 = strchr(text, '\n') + 1;
	{
		const char *want = "  179: 0100007F:15B3 0100007F:0009 01 "
				   "00000000:00000000 00:00000000 00000000     0"
				   "        0 1234 2 00000000 0 ";

		CHECK(!strncmp(line2, want, strlen(want)));
	}
	CHECK_EQ(strchr(line2, '\n') - line2, 127);
}

TEST(snmp_udp_row_prints_linux_field_names)
{
	static char text[1024];

	reset();
	udp_init();
	udp_statistics[UDP_MIB_NOPORTS] = 3;
	snmp_rows[SNMP_ROW_UDP / 10 - 1](text, sizeof(text), 0);
	CHECK_STR(text, "Udp: InDatagrams NoPorts InErrors OutDatagrams "
			"RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti "
			"MemErrors\nUdp: 0 3 0 0 0 0 0 0 0\n");
}

TEST(no_sock_or_skb_leaks_after_all_tests)
{
	reset();
	CHECK_EQ(sk_live_count, 0);
}

RUN_TESTS()
