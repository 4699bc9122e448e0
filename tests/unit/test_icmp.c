/*
 * Host tests for net/ipv4/icmp.c (which packets get no error, the rate
 * limits on a fake clock, echo, the checksum check, error dispatch to the
 * quoted protocol) and net/ipv4/proc.c (/proc/net/snmp in Linux's layout).
 * The route lookup and ip_local_out are fakes: "sent" messages land on a
 * queue the test reads.
 */
#include "tests/unit/shim_netcore.h"
#include "lib/checksum.c"
#include "net/ipv4/snmp.c"
#include "net/ipv4/ip.h"
#include "net/ipv4/route.h"

/* ---- fakes for what icmp.c and proc.c call outside themselves ---- */
#define OUR_IP htonl(0x0a00020f)  /* 10.0.2.15 */
#define PEER_IP htonl(0x0a000202) /* 10.0.2.2 */

static struct net_device fake_dev;
static struct sk_buff_head sent;
static int route_fail;
static unsigned long rt_live;
int sysctl_ip_forward;

static void fake_rt_destroy(struct dst_entry *dst)
{
	rt_live--;
	free(container_of(dst, struct rtable, dst));
}

static struct rtable *fake_rt(unsigned int flags)
{
	struct rtable *rt = calloc(1, sizeof(*rt));

	rt_live++;
	atomic_set(&rt->dst.__refcnt, 1);
	rt->dst.dev = &fake_dev;
	rt->dst.destroy = fake_rt_destroy;
	rt->rt_flags = flags;
	return rt;
}

struct rtable *ip_route_output_key(struct flowi4 *fl4)
{
	if (route_fail)
		return ERR_PTR(-ENETUNREACH);
	if (!fl4->saddr)
		fl4->saddr = OUR_IP;
	return fake_rt(0);
}

int ip_local_out(struct sk_buff *skb)
{
	__skb_queue_tail(&sent, skb);
	return 0;
}

int proc_create_rw(const char *path, int (*show)(char *buf, int len),
		   int (*store)(const char *buf, int len))
{
	return 0;
}

