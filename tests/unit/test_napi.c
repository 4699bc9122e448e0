/*
 * Host tests for the receive and transmit core (net/core/dev.c parts 2-3,
 * net/ethernet/eth.c): NAPI scheduling, net_rx_action's budget and time
 * limit, eth_type_trans, delivery to taps and protocol handlers, the
 * netif_rx backlog, dev_queue_xmit, and /proc/net/softnet_stat. A fake
 * NIC (shim_netcore.h) plays the hardware.
 */
#include "tests/unit/shim_netcore.h"

/* ---- a protocol handler (ip_rcv's place) and a tap (tcpdump's) ---- */

struct seen {
	int frames;
	int shared;	  /* frames handed over with other holders */
	int pkt_type[8];  /* count per PACKET_* */
	unsigned int last_len;
	__be16 last_proto;
	bool data_at_network_header;
	char order[64];	  /* 'T' tap, 'I' ip, in delivery order */
};

static struct seen ip_seen, tap_seen;
static char order[64];

static void record(struct seen *s, struct sk_buff *skb, char who)
{
	size_t n = strlen(order);

	s->frames++;
	s->shared += skb_shared(skb);
	s->pkt_type[skb->pkt_type & 7]++;
	s->last_len = skb->len;
	s->last_proto = skb->protocol;
	s->data_at_network_header = skb->data == skb_network_header(skb);
	if (n + 1 < sizeof(order))
		order[n] = who;
}

static int fake_ip_rcv(struct sk_buff *skb, struct net_device *dev,
		       struct packet_type *pt, struct net_device *orig_dev)
{
	record(&ip_seen, skb, 'I');
	consume_skb(skb);
	return NET_RX_SUCCESS;
}

static int fake_tap_rcv(struct sk_buff *skb, struct net_device *dev,
			struct packet_type *pt, struct net_device *orig_dev)
{
	record(&tap_seen, skb, 'T');
	consume_skb(skb);
	return NET_RX_SUCCESS;
}

static struct packet_type ip_pt = { .type = htons(ETH_P_IP), .func = fake_ip_rcv };
static struct packet_type tap_pt = { .type = htons(ETH_P_ALL), .func = fake_tap_rcv };

static struct net_device *up_nic(void)
{
	struct net_device *dev = fake_nic_create();

	register_netdev(dev);
	dev_open(dev);
	return dev;
}

static struct fake_nic *nic_of(struct net_device *dev)
{
	return netdev_priv(dev);
}

static void reset(void)
{
	netcore_reset();
	memset(&ip_seen, 0, sizeof(ip_seen));
	memset(&tap_seen, 0, sizeof(tap_seen));
	memset(order, 0, sizeof(order));
	ip_pt.dev = tap_pt.dev = NULL;
	tap_pt.af_packet_priv = NULL;
	tap_pt.ignore_outgoing = false;
	INIT_LIST_HEAD(&tap_pt.list); /* finish() removes it, added or not */
	dev_add_pack(&ip_pt);
}

static void finish(struct net_device *dev)
{
	dev_remove_pack(&ip_pt);
	dev_remove_pack(&tap_pt);
	fake_nic_destroy(dev);
	CHECK(host_test_eflags & X86_EFLAGS_IF);
	CHECK_EQ(host_bh_disable_depth, 0);
	CHECK_NO_LEAKS();
}

static bool on_poll_list(struct napi_struct *n)
{
	struct napi_struct *p;

	list_for_each_entry(p, &softnet_data.poll_list, poll_list)
		if (p == n)
			return true;
	return false;
}

static void rx_frames(struct net_device *dev, int n)
{
	for (int i = 0; i < n; i++)
		fake_rx(dev, fake_mac, ETH_P_IP, 100);
}

/* ---- stage 4: napi_schedule ---- */

TEST(napi_is_disabled_until_the_driver_enables_it)
{
	struct net_device *dev;

	reset();
	dev = fake_nic_create();
	register_netdev(dev);
	CHECK(!napi_schedule(&nic_of(dev)->napi)); /* not open yet */
	CHECK_EQ(host_softirq_pending, 0);
	dev_open(dev);
	CHECK(napi_schedule(&nic_of(dev)->napi));
	host_run_softirqs();
	finish(dev);
}

