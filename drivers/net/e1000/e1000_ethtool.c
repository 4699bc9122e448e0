/*
 * e1000_ethtool.c - interrupt moderation for `ethtool -c/-C` (Linux:
 * drivers/net/ethernet/intel/e1000/e1000_ethtool.c, which also does
 * statistics, ring sizes, register dumps and self-tests).
 *
 * Stage 3 of the receive path costs one interrupt per frame unless the NIC
 * holds interrupts back. The 8254x has three timers for it, all by time -
 * it has no "interrupt after N frames" counter, so rx-frames is not
 * supported (0; setting it is -EOPNOTSUPP):
 *
 *   RDTR  packet timer (SDM 13.4.30): interrupt when no further frame came
 *         for this long after the last one; restarts on every frame.
 *   RADV  absolute timer (13.4.31): interrupt at most this long after the
 *         first frame, however many follow (needs RDTR != 0).
 *   ITR   throttle (13.4.18): at least this long between interrupts,
 *         whatever the cause. The manual recommends ITR over the other two.
 *
 * rxos maps `ethtool -C eth0 rx-usecs N` onto all three: hold receive
 * interrupts for at most N us (RADV) and interrupt at most once per N us
 * (ITR), with the packet timer just above RADV so that RADV decides (the
 * manual's way of disabling the packet timer alone, 3.2.7.1.2). N = 0:
 * interrupt for every frame. Linux's e1000 maps rx-usecs to ITR only and
 * takes RDTR/RADV from module parameters. QEMU's model implements ITR and
 * RADV (with RDTR only as its enable) and never interrupts more than every
 * 128 us, whatever the registers say.
 *
 * Process context (the ethtool ioctl), or open.
 */
#include "drivers/net/e1000/e1000.h"
#include "kernel/errno.h"

#define E1000_MAX_COALESCE_USECS 16000 /* RADV/RDTR/ITR are 16-bit fields */

/* Write the moderation registers from adapter->rx_coalesce_usecs. */
void e1000_configure_itr(struct e1000_adapter *adapter)
{
	uint32_t usecs = adapter->rx_coalesce_usecs;
	uint32_t radv = usecs * 1000 / 1024; /* 1.024 us units */

	ew32(adapter, E1000_ITR, usecs * 1000 / 256); /* 256 ns units */
	ew32(adapter, E1000_RADV, radv);
	ew32(adapter, E1000_RDTR, usecs ? radv + 1 : 0);
}

static int e1000_get_coalesce(struct net_device *netdev,
			      struct ethtool_coalesce *ec)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	memset(ec, 0, sizeof(*ec));
	ec->rx_coalesce_usecs = adapter->rx_coalesce_usecs;
	return 0;
}

static int e1000_set_coalesce(struct net_device *netdev,
			      struct ethtool_coalesce *ec)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	if (ec->rx_max_coalesced_frames)
		return -EOPNOTSUPP;
	if (ec->rx_coalesce_usecs > E1000_MAX_COALESCE_USECS)
		return -EINVAL;
	adapter->rx_coalesce_usecs = ec->rx_coalesce_usecs;
	if (netif_running(netdev))
		e1000_configure_itr(adapter);
	return 0;
}

static const struct ethtool_ops e1000_ethtool_ops = {
	.get_coalesce = e1000_get_coalesce,
	.set_coalesce = e1000_set_coalesce,
};

void e1000_set_ethtool_ops(struct net_device *netdev)
{
	netdev->ethtool_ops = &e1000_ethtool_ops;
}