int proc_create_single(const char *path, int (*show)(char *buf, int len))
{
	return 0;
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

#include "net/ipv4/icmp.c"
#include "net/ipv4/proc.c"

static int err_calls, err_proto;
static uint32_t err_info;
static void udp_err(struct sk_buff *skb, uint32_t info)
{
	err_calls++;
	err_proto = ((struct iphdr *)skb->data)->protocol;
	err_info = info;
}

static const struct net_protocol fake_udp = { .err_handler = udp_err };
const struct net_protocol *inet_protos[IPPROTO_MAX] = {
	[IPPROTO_UDP] = &fake_udp,
};


/* ---- building received packets ---- */

/*
 * A received packet as the IP layer holds it: data at the IP header,
 * routed (flags RTCF_*), PACKET_HOST unless changed.
 */
static struct sk_buff *rx(uint8_t proto, __be32 saddr, __be32 daddr,
			  const void *payload, unsigned int len,
			  unsigned int rt_flags)
{
	struct sk_buff *skb = alloc_skb(NET_SKB_PAD + 20 + len, GFP_ATOMIC);
	struct iphdr *iph;

	skb_reserve(skb, NET_SKB_PAD);
	skb_reset_network_header(skb);
	iph = skb_put(skb, 20);
	*iph = (struct iphdr){ .version = 4, .ihl = 5, .ttl = 64,
			       .protocol = proto, .tot_len = htons(20 + len),
			       .saddr = saddr, .daddr = daddr };
	iph->check = ip_fast_csum(iph, 5);
	skb_put_data(skb, payload, len);
	skb->pkt_type = PACKET_HOST;
	skb_dst_set(skb, &fake_rt(rt_flags)->dst);
	return skb;
}

static struct sk_buff *rx_udp(void)
{
	static const uint8_t udp[8] = { 0x12, 0x34, 0x00, 0x35, 0, 8, 0, 0 };

	return rx(IPPROTO_UDP, PEER_IP, OUR_IP, udp, 8, RTCF_LOCAL);
}

/* An ICMP message of type/code with body after the 8-byte header. */
static struct sk_buff *rx_icmp(int type, int code, const void *body,
			       unsigned int blen, unsigned int rt_flags)
{
	uint8_t msg[600] = { type, code };
	struct sk_buff *skb;

	memcpy(msg + 8, body, blen);
	*(uint16_t *)(msg + 2) = ip_compute_csum(msg, 8 + blen);
	skb = rx(IPPROTO_ICMP, PEER_IP, OUR_IP, msg, 8 + blen, rt_flags);
	return skb;
}

/* Hand a received ICMP skb to icmp_rcv as ip_local_deliver_finish does. */
static void deliver(struct sk_buff *skb)
{
	skb_pull(skb, ip_hdr(skb)->ihl * 4);
	icmp_rcv(skb);
}

static void reset(void)
{
	netcore_reset();
	skb_queue_head_init(&sent);
	memset(&fake_dev, 0, sizeof(fake_dev));
	fake_dev.mtu = 1500;
	memset(ip_statistics, 0, sizeof(ip_statistics));
	memset(icmp_statistics, 0, sizeof(icmp_statistics));
	memset(icmpmsg_in, 0, sizeof(icmpmsg_in));
	memset(icmpmsg_out, 0, sizeof(icmpmsg_out));
	memset(inet_peers, 0, sizeof(inet_peers));
	memset(&icmp_global, 0, sizeof(icmp_global));
	route_fail = err_calls = 0;
	sysctl_icmp_ratelimit = 1000;
	sysctl_icmp_ratemask = 0x1818;
	sysctl_icmp_msgs_per_sec = 1000;
	sysctl_icmp_msgs_burst = 50;
	sysctl_icmp_echo_ignore_broadcasts = 1;
	sysctl_ip_forward = 0;
	jiffies = 100000;
}

static void done(void)
{
	skb_queue_purge(&sent);
	CHECK_EQ(rt_live, 0);
	CHECK_NO_LEAKS();
}

/* Send an error about a fresh skb; 1 if a message went out. */
static int error_about(struct sk_buff *skb, int type, int code)
{
	unsigned int before = skb_queue_len(&sent);

	icmp_send(skb, type, code, 0);
	kfree_skb(skb);
	return skb_queue_len(&sent) - before;
}

#define STAT(f) icmp_statistics[ICMP_MIB_##f]

/* ---- which packets get an error ---- */

TEST(error_about_a_udp_packet_quotes_header_and_data)
{
	struct sk_buff *skb, *m;
	struct iphdr *iph;
	struct icmphdr *ih;

	reset();
	skb = rx_udp();
	icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, 0);
	CHECK_EQ(skb_queue_len(&sent), 1);
	m = skb_peek(&sent);
	iph = ip_hdr(m);
	ih = (struct icmphdr *)(m->data + 20);
	CHECK_EQ(m->len, 20 + 8 + 28);
	CHECK_EQ(iph->saddr, OUR_IP);
	CHECK_EQ(iph->daddr, PEER_IP);
	CHECK_EQ(iph->protocol, IPPROTO_ICMP);
	CHECK_EQ(iph->tos, 0xc0);
	CHECK_EQ(ip_fast_csum(iph, 5), 0);
	CHECK_EQ(ih->type, ICMP_DEST_UNREACH);
	CHECK_EQ(ih->code, ICMP_PORT_UNREACH);
	CHECK_EQ(ip_compute_csum(ih, 8 + 28), 0);
	CHECK(!memcmp(m->data + 28, skb->data, 28));
	CHECK_EQ(STAT(OUTMSGS), 1);
	CHECK_EQ(icmpmsg_out[ICMP_DEST_UNREACH], 1);
	kfree_skb(skb);
	done();
}

TEST(error_quotes_at_most_576_bytes)
{
	static uint8_t big[1400];

	reset();
	CHECK_EQ(error_about(rx(IPPROTO_UDP, PEER_IP, OUR_IP, big, 1400,
				RTCF_LOCAL),
			     ICMP_DEST_UNREACH, ICMP_PORT_UNREACH),
		 1);
	CHECK_EQ(skb_peek(&sent)->len, 576);
	done();
}