TEST(irq_schedules_napi_once_and_raises_net_rx)
{
	struct net_device *dev;
	struct napi_struct *napi;

	reset();
	dev = up_nic();
	napi = &nic_of(dev)->napi;
	rx_frames(dev, 3);
	fake_irq(dev);
	CHECK(test_bit(NAPI_STATE_SCHED, &napi->state));
	CHECK(on_poll_list(napi));
	CHECK_EQ(host_softirq_pending, 1u << NET_RX_SOFTIRQ);
	CHECK(!napi_schedule(napi)); /* already scheduled: no second entry */
	CHECK(softnet_data.poll_list.next->next == &softnet_data.poll_list);
	CHECK_EQ(ip_seen.frames, 0);  /* nothing happens in hardirq */
	host_run_softirqs();
	CHECK_EQ(ip_seen.frames, 3);
	finish(dev);
}

/* ---- stages 5-7: net_rx_action, poll, delivery ---- */

TEST(poll_under_weight_delivers_all_completes_and_unmasks)
{
	struct net_device *dev;
	struct fake_nic *nic;

	reset();
	dev = up_nic();
	nic = nic_of(dev);
	rx_frames(dev, 10);
	fake_irq(dev);
	CHECK(nic->irq_masked);
	CHECK_EQ(host_run_softirqs(), 1);
	CHECK_EQ(ip_seen.frames, 10);
	CHECK_EQ(ip_seen.last_len, 100 - ETH_HLEN);
	CHECK_EQ(ip_seen.last_proto, htons(ETH_P_IP));
	CHECK(ip_seen.data_at_network_header);
	CHECK_EQ(ip_seen.pkt_type[PACKET_HOST], 10);
	CHECK(!nic->irq_masked);
	CHECK(!test_bit(NAPI_STATE_SCHED, &nic->napi.state));
	CHECK(list_empty(&softnet_data.poll_list));
	CHECK_EQ(host_softirq_pending, 0);
	CHECK_EQ(softnet_data.processed, 10);
	CHECK_EQ(softnet_data.time_squeeze, 0);
	finish(dev);
}

TEST(poll_using_its_weight_stays_scheduled_for_another_round)
{
	struct net_device *dev;
	struct fake_nic *nic;

	reset();
	dev = up_nic();
	nic = nic_of(dev);
	rx_frames(dev, 100);
	fake_irq(dev);
	host_run_softirqs();
	CHECK_EQ(ip_seen.frames, 64); /* one weight per napi per round */
	CHECK(nic->irq_masked);
	CHECK(on_poll_list(&nic->napi));
	CHECK_EQ(host_softirq_pending, 1u << NET_RX_SOFTIRQ);
	CHECK_EQ(softnet_data.time_squeeze, 0); /* budget 300 not used up */
	host_run_softirqs();
	CHECK_EQ(ip_seen.frames, 100);
	CHECK(!nic->irq_masked);
	CHECK_EQ(host_softirq_pending, 0);
	finish(dev);
}

TEST(budget_exhausted_counts_time_squeeze_and_keeps_the_rest_queued)
{
	struct net_device *a, *b, *c;

	reset();
	netdev_budget = 100;
	a = up_nic();
	b = up_nic();
	c = up_nic();
	rx_frames(a, 64);
	rx_frames(b, 64);
	rx_frames(c, 64);
	fake_irq(a);
	fake_irq(b);
	fake_irq(c);
	host_run_softirqs();
	CHECK_EQ(ip_seen.frames, 128); /* 64 + 64 >= 100: stop */
	CHECK_EQ(softnet_data.time_squeeze, 1);
	CHECK_EQ(nic_of(c)->polls, 0);
	CHECK(softnet_data.poll_list.next == &nic_of(c)->napi.poll_list);
	CHECK(on_poll_list(&nic_of(a)->napi)); /* used its weight: again */
	CHECK_EQ(host_softirq_pending, 1u << NET_RX_SOFTIRQ);
	while (host_softirq_pending)
		host_run_softirqs();
	CHECK_EQ(ip_seen.frames, 192);
	fake_nic_destroy(a);
	fake_nic_destroy(b);
	finish(c);
}

