/*
 * shim_netcore.h - the network core (skbuff, dev, eth, /proc text) built
 * for a host unit test, on the slab/printk/softirq shims, plus a fake
 * Ethernet driver the tests drive as hardware would:
 *
 *   fake_rx(nic, frame)   a frame lands in the RX "ring"
 *   fake_irq(nic)         the NIC interrupts: mask, napi_schedule
 *   host_run_softirqs()   irq_exit runs NET_RX: net_rx_action polls
 *
 * fake_poll is shaped like e1000_clean: up to budget frames, each wrapped
 * in an skb (napi_alloc_skb, eth_type_trans, napi_gro_receive), then
 * napi_complete_done and unmask when under budget.
 */
#ifndef RXOS_TESTS_UNIT_SHIM_NETCORE_H
#define RXOS_TESTS_UNIT_SHIM_NETCORE_H

#include "tests/unit/unit.h"
#include "lib/string.c"
#include "lib/vsprintf.c"
#include "tests/unit/shim_printk.h"
#include "tests/unit/shim_slab.h"
#include "tests/unit/shim_softirq.h"
#include "tests/unit/shim_procfs.h"
#include "net/core/skbuff.c"
#include "net/core/dev.c"
#define proc_create_single shim_proc_create_single
#define proc_create_rw shim_proc_create_rw
#include "net/core/net-procfs.c"
#undef proc_create_single
#undef proc_create_rw
#include "net/ethernet/eth.c"

#define FAKE_RING 512

struct fake_nic {
	struct napi_struct napi;
	unsigned char ring[FAKE_RING][ETH_FRAME_LEN];
	int ring_len[FAKE_RING];
	int rx_head, rx_tail;	 /* frames [head, tail) wait in the ring */
	bool irq_masked;
	int polls;
	int jiffies_per_poll;	 /* make time pass while polling */
	struct net_device *kick; /* its IRQ fires during our poll */
	int opens, stops, rx_mode_calls, open_error;
	netdev_tx_t tx_ret;
	struct sk_buff_head txq; /* frames "on the wire" */
};

static void fake_irq(struct net_device *dev);

static int fake_poll(struct napi_struct *napi, int budget)
{
	struct fake_nic *nic = netdev_priv(napi->dev);
	int done = 0;

	nic->polls++;
	jiffies += nic->jiffies_per_poll;
	if (nic->kick) /* another NIC interrupts the softirq */
		fake_irq(nic->kick);
	while (done < budget && nic->rx_head < nic->rx_tail) {
		int i = nic->rx_head++ % FAKE_RING;
		struct sk_buff *skb = napi_alloc_skb(napi, nic->ring_len[i]);

		skb_put_data(skb, nic->ring[i], nic->ring_len[i]);
		skb->protocol = eth_type_trans(skb, napi->dev);
		napi_gro_receive(napi, skb);
		done++;
	}
	if (done < budget && napi_complete_done(napi, done))
		nic->irq_masked = false;
	return done;
}

static int fake_open(struct net_device *dev)
{
	struct fake_nic *nic = netdev_priv(dev);

	nic->opens++;
	if (nic->open_error)
		return nic->open_error;
	napi_enable(&nic->napi);
	netif_start_queue(dev);
	return 0;
}

static int fake_stop(struct net_device *dev)
{
	struct fake_nic *nic = netdev_priv(dev);

	nic->stops++;
	netif_stop_queue(dev);
	napi_disable(&nic->napi);
	return 0;
}

static netdev_tx_t fake_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct fake_nic *nic = netdev_priv(dev);

	if (nic->tx_ret != NETDEV_TX_OK)
		return nic->tx_ret;
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += skb->len;
	skb_queue_tail(&nic->txq, skb);
	return NETDEV_TX_OK;
}

static void fake_set_rx_mode(struct net_device *dev)
{
	struct fake_nic *nic = netdev_priv(dev);

	nic->rx_mode_calls++;
}

static const struct net_device_ops fake_ops = {
	.ndo_open = fake_open,
	.ndo_stop = fake_stop,
	.ndo_start_xmit = fake_xmit,
	.ndo_set_rx_mode = fake_set_rx_mode,
};

static const uint8_t fake_mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const uint8_t peer_mac[ETH_ALEN] = { 0x52, 0x55, 0x0a, 0x00, 0x02, 0x02 };
static const uint8_t bcast_mac[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static struct net_device *fake_nic_create(void)
{
	struct net_device *dev = alloc_etherdev(sizeof(struct fake_nic));
	struct fake_nic *nic = netdev_priv(dev);

	dev->netdev_ops = &fake_ops;
	eth_hw_addr_set(dev, fake_mac);
	netif_napi_add(dev, &nic->napi, fake_poll);
	skb_queue_head_init(&nic->txq);
	return dev;
}

/* Put a frame in the ring: dst, our-peer src, ethertype, len bytes total. */
static void fake_rx(struct net_device *dev, const uint8_t *dst, uint16_t type,
		    int len)
{
	struct fake_nic *nic = netdev_priv(dev);
	unsigned char *f = nic->ring[nic->rx_tail % FAKE_RING];

	memset(f, 0xab, ETH_FRAME_LEN);
	memcpy(f, dst, ETH_ALEN);
	memcpy(f + ETH_ALEN, peer_mac, ETH_ALEN);
	f[12] = type >> 8;
	f[13] = type & 0xff;
	nic->ring_len[nic->rx_tail++ % FAKE_RING] = len;
}

/* The NIC raises its interrupt (e1000_intr): mask, schedule NAPI. */
static void fake_irq(struct net_device *dev)
{
	struct fake_nic *nic = netdev_priv(dev);

	nic->irq_masked = true;
	napi_schedule(&nic->napi);
}

/* Fresh core state for each test. */
static void netcore_reset(void)
{
	if (!skbuff_head_cache)
		skb_init();
	INIT_LIST_HEAD(&dev_base_head);
	INIT_LIST_HEAD(&ptype_all);
	memset(&softnet_data, 0, sizeof(softnet_data));
	shim_proc_reset(); /* net_dev_init registers the /proc/net files */
	net_dev_init();
	dev_ifindex_next = 1;
	netdev_budget = 300;
	netdev_max_backlog = 1000;
	jiffies = 0;
	host_softirq_pending = 0;
	host_alloc_fail_in = 0;
	memset(&skb_counters, 0, sizeof(skb_counters));
	host_log_clear();
}

/* Unregister and free a device made by fake_nic_create, and its TX queue. */
static void fake_nic_destroy(struct net_device *dev)
{
	struct fake_nic *nic = netdev_priv(dev);

	unregister_netdev(dev);
	skb_queue_purge(&nic->txq);
	free_netdev(dev);
}

#define CHECK_NO_LEAKS()                          \
	do {                                      \
		CHECK_EQ(skb_live_count(), 0);    \
		CHECK_EQ(host_kmalloc_live, 0);   \
	} while (0)

#endif