TEST(no_error_about_link_layer_broadcast_or_ip_broadcast)
{
	struct sk_buff *skb;

	reset();
	skb = rx_udp();
	skb->pkt_type = PACKET_BROADCAST;
	CHECK_EQ(error_about(skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH), 0);
	skb = rx_udp();
	skb->pkt_type = PACKET_MULTICAST;
	CHECK_EQ(error_about(skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH), 0);
	CHECK_EQ(error_about(rx(IPPROTO_UDP, PEER_IP, htonl(0x0a0002ff), "x", 1,
				RTCF_LOCAL | RTCF_BROADCAST),
			     ICMP_DEST_UNREACH, ICMP_PORT_UNREACH),
		 0);
	CHECK_EQ(error_about(rx(IPPROTO_UDP, PEER_IP, htonl(0xffffffff), "x", 1,
				RTCF_LOCAL),
			     ICMP_DEST_UNREACH, ICMP_PORT_UNREACH),
		 0);
	CHECK_EQ(error_about(rx(IPPROTO_UDP, PEER_IP, htonl(0xe0000001), "x", 1,
				RTCF_LOCAL),
			     ICMP_DEST_UNREACH, ICMP_PORT_UNREACH),
		 0);
	CHECK_EQ(STAT(OUTMSGS), 0);
	done();
}

TEST(no_error_about_a_non_first_fragment)
{
	struct sk_buff *skb;

	reset();
	skb = rx_udp();
	ip_hdr(skb)->frag_off = htons(185); /* offset 1480 */
	CHECK_EQ(error_about(skb, ICMP_TIME_EXCEEDED, ICMP_EXC_FRAGTIME), 0);
	skb = rx_udp();
	ip_hdr(skb)->frag_off = htons(IP_MF); /* the first one: fine */
	CHECK_EQ(error_about(skb, ICMP_TIME_EXCEEDED, ICMP_EXC_FRAGTIME), 1);
	done();
}

TEST(no_error_about_an_icmp_error_but_about_a_query)
{
	uint8_t unreach[8] = { ICMP_DEST_UNREACH, 3 }, echo[8] = { ICMP_ECHO };
	uint8_t weird[8] = { 42 };

	reset();
	CHECK_EQ(error_about(rx(IPPROTO_ICMP, PEER_IP, OUR_IP, unreach, 8,
				RTCF_LOCAL),
			     ICMP_DEST_UNREACH, ICMP_PROT_UNREACH),
		 0);
	CHECK_EQ(error_about(rx(IPPROTO_ICMP, PEER_IP, OUR_IP, weird, 8,
				RTCF_LOCAL),
			     ICMP_DEST_UNREACH, ICMP_PROT_UNREACH),
		 0); /* unknown types count as errors */
	CHECK_EQ(error_about(rx(IPPROTO_ICMP, PEER_IP, OUR_IP, echo, 8,
				RTCF_LOCAL),
			     ICMP_TIME_EXCEEDED, ICMP_EXC_TTL),
		 1);
	done();
}

TEST(no_error_to_a_source_that_is_not_one_host)
{
	static const __be32 bad[] = { 0, 0x00000001, 0xffffffff, 0xe0000005 };

	reset();
	for (unsigned int i = 0; i < 4; i++)
		CHECK_EQ(error_about(rx(IPPROTO_UDP, htonl(bad[i]), OUR_IP,
					"12345678", 8, RTCF_LOCAL),
				     ICMP_DEST_UNREACH, ICMP_PORT_UNREACH),
			 0);
	done();
}

TEST(no_route_back_counts_out_errors)
{
	reset();
	route_fail = 1;
	CHECK_EQ(error_about(rx_udp(), ICMP_DEST_UNREACH, ICMP_PORT_UNREACH),
		 0);
	CHECK_EQ(STAT(OUTERRORS), 1);
	done();
}