/* After a squeeze: unpolled first, then newly scheduled, then repolled. */
TEST(squeezed_round_requeues_in_linux_order)
{
	struct net_device *a, *b, *c, *d;
	struct list_head *l = &softnet_data.poll_list;

	reset();
	netdev_budget = 100;
	a = up_nic();
	b = up_nic();
	c = up_nic();
	d = up_nic();
	rx_frames(a, 64);
	rx_frames(b, 64);
	rx_frames(c, 1);
	rx_frames(d, 1);
	nic_of(a)->kick = d; /* d's IRQ arrives while a is polled */
	fake_irq(a);
	fake_irq(b);
	fake_irq(c);
	host_run_softirqs();
	CHECK(l->next == &nic_of(c)->napi.poll_list);
	CHECK(l->next->next == &nic_of(d)->napi.poll_list);
	CHECK(l->next->next->next == &nic_of(a)->napi.poll_list);
	CHECK(l->next->next->next->next == &nic_of(b)->napi.poll_list);
	nic_of(a)->kick = NULL;
	while (host_softirq_pending)
		host_run_softirqs();
	CHECK_EQ(ip_seen.frames, 130);
	fake_nic_destroy(a);
	fake_nic_destroy(b);
	fake_nic_destroy(c);
	finish(d);
}

TEST(napi_being_disabled_cannot_be_scheduled)
{
	struct net_device *dev;
	struct napi_struct *napi;

	reset();
	dev = up_nic();
	napi = &nic_of(dev)->napi;
	set_bit(NAPI_STATE_DISABLE, &napi->state); /* napi_disable is waiting */
	CHECK(!napi_schedule(napi));
	CHECK(!test_bit(NAPI_STATE_SCHED, &napi->state));
	clear_bit(NAPI_STATE_DISABLE, &napi->state);
	finish(dev);
}

TEST(time_limit_of_two_jiffies_counts_time_squeeze)
{
	struct net_device *a, *b;

	reset();
	a = up_nic();
	b = up_nic();
	nic_of(a)->jiffies_per_poll = 2;
	rx_frames(a, 5);
	rx_frames(b, 5);
	fake_irq(a);
	fake_irq(b);
	host_run_softirqs();
	CHECK_EQ(ip_seen.frames, 5);
	CHECK_EQ(softnet_data.time_squeeze, 1);
	CHECK(on_poll_list(&nic_of(b)->napi));
	host_run_softirqs();
	CHECK_EQ(ip_seen.frames, 10);
	fake_nic_destroy(a);
	finish(b);
}

TEST(full_weight_napi_and_a_newly_scheduled_one_share_the_next_round)
{
	struct net_device *a, *b;

	reset();
	a = up_nic();
	b = up_nic();
	rx_frames(a, 64);
	fake_irq(a);
	host_run_softirqs(); /* a used its whole weight: back on the list */
	rx_frames(b, 1);
	fake_irq(b);
	CHECK(softnet_data.poll_list.next == &nic_of(a)->napi.poll_list);
	CHECK(on_poll_list(&nic_of(b)->napi));
	host_run_softirqs();
	CHECK_EQ(ip_seen.frames, 65);
	CHECK(list_empty(&softnet_data.poll_list));
	CHECK(!nic_of(a)->irq_masked && !nic_of(b)->irq_masked);
	fake_nic_destroy(a);
	finish(b);
}

TEST(napi_disable_waits_for_a_scheduled_poll_to_finish)
{
	struct net_device *dev;
	struct napi_struct *napi;

	reset();
	dev = up_nic();
	napi = &nic_of(dev)->napi;
	rx_frames(dev, 100);
	fake_irq(dev);
	napi_disable(napi); /* runs the pending softirq until napi is free */
	CHECK(test_bit(NAPI_STATE_SCHED, &napi->state));
	CHECK(!test_bit(NAPI_STATE_DISABLE, &napi->state));
	CHECK(!on_poll_list(napi));
	CHECK(!napi_schedule(napi));
	CHECK_EQ(ip_seen.frames, 64); /* it stopped after the weight */
	napi_enable(napi);
	CHECK(napi_schedule(napi));
	while (host_softirq_pending)
		host_run_softirqs();
	CHECK_EQ(ip_seen.frames, 100);
	finish(dev);
}

/* ---- stage 7: eth_type_trans ---- */

TEST(eth_type_trans_classifies_by_destination)
{
	static const uint8_t mcast[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0, 0, 1 };
	static const uint8_t other[ETH_ALEN] = { 0x52, 0x54, 0, 0, 0, 9 };
	struct net_device *dev;

	reset();
	dev = up_nic();
	fake_rx(dev, fake_mac, ETH_P_IP, 60);
	fake_rx(dev, bcast_mac, ETH_P_IP, 60);
	fake_rx(dev, mcast, ETH_P_IP, 60);
	fake_rx(dev, other, ETH_P_IP, 60);
	fake_irq(dev);
	host_run_softirqs();
	CHECK_EQ(ip_seen.pkt_type[PACKET_HOST], 1);
	CHECK_EQ(ip_seen.pkt_type[PACKET_BROADCAST], 1);
	CHECK_EQ(ip_seen.pkt_type[PACKET_MULTICAST], 1);
	CHECK_EQ(ip_seen.pkt_type[PACKET_OTHERHOST], 1);
	finish(dev);
}

