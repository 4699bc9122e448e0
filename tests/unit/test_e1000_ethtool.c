/*
 * Host tests for drivers/net/e1000/e1000_ethtool.c: what `ethtool` reads
 * back from the 8254x - link settings decoded from STATUS, the moderation
 * registers rx-usecs programs, the -S names (Linux's) and values - through
 * the driver's ethtool_ops, on a register file in host memory.
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
#include "drivers/net/e1000/e1000_ethtool.c"

const char e1000_driver_name[] = "e1000";

static uint32_t regs[0x20000 / 4];
static struct pci_dev pdev = { .name = "0000:00:03.0" };

static struct net_device *setup(struct e1000_adapter **pad)
{
	struct net_device *dev;
	struct e1000_adapter *ad;

	memset(regs, 0, sizeof(regs));
	dev = nic_test_dev_create(sizeof(struct e1000_adapter));
	ad = netdev_priv(dev);
	ad->netdev = dev;
	ad->hw_addr = regs;
	ad->pdev = &pdev;
	e1000_set_ethtool_ops(dev);
	*pad = ad;
	return dev;
}

TEST(e1000_drvinfo_names_the_driver_and_pci_slot)
{
	struct ethtool_drvinfo info = { 0 };
	struct e1000_adapter *ad;
	struct net_device *dev = setup(&ad);

	dev->ethtool_ops->get_drvinfo(dev, &info);
	CHECK_STR(info.driver, "e1000");
	CHECK_STR(info.version, UTS_RELEASE);
	CHECK_STR(info.bus_info, "0000:00:03.0");
	nic_test_dev_destroy(dev);
}

TEST(e1000_link_settings_come_from_status)
{
	struct ethtool_link_ksettings ks;
	struct e1000_adapter *ad;
	struct net_device *dev = setup(&ad);

	regs[E1000_STATUS / 4] = E1000_STATUS_LU | E1000_STATUS_FD | 0x80;
	memset(&ks, 0, sizeof(ks));
	CHECK_EQ(dev->ethtool_ops->get_link_ksettings(dev, &ks), 0);
	CHECK_EQ(ks.base.speed, SPEED_1000);
	CHECK_EQ(ks.base.duplex, DUPLEX_FULL);
	CHECK_EQ(ks.base.port, PORT_TP);
	CHECK(ks.link_modes.supported & SUPPORTED_1000baseT_Full);
	CHECK(!(ks.link_modes.supported & SUPPORTED_1000baseT_Half));
	regs[E1000_STATUS / 4] = E1000_STATUS_LU | 0x40; /* 100, half */
	CHECK_EQ(dev->ethtool_ops->get_link_ksettings(dev, &ks), 0);
	CHECK_EQ(ks.base.speed, SPEED_100);
	CHECK_EQ(ks.base.duplex, DUPLEX_HALF);
	netif_carrier_off(dev); /* no link: unknown, as Linux */
	CHECK_EQ(dev->ethtool_ops->get_link_ksettings(dev, &ks), 0);
	CHECK_EQ(ks.base.speed, (uint32_t)SPEED_UNKNOWN);
	CHECK_EQ(ks.base.duplex, DUPLEX_UNKNOWN);
	CHECK_EQ(dev->ethtool_ops->get_link(dev), 0);
	nic_test_dev_destroy(dev);
}

TEST(e1000_rx_usecs_programs_itr_radv_rdtr)
{
	struct ethtool_coalesce ec;
	struct e1000_adapter *ad;
	struct net_device *dev = setup(&ad);
	const struct ethtool_ops *ops = dev->ethtool_ops;

	CHECK_EQ(ops->supported_coalesce_params, ETHTOOL_COALESCE_RX_USECS);
	ops->get_coalesce(dev, &ec);
	ec.rx_coalesce_usecs = 500;
	CHECK_EQ(ops->set_coalesce(dev, &ec), 0);
	CHECK_EQ(regs[E1000_ITR / 4], 500 * 1000 / 256);
	CHECK_EQ(regs[E1000_RADV / 4], 500 * 1000 / 1024);
	CHECK_EQ(regs[E1000_RDTR / 4], 500 * 1000 / 1024 + 1);
	ops->get_coalesce(dev, &ec);
	CHECK_EQ(ec.rx_coalesce_usecs, 500);
	ec.rx_coalesce_usecs = 16001;
	CHECK_EQ(ops->set_coalesce(dev, &ec), -EINVAL);
	ec.rx_coalesce_usecs = 10;
	ec.rx_max_coalesced_frames = 4;
	CHECK_EQ(ops->set_coalesce(dev, &ec), -EOPNOTSUPP);
	CHECK_EQ(ad->rx_coalesce_usecs, 500);
	ec.rx_max_coalesced_frames = 0;
	ec.rx_coalesce_usecs = 0; /* every frame interrupts */
	CHECK_EQ(ops->set_coalesce(dev, &ec), 0);
	CHECK_EQ(regs[E1000_ITR / 4], 0);
	CHECK_EQ(regs[E1000_RDTR / 4], 0);
	nic_test_dev_destroy(dev);
}

TEST(e1000_ethtool_S_uses_linux_names_and_the_counters_kept)
{
	struct e1000_adapter *ad;
	struct net_device *dev = setup(&ad);
	const struct ethtool_ops *ops = dev->ethtool_ops;
	int n = ops->get_sset_count(dev, ETH_SS_STATS);
	uint8_t names[64][ETH_GSTRING_LEN];
	uint64_t v[64];

	CHECK_EQ(n, E1000_STATS_LEN);
	CHECK(n <= 64);
	CHECK_EQ(ops->get_sset_count(dev, ETH_SS_TEST), -EOPNOTSUPP);
	ops->get_strings(dev, ETH_SS_STATS, &names[0][0]);
	CHECK_STR((char *)names[0], "rx_packets");
	CHECK_STR((char *)names[1], "tx_packets");
	CHECK_STR((char *)names[13], "rx_no_buffer_count");
	CHECK_STR((char *)names[14], "rx_missed_errors");
	CHECK_STR((char *)names[n - 1], "alloc_rx_buff_failed");
	dev->stats.rx_packets = 12;
	dev->stats.rx_bytes = 1200;
	ad->hw_stats[E1000_STAT_RNBC] = 3;
	ad->hw_stats[E1000_STAT_MPC] = 4;
	ad->hw_stats[E1000_STAT_ROC] = 5;
	ad->alloc_rx_buff_failed = 6;
	ops->get_ethtool_stats(dev, NULL, v);
	CHECK_EQ(v[0], 12);
	CHECK_EQ(v[2], 1200);
	CHECK_EQ(v[13], 3);
	CHECK_EQ(v[14], 4);
	CHECK_EQ(v[17], 5); /* rx_long_length_errors */
	CHECK_STR((char *)names[17], "rx_long_length_errors");
	CHECK_EQ(v[n - 1], 6);
	nic_test_dev_destroy(dev);
}

TEST(e1000_ring_sizes_are_what_the_driver_allocates)
{
	struct ethtool_ringparam r = { 0 };
	struct e1000_adapter *ad;
	struct net_device *dev = setup(&ad);

	dev->ethtool_ops->get_ringparam(dev, &r);
	CHECK_EQ(r.rx_pending, E1000_RX_RING_SIZE);
	CHECK_EQ(r.tx_pending, E1000_TX_RING_SIZE);
	CHECK_EQ(r.rx_max_pending, 4096);
	nic_test_dev_destroy(dev);
}

RUN_TESTS()