TEST(frag_needed_carries_the_mtu)
{
	reset();
	struct sk_buff *skb = rx_udp();

	icmp_send(skb, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, htonl(1400));
	kfree_skb(skb);
	CHECK_EQ(((struct icmphdr *)(skb_peek(&sent)->data + 20))->un.frag.mtu,
		 htons(1400));
	done();
}

/* ---- rate limits ---- */

static int burst(int n, int type, int code)
{
	int out = 0;

	for (int i = 0; i < n; i++)
		out += error_about(rx_udp(), type, code);
	return out;
}

TEST(host_limit_allows_a_burst_of_6_then_one_per_second)
{
	reset();
	CHECK_EQ(burst(20, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH), 6);
	CHECK_EQ(STAT(RATELIMITHOST), 14);
	jiffies += HZ / 2;
	CHECK_EQ(burst(5, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH), 0);
	jiffies += HZ / 2;
	CHECK_EQ(burst(5, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH), 1);
	jiffies += 10 * HZ; /* tokens saved up to 6 messages' worth only */
	CHECK_EQ(burst(20, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH), 6);
	done();
}

TEST(host_limit_is_per_destination)
{
	reset();
	CHECK_EQ(burst(10, ICMP_TIME_EXCEEDED, ICMP_EXC_TTL), 6);
	CHECK_EQ(error_about(rx(IPPROTO_UDP, htonl(0x0a000203), OUR_IP,
				"12345678", 8, RTCF_LOCAL),
			     ICMP_TIME_EXCEEDED, ICMP_EXC_TTL),
		 1);
	done();
}

TEST(frag_needed_and_unmasked_types_are_not_limited)
{
	reset();
	CHECK_EQ(burst(30, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED), 30);
	sysctl_icmp_ratemask = 0;
	CHECK_EQ(burst(30, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH), 30);
	CHECK_EQ(STAT(RATELIMITHOST), 0);
	CHECK_EQ(STAT(RATELIMITGLOBAL), 0);
	done();
}

TEST(global_limit_burst_50_then_msgs_per_sec)
{
	reset();
	sysctl_icmp_ratelimit = 0; /* the host limit out of the way */
	CHECK_EQ(burst(80, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH), 50);
	CHECK_EQ(STAT(RATELIMITGLOBAL), 30);
	jiffies += HZ / 100; /* less than HZ/50: no refill yet */
	CHECK_EQ(burst(5, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH), 0);
	jiffies += HZ / 50; /* 30 ms: 30 tokens at 1000/s */
	CHECK_EQ(burst(50, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH), 30);
	done();
}

/* ---- receive ---- */

TEST(echo_request_gets_an_echo_reply_with_the_same_payload)
{
	uint8_t body[56];
	struct sk_buff *m;
	struct icmphdr *ih;

	reset();
	for (unsigned int i = 0; i < sizeof(body); i++)
		body[i] = i;
	struct sk_buff *skb = rx_icmp(ICMP_ECHO, 0, body, 56, RTCF_LOCAL);

	((struct icmphdr *)(skb->data + 20))->un.echo.id = htons(77);
	((struct icmphdr *)(skb->data + 20))->un.echo.sequence = htons(3);
	((struct icmphdr *)(skb->data + 20))->checksum = 0;
	((struct icmphdr *)(skb->data + 20))->checksum =
		ip_compute_csum(skb->data + 20, 64);
	deliver(skb);
	CHECK_EQ(skb_queue_len(&sent), 1);
	m = skb_peek(&sent);
	ih = (struct icmphdr *)(m->data + 20);
	CHECK_EQ(ih->type, ICMP_ECHOREPLY);
	CHECK_EQ(ntohs(ih->un.echo.id), 77);
	CHECK_EQ(ntohs(ih->un.echo.sequence), 3);
	CHECK_EQ(ip_compute_csum(ih, 64), 0);
	CHECK(!memcmp(m->data + 28, body, 56));
	CHECK_EQ(ip_hdr(m)->saddr, OUR_IP);
	CHECK_EQ(ip_hdr(m)->daddr, PEER_IP);
	CHECK_EQ(STAT(INMSGS), 1);
	CHECK_EQ(icmpmsg_in[ICMP_ECHO], 1);
	CHECK_EQ(icmpmsg_out[ICMP_ECHOREPLY], 1);
	CHECK_EQ(skb_counters.consumed, 1);
	done();
}

