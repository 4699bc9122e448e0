/*
 * net_selftest.c - selftest net_counters: the NIC drivers on the console,
 * for integration tests, until the shell's ifconfig/ethtool exist.
 *
 * Boot with selftest=net_counters (only by name: it waits for typed
 * commands, so selftest=all skips it). Every registered Ethernet device is
 * brought up (dev_open); once they all have carrier (at most 10 s) the test
 * prints "net_counters: ready" and a line per device, then serves
 * one-letter commands read from ttyS0:
 *
 *   c      counters: one "net_counters: eth0 rx_packets=..." line per device
 *          (dev_get_stats; core_rx_dropped is the stack's share of
 *          rx_dropped, irqs the interrupts taken on the device's line),
 *          then the drop reasons and softnet_stat
 *   p / P  promiscuous on / off (dev_set_promiscuity)
 *   a / A  all-multicast on / off (dev_set_allmulti)
 *   d / u  down / up (dev_close / dev_open)
 *   t      send one 60-byte broadcast frame, ethertype 0x88b5, per device
 *   0..9   ethtool -C rx-usecs 0, 100, ..., 900 on every device
 *   q      quit: "selftest net_counters: ok"
 *
 * Every command's output is framed by "net_counters: begin <cmd>" and
 * "net_counters: done <cmd>" lines, which the test waits for. Commands are
 * read from /dev/ttyS0, a line at a time ("c\n": the tty is in canonical
 * mode and echoes); before the tty layer is up, from the UART's own buffer
 * (serial_getc). The shell's ifconfig and ethtool replace all of this.
 *
 * Process context (the end of start_kernel), interrupts on: frames arrive
 * meanwhile through the hard IRQ and NET_RX softirq. The loop answering at
 * all while a flood comes in is itself a test: the kernel stays responsive.
 */
#include "net/ethtool/ethtool.h"
#include "drivers/tty/serial.h"
#include "kernel/fs/fs.h"
#include "kernel/fs/uapi.h"
#include "kernel/interrupt.h"
#include "kernel/io.h"
#include "kernel/printk.h"
#include "kernel/selftest.h"
#include "kernel/time.h"
#include "kernel/timer.h"
#include "net/core/netdevice.h"
#include "net/ethernet/etherdevice.h"

#define NET_SELFTEST_ETHERTYPE 0x88b5 /* IEEE local experimental 1 */
#define NET_SELFTEST_CARRIER_WAIT (10 * HZ)
#define NET_SELFTEST_IDLE_LIMIT (600UL * HZ) /* no command for 10 min: give up */

static bool net_selftest_is_ether(const struct net_device *dev)
{
	return dev->type == ARPHRD_ETHER && !(dev->flags & IFF_LOOPBACK);
}

static void net_selftest_print_dev(struct net_device *dev)
{
	struct rtnl_link_stats64 s;

	dev_get_stats(dev, &s);
	printk("net_counters: %s up=%d carrier=%d promisc=%d rx_packets=%llu "
	       "rx_bytes=%llu rx_dropped=%llu rx_errors=%llu "
	       "rx_length_errors=%llu rx_over_errors=%llu rx_crc_errors=%llu "
	       "rx_fifo_errors=%llu rx_missed_errors=%llu tx_packets=%llu "
	       "tx_dropped=%llu tx_errors=%llu core_rx_dropped=%lu irqs=%lu\n",
	       dev->name, !!(dev->flags & IFF_UP), netif_carrier_ok(dev),
	       !!(dev->flags & IFF_PROMISC), s.rx_packets, s.rx_bytes,
	       s.rx_dropped, s.rx_errors, s.rx_length_errors, s.rx_over_errors,
	       s.rx_crc_errors, s.rx_fifo_errors, s.rx_missed_errors,
	       s.tx_packets, s.tx_dropped, s.tx_errors, dev->core_stats.rx_dropped,
	       kstat_irqs(dev->irq));
}

static void net_selftest_print(void)
{
	struct net_device *dev;

	for_each_netdev(dev)
		if (net_selftest_is_ether(dev))
			net_selftest_print_dev(dev);
	printk("net_counters: drops rx_runt=%lu rx_oversize=%lu dev_hdr=%lu "
	       "dev_ready=%lu cpu_backlog=%lu unhandled_proto=%lu nomem=%lu\n",
	       skb_drop_count(SKB_DROP_REASON_RX_RUNT),
	       skb_drop_count(SKB_DROP_REASON_RX_OVERSIZE),
	       skb_drop_count(SKB_DROP_REASON_DEV_HDR),
	       skb_drop_count(SKB_DROP_REASON_DEV_READY),
	       skb_drop_count(SKB_DROP_REASON_CPU_BACKLOG),
	       skb_drop_count(SKB_DROP_REASON_UNHANDLED_PROTO),
	       skb_drop_count(SKB_DROP_REASON_NOMEM));
	printk("net_counters: softnet processed=%u dropped=%u time_squeeze=%u\n",
	       softnet_data.processed, softnet_data.dropped,
	       softnet_data.time_squeeze);
}

