/*
 * rtl8139_ethtool.c - what `ethtool` asks the RTL8139 driver (Linux: the
 * ethtool part of drivers/net/ethernet/realtek/8139too.c).
 *
 *   ethtool -i eth0   rtl8139_get_drvinfo        8139too, 0.9.28, bus-info
 *   ethtool eth0      rtl8139_get_link_ksettings speed/duplex from the
 *                                                 built-in PHY's registers
 *   ethtool -S eth0   rtl8139_get_ethtool_stats  Linux's four, then ours
 *   ethtool -c/-C     rtl8139_get/set_coalesce   the TimerInt trick
 *   ethtool -g        not supported (no descriptor ring), as in Linux
 *
 * Process context (the ethtool ioctl).
 */
#include "drivers/net/rtl8139/rtl8139.h"
#include "kernel/errno.h"
#include "kernel/irqflags.h"
#include "lib/string.h"

/* ---- ethtool -i ------------------------------------------------------------ */

static void rtl8139_get_drvinfo(struct net_device *dev,
				struct ethtool_drvinfo *info)
{
	struct rtl8139_private *tp = netdev_priv(dev);

	strlcpy(info->driver, RTL8139_DRV_NAME, sizeof(info->driver));
	strlcpy(info->version, RTL8139_DRV_VERSION, sizeof(info->version));
	strlcpy(info->bus_info, pci_name(tp->pdev), sizeof(info->bus_info));
}

/* ---- ethtool eth0: link settings (datasheet 6: BMCR, ANAR, ANLPAR) -------- */

#define RTL8139_MODES                                                   \
	(SUPPORTED_10baseT_Half | SUPPORTED_10baseT_Full |              \
	 SUPPORTED_100baseT_Half | SUPPORTED_100baseT_Full |            \
	 SUPPORTED_Autoneg | SUPPORTED_TP | SUPPORTED_MII)

/* The best mode both ends advertise (IEEE 802.3 clause 28 priority). */
static void rtl8139_resolve(uint16_t common, struct ethtool_link_ksettings *ks)
{
	ks->base.speed = (common & (ADVERTISE_100FULL | ADVERTISE_100HALF)) ?
				 SPEED_100 :
				 SPEED_10;
	ks->base.duplex = (common & ADVERTISE_100FULL) ||
					  (!(common & ADVERTISE_100HALF) &&
					   (common & ADVERTISE_10FULL)) ?
				  DUPLEX_FULL :
				  DUPLEX_HALF;
}

/*
 * The chip's built-in PHY shows its MII registers at BMCR/BMSR/ANAR/ANLPAR.
 * Autonegotiating: the result is the best mode in ANAR & ANLPAR; forced:
 * BMCR's speed and duplex bits. Linux gets the same through
 * mii_ethtool_get_link_ksettings.
 */
static int rtl8139_get_link_ksettings(struct net_device *dev,
				      struct ethtool_link_ksettings *ks)
{
	struct rtl8139_private *tp = netdev_priv(dev);
	uint16_t bmcr = RTL_R16(BMCR);
	uint16_t anar = RTL_R16(ANAR);

	ks->link_modes.supported = RTL8139_MODES;
	ks->link_modes.advertising = SUPPORTED_TP | SUPPORTED_MII;
	if (anar & ADVERTISE_10HALF)
		ks->link_modes.advertising |= SUPPORTED_10baseT_Half;
	if (anar & ADVERTISE_10FULL)
		ks->link_modes.advertising |= SUPPORTED_10baseT_Full;
	if (anar & ADVERTISE_100HALF)
		ks->link_modes.advertising |= SUPPORTED_100baseT_Half;
	if (anar & ADVERTISE_100FULL)
		ks->link_modes.advertising |= SUPPORTED_100baseT_Full;
	ks->base.port = PORT_MII;
	ks->base.phy_address = 32; /* Linux's 8139too: the internal PHY */
	ks->base.autoneg = (bmcr & BMCR_ANENABLE) ? AUTONEG_ENABLE :
						    AUTONEG_DISABLE;
	if (!netif_carrier_ok(dev)) {
		ks->base.speed = (uint32_t)SPEED_UNKNOWN;
		ks->base.duplex = DUPLEX_UNKNOWN;
	} else if (bmcr & BMCR_ANENABLE) {
		ks->link_modes.advertising |= SUPPORTED_Autoneg;
		rtl8139_resolve(anar & RTL_R16(ANLPAR), ks);
	} else {
		ks->base.speed = (bmcr & BMCR_SPEED100) ? SPEED_100 : SPEED_10;
		ks->base.duplex = (bmcr & BMCR_FULLDPLX) ? DUPLEX_FULL :
							   DUPLEX_HALF;
	}
	return 0;
}

/* ---- ethtool -S --------------------------------------------------------------- */

