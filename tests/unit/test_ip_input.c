/*
 * Host tests for IPv4 receive (net/ipv4/ip_input.c, route.c's input side):
 * each ip_rcv_core check with its drop reason and /proc/net/snmp counter,
 * padding trimmed, local/broadcast delivery, unknown protocols, packets
 * not for us with forwarding off and on, martians - and no skb or rtable
 * left behind by any of them.
 */
#include "tests/unit/shim_ipv4.h"

static const uint8_t foreign_mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x99 };
static unsigned char pkt[128];

/* A valid IPv4 header + payload in pkt: returns its length. */
static unsigned int make_ip(__be32 saddr, __be32 daddr, uint8_t proto,
			    unsigned int payload)
{
	struct iphdr *iph = (struct iphdr *)pkt;

	memset(pkt, 0, sizeof(pkt));
	iph->version = 4;
	iph->ihl = 5;
	iph->tot_len = htons(20 + payload);
	iph->ttl = 64;
	iph->protocol = proto;
	iph->saddr = saddr;
	iph->daddr = daddr;
	memset(pkt + 20, 0x77, payload);
	ip_send_check(iph);
	return 20 + payload;
}

static void rx_ip(unsigned int len, const uint8_t *dst_mac)
{
	netif_receive_skb(rx_skb(pkt, len, ETH_P_IP, dst_mac));
}

#define PEER IP4(10, 0, 2, 2)
#define US IP4(10, 0, 2, 15)

static void setup(void)
{
	ipv4_reset();
	ipv4_configure();
	tx_purge();
}

static unsigned int delivered_len;
static int len_handler(struct sk_buff *skb)
{
	delivered_len = skb->len;
	test_proto_rx++;
	consume_skb(skb);
	return 0;
}
static const struct net_protocol len_protocol = { .handler = len_handler };

TEST(a_good_packet_for_us_is_delivered_to_its_protocol)
{
	setup();
	rx_ip(make_ip(PEER, US, TEST_PROTO, 8), fake_mac);
	CHECK_EQ(test_proto_rx, 1);
	CHECK_EQ(STAT(INRECEIVES), 1);
	CHECK_EQ(STAT(INDELIVERS), 1);
	CHECK_EQ(STAT(INHDRERRORS), 0);
	CHECK_IPV4_NO_LEAKS();
}

TEST(ethernet_padding_is_trimmed_to_tot_len)
{
	setup();
	inet_del_protocol(&test_protocol, TEST_PROTO);
	inet_add_protocol(&len_protocol, TEST_PROTO);
	make_ip(PEER, US, TEST_PROTO, 6);
	rx_ip(46, fake_mac); /* a 60-byte frame: 20 bytes of padding */
	CHECK_EQ(test_proto_rx, 1);
	CHECK_EQ(delivered_len, 6);
	CHECK_IPV4_NO_LEAKS();
}

TEST(too_short_bad_version_and_small_ihl_are_header_errors)
{
	setup();
	make_ip(PEER, US, TEST_PROTO, 8);
	rx_ip(12, fake_mac); /* shorter than a header */
	make_ip(PEER, US, TEST_PROTO, 8);
	((struct iphdr *)pkt)->version = 6;
	ip_send_check((struct iphdr *)pkt);
	rx_ip(28, fake_mac);
	make_ip(PEER, US, TEST_PROTO, 8);
	((struct iphdr *)pkt)->ihl = 4;
	rx_ip(28, fake_mac);
	CHECK_EQ(DROPS(IP_INHDR), 3);
	CHECK_EQ(STAT(INHDRERRORS), 3);
	CHECK_EQ(STAT(INRECEIVES), 3);
	CHECK_EQ(test_proto_rx, 0);
	CHECK_IPV4_NO_LEAKS();
}

TEST(header_cut_short_of_ihl_is_a_header_error)
{
	setup();
	make_ip(PEER, US, TEST_PROTO, 8);
	((struct iphdr *)pkt)->ihl = 15; /* 60 bytes of header, 28 received */
	rx_ip(28, fake_mac);
	CHECK_EQ(DROPS(IP_INHDR), 1);
	CHECK_EQ(STAT(INHDRERRORS), 1);
	CHECK_IPV4_NO_LEAKS();
}

TEST(bad_checksum_counts_csum_errors_and_header_errors)
{
	setup();
	make_ip(PEER, US, TEST_PROTO, 8);
	((struct iphdr *)pkt)->check ^= htons(1);
	rx_ip(28, fake_mac);
	CHECK_EQ(DROPS(IP_CSUM), 1);
	CHECK_EQ(STAT(CSUMERRORS), 1);
	CHECK_EQ(STAT(INHDRERRORS), 1);
	CHECK_EQ(test_proto_rx, 0);
	CHECK_IPV4_NO_LEAKS();
}

TEST(tot_len_beyond_the_frame_is_a_truncated_packet)
{
	setup();
	make_ip(PEER, US, TEST_PROTO, 8);
	((struct iphdr *)pkt)->tot_len = htons(100);
	ip_send_check((struct iphdr *)pkt);
	rx_ip(28, fake_mac);
	CHECK_EQ(DROPS(PKT_TOO_SMALL), 1);
	CHECK_EQ(STAT(INTRUNCATEDPKTS), 1);
	CHECK_EQ(STAT(INHDRERRORS), 0);
	/* and tot_len below the header length is a header error */
	make_ip(PEER, US, TEST_PROTO, 8);
	((struct iphdr *)pkt)->tot_len = htons(16);
	ip_send_check((struct iphdr *)pkt);
	rx_ip(28, fake_mac);
	CHECK_EQ(DROPS(IP_INHDR), 1);
	CHECK_IPV4_NO_LEAKS();
}

