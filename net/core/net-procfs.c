/*
 * net-procfs.c - the network core's /proc files (Linux:
 * net/core/net-procfs.c, and net/core/sysctl_net_core.c for the tunable).
 *
 *   /proc/net/dev               per-device counters (ifconfig reads these)
 *   /proc/net/softnet_stat      per-CPU NAPI counters
 *   /proc/net/skb_stats         live/allocated/dropped sk_buffs (rxos only)
 *   /proc/net/drop_reasons      one count per SKB_DROP_REASON_* (rxos only;
 *                               Linux shows these through tracepoints)
 *   /proc/sys/net/core/netdev_budget   net_rx_action's frame budget, rw
 *
 * Same columns and widths as Linux, so `cat /proc/net/dev` here and on a
 * Linux box read side by side, and tools that parse them (ifconfig,
 * sar, node_exporter) work unchanged. Each show function fills buf
 * (NUL-terminated, at most len bytes, truncated if short) and returns the
 * length. Process context (the procfs read handler). dev_proc_init runs
 * once at boot, from net_dev_init, as in Linux.
 */
#include "kernel/errno.h"
#include "kernel/fs/proc_fs.h"
#include "kernel/printk.h"
#include "lib/string.h"
#include "lib/vsprintf.h"
#include "net/core/netdevice.h"

/* One device: 8 receive and 8 transmit columns; some sum several counters. */
static int dev_seq_printf_stats(char *buf, int len, struct net_device *dev)
{
	struct rtnl_link_stats64 temp;
	const struct rtnl_link_stats64 *stats = dev_get_stats(dev, &temp);

	return scnprintf(
		buf, len,
		"%6s: %7llu %7llu %4llu %4llu %4llu %5llu %10llu %9llu "
		"%8llu %7llu %4llu %4llu %4llu %5llu %7llu %10llu\n",
		dev->name, stats->rx_bytes, stats->rx_packets, stats->rx_errors,
		stats->rx_dropped + stats->rx_missed_errors,
		stats->rx_fifo_errors,
		stats->rx_length_errors + stats->rx_over_errors +
			stats->rx_crc_errors + stats->rx_frame_errors,
		stats->rx_compressed, stats->multicast, stats->tx_bytes,
		stats->tx_packets, stats->tx_errors, stats->tx_dropped,
		stats->tx_fifo_errors, stats->collisions,
		stats->tx_carrier_errors + stats->tx_aborted_errors +
			stats->tx_window_errors + stats->tx_heartbeat_errors,
		stats->tx_compressed);
}

/* /proc/net/dev: two header lines, then one line per device. */
int dev_seq_show_all(char *buf, int len)
{
	struct net_device *dev;
	int n;

	n = scnprintf(
		buf, len,
		"Inter-|   Receive                                                |  Transmit\n"
		" face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n");
	for_each_netdev(dev)
		n += dev_seq_printf_stats(buf + n, len - n, dev);
	return n;
}

/*
 * /proc/net/softnet_stat: one line per CPU (one here), hex columns:
 * processed, dropped, time_squeeze, five retired zeros, cpu_collision (0),
 * received_rps, flow_limit_count, backlog length, CPU number, input queue
 * length, process queue length - the layout of Linux 6.x.
 */
int softnet_seq_show_all(char *buf, int len)
{
	struct softnet_data *sd = &softnet_data;
	unsigned int qlen = skb_queue_len(&sd->input_pkt_queue);

	return scnprintf(
		buf, len,
		"%08x %08x %08x %08x %08x %08x %08x %08x %08x %08x %08x "
		"%08x %08x %08x %08x\n",
		sd->processed, sd->dropped, sd->time_squeeze, 0, 0, 0, 0, 0, 0,
		0, 0, qlen, 0, qlen, 0);
}

/* /proc/sys/net/core/netdev_budget: "300\n". */
static int netdev_budget_show(char *buf, int len)
{
	return scnprintf(buf, len, "%d\n", netdev_budget);
}

/*
 * `echo 600 > /proc/sys/net/core/netdev_budget`. The next net_rx_action
 * uses it. Linux (proc_dointvec) takes any int; rxos refuses negatives and
 * non-numbers with -EINVAL, which write() reports.
 */
static int netdev_budget_store(const char *buf, int len)
{
	unsigned long v;

	while (*buf == ' ' || *buf == '\t')
		buf++;
	if (kstrtoul(buf, 10, &v) || v > 0x7fffffffUL)
		return -EINVAL;
	netdev_budget = (int)v;
	return 0;
}

/* Boot, process context, after /proc is mounted. Linux: dev_proc_init. */
int dev_proc_init(void)
{
	int err = proc_create_single("net/dev", dev_seq_show_all);

	if (!err)
		err = proc_create_single("net/softnet_stat",
					 softnet_seq_show_all);
	if (!err)
		err = proc_create_single("net/skb_stats", skb_stats_show);
	if (!err)
		err = proc_create_single("net/drop_reasons", drop_reasons_show);
	if (!err)
		err = proc_create_rw("sys/net/core/netdev_budget",
				     netdev_budget_show, netdev_budget_store);
	if (err)
		pr_err("net: cannot create the /proc/net files (%d)\n", err);
	return err;
}