/*
 * Linux's 8139too shows four driver counters (its ethtool_stats_keys);
 * rxos keeps the first three at 0 (no early-rx interrupts, no tx mapping,
 * no tx timeout handler) and counts rx_lost_in_ring where Linux does: a
 * corrupt header made the driver restart the receiver, losing the ring.
 * The netdev counters follow (an rxos addition), so `ethtool -S` reads
 * the same for both NICs.
 */
static const char rtl8139_gstrings[][ETH_GSTRING_LEN] = {
	"early_rx",	    "tx_buf_mapped",	"tx_timeouts",
	"rx_lost_in_ring",  "rx_packets",	"tx_packets",
	"rx_bytes",	    "tx_bytes",		"rx_errors",
	"tx_errors",	    "rx_over_errors",	"rx_fifo_errors",
	"rx_missed_errors", "rx_length_errors", "tx_dropped",
};
#define RTL8139_STATS_LEN ((int)ARRAY_SIZE(rtl8139_gstrings))

static int rtl8139_get_sset_count(struct net_device *dev, int sset)
{
	return sset == ETH_SS_STATS ? RTL8139_STATS_LEN : -EOPNOTSUPP;
}

static void rtl8139_get_strings(struct net_device *dev, uint32_t sset,
				uint8_t *data)
{
	if (sset == ETH_SS_STATS)
		memcpy(data, rtl8139_gstrings, sizeof(rtl8139_gstrings));
}

static void rtl8139_get_ethtool_stats(struct net_device *dev,
				      struct ethtool_stats *stats,
				      uint64_t *data)
{
	struct rtl8139_private *tp = netdev_priv(dev);
	struct rtnl_link_stats64 temp;
	const struct rtnl_link_stats64 *s = dev_get_stats(dev, &temp);
	const uint64_t v[RTL8139_STATS_LEN] = {
		0, 0, 0, tp->rx_restarts,
		s->rx_packets, s->tx_packets, s->rx_bytes, s->tx_bytes,
		s->rx_errors, s->tx_errors, s->rx_over_errors,
		s->rx_fifo_errors, s->rx_missed_errors, s->rx_length_errors,
		s->tx_dropped,
	};

	memcpy(data, v, sizeof(v));
}

/* ---- interrupt moderation (ethtool -c / -C) --------------------------------- */

static int rtl8139_get_coalesce(struct net_device *dev,
				struct ethtool_coalesce *ec)
{
	struct rtl8139_private *tp = netdev_priv(dev);

	memset(ec, 0, sizeof(*ec));
	ec->rx_coalesce_usecs = tp->timer_int / PCI_CLOCKS_PER_USEC;
	ec->rx_max_coalesced_frames = 1; /* every frame is its own event */
	return 0;
}

/*
 * rx-usecs N > 0: stop interrupting per frame (ROK masked) and poll the
 * ring every N us on the TCTR/TimerInt timer instead; 0 restores ROK.
 * The chip cannot count frames, so rx-frames must stay 1 (or 0).
 */
static int rtl8139_set_coalesce(struct net_device *dev,
				struct ethtool_coalesce *ec)
{
	struct rtl8139_private *tp = netdev_priv(dev);
	unsigned long flags;

	if (ec->rx_max_coalesced_frames > 1)
		return -EOPNOTSUPP;
	if (ec->rx_coalesce_usecs > 100000) /* TimerInt is 32 bits of 30 ns */
		return -EINVAL;
	local_irq_save(flags);
	tp->timer_int = ec->rx_coalesce_usecs * PCI_CLOCKS_PER_USEC;
	tp->intr_mask = tp->timer_int ?
				(RTL8139_INTR_MASK & ~INT_ROK) | INT_TIMEOUT :
				RTL8139_INTR_MASK;
	if (netif_running(dev)) {
		RTL_W32(TIMERINT, tp->timer_int);
		RTL_W32(TCTR, 0);
		RTL_W16(IMR, tp->intr_mask);
	}
	local_irq_restore(flags);
	return 0;
}

static const struct ethtool_ops rtl8139_ethtool_ops = {
	.supported_coalesce_params =
		ETHTOOL_COALESCE_RX_USECS | ETHTOOL_COALESCE_RX_MAX_FRAMES,
	.get_drvinfo = rtl8139_get_drvinfo,
	.get_link = ethtool_op_get_link,
	.get_link_ksettings = rtl8139_get_link_ksettings,
	.get_coalesce = rtl8139_get_coalesce,
	.set_coalesce = rtl8139_set_coalesce,
	.get_sset_count = rtl8139_get_sset_count,
	.get_strings = rtl8139_get_strings,
	.get_ethtool_stats = rtl8139_get_ethtool_stats,
};

void rtl8139_set_ethtool_ops(struct net_device *dev)
{
	dev->ethtool_ops = &rtl8139_ethtool_ops;
}
