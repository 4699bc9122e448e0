/*
 * Host tests for ARP (net/ipv4/arp.c: arp_rcv, arp_process, the ioctls,
 * /proc/net/arp) and the neighbour state machine (net/core/neighbour.c):
 * each arp_process decision, each NUD transition with the timers driven
 * by a fake clock, and the bound on frames waiting for resolution.
 */
#include "tests/unit/shim_ipv4.h"

static const uint8_t other_mac[ETH_ALEN] = { 0x52, 0x55, 0x0a, 0x00, 0x02, 0x99 };

/* An ARP packet as it arrives: op, sender (sha, sip), target (tha, tip). */
static struct sk_buff *arp_frame(int op, const uint8_t *sha, __be32 sip,
				 const uint8_t *tha, __be32 tip,
				 const uint8_t *eth_dst)
{
	unsigned char p[28];
	struct arphdr *arp = (struct arphdr *)p;

	arp->ar_hrd = htons(ARPHRD_ETHER);
	arp->ar_pro = htons(ETH_P_IP);
	arp->ar_hln = 6;
	arp->ar_pln = 4;
	arp->ar_op = htons(op);
	memcpy(p + 8, sha, 6);
	memcpy(p + 14, &sip, 4);
	memcpy(p + 18, tha, 6);
	memcpy(p + 24, &tip, 4);
	return rx_skb(p, sizeof(p), ETH_P_ARP, eth_dst);
}

static const uint8_t zero_mac[ETH_ALEN];

static void rx(struct sk_buff *skb)
{
	netif_receive_skb(skb);
}

static struct neighbour *nb(__be32 ip)
{
	struct neighbour *n = neigh_lookup(&arp_tbl, ip, test_dev);

	if (n) /* the table still holds it: safe to peek after releasing */
		neigh_release(n);
	return n;
}

/* The ARP payload of a transmitted frame (after its Ethernet header). */
static const struct arphdr *tx_arp(const struct sk_buff *skb)
{
	const struct ethhdr *eth = (const struct ethhdr *)skb->data;

	if (eth->h_proto != htons(ETH_P_ARP))
		return NULL;
	return (const struct arphdr *)(skb->data + ETH_HLEN);
}

static __be32 arp_ip(const struct arphdr *arp, int off)
{
	__be32 v;

	memcpy(&v, (const unsigned char *)arp + off, 4);
	return v;
}

TEST(request_for_us_is_answered_and_creates_a_stale_sender_entry)
{
	struct sk_buff *tx;
	const struct arphdr *arp;
	const struct ethhdr *eth;
	struct neighbour *n;

	ipv4_reset();
	ipv4_configure();
	tx_purge(); /* the gratuitous ARP */
	rx(arp_frame(ARPOP_REQUEST, peer_mac, IP4(10, 0, 2, 2), zero_mac,
		     IP4(10, 0, 2, 15), bcast_mac));
	CHECK_EQ(tx_count(), 1);
	tx = tx_pop();
	eth = (const struct ethhdr *)tx->data;
	arp = tx_arp(tx);
	CHECK(arp != NULL);
	CHECK(!memcmp(eth->h_dest, peer_mac, 6)); /* unicast to the asker */
	CHECK_EQ(ntohs(arp->ar_op), ARPOP_REPLY);
	CHECK(!memcmp((const unsigned char *)arp + 8, fake_mac, 6));
	CHECK_EQ(arp_ip(arp, 14), IP4(10, 0, 2, 15));
	CHECK(!memcmp((const unsigned char *)arp + 18, peer_mac, 6));
	CHECK_EQ(arp_ip(arp, 24), IP4(10, 0, 2, 2));
	kfree_skb(tx);
	n = nb(IP4(10, 0, 2, 2));
	CHECK(n != NULL);
	CHECK_EQ(n->nud_state, NUD_STALE);
	CHECK(!memcmp(n->ha, peer_mac, 6));
	CHECK(neigh_check_state(n));
	CHECK_IPV4_NO_LEAKS();
}

