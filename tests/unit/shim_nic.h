/*
 * shim_nic.h - what the host tests of the NIC receive rings share
 * (test_e1000_rx.c, test_rtl8139_rx.c): a registered, running net_device
 * with room for the driver's private state, frames to put in a fake ring,
 * and a protocol handler recording what reached the stack through the real
 * network core (shim_netcore.h).
 *
 * Test frames: fake_mac <- peer_mac, ethertype NIC_TEST_TYPE, then payload
 * bytes tag, tag+1, tag+2 ... so the handler can tell frames apart (got_tag)
 * and see that every byte arrived intact (got_intact), wrap-arounds included.
 */
#ifndef RXOS_TESTS_UNIT_SHIM_NIC_H
#define RXOS_TESTS_UNIT_SHIM_NIC_H

#include "tests/unit/shim_netcore.h"

volatile unsigned int __preempt_count; /* kernel/preempt.h; HARDIRQ_OFFSET
					  makes in_hardirq() true */

#define NIC_TEST_TYPE 0x88b5

static int got; /* frames delivered */
static unsigned int got_len[128]; /* their length with the Ethernet header */
static uint8_t got_tag[128];
static bool got_intact;

static int nic_test_rcv(struct sk_buff *skb, struct net_device *d,
			struct packet_type *pt, struct net_device *orig)
{
	for (unsigned int i = 1; i < skb->len; i++)
		if (skb->data[i] != (uint8_t)(skb->data[0] + i))
			got_intact = false;
	if (got < 128) {
		got_len[got] = skb->len + ETH_HLEN;
		got_tag[got] = skb->len ? skb->data[0] : 0;
	}
	got++;
	consume_skb(skb);
	return NET_RX_SUCCESS;
}

static struct packet_type nic_test_pt = { .type = htons(NIC_TEST_TYPE),
					  .func = nic_test_rcv };
static const struct net_device_ops nic_test_ops; /* registrable, no more */

/* Fresh core, a running Ethernet device with sizeof_priv of private area. */
static struct net_device *nic_test_dev_create(int sizeof_priv)
{
	struct net_device *dev;

	netcore_reset();
	got = 0;
	got_intact = true;
	__preempt_count = 0;
	dev = alloc_etherdev(sizeof_priv);
	eth_hw_addr_set(dev, fake_mac);
	dev->netdev_ops = &nic_test_ops;
	CHECK_EQ(register_netdev(dev), 0);
	set_bit(__LINK_STATE_START, &dev->state); /* as dev_open would */
	dev_add_pack(&nic_test_pt);
	return dev;
}

/* The caller freed its own buffers first: then nothing may be left. */
static void nic_test_dev_destroy(struct net_device *dev)
{
	dev_remove_pack(&nic_test_pt);
	unregister_netdev(dev);
	free_netdev(dev);
	CHECK_NO_LEAKS();
}

/* A test frame of len bytes (no FCS) into buf. */
static void nic_test_frame(uint8_t *buf, unsigned int len, uint8_t tag)
{
	memcpy(buf, fake_mac, ETH_ALEN);
	memcpy(buf + ETH_ALEN, peer_mac, ETH_ALEN);
	buf[12] = NIC_TEST_TYPE >> 8;
	buf[13] = NIC_TEST_TYPE & 0xff;
	for (unsigned int i = ETH_HLEN; i < len; i++)
		buf[i] = (uint8_t)(tag + i - ETH_HLEN);
}

#endif