static struct sk_buff *frame_skb(struct net_device *dev, const uint8_t *dst,
				 uint16_t type, int len)
{
	struct sk_buff *skb = netdev_alloc_skb(dev, len);
	unsigned char *f = skb_put(skb, len);

	memset(f, 0xff, len);
	if (len >= ETH_HLEN) {
		memcpy(f, dst, ETH_ALEN);
		memcpy(f + ETH_ALEN, peer_mac, ETH_ALEN);
		f[12] = type >> 8;
		f[13] = type & 0xff;
	}
	return skb;
}

TEST(eth_type_trans_pulls_the_header_and_reads_the_type)
{
	struct net_device *dev;
	struct sk_buff *skb;
	unsigned char *start;

	reset();
	dev = up_nic();
	skb = frame_skb(dev, fake_mac, ETH_P_ARP, 60);
	start = skb->data;
	CHECK_EQ(eth_type_trans(skb, dev), htons(ETH_P_ARP));
	CHECK(skb_mac_header(skb) == start);
	CHECK(skb->data == start + ETH_HLEN);
	CHECK_EQ(skb->len, 60 - ETH_HLEN);
	CHECK(ether_addr_equal(eth_hdr(skb)->h_source, peer_mac));
	kfree_skb(skb);

	skb = frame_skb(dev, fake_mac, 46, 60); /* 802.3 length, LLC follows */
	skb->data[14] = 0xaa;
	CHECK_EQ(eth_type_trans(skb, dev), htons(ETH_P_802_2));
	kfree_skb(skb);
	skb = frame_skb(dev, fake_mac, 46, 60); /* raw 802.3: 0xFFFF follows */
	CHECK_EQ(eth_type_trans(skb, dev), htons(ETH_P_802_3));
	kfree_skb(skb);
	finish(dev);
}

TEST(frame_shorter_than_a_header_is_handled_not_crashed)
{
	struct net_device *dev;
	struct sk_buff *skb;

	reset();
	dev = up_nic();
	skb = frame_skb(dev, fake_mac, 0, 10);
	CHECK_EQ(eth_type_trans(skb, dev), 0);
	CHECK_EQ(skb->pkt_type, PACKET_OTHERHOST);
	CHECK_EQ(skb->len, 10);
	netif_receive_skb(skb);
	CHECK_EQ(ip_seen.frames, 0);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_UNHANDLED_PROTO), 1);
	finish(dev);
}

/* ---- stage 7: taps and handlers ---- */

TEST(tap_sees_every_frame_before_the_protocol_handler)
{
	struct net_device *dev;

	reset();
	dev_add_pack(&tap_pt);
	dev = up_nic();
	rx_frames(dev, 2);
	fake_irq(dev);
	host_run_softirqs();
	CHECK_EQ(tap_seen.frames, 2);
	CHECK_EQ(ip_seen.frames, 2);
	CHECK_STR(order, "TITI");
	CHECK_EQ(tap_seen.shared, 2); /* the tap got an extra reference */
	CHECK_EQ(ip_seen.shared, 0);  /* ip_rcv holds the last one alone */
	CHECK_EQ(skb_drop_count(SKB_CONSUMED), 2); /* freed once each */
	finish(dev);
}

TEST(unknown_ethertype_is_dropped_and_counted)
{
	struct net_device *dev;

	reset();
	dev = up_nic();
	fake_rx(dev, fake_mac, ETH_P_IPV6, 80);
	fake_irq(dev);
	host_run_softirqs();
	CHECK_EQ(ip_seen.frames, 0);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_UNHANDLED_PROTO), 1);
	CHECK_EQ(dev->core_stats.rx_dropped, 1);
	finish(dev);
}