TEST(frames_for_another_host_are_dropped_as_otherhost)
{
	setup();
	rx_ip(make_ip(PEER, US, TEST_PROTO, 8), foreign_mac);
	CHECK_EQ(DROPS(OTHERHOST), 1);
	CHECK_EQ(STAT(INRECEIVES), 0);
	CHECK_IPV4_NO_LEAKS();
}

TEST(unknown_protocol_gets_icmp_protocol_unreachable)
{
	setup();
	rx_ip(make_ip(PEER, US, 200, 8), fake_mac);
	CHECK_EQ(icmp_calls, 1);
	CHECK_EQ(icmp_last_type, ICMP_DEST_UNREACH);
	CHECK_EQ(icmp_last_code, ICMP_PROT_UNREACH);
	CHECK_EQ(DROPS(IP_NOPROTO), 1);
	CHECK_EQ(STAT(INUNKNOWNPROTOS), 1);
	CHECK_IPV4_NO_LEAKS();
}

TEST(broadcasts_are_delivered_locally)
{
	setup();
	rx_ip(make_ip(PEER, IP4(10, 0, 2, 255), TEST_PROTO, 8), bcast_mac);
	rx_ip(make_ip(PEER, IP4(255, 255, 255, 255), TEST_PROTO, 8), bcast_mac);
	CHECK_EQ(test_proto_rx, 2);
	CHECK_IPV4_NO_LEAKS();
}

TEST(not_for_us_without_forwarding_is_an_address_error)
{
	setup();
	rx_ip(make_ip(PEER, IP4(10, 0, 2, 77), TEST_PROTO, 8), fake_mac);
	rx_ip(make_ip(PEER, IP4(8, 8, 8, 8), TEST_PROTO, 8), fake_mac);
	CHECK_EQ(DROPS(IP_INADDRERRORS), 2);
	CHECK_EQ(STAT(INADDRERRORS), 2);
	CHECK_EQ(forward_calls, 0);
	CHECK_EQ(icmp_calls, 0);
	CHECK_IPV4_NO_LEAKS();
}

TEST(with_forwarding_on_packets_go_to_ip_forward_or_get_no_route)
{
	struct fib_config def = { .fc_table = RT_TABLE_MAIN };

	setup();
	sysctl_ip_forward = 1;
	rx_ip(make_ip(PEER, IP4(8, 8, 8, 8), TEST_PROTO, 8), fake_mac);
	CHECK_EQ(forward_calls, 1);
	fib_table_delete(&def); /* the default route goes */
	rx_ip(make_ip(PEER, IP4(8, 8, 8, 8), TEST_PROTO, 8), fake_mac);
	CHECK_EQ(forward_calls, 1);
	CHECK_EQ(DROPS(IP_INNOROUTES), 1);
	CHECK_EQ(STAT(INNOROUTES), 1);
	CHECK_EQ(icmp_calls, 1);
	CHECK_EQ(icmp_last_code, ICMP_NET_UNREACH);
	CHECK_IPV4_NO_LEAKS();
}

TEST(martian_sources_and_destinations_are_dropped)
{
	setup();
	rx_ip(make_ip(IP4(224, 0, 0, 5), US, TEST_PROTO, 8), fake_mac);
	rx_ip(make_ip(IP4(255, 255, 255, 255), US, TEST_PROTO, 8), fake_mac);
	rx_ip(make_ip(IP4(0, 1, 2, 3), US, TEST_PROTO, 8), fake_mac);
	CHECK_EQ(DROPS(IP_INVALID_SOURCE), 3);
	rx_ip(make_ip(PEER, IP4(0, 1, 2, 3), TEST_PROTO, 8), fake_mac);
	rx_ip(make_ip(PEER, IP4(239, 1, 1, 1), TEST_PROTO, 8), fake_mac);
	CHECK_EQ(DROPS(IP_INVALID_DEST), 2);
	CHECK_EQ(STAT(INADDRERRORS), 5);
	CHECK_EQ(test_proto_rx, 0);
	CHECK_IPV4_NO_LEAKS();
}

TEST(fragments_go_through_ip_defrag_first)
{
	setup();
	make_ip(PEER, US, TEST_PROTO, 8);
	((struct iphdr *)pkt)->frag_off = htons(IP_MF);
	ip_send_check((struct iphdr *)pkt);
	rx_ip(28, fake_mac);
	CHECK_EQ(defrag_calls, 1);
	CHECK_EQ(test_proto_rx, 1); /* the stand-in says "complete" */
	CHECK_IPV4_NO_LEAKS();
}

TEST(every_packet_gets_an_rtable_and_frees_it)
{
	setup();
	for (int i = 0; i < 10; i++)
		rx_ip(make_ip(PEER, US, TEST_PROTO, 8), fake_mac);
	CHECK_EQ(rt_stats.allocated, 10);
	CHECK_EQ(rt_dst_live(), 0);
	CHECK_IPV4_NO_LEAKS();
}

RUN_TESTS()
