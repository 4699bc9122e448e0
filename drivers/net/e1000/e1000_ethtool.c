/*
 * e1000_ethtool.c - what `ethtool` asks the 8254x driver (Linux:
 * drivers/net/ethernet/intel/e1000/e1000_ethtool.c, which also does ring
 * resizing, pause frames, register and EEPROM dumps and self-tests):
 *
 *   ethtool -i eth0   e1000_get_drvinfo       driver, version, bus-info
 *   ethtool eth0      e1000_get_link_ksettings speed/duplex from STATUS
 *   ethtool -g eth0   e1000_get_ringparam     descriptors per ring
 *   ethtool -S eth0   e1000_get_ethtool_stats the counters, Linux's names
 *   ethtool -c/-C     e1000_get/set_coalesce  interrupt moderation:
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
#include "kernel/utsname.h"
#include "lib/string.h"

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

/* ---- ethtool -i ------------------------------------------------------------ */

/* Linux's e1000 reports the kernel release as its version, as here. */
static void e1000_get_drvinfo(struct net_device *netdev,
			      struct ethtool_drvinfo *drvinfo)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	strlcpy(drvinfo->driver, e1000_driver_name, sizeof(drvinfo->driver));
	strlcpy(drvinfo->version, UTS_RELEASE, sizeof(drvinfo->version));
	strlcpy(drvinfo->bus_info, pci_name(adapter->pdev),
		sizeof(drvinfo->bus_info));
}

/* ---- ethtool eth0: link settings (SDM 13.4.2 STATUS) ----------------------- */

#define E1000_COPPER_MODES                                              \
	(SUPPORTED_10baseT_Half | SUPPORTED_10baseT_Full |              \
	 SUPPORTED_100baseT_Half | SUPPORTED_100baseT_Full |            \
	 SUPPORTED_1000baseT_Full | SUPPORTED_Autoneg | SUPPORTED_TP)

/*
 * What the MAC resolved with its PHY: STATUS.SPEED and STATUS.FD, valid
 * while STATUS.LU says link. The 82540EM is copper only, autonegotiating.
 * No link: unknown speed and duplex, as Linux reports.
 */
static int e1000_get_link_ksettings(struct net_device *netdev,
				    struct ethtool_link_ksettings *ks)
{
	static const uint32_t speed[] = { SPEED_10, SPEED_100, SPEED_1000,
					  SPEED_1000 };
	struct e1000_adapter *adapter = netdev_priv(netdev);
	uint32_t status = er32(adapter, E1000_STATUS);

	ks->link_modes.supported = E1000_COPPER_MODES;
	ks->link_modes.advertising = E1000_COPPER_MODES;
	ks->base.port = PORT_TP;
	ks->base.phy_address = 1; /* QEMU's model answers MDIC at PHY 1 */
	ks->base.autoneg = AUTONEG_ENABLE;
	if (netif_carrier_ok(netdev) && (status & E1000_STATUS_LU)) {
		ks->base.speed = speed[(status & E1000_STATUS_SPEED_MASK) >>
				       E1000_STATUS_SPEED_SHIFT];
		ks->base.duplex = (status & E1000_STATUS_FD) ? DUPLEX_FULL :
							       DUPLEX_HALF;
	} else {
		ks->base.speed = (uint32_t)SPEED_UNKNOWN;
		ks->base.duplex = DUPLEX_UNKNOWN;
	}
	return 0;
}

/* ---- ethtool -g: fixed sizes here (no ethtool -G yet) --------------------- */

#define E1000_MAX_RXD 4096 /* the 82544 and later: RDLEN up to 64 KiB */
#define E1000_MAX_TXD 4096

static void e1000_get_ringparam(struct net_device *netdev,
				struct ethtool_ringparam *ring)
{
	ring->rx_max_pending = E1000_MAX_RXD;
	ring->tx_max_pending = E1000_MAX_TXD;
	ring->rx_pending = E1000_RX_RING_SIZE;
	ring->tx_pending = E1000_TX_RING_SIZE;
}

/* ---- ethtool -S --------------------------------------------------------------- */

/*
 * Linux's names, in Linux's order, for the counters this driver keeps
 * (Linux's list has 46; the missing ones count features rxos leaves out:
 * flow control, TSO, checksum offload, SMBus, collisions detail).
 * NETDEV_STAT reads the netdev counters, HW_STAT the hardware register
 * totals behind them, ADAPTER_STAT a driver counter.
 */