TEST(unknown_ethertype_with_a_tap_open_is_not_a_drop)
{
	struct net_device *dev;

	reset();
	dev_add_pack(&tap_pt);
	dev = up_nic();
	fake_rx(dev, fake_mac, ETH_P_IPV6, 80);
	fake_irq(dev);
	host_run_softirqs();
	CHECK_EQ(tap_seen.frames, 1);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_UNHANDLED_PROTO), 0);
	CHECK_EQ(dev->core_stats.rx_dropped, 0);
	finish(dev);
}

TEST(handlers_bound_to_a_device_ignore_other_devices)
{
	struct net_device *a, *b;

	reset();
	a = up_nic();
	b = up_nic();
	tap_pt.dev = b;
	dev_add_pack(&tap_pt);
	rx_frames(a, 1);
	rx_frames(b, 1);
	fake_irq(a);
	fake_irq(b);
	host_run_softirqs();
	CHECK_EQ(ip_seen.frames, 2);
	CHECK_EQ(tap_seen.frames, 1);
	fake_nic_destroy(b); /* unhooks the tap bound to b */
	CHECK(list_empty(&ptype_all));
	finish(a);
}

TEST(removed_handler_gets_nothing)
{
	struct net_device *dev;

	reset();
	dev = up_nic();
	dev_remove_pack(&ip_pt);
	rx_frames(dev, 1);
	fake_irq(dev);
	host_run_softirqs();
	CHECK_EQ(ip_seen.frames, 0);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_UNHANDLED_PROTO), 1);
	finish(dev);
}

TEST(receive_records_input_interface_and_timestamp)
{
	struct net_device *dev;
	struct sk_buff *skb;

	reset();
	dev_remove_pack(&ip_pt);
	dev = up_nic();
	host_clock_ns = 12345;
	skb = frame_skb(dev, fake_mac, ETH_P_IP, 60);
	skb->protocol = eth_type_trans(skb, dev);
	skb_get(skb);
	netif_receive_skb(skb);
	CHECK_EQ(skb->skb_iif, dev->ifindex);
	CHECK_EQ(skb->tstamp, 12345);
	CHECK(skb->data == skb_network_header(skb));
	CHECK(skb->data == skb_transport_header(skb));
	kfree_skb(skb);
	finish(dev);
}

/* ---- netif_rx: the backlog for non-NAPI devices ---- */

/* A received frame as loopback passes it to netif_rx: type already read. */
static struct sk_buff *rx_skb(struct net_device *dev)
{
	struct sk_buff *skb = frame_skb(dev, fake_mac, ETH_P_IP, 60);

	skb->protocol = eth_type_trans(skb, dev);
	return skb;
}

TEST(netif_rx_queues_to_the_backlog_and_the_softirq_delivers)
{
	struct net_device *dev;

	reset();
	dev = up_nic();
	for (int i = 0; i < 3; i++)
		CHECK_EQ(netif_rx(rx_skb(dev)), NET_RX_SUCCESS);
	CHECK_EQ(skb_queue_len(&softnet_data.input_pkt_queue), 3);
	CHECK(on_poll_list(&softnet_data.backlog));
	CHECK_EQ(host_softirq_pending, 1u << NET_RX_SOFTIRQ);
	CHECK_EQ(ip_seen.frames, 0);
	host_run_softirqs();
	CHECK_EQ(ip_seen.frames, 3);
	CHECK_EQ(skb_queue_len(&softnet_data.input_pkt_queue), 0);
	CHECK(!test_bit(NAPI_STATE_SCHED, &softnet_data.backlog.state));
	CHECK(list_empty(&softnet_data.poll_list));
	CHECK_EQ(softnet_data.processed, 3);
	finish(dev);
}

TEST(full_backlog_drops_as_cpu_backlog_and_down_device_as_dev_ready)
{
	struct net_device *dev;

	reset();
	netdev_max_backlog = 2;
	dev = up_nic();
	netif_rx(rx_skb(dev));
	netif_rx(rx_skb(dev));
	CHECK_EQ(netif_rx(rx_skb(dev)), NET_RX_DROP);
	CHECK_EQ(softnet_data.dropped, 1);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_CPU_BACKLOG), 1);
	dev_close(dev);
	CHECK_EQ(netif_rx(rx_skb(dev)), NET_RX_DROP);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_DEV_READY), 1);
	CHECK_EQ(dev->core_stats.rx_dropped, 2);
	/* unregistering drops what the device left in the backlog */
	unregister_netdev(dev);
	CHECK_EQ(skb_queue_len(&softnet_data.input_pkt_queue), 0);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_DEV_READY), 3);
	host_run_softirqs();
	finish(dev);
}