TEST(request_for_another_host_is_ignored_and_learns_nothing)
{
	ipv4_reset();
	ipv4_configure();
	tx_purge();
	rx(arp_frame(ARPOP_REQUEST, peer_mac, IP4(10, 0, 2, 2), zero_mac,
		     IP4(10, 0, 2, 99), bcast_mac));
	CHECK_EQ(tx_count(), 0);
	CHECK(nb(IP4(10, 0, 2, 2)) == NULL);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_NOT_SPECIFIED), 0);
	CHECK_IPV4_NO_LEAKS();
}

TEST(unsolicited_reply_creates_no_entry)
{
	ipv4_reset();
	ipv4_configure();
	tx_purge();
	rx(arp_frame(ARPOP_REPLY, peer_mac, IP4(10, 0, 2, 3), fake_mac,
		     IP4(10, 0, 2, 15), fake_mac));
	CHECK(nb(IP4(10, 0, 2, 3)) == NULL);
	CHECK_EQ(arp_tbl.count, 0);
	CHECK_EQ(tx_count(), 0);
	CHECK_IPV4_NO_LEAKS();
}

TEST(gratuitous_arp_updates_a_known_entry_and_creates_none)
{
	struct neighbour *n;

	ipv4_reset();
	ipv4_configure();
	rx(arp_frame(ARPOP_REQUEST, peer_mac, IP4(10, 0, 2, 2), zero_mac,
		     IP4(10, 0, 2, 15), bcast_mac));
	tx_purge();
	/* 10.0.2.2 moved to other_mac and says so (sip == tip) */
	rx(arp_frame(ARPOP_REQUEST, other_mac, IP4(10, 0, 2, 2), zero_mac,
		     IP4(10, 0, 2, 2), bcast_mac));
	n = nb(IP4(10, 0, 2, 2));
	CHECK(n && !memcmp(n->ha, other_mac, 6));
	CHECK_EQ(n->nud_state, NUD_STALE);
	/* a stranger announcing itself is not learnt (arp_accept=0) */
	rx(arp_frame(ARPOP_REQUEST, other_mac, IP4(10, 0, 2, 50), zero_mac,
		     IP4(10, 0, 2, 50), bcast_mac));
	CHECK(nb(IP4(10, 0, 2, 50)) == NULL);
	CHECK_EQ(tx_count(), 0);
	CHECK_IPV4_NO_LEAKS();
}

TEST(duplicate_address_probe_for_us_is_answered_without_learning)
{
	ipv4_reset();
	ipv4_configure();
	tx_purge();
	rx(arp_frame(ARPOP_REQUEST, peer_mac, 0, zero_mac, IP4(10, 0, 2, 15),
		     bcast_mac));
	CHECK_EQ(tx_count(), 1);
	CHECK_EQ(arp_tbl.count, 0);
	CHECK_IPV4_NO_LEAKS();
}

TEST(bad_arp_headers_are_dropped_with_named_reasons)
{
	struct sk_buff *skb;

	ipv4_reset();
	ipv4_configure();
	tx_purge();
	skb = arp_frame(ARPOP_REQUEST, peer_mac, IP4(10, 0, 2, 2), zero_mac,
			IP4(10, 0, 2, 15), bcast_mac);
	((struct arphdr *)skb->data)->ar_hrd = htons(6); /* IEEE 802 */
	rx(skb);
	skb = arp_frame(ARPOP_REQUEST, peer_mac, IP4(10, 0, 2, 2), zero_mac,
			IP4(10, 0, 2, 15), bcast_mac);
	((struct arphdr *)skb->data)->ar_pro = htons(ETH_P_IPV6);
	rx(skb);
	skb = arp_frame(9, peer_mac, IP4(10, 0, 2, 2), zero_mac,
			IP4(10, 0, 2, 15), bcast_mac);
	rx(skb);
	skb = arp_frame(ARPOP_REQUEST, peer_mac, IP4(10, 0, 2, 2), zero_mac,
			IP4(10, 0, 2, 15), bcast_mac);
	((struct arphdr *)skb->data)->ar_hln = 4;
	rx(skb);
	CHECK_EQ(DROPS(INVALID_PROTO), 4);
	skb = arp_frame(ARPOP_REQUEST, peer_mac, IP4(10, 0, 2, 2), zero_mac,
			IP4(10, 0, 2, 15), bcast_mac);
	skb_trim(skb, 20);
	rx(skb);
	CHECK_EQ(DROPS(PKT_TOO_SMALL), 1);
	rx(arp_frame(ARPOP_REQUEST, peer_mac, IP4(10, 0, 2, 2), zero_mac,
		     IP4(224, 0, 0, 1), bcast_mac));
	rx(arp_frame(ARPOP_REQUEST, peer_mac, IP4(10, 0, 2, 2), zero_mac,
		     IP4(127, 0, 0, 1), bcast_mac));
	CHECK_EQ(DROPS(IP_INADDRERRORS), 2);
	CHECK_EQ(tx_count(), 0);
	CHECK_EQ(arp_tbl.count, 0);
	CHECK_IPV4_NO_LEAKS();
}

