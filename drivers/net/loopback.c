/*
 * loopback.c - the loopback device `lo` (Linux: drivers/net/loopback.c).
 *
 * Everything sent to 127.0.0.1 (or to any of our own addresses) leaves
 * through lo: the transmit path runs down to dev_queue_xmit as for a NIC,
 * and loopback_xmit turns the frame straight round into the receive path.
 * There is no hardware, so no interrupt and no ring: netif_rx() queues the
 * frame on the backlog and the NET_RX softirq delivers it (stages 5 and 7
 * of design/receive-path.md, without 1-4 and 6):
 *
 *   dev_queue_xmit -> loopback_xmit -> eth_type_trans -> netif_rx
 *     [softirq] process_backlog -> __netif_receive_skb -> ip_rcv ...
 *
 * Frames keep an Ethernet header (all-zero addresses) as in Linux, so the
 * link layer code is the same for lo and eth0. The counters count each
 * frame once as sent and once as received: what lo sends, it receives.
 *
 * loopback_net_init registers lo at boot, before any NIC driver, so it is
 * ifindex 1 as on Linux, and opens it: rxos has no init scripts to run
 * `ip link set lo up`. Process context. loopback_xmit runs wherever
 * dev_queue_xmit runs (process or softirq, bottom halves off).
 */
#include "drivers/net/net_drivers.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "net/core/netdevice.h"
#include "net/ethernet/etherdevice.h"
#include "net/ethernet/if_ether.h"
#include "net/ethtool/ethtool.h"

struct net_device *loopback_dev;

/*
 * ndo_start_xmit. Owns skb from here: netif_rx either queues it or drops
 * it (counted there, CPU_BACKLOG or DEV_READY). Always NETDEV_TX_OK: lo
 * never makes the caller retry. Bytes counted include the Ethernet header,
 * as Linux's loopback counts skb->len at this point.
 */
static netdev_tx_t loopback_xmit(struct sk_buff *skb, struct net_device *dev)
{
	unsigned int len = skb->len;

	skb_orphan(skb); /* the sender's socket no longer pays for it */
	skb->protocol = eth_type_trans(skb, dev);
	if (netif_rx(skb) == NET_RX_SUCCESS) {
		dev->stats.tx_packets++;
		dev->stats.tx_bytes += len;
		dev->stats.rx_packets++;
		dev->stats.rx_bytes += len;
	}
	return NETDEV_TX_OK;
}

static const struct net_device_ops loopback_ops = {
	.ndo_start_xmit = loopback_xmit,
};

/* `ethtool lo`: "Link detected: yes", always. Linux: always_on. */
static uint32_t always_on(struct net_device *dev)
{
	return 1;
}

static const struct ethtool_ops loopback_ethtool_ops = {
	.get_link = always_on,
};

/* The device's shape (alloc_netdev's setup). Linux: loopback_setup. */
static void loopback_setup(struct net_device *dev)
{
	dev->mtu = 64 * 1024;
	dev->min_mtu = 0;
	dev->max_mtu = 64 * 1024;
	dev->hard_header_len = ETH_HLEN;
	dev->addr_len = ETH_ALEN; /* dev_addr stays 00:00:00:00:00:00 */
	dev->type = ARPHRD_LOOPBACK;
	dev->flags = IFF_LOOPBACK;
	dev->tx_queue_len = 1000; /* Linux: DEFAULT_TX_QUEUE_LEN */
	dev->header_ops = &eth_header_ops;
	dev->netdev_ops = &loopback_ops;
	dev->ethtool_ops = &loopback_ethtool_ops;
}

/* Boot, process context, before the NIC drivers. 0 or -errno. */
int loopback_net_init(void)
{
	struct net_device *dev;
	int err;

	dev = alloc_netdev(0, "lo", NET_NAME_PREDICTABLE, loopback_setup);
	if (!dev)
		return -ENOMEM;
	err = register_netdev(dev);
	if (err) {
		free_netdev(dev);
		return err;
	}
	loopback_dev = dev;
	return dev_open(dev);
}