TEST(echo_replies_are_never_rate_limited)
{
	reset();
	for (int i = 0; i < 100; i++)
		deliver(rx_icmp(ICMP_ECHO, 0, "abcdefgh", 8, RTCF_LOCAL));
	CHECK_EQ(skb_queue_len(&sent), 100);
	done();
}

TEST(echo_to_broadcast_is_ignored)
{
	reset();
	deliver(rx_icmp(ICMP_ECHO, 0, "abcdefgh", 8,
			RTCF_LOCAL | RTCF_BROADCAST));
	CHECK_EQ(skb_queue_len(&sent), 0);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_INVALID_PROTO), 1);
	sysctl_icmp_echo_ignore_broadcasts = 0;
	deliver(rx_icmp(ICMP_ECHO, 0, "abcdefgh", 8,
			RTCF_LOCAL | RTCF_BROADCAST));
	CHECK_EQ(skb_queue_len(&sent), 1);
	done();
}

TEST(bad_checksum_is_dropped_and_counted)
{
	struct sk_buff *skb;

	reset();
	skb = rx_icmp(ICMP_ECHO, 0, "abcdefgh", 8, RTCF_LOCAL);
	skb->data[30] ^= 1;
	deliver(skb);
	CHECK_EQ(skb_queue_len(&sent), 0);
	CHECK_EQ(STAT(INMSGS), 1);
	CHECK_EQ(STAT(CSUMERRORS), 1);
	CHECK_EQ(STAT(INERRORS), 1);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_ICMP_CSUM), 1);
	done();
}

TEST(short_and_unknown_messages_are_dropped)
{
	reset();
	deliver(rx(IPPROTO_ICMP, PEER_IP, OUR_IP, "\x08\x00\xf7", 3,
		   RTCF_LOCAL));
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_PKT_TOO_SMALL), 1);
	deliver(rx_icmp(99, 0, "", 0, RTCF_LOCAL));
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_UNHANDLED_PROTO), 1);
	CHECK_EQ(STAT(INERRORS), 2);
	done();
}

/* The quoted packet: an IP header of ours (UDP) and its 8 bytes. */
static unsigned int quote_udp(uint8_t *q)
{
	struct iphdr *iph = (struct iphdr *)q;

	*iph = (struct iphdr){ .version = 4, .ihl = 5, .ttl = 64,
			       .protocol = IPPROTO_UDP, .tot_len = htons(36),
			       .saddr = OUR_IP, .daddr = PEER_IP };
	memcpy(q + 20, "\x80\x00\x00\x35\x00\x10\x00\x00", 8);
	return 28;
}

TEST(errors_reach_the_quoted_protocol_with_the_mtu)
{
	uint8_t q[28];
	struct sk_buff *skb;

	reset();
	quote_udp(q);
	deliver(rx_icmp(ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, q, 28,
			RTCF_LOCAL));
	CHECK_EQ(err_calls, 1);
	CHECK_EQ(err_proto, IPPROTO_UDP);
	CHECK_EQ(err_info, 0);
	skb = rx_icmp(ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, q, 28, RTCF_LOCAL);
	((struct icmphdr *)(skb->data + 20))->un.frag.mtu = htons(1280);
	((struct icmphdr *)(skb->data + 20))->checksum = 0;
	((struct icmphdr *)(skb->data + 20))->checksum =
		ip_compute_csum(skb->data + 20, 36);
	deliver(skb);
	CHECK_EQ(err_calls, 2);
	CHECK_EQ(err_info, 1280);
	deliver(rx_icmp(ICMP_TIME_EXCEEDED, 0, q, 20, RTCF_LOCAL)); /* short */
	CHECK_EQ(err_calls, 2);
	CHECK_EQ(skb_queue_len(&sent), 0); /* never an error about an error */
	CHECK_EQ(icmpmsg_in[ICMP_DEST_UNREACH], 2);
	done();
}