TEST(setting_an_address_sends_a_gratuitous_arp)
{
	struct sk_buff *tx;
	const struct arphdr *arp;

	ipv4_reset();
	devinet_add_addr(test_dev, IP4(10, 0, 2, 15), IP4(255, 255, 255, 0));
	CHECK_EQ(tx_count(), 1);
	tx = tx_pop();
	arp = tx_arp(tx);
	CHECK(!memcmp(tx->data, bcast_mac, 6));
	CHECK_EQ(ntohs(arp->ar_op), ARPOP_REQUEST);
	CHECK_EQ(arp_ip(arp, 14), IP4(10, 0, 2, 15));
	CHECK_EQ(arp_ip(arp, 24), IP4(10, 0, 2, 15));
	kfree_skb(tx);
	CHECK_IPV4_NO_LEAKS();
}

/* ---- the neighbour state machine ---- */

static int send_to(__be32 daddr);

/* The id the next datagram gets: send one more and look. */
static int ip_ident_peek(void)
{
	struct sk_buff *skb;
	int id;

	tx_purge();
	send_to(IP4(10, 0, 2, 3));
	skb = tx_pop();
	id = ntohs(((const struct iphdr *)(skb->data + ETH_HLEN))->id);
	kfree_skb(skb);
	return id;
}

/* Send a small datagram to daddr through the real output path. */
static int send_to(__be32 daddr)
{
	struct sk_buff *skb = alloc_skb(MAX_HEADER + 20 + 8, GFP_ATOMIC);

	skb_reserve(skb, MAX_HEADER + 20);
	memset(skb_put(skb, 8), 0x5a, 8);
	return ip_build_and_send_pkt(skb, 0, daddr, TEST_PROTO, 0);
}

static int count_tx_arp_requests(void)
{
	struct sk_buff *skb;
	int n = 0;

	while ((skb = tx_pop())) {
		const struct arphdr *arp = tx_arp(skb);

		if (arp && arp->ar_op == htons(ARPOP_REQUEST))
			n++;
		kfree_skb(skb);
	}
	return n;
}

TEST(incomplete_sends_three_probes_then_fails_and_drops_the_queue)
{
	struct neighbour *n;

	ipv4_reset();
	ipv4_configure();
	tx_purge();
	CHECK_EQ(send_to(IP4(10, 0, 2, 3)), 0);
	n = nb(IP4(10, 0, 2, 3));
	CHECK_EQ(n->nud_state, NUD_INCOMPLETE);
	CHECK(neigh_check_state(n));
	CHECK_EQ(count_tx_arp_requests(), 1);
	advance(HZ);
	CHECK_EQ(count_tx_arp_requests(), 1);
	advance(HZ);
	CHECK_EQ(count_tx_arp_requests(), 1);
	CHECK_EQ(n->nud_state, NUD_INCOMPLETE);
	advance(HZ);
	CHECK_EQ(count_tx_arp_requests(), 0);
	CHECK_EQ(n->nud_state, NUD_FAILED);
	CHECK_EQ(DROPS(NEIGH_FAILED), 1);
	CHECK(neigh_check_state(n));
	/* the next packet starts over */
	send_to(IP4(10, 0, 2, 3));
	CHECK_EQ(n->nud_state, NUD_INCOMPLETE);
	CHECK_EQ(count_tx_arp_requests(), 1);
	CHECK_IPV4_NO_LEAKS();
}

