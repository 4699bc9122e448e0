/*
 * Host tests for IPv4 transmit (net/ipv4/ip_output.c, route.c's output
 * side) and ip= applied at boot (ipconfig.c's ip_auto_config).
 */
#include "tests/unit/shim_ipv4.h"

static const uint8_t gw_mac[ETH_ALEN] = { 0x52, 0x55, 0x0a, 0x00, 0x02, 0x02 };

static struct sk_buff *payload(unsigned int len)
{
	struct sk_buff *skb = alloc_skb(MAX_HEADER + 20 + len, GFP_ATOMIC);

	skb_reserve(skb, MAX_HEADER + 20);
	memset(skb_put(skb, len), 0x5a, len);
	return skb;
}

/* Make 10.0.2.2 (the gateway) resolved, as an ARP exchange would. */
static void resolve_gateway(void)
{
	struct neighbour *n = __neigh_create(&arp_tbl, IP4(10, 0, 2, 2), test_dev);

	neigh_update(n, gw_mac, NUD_REACHABLE, NEIGH_UPDATE_F_OVERRIDE);
	neigh_release(n);
}

static void setup(void)
{
	ipv4_reset();
	ipv4_configure();
	tx_purge();
}

TEST(a_datagram_leaves_with_a_valid_header_through_the_gateway)
{
	struct sk_buff *tx;
	const struct ethhdr *eth;
	const struct iphdr *iph;

	setup();
	resolve_gateway();
	CHECK_EQ(ip_build_and_send_pkt(payload(10), 0, IP4(8, 8, 8, 8),
				       TEST_PROTO, 0x10), 0);
	CHECK_EQ(tx_count(), 1);
	tx = tx_pop();
	eth = (const struct ethhdr *)tx->data;
	iph = (const struct iphdr *)(tx->data + ETH_HLEN);
	CHECK(!memcmp(eth->h_dest, gw_mac, 6));
	CHECK(!memcmp(eth->h_source, fake_mac, 6));
	CHECK_EQ(ntohs(eth->h_proto), ETH_P_IP);
	CHECK_EQ(iph->version, 4);
	CHECK_EQ(iph->ihl, 5);
	CHECK_EQ(iph->tos, 0x10);
	CHECK_EQ(ntohs(iph->tot_len), 30);
	CHECK_EQ(iph->ttl, 64);
	CHECK_EQ(iph->protocol, TEST_PROTO);
	CHECK_EQ(iph->saddr, IP4(10, 0, 2, 15)); /* the route's source */
	CHECK_EQ(iph->daddr, IP4(8, 8, 8, 8));
	CHECK_EQ(ip_fast_csum(iph, 5), 0);
	CHECK_EQ(tx->len, ETH_HLEN + 30u);
	kfree_skb(tx);
	CHECK_EQ(STAT(OUTREQUESTS), 1);
	CHECK_EQ(STAT(OUTPKTS), 1);
	CHECK_IPV4_NO_LEAKS();
}

TEST(an_on_link_destination_is_resolved_by_arp_first)
{
	struct sk_buff *tx;

	setup();
	ip_build_and_send_pkt(payload(10), 0, IP4(10, 0, 2, 40), TEST_PROTO, 0);
	CHECK_EQ(tx_count(), 1);
	tx = tx_pop();
	CHECK_EQ(ntohs(((const struct ethhdr *)tx->data)->h_proto), ETH_P_ARP);
	CHECK(!memcmp(tx->data, bcast_mac, 6));
	kfree_skb(tx);
	CHECK_IPV4_NO_LEAKS();
}

TEST(broadcast_goes_to_the_broadcast_address_without_arp)
{
	struct sk_buff *tx;

	setup();
	ip_build_and_send_pkt(payload(4), 0, IP4(10, 0, 2, 255), TEST_PROTO, 0);
	tx = tx_pop();
	CHECK(tx != NULL);
	CHECK(!memcmp(tx->data, bcast_mac, 6));
	CHECK_EQ(ntohs(((const struct ethhdr *)tx->data)->h_proto), ETH_P_IP);
	kfree_skb(tx);
	CHECK_IPV4_NO_LEAKS();
}

TEST(no_route_is_enetunreach_and_counted)
{
	struct fib_config def = { .fc_table = RT_TABLE_MAIN };

	setup();
	fib_table_delete(&def);
	CHECK_EQ(ip_build_and_send_pkt(payload(4), 0, IP4(8, 8, 8, 8),
				       TEST_PROTO, 0), -ENETUNREACH);
	CHECK_EQ(STAT(OUTNOROUTES), 1);
	CHECK_EQ(DROPS(IP_OUTNOROUTES), 1);
	CHECK(IS_ERR(ip_route_output(IP4(8, 8, 8, 8), 0, 0)));
	CHECK_IPV4_NO_LEAKS();
}