/* ---- /proc/net/snmp ---- */

static char text[8192];

TEST(snmp_rows_are_linux_s)
{
	reset();
	ip_statistics[IPSTATS_MIB_INRECEIVES] = 17;
	ip_statistics[IPSTATS_MIB_OUTPKTS] = 9;
	icmp_statistics[ICMP_MIB_INMSGS] = 5;
	icmpmsg_in[ICMP_ECHO] = 5;
	icmpmsg_out[ICMP_ECHOREPLY] = 4;
	icmpmsg_out[ICMP_DEST_UNREACH] = 1;
	snmp_seq_show(text, sizeof(text));
	CHECK_STR(text,
		  "Ip: Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors "
		  "ForwDatagrams InUnknownProtos InDiscards InDelivers "
		  "OutRequests OutDiscards OutNoRoutes ReasmTimeout ReasmReqds "
		  "ReasmOKs ReasmFails FragOKs FragFails FragCreates "
		  "OutTransmits\n"
		  "Ip: 2 64 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 9\n"
		  "Icmp: InMsgs InErrors InCsumErrors InDestUnreachs InTimeExcds "
		  "InParmProbs InSrcQuenchs InRedirects InEchos InEchoReps "
		  "InTimestamps InTimestampReps InAddrMasks InAddrMaskReps "
		  "OutMsgs OutErrors OutRateLimitGlobal OutRateLimitHost "
		  "OutDestUnreachs OutTimeExcds OutParmProbs OutSrcQuenchs "
		  "OutRedirects OutEchos OutEchoReps OutTimestamps "
		  "OutTimestampReps OutAddrMasks OutAddrMaskReps\n"
		  "Icmp: 5 0 0 0 0 0 0 0 5 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 4 0 0 0 0\n"
		  "IcmpMsg: InType8 OutType0 OutType3\n"
		  "IcmpMsg: 5 4 1\n");
	done();
}

TEST(snmp_forwarding_reads_1_when_on_and_no_icmpmsg_when_quiet)
{
	reset();
	sysctl_ip_forward = 1;
	snmp_seq_show(text, sizeof(text));
	CHECK(!strncmp(strchr(text, '\n') + 1, "Ip: 1 64 ", 9));
	CHECK(!strstr(text, "IcmpMsg"));
	done();
}

static int udp_row(char *buf, int len, int pos)
{
	static const char *const f[] = { "InDatagrams", "NoPorts" };
	static const unsigned long v[] = { 3, 1 };

	return snmp_put_row(buf, len, pos, "Udp", f, v, 2);
}

static int tcp_row(char *buf, int len, int pos)
{
	return proc_printf(buf, len, pos, "Tcp: X\nTcp: 0\n");
}

TEST(snmp_registered_rows_follow_in_order)
{
	reset();
	CHECK_EQ(snmp_register_row(udp_row, SNMP_ROW_UDP), 0);
	CHECK_EQ(snmp_register_row(tcp_row, SNMP_ROW_TCP), 0);
	snmp_seq_show(text, sizeof(text));
	CHECK(strstr(text, "0 0\nTcp: X\nTcp: 0\nUdp: InDatagrams NoPorts\n"
			   "Udp: 3 1\n") != NULL);
	snmp_nrows = 0;
	done();
}

TEST(netstat_ipext_row)
{
	reset();
	ip_statistics[IPSTATS_MIB_REASM_OVERLAPS] = 2;
	netstat_seq_show(text, sizeof(text));
	CHECK_STR(text,
		  "IpExt: InNoRoutes InTruncatedPkts InMcastPkts OutMcastPkts "
		  "InBcastPkts OutBcastPkts InOctets OutOctets InMcastOctets "
		  "OutMcastOctets InBcastOctets OutBcastOctets InCsumErrors "
		  "InNoECTPkts InECT1Pkts InECT0Pkts InCEPkts ReasmOverlaps\n"
		  "IpExt: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 2\n");
	done();
}

RUN_TESTS()