TEST(waiting_frames_are_bounded_and_released_in_order_on_reply)
{
	struct neighbour *n;
	struct sk_buff *skb;
	int sent = 0, first_id = -1;

	ipv4_reset();
	ipv4_configure();
	tx_purge();
	for (int i = 0; i < 5; i++)
		send_to(IP4(10, 0, 2, 3));
	n = nb(IP4(10, 0, 2, 3));
	CHECK_EQ(skb_queue_len(&n->arp_queue), 3);
	CHECK_EQ(DROPS(NEIGH_QUEUEFULL), 2); /* the two oldest */
	CHECK_EQ(arp_tbl.stats.unres_discards, 2);
	CHECK_EQ(count_tx_arp_requests(), 1);
	rx(arp_frame(ARPOP_REPLY, peer_mac, IP4(10, 0, 2, 3), fake_mac,
		     IP4(10, 0, 2, 15), fake_mac));
	CHECK_EQ(n->nud_state, NUD_REACHABLE);
	CHECK(neigh_check_state(n));
	CHECK_EQ(skb_queue_len(&n->arp_queue), 0);
	while ((skb = tx_pop())) {
		const struct iphdr *iph = (const void *)(skb->data + ETH_HLEN);

		CHECK(!memcmp(skb->data, peer_mac, 6));
		if (first_id < 0)
			first_id = ntohs(iph->id);
		CHECK_EQ(ntohs(iph->id), first_id + sent); /* in order */
		sent++;
		kfree_skb(skb);
	}
	CHECK_EQ(sent, 3);
	CHECK_EQ(ip_ident_peek() - first_id, 3); /* the last three survived */
	CHECK_IPV4_NO_LEAKS();
}

TEST(reachable_goes_stale_then_delay_then_probe_then_failed)
{
	struct neighbour *n;

	ipv4_reset();
	ipv4_configure();
	send_to(IP4(10, 0, 2, 3));
	rx(arp_frame(ARPOP_REPLY, peer_mac, IP4(10, 0, 2, 3), fake_mac,
		     IP4(10, 0, 2, 15), fake_mac));
	tx_purge();
	n = nb(IP4(10, 0, 2, 3));
	CHECK_EQ(n->nud_state, NUD_REACHABLE);
	advance(arp_tbl.parms.reachable_time + HZ);
	CHECK_EQ(n->nud_state, NUD_STALE);
	CHECK(neigh_check_state(n));
	/* STALE: sent at once with the old address, then DELAY */
	send_to(IP4(10, 0, 2, 3));
	CHECK_EQ(n->nud_state, NUD_DELAY);
	CHECK_EQ(tx_count(), 1);
	tx_purge();
	advance(5 * HZ + 1);
	CHECK_EQ(n->nud_state, NUD_PROBE);
	CHECK(neigh_check_state(n));
	CHECK_EQ(tx_count(), 1); /* a unicast probe to the cached address */
	{
		struct sk_buff *probe = tx_pop();

		CHECK(!memcmp(probe->data, peer_mac, 6));
		kfree_skb(probe);
	}
	advance(HZ);
	advance(HZ);
	CHECK_EQ(count_tx_arp_requests(), 2);
	advance(HZ);
	CHECK_EQ(n->nud_state, NUD_FAILED);
	CHECK(neigh_check_state(n));
	CHECK_IPV4_NO_LEAKS();
}