TEST(a_source_address_that_is_not_ours_is_refused)
{
	struct rtable *rt;

	setup();
	rt = ip_route_output(IP4(8, 8, 8, 8), IP4(10, 0, 2, 99), 0);
	CHECK_EQ(PTR_ERR(rt), -EINVAL);
	rt = ip_route_output(IP4(8, 8, 8, 8), IP4(10, 0, 2, 15), 0);
	CHECK(!IS_ERR(rt));
	CHECK_EQ(rt->rt_gw4, IP4(10, 0, 2, 2));
	CHECK(rt->dst.dev == test_dev);
	ip_rt_put(rt);
	CHECK_EQ(PTR_ERR(ip_route_output(IP4(8, 8, 8, 8), 0, 42)), -ENODEV);
	CHECK_IPV4_NO_LEAKS();
}

TEST(too_big_with_df_is_emsgsize_without_df_is_fragmented)
{
	struct sk_buff *skb;

	setup();
	resolve_gateway();
	test_dev->mtu = 100;
	skb = payload(200);
	ip_build_and_send_pkt(skb, 0, IP4(8, 8, 8, 8), TEST_PROTO, 0);
	CHECK_EQ(frag_calls, 1);
	/* with DF: build it by hand, as a socket with pmtudisc would */
	skb = payload(200);
	{
		struct rtable *rt = ip_route_output(IP4(8, 8, 8, 8), 0, 0);
		struct iphdr *iph;

		skb_dst_set(skb, &rt->dst);
		iph = skb_push(skb, 20);
		skb_reset_network_header(skb);
		memset(iph, 0, 20);
		iph->version = 4;
		iph->ihl = 5;
		iph->ttl = 64;
		iph->frag_off = htons(IP_DF);
		iph->daddr = IP4(8, 8, 8, 8);
		iph->saddr = IP4(10, 0, 2, 15);
		CHECK_EQ(ip_local_out(skb), -EMSGSIZE);
	}
	CHECK_EQ(DROPS(PKT_TOO_BIG), 1);
	CHECK_EQ(STAT(FRAGFAILS), 1);
	CHECK_EQ(icmp_calls, 0); /* local: the sender gets EMSGSIZE, no ICMP */
	CHECK_EQ(tx_count(), 0);
	test_dev->mtu = 1500;
	CHECK_IPV4_NO_LEAKS();
}

TEST(little_headroom_is_copied_not_a_crash)
{
	struct sk_buff *skb = alloc_skb(20 + 4, GFP_ATOMIC), *tx;

	setup();
	resolve_gateway();
	skb_reserve(skb, 20);
	memset(skb_put(skb, 4), 1, 4);
	CHECK_EQ(ip_build_and_send_pkt(skb, 0, IP4(8, 8, 8, 8), TEST_PROTO, 0), 0);
	tx = tx_pop();
	CHECK(tx != NULL);
	CHECK_EQ(tx->len, ETH_HLEN + 24u);
	kfree_skb(tx);
	CHECK_IPV4_NO_LEAKS();
}

/* ---- ip= ---- */

static void ic_set(const char *val)
{
	const char *why;

	ic_parse(val, &ic_config, &why);
}

TEST(ip_auto_config_sets_address_mask_and_default_route)
{
	char text[1024];

	ipv4_reset();
	dev_close(test_dev);
	ic_set("10.0.2.15::10.0.2.2:255.255.255.0::eth0:off");
	CHECK_EQ(ip_auto_config(), 0);
	CHECK(test_dev->flags & IFF_UP);
	CHECK_EQ(inet_select_addr(test_dev, 0, RT_SCOPE_UNIVERSE),
		 IP4(10, 0, 2, 15));
	CHECK_EQ(__in_dev_get(test_dev)->ifa_list->ifa_broadcast,
		 IP4(10, 0, 2, 255));
	fib_route_seq_show(text, sizeof(text));
	CHECK(strstr(text, "\neth0\t00000000\t0202000A\t0003\t"));
	CHECK(strstr(text, "\neth0\t0002000A\t00000000\t0001\t"));
	CHECK(strstr(host_log, "IP-Config: Complete:"));
	CHECK(strstr(host_log, "device=eth0, hwaddr=52:54:00:12:34:56, "
			       "ipaddr=10.0.2.15, mask=255.255.255.0, gw=10.0.2.2"));
	memset(&ic_config, 0, sizeof(ic_config));
	CHECK_IPV4_NO_LEAKS();
}

TEST(ip_auto_config_reports_a_missing_device_and_a_far_gateway)
{
	ipv4_reset();
	ic_set("10.0.2.15::10.0.2.2:255.255.255.0::eth5:off");
	CHECK_EQ(ip_auto_config(), -ENODEV);
	CHECK(strstr(host_log, "IP-Config: Device `eth5' not found"));
	ic_set("10.0.2.15::10.9.9.9:255.255.255.0::eth0:off");
	CHECK_EQ(ip_auto_config(), -ENETUNREACH);
	CHECK(strstr(host_log, "Gateway not on directly connected network"));
	ic_set("off");
	CHECK_EQ(ip_auto_config(), 0);
	memset(&ic_config, 0, sizeof(ic_config));
	CHECK_IPV4_NO_LEAKS();
}

RUN_TESTS()