enum e1000_stat_src { NETDEV_STAT, HW_STAT, ADAPTER_STAT };

struct e1000_ethtool_stat {
	char name[ETH_GSTRING_LEN];
	enum e1000_stat_src src;
	size_t off; /* offset in struct rtnl_link_stats64 / e1000_adapter */
	int hw;	    /* enum e1000_stat for HW_STAT */
};

#define E1000_NETDEV(name)                                           \
	{ #name, NETDEV_STAT, offsetof(struct rtnl_link_stats64, name), 0 }
#define E1000_HW(name, reg) { name, HW_STAT, 0, reg }

static const struct e1000_ethtool_stat e1000_gstrings_stats[] = {
	E1000_NETDEV(rx_packets),
	E1000_NETDEV(tx_packets),
	E1000_NETDEV(rx_bytes),
	E1000_NETDEV(tx_bytes),
	E1000_NETDEV(rx_errors),
	E1000_NETDEV(tx_errors),
	E1000_NETDEV(tx_dropped),
	E1000_NETDEV(multicast),
	E1000_NETDEV(collisions),
	E1000_NETDEV(rx_length_errors),
	E1000_NETDEV(rx_over_errors),
	E1000_HW("rx_crc_errors", E1000_STAT_CRCERRS),
	E1000_NETDEV(rx_frame_errors),
	E1000_HW("rx_no_buffer_count", E1000_STAT_RNBC),
	E1000_HW("rx_missed_errors", E1000_STAT_MPC),
	E1000_NETDEV(tx_aborted_errors),
	E1000_NETDEV(tx_fifo_errors),
	E1000_HW("rx_long_length_errors", E1000_STAT_ROC),
	E1000_HW("rx_short_length_errors", E1000_STAT_RUC),
	E1000_HW("rx_align_errors", E1000_STAT_ALGNERRC),
	{ "alloc_rx_buff_failed", ADAPTER_STAT,
	  offsetof(struct e1000_adapter, alloc_rx_buff_failed), 0 },
};
#define E1000_STATS_LEN ((int)ARRAY_SIZE(e1000_gstrings_stats))

static int e1000_get_sset_count(struct net_device *netdev, int sset)
{
	return sset == ETH_SS_STATS ? E1000_STATS_LEN : -EOPNOTSUPP;
}

static void e1000_get_strings(struct net_device *netdev, uint32_t sset,
			      uint8_t *data)
{
	if (sset != ETH_SS_STATS)
		return;
	for (int i = 0; i < E1000_STATS_LEN; i++)
		memcpy(data + i * ETH_GSTRING_LEN, e1000_gstrings_stats[i].name,
		       ETH_GSTRING_LEN);
}

/* Fresh numbers: dev_get_stats reads the hardware registers first. */
static void e1000_get_ethtool_stats(struct net_device *netdev,
				    struct ethtool_stats *stats, uint64_t *data)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	struct rtnl_link_stats64 temp;
	const struct rtnl_link_stats64 *net = dev_get_stats(netdev, &temp);

	for (int i = 0; i < E1000_STATS_LEN; i++) {
		const struct e1000_ethtool_stat *st = &e1000_gstrings_stats[i];

		if (st->src == NETDEV_STAT)
			data[i] = *(const uint64_t *)((const char *)net + st->off);
		else if (st->src == HW_STAT)
			data[i] = adapter->hw_stats[st->hw];
		else
			data[i] = *(const uint64_t *)((const char *)adapter +
						      st->off);
	}
}

static const struct ethtool_ops e1000_ethtool_ops = {
	.supported_coalesce_params = ETHTOOL_COALESCE_RX_USECS,
	.get_drvinfo = e1000_get_drvinfo,
	.get_link = ethtool_op_get_link,
	.get_link_ksettings = e1000_get_link_ksettings,
	.get_coalesce = e1000_get_coalesce,
	.set_coalesce = e1000_set_coalesce,
	.get_ringparam = e1000_get_ringparam,
	.get_sset_count = e1000_get_sset_count,
	.get_strings = e1000_get_strings,
	.get_ethtool_stats = e1000_get_ethtool_stats,
};

void e1000_set_ethtool_ops(struct net_device *netdev)
{
	netdev->ethtool_ops = &e1000_ethtool_ops;
}