TEST(delay_confirmed_by_a_reply_returns_to_reachable)
{
	struct neighbour *n;

	ipv4_reset();
	ipv4_configure();
	rx(arp_frame(ARPOP_REQUEST, peer_mac, IP4(10, 0, 2, 2), zero_mac,
		     IP4(10, 0, 2, 15), bcast_mac)); /* STALE */
	send_to(IP4(8, 8, 8, 8)); /* via 10.0.2.2 */
	n = nb(IP4(10, 0, 2, 2));
	CHECK_EQ(n->nud_state, NUD_DELAY);
	rx(arp_frame(ARPOP_REPLY, peer_mac, IP4(10, 0, 2, 2), fake_mac,
		     IP4(10, 0, 2, 15), fake_mac));
	CHECK_EQ(n->nud_state, NUD_REACHABLE);
	CHECK(neigh_check_state(n));
	CHECK_IPV4_NO_LEAKS();
}

/* ---- arp -s / -d and /proc/net/arp ---- */

static struct arpreq areq(__be32 ip, const uint8_t *mac, int flags,
			  const char *dev)
{
	struct arpreq r;

	memset(&r, 0, sizeof(r));
	r.arp_pa.sa_family = AF_INET;
	((struct sockaddr_in *)&r.arp_pa)->sin_addr.s_addr = ip;
	r.arp_ha.sa_family = ARPHRD_ETHER;
	if (mac)
		memcpy(r.arp_ha.sa_data, mac, 6);
	r.arp_flags = flags;
	strcpy(r.arp_dev, dev);
	return r;
}

TEST(permanent_entries_from_arp_s_ignore_arp_and_go_with_arp_d)
{
	struct arpreq r = areq(IP4(10, 0, 2, 7), other_mac, ATF_PERM, "");
	struct neighbour *n;
	char text[512];

	ipv4_reset();
	ipv4_configure();
	CHECK_EQ(arp_ioctl(SIOCSARP, &r), 0);
	n = nb(IP4(10, 0, 2, 7));
	CHECK_EQ(n->nud_state, NUD_PERMANENT);
	rx(arp_frame(ARPOP_REPLY, peer_mac, IP4(10, 0, 2, 7), fake_mac,
		     IP4(10, 0, 2, 15), fake_mac));
	CHECK(!memcmp(n->ha, other_mac, 6));
	arp_seq_show(text, sizeof(text));
	CHECK_STR(text,
		  "IP address       HW type     Flags       HW address            Mask     Device\n"
		  "10.0.2.7         0x1         0x6         52:55:0a:00:02:99     *      eth0\n");
	r = areq(IP4(10, 0, 2, 7), NULL, 0, "eth0");
	CHECK_EQ(arp_ioctl(SIOCGARP, &r), 0);
	CHECK_EQ(r.arp_flags, ATF_PERM | ATF_COM);
	CHECK(!memcmp(r.arp_ha.sa_data, other_mac, 6));
	r = areq(IP4(10, 0, 2, 7), NULL, 0, "");
	CHECK_EQ(arp_ioctl(SIOCDARP, &r), 0);
	CHECK(nb(IP4(10, 0, 2, 7)) == NULL);
	CHECK_EQ(arp_ioctl(SIOCDARP, &r), -ENXIO);
	r = areq(IP4(10, 0, 2, 7), NULL, 0, "eth0");
	CHECK_EQ(arp_ioctl(SIOCGARP, &r), -ENXIO);
	r = areq(IP4(10, 0, 2, 7), other_mac, ATF_PERM, "eth9");
	CHECK_EQ(arp_ioctl(SIOCSARP, &r), -ENODEV);
	r.arp_pa.sa_family = AF_INET6;
	CHECK_EQ(arp_ioctl(SIOCSARP, &r), -EPFNOSUPPORT);
	CHECK_IPV4_NO_LEAKS();
}

TEST(proc_net_arp_shows_incomplete_with_zero_address_and_hides_noarp)
{
	char text[512];

	ipv4_reset();
	ipv4_configure();
	send_to(IP4(10, 0, 2, 3));
	send_to(IP4(10, 0, 2, 255)); /* broadcast: NOARP, hidden */
	arp_seq_show(text, sizeof(text));
	CHECK_STR(text,
		  "IP address       HW type     Flags       HW address            Mask     Device\n"
		  "10.0.2.3         0x1         0x0         00:00:00:00:00:00     *      eth0\n");
	CHECK_IPV4_NO_LEAKS();
}

RUN_TESTS()
