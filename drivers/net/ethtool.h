/*
 * ethtool.h - the driver side of `ethtool -c/-C` (Linux:
 * include/linux/ethtool.h, include/uapi/linux/ethtool.h).
 *
 * A driver fills dev->ethtool_ops; the ethtool ioctl (ETHTOOL_GCOALESCE /
 * ETHTOOL_SCOALESCE, Linux net/ethtool/ioctl.c) calls these in process
 * context. Only interrupt coalescing exists so far. Field names and meaning
 * are Linux's (uapi struct ethtool_coalesce), trimmed to the ones a NIC of
 * this tree can honour:
 *
 *   rx_coalesce_usecs        how long a receive interrupt may be held back
 *                            after a frame arrives (ethtool: rx-usecs)
 *   rx_max_coalesced_frames  interrupt after this many frames (rx-frames)
 *
 * get_coalesce/set_coalesce return 0 or a negative errno: -EOPNOTSUPP for a
 * setting the hardware cannot do, -EINVAL for one out of range. Linux passes
 * two more arguments (kernel_ethtool_coalesce, netlink_ext_ack).
 *
 * Lives in drivers/net until the ethtool ioctl exists in net/.
 */
#ifndef RXOS_DRIVERS_NET_ETHTOOL_H
#define RXOS_DRIVERS_NET_ETHTOOL_H

#include <stdint.h>

struct net_device;

struct ethtool_coalesce {
	uint32_t cmd;
	uint32_t rx_coalesce_usecs;
	uint32_t rx_max_coalesced_frames;
	uint32_t rx_coalesce_usecs_irq;
	uint32_t rx_max_coalesced_frames_irq;
	uint32_t tx_coalesce_usecs;
	uint32_t tx_max_coalesced_frames;
	uint32_t use_adaptive_rx_coalesce;
};

struct ethtool_ops {
	int (*get_coalesce)(struct net_device *dev, struct ethtool_coalesce *ec);
	int (*set_coalesce)(struct net_device *dev, struct ethtool_coalesce *ec);
};

#endif
