/*
 * Host tests for drivers/net/rtl8139/rtl8139_ethtool.c: link settings
 * resolved from the built-in PHY's BMCR/ANAR/ANLPAR, the TimerInt trick
 * behind rx-usecs, and the -S list (Linux's four 8139too keys first), on a
 * register window in host memory.
 */
#include "tests/unit/shim_nic.h"
#include "kernel/uaccess.h"

/* net/ethtool/ioctl.c (for ethtool_op_get_link) copies through these */
unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

#include "net/ethtool/ioctl.c"
#include "drivers/net/rtl8139/rtl8139_ethtool.c"

static uint8_t regs[256] __aligned(4);
static struct pci_dev pdev = { .name = "0000:00:04.0" };

static void w16(unsigned int reg, uint16_t v)
{
	regs[reg] = v & 0xff;
	regs[reg + 1] = v >> 8;
}

static uint32_t r32(unsigned int reg)
{
	return regs[reg] | regs[reg + 1] << 8 | regs[reg + 2] << 16 |
	       (uint32_t)regs[reg + 3] << 24;
}

static struct net_device *setup(struct rtl8139_private **ptp)
{
	struct net_device *dev;
	struct rtl8139_private *tp;

	memset(regs, 0, sizeof(regs));
	dev = nic_test_dev_create(sizeof(struct rtl8139_private));
	tp = netdev_priv(dev);
	tp->dev = dev;
	tp->pdev = &pdev;
	tp->mmio_addr = regs;
	tp->intr_mask = RTL8139_INTR_MASK;
	rtl8139_set_ethtool_ops(dev);
	*ptp = tp;
	return dev;
}

TEST(rtl8139_drvinfo_is_8139too)
{
	struct ethtool_drvinfo info = { 0 };
	struct rtl8139_private *tp;
	struct net_device *dev = setup(&tp);

	dev->ethtool_ops->get_drvinfo(dev, &info);
	CHECK_STR(info.driver, "8139too");
	CHECK_STR(info.version, "0.9.28");
	CHECK_STR(info.bus_info, "0000:00:04.0");
	nic_test_dev_destroy(dev);
}

TEST(rtl8139_link_is_the_best_common_autoneg_mode_or_bmcr)
{
	struct ethtool_link_ksettings ks;
	struct rtl8139_private *tp;
	struct net_device *dev = setup(&tp);
	const struct ethtool_ops *ops = dev->ethtool_ops;

	w16(BMCR, BMCR_ANENABLE | BMCR_SPEED100 | BMCR_FULLDPLX);
	w16(ANAR, 0x05e1); /* QEMU's: 10/100, half/full */
	w16(ANLPAR, 0x05e1);
	memset(&ks, 0, sizeof(ks));
	ops->get_link_ksettings(dev, &ks);
	CHECK_EQ(ks.base.speed, SPEED_100);
	CHECK_EQ(ks.base.duplex, DUPLEX_FULL);
	CHECK_EQ(ks.base.autoneg, AUTONEG_ENABLE);
	CHECK(ks.link_modes.advertising & SUPPORTED_100baseT_Full);
	w16(ANLPAR, ADVERTISE_10FULL | ADVERTISE_100HALF); /* partner: 100 half */
	ops->get_link_ksettings(dev, &ks);
	CHECK_EQ(ks.base.speed, SPEED_100);
	CHECK_EQ(ks.base.duplex, DUPLEX_HALF);
	w16(ANLPAR, ADVERTISE_10FULL);
	ops->get_link_ksettings(dev, &ks);
	CHECK_EQ(ks.base.speed, SPEED_10);
	CHECK_EQ(ks.base.duplex, DUPLEX_FULL);
	w16(BMCR, BMCR_FULLDPLX); /* forced 10 full */
	ops->get_link_ksettings(dev, &ks);
	CHECK_EQ(ks.base.autoneg, AUTONEG_DISABLE);
	CHECK_EQ(ks.base.speed, SPEED_10);
	CHECK_EQ(ks.base.duplex, DUPLEX_FULL);
	netif_carrier_off(dev);
	ops->get_link_ksettings(dev, &ks);
	CHECK_EQ(ks.base.speed, (uint32_t)SPEED_UNKNOWN);
	nic_test_dev_destroy(dev);
}

TEST(rtl8139_rx_usecs_polls_on_the_timer_instead_of_rok)
{
	struct ethtool_coalesce ec;
	struct rtl8139_private *tp;
	struct net_device *dev = setup(&tp);
	const struct ethtool_ops *ops = dev->ethtool_ops;

	ops->get_coalesce(dev, &ec);
	CHECK_EQ(ec.rx_coalesce_usecs, 0);
	CHECK_EQ(ec.rx_max_coalesced_frames, 1);
	ec.rx_coalesce_usecs = 500;
	CHECK_EQ(ops->set_coalesce(dev, &ec), 0); /* frames stays 1: fine */
	CHECK_EQ(r32(TIMERINT), 500 * PCI_CLOCKS_PER_USEC);
	CHECK_EQ(tp->intr_mask & INT_ROK, 0);
	CHECK(tp->intr_mask & INT_TIMEOUT);
	ec.rx_max_coalesced_frames = 2;
	CHECK_EQ(ops->set_coalesce(dev, &ec), -EOPNOTSUPP);
	ec.rx_max_coalesced_frames = 1;
	ec.rx_coalesce_usecs = 100001;
	CHECK_EQ(ops->set_coalesce(dev, &ec), -EINVAL);
	ec.rx_coalesce_usecs = 0;
	CHECK_EQ(ops->set_coalesce(dev, &ec), 0);
	CHECK_EQ(tp->intr_mask, RTL8139_INTR_MASK);
	CHECK_EQ(ops->get_ringparam, NULL); /* no descriptor ring: as Linux */
	nic_test_dev_destroy(dev);
}

TEST(rtl8139_ethtool_S_starts_with_linux_keys)
{
	struct rtl8139_private *tp;
	struct net_device *dev = setup(&tp);
	const struct ethtool_ops *ops = dev->ethtool_ops;
	int n = ops->get_sset_count(dev, ETH_SS_STATS);
	uint8_t names[32][ETH_GSTRING_LEN];
	uint64_t v[32];

	CHECK_EQ(n, RTL8139_STATS_LEN);
	CHECK(n <= 32);
	ops->get_strings(dev, ETH_SS_STATS, &names[0][0]);
	CHECK_STR((char *)names[0], "early_rx");
	CHECK_STR((char *)names[3], "rx_lost_in_ring");
	CHECK_STR((char *)names[4], "rx_packets");
	tp->rx_restarts = 2;
	dev->stats.rx_packets = 9;
	dev->stats.rx_missed_errors = 4;
	ops->get_ethtool_stats(dev, NULL, v);
	CHECK_EQ(v[3], 2);
	CHECK_EQ(v[4], 9);
	CHECK_STR((char *)names[12], "rx_missed_errors");
	CHECK_EQ(v[12], 4);
	nic_test_dev_destroy(dev);
}

RUN_TESTS()