/* A broadcast frame the host side can recognise: tests the tx path. */
static void net_selftest_xmit(struct net_device *dev)
{
	static const char payload[] = "rxos net_counters tx test";
	struct sk_buff *skb = alloc_skb(NET_SKB_PAD + ETH_ZLEN, GFP_KERNEL);
	struct ethhdr *eth;

	if (!skb)
		return;
	skb_reserve(skb, NET_SKB_PAD);
	eth = skb_put(skb, ETH_ZLEN);
	memset(eth, 0, ETH_ZLEN);
	eth_broadcast_addr(eth->h_dest);
	ether_addr_copy(eth->h_source, dev->dev_addr);
	eth->h_proto = htons(NET_SELFTEST_ETHERTYPE);
	memcpy(eth + 1, payload, sizeof(payload));
	skb->dev = dev;
	dev_queue_xmit(skb);
}

static void net_selftest_coalesce(struct net_device *dev, uint32_t usecs)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;
	struct ethtool_coalesce ec;

	if (!ops || !ops->get_coalesce || !ops->set_coalesce)
		return;
	ops->get_coalesce(dev, &ec);
	ec.rx_coalesce_usecs = usecs;
	if (ops->set_coalesce(dev, &ec))
		printk("net_counters: %s: rx-usecs %u refused\n", dev->name,
		       usecs);
}

/* Apply one command to one device. */
static void net_selftest_dev_cmd(struct net_device *dev, int cmd)
{
	switch (cmd) {
	case 'p': dev_set_promiscuity(dev, 1); break;
	case 'P': dev_set_promiscuity(dev, -1); break;
	case 'a': dev_set_allmulti(dev, 1); break;
	case 'A': dev_set_allmulti(dev, -1); break;
	case 'd': dev_close(dev); break;
	case 'u': dev_open(dev); break;
	case 't': net_selftest_xmit(dev); break;
	default:
		if (cmd >= '0' && cmd <= '9')
			net_selftest_coalesce(dev, (cmd - '0') * 100);
	}
}

static void net_selftest_cmd(int cmd)
{
	struct net_device *dev;

	printk("net_counters: begin %c\n", cmd);
	if (cmd == 'c') {
		net_selftest_print();
	} else {
		for_each_netdev(dev)
			if (net_selftest_is_ether(dev))
				net_selftest_dev_cmd(dev, cmd);
	}
	printk("net_counters: done %c\n", cmd);
}

/* Where commands come from: the tty if it can be opened, else the UART. */
static struct file *net_selftest_tty;

static void net_selftest_input_open(void)
{
	if (vfs_open("/dev/ttyS0", O_RDONLY | O_NONBLOCK | O_NOCTTY, 0, NULL,
		     &net_selftest_tty))
		net_selftest_tty = NULL;
}

/* One byte of command input, or -1 when none is waiting. */
static int net_selftest_getc(void)
{
	loff_t pos = 0;
	char c;

	if (!net_selftest_tty)
		return serial_getc(0);
	return vfs_read(net_selftest_tty, &c, 1, &pos) == 1 ? (unsigned char)c
							     : -1;
}

/* Up every interface; wait for their carriers (the watchdogs see link). */
static int net_selftest_up(void)
{
	unsigned long deadline = jiffies + NET_SELFTEST_CARRIER_WAIT;
	struct net_device *dev;
	bool all;

	for_each_netdev(dev)
		if (net_selftest_is_ether(dev) && dev_open(dev))
			printk("net_counters: %s: open failed\n", dev->name);
	do {
		halt();
		all = true;
		for_each_netdev(dev)
			if (net_selftest_is_ether(dev) && !netif_carrier_ok(dev))
				all = false;
	} while (!all && time_before(jiffies, deadline));
	return all ? 0 : -1;
}

/* Commands until 'q' (0) or NET_SELFTEST_IDLE_LIMIT without one (1). */
static int net_selftest_serve(void)
{
	unsigned long last = jiffies;
	int c;

	while (time_before(jiffies, last + NET_SELFTEST_IDLE_LIMIT)) {
		c = net_selftest_getc();
		if (c < 0) {
			halt(); /* until the next interrupt: timer tick or NIC */
			continue;
		}
		last = jiffies;
		if (c == 'q')
			return 0;
		if (c > ' ')
			net_selftest_cmd(c);
	}
	printk("net_counters: no command for %lu s\n",
	       NET_SELFTEST_IDLE_LIMIT / HZ);
	return 1;
}

SELFTEST_BY_NAME(net_counters)
{
	int ret;

	if (net_selftest_up())
		printk("net_counters: carrier missing on some device\n");
	net_selftest_input_open();
	printk("net_counters: ready\n");
	net_selftest_print();
	ret = net_selftest_serve();
	if (net_selftest_tty)
		fput(net_selftest_tty);
	return ret;
}