/* ---- transmit ---- */

TEST(dev_queue_xmit_hands_the_frame_to_the_driver_and_taps_see_it)
{
	struct net_device *dev;
	struct fake_nic *nic;
	struct sk_buff *skb;

	reset();
	dev_add_pack(&tap_pt);
	dev = up_nic();
	nic = nic_of(dev);
	skb = alloc_skb(200, GFP_KERNEL);
	skb_reserve(skb, 64);
	skb_put(skb, 100);
	skb->dev = dev;
	CHECK_EQ(dev_hard_header(skb, dev, ETH_P_IP, peer_mac, NULL, 100), ETH_HLEN);
	CHECK_EQ(dev_queue_xmit(skb), NET_XMIT_SUCCESS);
	CHECK_EQ(skb_queue_len(&nic->txq), 1);
	CHECK(skb_peek(&nic->txq) == skb);
	CHECK(ether_addr_equal(skb->data, peer_mac));
	CHECK(ether_addr_equal(skb->data + ETH_ALEN, fake_mac));
	CHECK(skb_mac_header(skb) == skb->data);
	CHECK_EQ(tap_seen.frames, 1);
	CHECK_EQ(tap_seen.pkt_type[PACKET_OUTGOING], 1);
	CHECK_EQ(dev->stats.tx_packets, 1);
	CHECK_EQ(host_bh_disable_depth, 0);
	finish(dev);
}

TEST(sending_socket_does_not_see_its_own_frame)
{
	struct net_device *dev;
	struct sk_buff *skb;
	int sock;

	reset();
	tap_pt.af_packet_priv = &sock;
	dev_add_pack(&tap_pt);
	dev = up_nic();
	skb = alloc_skb(100, GFP_KERNEL);
	skb_put(skb, 60);
	skb->dev = dev;
	skb->sk = (struct sock *)&sock;
	dev_queue_xmit(skb);
	CHECK_EQ(tap_seen.frames, 0);
	finish(dev);
}

static struct sk_buff *tx_skb(struct net_device *dev)
{
	struct sk_buff *skb = alloc_skb(100, GFP_KERNEL);

	skb_put(skb, 60);
	skb->dev = dev;
	return skb;
}

TEST(transmit_on_a_down_stopped_or_busy_device_drops_and_counts)
{
	struct net_device *dev;

	reset();
	dev = fake_nic_create();
	register_netdev(dev);
	CHECK_EQ(dev_queue_xmit(tx_skb(dev)), -ENETDOWN);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_DEV_READY), 1);
	dev_open(dev);
	netif_stop_queue(dev);
	CHECK_EQ(dev_queue_xmit(tx_skb(dev)), NET_XMIT_DROP);
	netif_wake_queue(dev);
	nic_of(dev)->tx_ret = NETDEV_TX_BUSY;
	CHECK_EQ(dev_queue_xmit(tx_skb(dev)), NET_XMIT_DROP);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_QDISC_DROP), 2);
	CHECK_EQ(dev->core_stats.tx_dropped, 3);
	CHECK_EQ(skb_queue_len(&nic_of(dev)->txq), 0);
	finish(dev);
}

TEST(eth_header_without_destination_asks_the_neighbour_layer)
{
	struct net_device *dev;
	struct sk_buff *skb;

	reset();
	dev = up_nic();
	skb = alloc_skb(100, GFP_KERNEL);
	skb_reserve(skb, ETH_HLEN);
	CHECK_EQ(eth_header(skb, dev, ETH_P_ARP, NULL, NULL, 0), -ETH_HLEN);
	CHECK_EQ(((struct ethhdr *)skb->data)->h_proto, htons(ETH_P_ARP));
	kfree_skb(skb);
	finish(dev);
}

/* ---- /proc/net/softnet_stat ---- */

TEST(softnet_stat_has_linux_columns)
{
	struct net_device *dev;
	char text[256];

	reset();
	netdev_budget = 10;
	dev = up_nic();
	rx_frames(dev, 20);
	fake_irq(dev);
	host_run_softirqs();
	netdev_max_backlog = 0;
	netif_rx(rx_skb(dev));
	softnet_seq_show_all(text, sizeof(text));
	CHECK_STR(text, "00000014 00000001 00000001 00000000 00000000 00000000 "
			"00000000 00000000 00000000 00000000 00000000 00000000 "
			"00000000 00000000 00000000\n");
	finish(dev);
}

RUN_TESTS()
