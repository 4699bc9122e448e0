/*
 * Host tests for the interface ioctls (net/core/dev_ioctl.c), the ethtool
 * ioctl (net/ethtool/ioctl.c), the loopback device (drivers/net/loopback.c)
 * and the /proc/net registrations (net-procfs.c): what ifconfig and ethtool
 * get back, exact errnos for bad names, values and pointers, and no leaks.
 *
 * User memory is host memory here; an address below USER_BAD_END stands
 * for an unmapped user page, so the -EFAULT paths run for real.
 */
#include "tests/unit/shim_netcore.h"

#include "kernel/uaccess.h"

#define USER_BAD_END 0x10000UL

/* A window of "unmapped" user memory a test can place anywhere. */
static const char *user_hole_lo, *user_hole_hi;

static bool user_ok(const void *p, unsigned long n)
{
	const char *c = p;

	if ((uintptr_t)p < USER_BAD_END || n >= 0x7fffffff)
		return false;
	return !(user_hole_lo && c < user_hole_hi && c + n > user_hole_lo);
}

unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	if (!n)
		return 0;
	if (!user_ok(from, n))
		return n;
	memcpy(to, from, n);
	return 0;
}

unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	if (!n)
		return 0;
	if (!user_ok(to, n))
		return n;
	memcpy(to, from, n);
	return 0;
}

#include "net/core/dev_ioctl.c"
#include "net/ethtool/ioctl.c"
#include "drivers/net/loopback.c"

#define BAD_PTR ((void *)0x40)

/* ---- a fake driver's ethtool side ---- */

static struct ethtool_coalesce fake_coal;
static int fake_link_up = 1;
static const char fake_stat_names[][ETH_GSTRING_LEN] = { "rx_packets",
							 "rx_missed_errors" };

static void fake_get_drvinfo(struct net_device *dev,
			     struct ethtool_drvinfo *info)
{
	strlcpy(info->driver, "fake", sizeof(info->driver));
	strlcpy(info->bus_info, "0000:00:03.0", sizeof(info->bus_info));
}

static uint32_t fake_get_link(struct net_device *dev)
{
	return fake_link_up;
}

static int fake_get_ksettings(struct net_device *dev,
			      struct ethtool_link_ksettings *ks)
{
	ks->base.speed = 70000; /* > 16 bits: exercises speed_hi */
	ks->base.duplex = DUPLEX_FULL;
	ks->base.autoneg = AUTONEG_ENABLE;
	ks->link_modes.supported = SUPPORTED_1000baseT_Full | SUPPORTED_TP;
	return 0;
}

static int fake_get_coalesce(struct net_device *dev, struct ethtool_coalesce *ec)
{
	*ec = fake_coal;
	ec->cmd = 0xdead; /* the core must put its own cmd back */
	return 0;
}

static int fake_set_coalesce(struct net_device *dev, struct ethtool_coalesce *ec)
{
	if (ec->rx_coalesce_usecs > 1000)
		return -EINVAL;
	fake_coal = *ec;
	return 0;
}

static void fake_get_ringparam(struct net_device *dev,
			       struct ethtool_ringparam *r)
{
	r->rx_max_pending = 4096;
	r->rx_pending = 256;
	r->tx_pending = 256;
}

static int fake_sset_count(struct net_device *dev, int sset)
{
	return sset == ETH_SS_STATS ? 2 : -EOPNOTSUPP;
}

static void fake_get_strings(struct net_device *dev, uint32_t sset,
			     uint8_t *data)
{
	memcpy(data, fake_stat_names, sizeof(fake_stat_names));
}

static void fake_get_stats(struct net_device *dev, struct ethtool_stats *st,
			   uint64_t *data)
{
	data[0] = dev->stats.rx_packets;
	data[1] = 7;
}

static const struct ethtool_ops fake_ethtool_ops = {
	.supported_coalesce_params = ETHTOOL_COALESCE_RX_USECS,
	.get_drvinfo = fake_get_drvinfo,
	.get_link = fake_get_link,
	.get_link_ksettings = fake_get_ksettings,
	.get_coalesce = fake_get_coalesce,
	.set_coalesce = fake_set_coalesce,
	.get_ringparam = fake_get_ringparam,
	.get_sset_count = fake_sset_count,
	.get_strings = fake_get_strings,
	.get_ethtool_stats = fake_get_stats,
};

static int fake_set_mac(struct net_device *dev, void *p)
{
	struct sockaddr *sa = p;

	memcpy(dev->dev_addr, sa->sa_data, ETH_ALEN);
	return 0;
}

static struct net_device_ops fake_ops_mac;

/* eth0, up, with ethtool ops; its IRQ and memory window set as a driver would */
static struct net_device *eth0_up(void)
{
	struct net_device *dev = fake_nic_create();

	dev->ethtool_ops = &fake_ethtool_ops;
	dev->irq = 11;
	dev->mem_start = 0xfebc0000;
	dev->mem_end = 0xfebe0000;
	CHECK_EQ(register_netdev(dev), 0);
	CHECK_EQ(dev_open(dev), 0);
	memset(&fake_coal, 0, sizeof(fake_coal));
	fake_link_up = 1;
	return dev;
}

static struct ifreq req(const char *name)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	strlcpy(ifr.ifr_name, name, IFNAMSIZ);
	return ifr;
}

static int ioc(unsigned int cmd, struct ifreq *ifr)
{
	bool copyout = false;

	return dev_ioctl(cmd, ifr, &copyout);
}

static int ethtool(const char *name, void *cmd)
{
	struct ifreq ifr = req(name);

	ifr.ifr_data = cmd;
	return ioc(SIOCETHTOOL, &ifr);
}

/* ---- dev_ioctl ---- */

TEST(get_ioctls_answer_what_ifconfig_prints)
{
	struct net_device *dev;
	struct ifreq ifr;
	bool copyout = false;

	netcore_reset();
	dev = eth0_up();
	ifr = req("eth0");
	CHECK_EQ(dev_ioctl(SIOCGIFFLAGS, &ifr, &copyout), 0);
	CHECK(copyout);
	CHECK_EQ(ifr.ifr_flags, 4163); /* UP,BROADCAST,RUNNING,MULTICAST */
	CHECK_EQ(ioc(SIOCGIFMTU, &ifr), 0);
	CHECK_EQ(ifr.ifr_mtu, 1500);
	CHECK_EQ(ioc(SIOCGIFHWADDR, &ifr), 0);
	CHECK_EQ(ifr.ifr_hwaddr.sa_family, ARPHRD_ETHER);
	CHECK(!memcmp(ifr.ifr_hwaddr.sa_data, fake_mac, ETH_ALEN));
	CHECK_EQ(ifr.ifr_hwaddr.sa_data[6], 0);
	CHECK_EQ(ioc(SIOCGIFINDEX, &ifr), 0);
	CHECK_EQ(ifr.ifr_ifindex, 1);
	CHECK_EQ(ioc(SIOCGIFTXQLEN, &ifr), 0);
	CHECK_EQ(ifr.ifr_qlen, 1000);
	CHECK_EQ(ioc(SIOCGIFMETRIC, &ifr), 0);
	CHECK_EQ(ifr.ifr_metric, 0);
	CHECK_EQ(ioc(SIOCGIFMAP, &ifr), 0);
	CHECK_EQ(ifr.ifr_map.irq, 11);
	CHECK_EQ(ifr.ifr_map.mem_start, 0xfebc0000);
	CHECK_EQ(ifr.ifr_map.mem_end, 0xfebe0000);
	CHECK_EQ(ifr.ifr_map.base_addr, 0);
	/* carrier lost: RUNNING goes, UP stays */
	netif_carrier_off(dev);
	CHECK_EQ(ioc(SIOCGIFFLAGS, &ifr), 0);
	CHECK_EQ(ifr.ifr_flags, IFF_UP | IFF_BROADCAST | IFF_MULTICAST);
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(unknown_interface_is_enodev_for_every_command)
{
	static const unsigned int cmds[] = { SIOCGIFFLAGS, SIOCSIFFLAGS,
		SIOCGIFMTU, SIOCSIFMTU, SIOCGIFHWADDR, SIOCSIFHWADDR,
		SIOCGIFINDEX, SIOCGIFMAP, SIOCGIFTXQLEN, SIOCETHTOOL };
	struct ethtool_value v = { .cmd = ETHTOOL_GLINK };
	struct net_device *dev;

	netcore_reset();
	dev = eth0_up();
	for (unsigned int i = 0; i < ARRAY_SIZE(cmds); i++) {
		struct ifreq ifr = req("eth9");

		ifr.ifr_data = (char *)&v;
		CHECK_EQ(ioc(cmds[i], &ifr), -ENODEV);
	}
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(unknown_command_is_enotty_and_name_is_cut_at_ifnamsiz)
{
	struct net_device *dev;
	struct ifreq ifr;

	netcore_reset();
	dev = eth0_up();
	ifr = req("eth0");
	CHECK_EQ(ioc(0x89ff, &ifr), -ENOTTY);
	CHECK_EQ(ioc(SIOCGIFCONF, &ifr), -ENOTTY); /* dev_ifconf's, not ours */
	/* no NUL within IFNAMSIZ: cut, never read past the array */
	memset(ifr.ifr_name, 'x', IFNAMSIZ);
	CHECK_EQ(ioc(SIOCGIFFLAGS, &ifr), -ENODEV);
	CHECK_EQ(ifr.ifr_name[IFNAMSIZ - 1], '\0');
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(alias_name_means_the_device_and_comes_back_unchanged)
{
	struct net_device *dev;
	struct ifreq ifr;

	netcore_reset();
	dev = eth0_up();
	ifr = req("eth0:1");
	CHECK_EQ(ioc(SIOCGIFMTU, &ifr), 0);
	CHECK_EQ(ifr.ifr_mtu, 1500);
	CHECK_STR(ifr.ifr_name, "eth0:1");
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(gifname_maps_index_to_name)
{
	struct net_device *dev;
	struct ifreq ifr;

	netcore_reset();
	dev = eth0_up();
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_ifindex = dev->ifindex;
	CHECK_EQ(ioc(SIOCGIFNAME, &ifr), 0);
	CHECK_STR(ifr.ifr_name, "eth0");
	ifr.ifr_ifindex = 42;
	CHECK_EQ(ioc(SIOCGIFNAME, &ifr), -ENODEV);
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(sifflags_brings_the_device_down_and_up_and_sets_promisc)
{
	struct net_device *dev;
	struct fake_nic *nic;
	struct ifreq ifr;
	bool copyout = true;

	netcore_reset();
	dev = eth0_up();
	nic = netdev_priv(dev);
	ifr = req("eth0");
	CHECK_EQ(ioc(SIOCGIFFLAGS, &ifr), 0);
	ifr.ifr_flags &= ~IFF_UP;
	CHECK_EQ(dev_ioctl(SIOCSIFFLAGS, &ifr, &copyout), 0);
	CHECK(!copyout);
	CHECK(!(dev->flags & IFF_UP));
	CHECK_EQ(nic->stops, 1);
	CHECK_EQ(ioc(SIOCGIFFLAGS, &ifr), 0);
	CHECK_EQ(ifr.ifr_flags, IFF_BROADCAST | IFF_MULTICAST);
	ifr.ifr_flags |= IFF_UP | IFF_PROMISC;
	CHECK_EQ(ioc(SIOCSIFFLAGS, &ifr), 0);
	CHECK_EQ(nic->opens, 2);
	CHECK(dev->flags & IFF_PROMISC);
	CHECK_EQ(dev->promiscuity, 1);
	CHECK(host_log_has("device eth0 entered promiscuous mode"));
	/* the same request again counts once */
	CHECK_EQ(ioc(SIOCSIFFLAGS, &ifr), 0);
	CHECK_EQ(dev->promiscuity, 1);
	ifr.ifr_flags = (short)(IFF_UP | IFF_ALLMULTI | IFF_BROADCAST);
	CHECK_EQ(ioc(SIOCSIFFLAGS, &ifr), 0);
	CHECK(!(dev->flags & IFF_PROMISC));
	CHECK(dev->flags & IFF_ALLMULTI);
	CHECK_EQ(ioc(SIOCGIFFLAGS, &ifr), 0);
	CHECK_EQ(ifr.ifr_flags, IFF_UP | IFF_BROADCAST | IFF_RUNNING |
				IFF_ALLMULTI);
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(sifmtu_accepts_the_driver_range_and_refuses_the_rest)
{
	static const int bad[] = { 9000, 1501, 67, 0, -1, -1500 };
	struct net_device *dev;
	struct ifreq ifr;

	netcore_reset();
	dev = eth0_up();
	ifr = req("eth0");
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		ifr.ifr_mtu = bad[i];
		CHECK_EQ(ioc(SIOCSIFMTU, &ifr), -EINVAL);
		CHECK_EQ(dev->mtu, 1500);
	}
	ifr.ifr_mtu = 1400;
	CHECK_EQ(ioc(SIOCSIFMTU, &ifr), 0);
	CHECK_EQ(dev->mtu, 1400);
	ifr.ifr_mtu = 68;
	CHECK_EQ(ioc(SIOCSIFMTU, &ifr), 0);
	CHECK_EQ(ioc(SIOCGIFMTU, &ifr), 0);
	CHECK_EQ(ifr.ifr_mtu, 68);
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(sifhwaddr_needs_a_driver_hook_and_the_right_family)
{
	static const uint8_t mac[ETH_ALEN] = { 0x02, 1, 2, 3, 4, 5 };
	struct net_device *dev;
	struct ifreq ifr;

	netcore_reset();
	dev = eth0_up();
	ifr = req("eth0");
	ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	memcpy(ifr.ifr_hwaddr.sa_data, mac, ETH_ALEN);
	CHECK_EQ(ioc(SIOCSIFHWADDR, &ifr), -EOPNOTSUPP);
	fake_ops_mac = fake_ops;
	fake_ops_mac.ndo_set_mac_address = fake_set_mac;
	dev->netdev_ops = &fake_ops_mac;
	ifr.ifr_hwaddr.sa_family = AF_INET;
	CHECK_EQ(ioc(SIOCSIFHWADDR, &ifr), -EINVAL);
	ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	CHECK_EQ(ioc(SIOCSIFHWADDR, &ifr), 0);
	CHECK(!memcmp(dev->dev_addr, mac, ETH_ALEN));
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(set_commands_without_support_say_eopnotsupp_or_einval)
{
	struct net_device *dev;
	struct ifreq ifr;

	netcore_reset();
	dev = eth0_up();
	ifr = req("eth0");
	CHECK_EQ(ioc(SIOCSIFMETRIC, &ifr), -EOPNOTSUPP);
	CHECK_EQ(ioc(SIOCSIFMAP, &ifr), -EOPNOTSUPP);
	ifr.ifr_qlen = -5;
	CHECK_EQ(ioc(SIOCSIFTXQLEN, &ifr), -EINVAL);
	ifr.ifr_qlen = 500;
	CHECK_EQ(ioc(SIOCSIFTXQLEN, &ifr), 0);
	CHECK_EQ(dev->tx_queue_len, 500);
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

/* ---- SIOCGIFCONF ---- */

TEST(ifconf_lists_one_ifreq_per_address_and_checks_the_buffer)
{
	struct in_ifaddr alias = { .ifa_local = htonl(0x0a000210),
				   .ifa_label = "eth0:1" };
	struct in_ifaddr primary = { .ifa_next = &alias,
				     .ifa_local = htonl(0x0a00020f),
				     .ifa_label = "eth0" };
	struct in_ifaddr other = { .ifa_local = htonl(0xc0a80001),
				   .ifa_label = "eth1" };
	struct in_device in0 = { .ifa_list = &primary };
	struct in_device in1 = { .ifa_list = &other };
	struct net_device *a, *b, *c;
	struct sockaddr_in sin;
	struct ifreq out[4];
	struct ifconf ifc;

	netcore_reset();
	a = eth0_up();
	b = fake_nic_create();
	c = fake_nic_create(); /* no IPv4 at all: lists nothing */
	CHECK_EQ(register_netdev(b), 0);
	CHECK_EQ(register_netdev(c), 0);
	ifc.ifc_len = sizeof(out);
	ifc.ifc_buf = (char *)out;
	CHECK_EQ(dev_ifconf(&ifc), 0);
	CHECK_EQ(ifc.ifc_len, 0);
	a->ip_ptr = &in0;
	b->ip_ptr = &in1;
	ifc.ifc_len = sizeof(out);
	CHECK_EQ(dev_ifconf(&ifc), 0);
	CHECK_EQ(ifc.ifc_len, 3 * (int)sizeof(struct ifreq));
	CHECK_STR(out[0].ifr_name, "eth0");
	CHECK_STR(out[1].ifr_name, "eth0:1");
	CHECK_STR(out[2].ifr_name, "eth1");
	memcpy(&sin, &out[2].ifr_addr, sizeof(sin));
	CHECK_EQ(sin.sin_family, AF_INET);
	CHECK_EQ(sin.sin_addr.s_addr, htonl(0xc0a80001));
	/* NULL buffer: how much a full answer needs */
	ifc.ifc_buf = NULL;
	ifc.ifc_len = 0;
	CHECK_EQ(dev_ifconf(&ifc), 0);
	CHECK_EQ(ifc.ifc_len, 3 * (int)sizeof(struct ifreq));
	/* room for two and a bit: two */
	ifc.ifc_buf = (char *)out;
	ifc.ifc_len = 2 * sizeof(struct ifreq) + 4;
	CHECK_EQ(dev_ifconf(&ifc), 0);
	CHECK_EQ(ifc.ifc_len, 2 * (int)sizeof(struct ifreq));
	ifc.ifc_buf = BAD_PTR;
	ifc.ifc_len = sizeof(out);
	CHECK_EQ(dev_ifconf(&ifc), -EFAULT);
	ifc.ifc_buf = (char *)out;
	ifc.ifc_len = -1;
	CHECK_EQ(dev_ifconf(&ifc), -EINVAL);
	a->ip_ptr = b->ip_ptr = NULL;
	fake_nic_destroy(a);
	fake_nic_destroy(b);
	fake_nic_destroy(c);
	CHECK_NO_LEAKS();
}

/* ---- SIOCETHTOOL ---- */

TEST(ethtool_drvinfo_fills_names_and_counts_stats)
{
	struct ethtool_drvinfo info = { .cmd = ETHTOOL_GDRVINFO };
	struct net_device *dev;

	netcore_reset();
	dev = eth0_up();
	CHECK_EQ(ethtool("eth0", &info), 0);
	CHECK_EQ(info.cmd, ETHTOOL_GDRVINFO);
	CHECK_STR(info.driver, "fake");
	CHECK_STR(info.bus_info, "0000:00:03.0");
	CHECK_EQ(info.n_stats, 2);
	CHECK_EQ(info.n_priv_flags, 0);
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(ethtool_gset_converts_to_the_legacy_struct)
{
	struct ethtool_cmd ecmd = { .cmd = ETHTOOL_GSET };
	struct ethtool_value link = { .cmd = ETHTOOL_GLINK };
	struct net_device *dev;

	netcore_reset();
	dev = eth0_up();
	CHECK_EQ(ethtool("eth0", &ecmd), 0);
	CHECK_EQ(ecmd.speed | ecmd.speed_hi << 16, 70000);
	CHECK_EQ(ecmd.duplex, DUPLEX_FULL);
	CHECK_EQ(ecmd.autoneg, AUTONEG_ENABLE);
	CHECK_EQ(ecmd.supported, SUPPORTED_1000baseT_Full | SUPPORTED_TP);
	CHECK_EQ(ethtool("eth0", &link), 0);
	CHECK_EQ(link.data, 1);
	fake_link_up = 0;
	CHECK_EQ(ethtool("eth0", &link), 0);
	CHECK_EQ(link.data, 0);
	/* a device that is down has no link, whatever the PHY says */
	fake_link_up = 1;
	dev_close(dev);
	CHECK_EQ(ethtool("eth0", &link), 0);
	CHECK_EQ(link.data, 0);
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(ethtool_coalesce_round_trip_and_refusals)
{
	struct ethtool_coalesce ec = { .cmd = ETHTOOL_GCOALESCE };
	struct net_device *dev;

	netcore_reset();
	dev = eth0_up();
	fake_coal.rx_coalesce_usecs = 3;
	CHECK_EQ(ethtool("eth0", &ec), 0);
	CHECK_EQ(ec.cmd, ETHTOOL_GCOALESCE);
	CHECK_EQ(ec.rx_coalesce_usecs, 3);
	ec.cmd = ETHTOOL_SCOALESCE;
	ec.rx_coalesce_usecs = 500;
	CHECK_EQ(ethtool("eth0", &ec), 0);
	CHECK_EQ(fake_coal.rx_coalesce_usecs, 500);
	ec.rx_coalesce_usecs = 5000; /* the driver's range check */
	CHECK_EQ(ethtool("eth0", &ec), -EINVAL);
	CHECK_EQ(fake_coal.rx_coalesce_usecs, 500);
	ec.rx_coalesce_usecs = 10;
	ec.rx_max_coalesced_frames = 4; /* not in supported_coalesce_params */
	CHECK_EQ(ethtool("eth0", &ec), -EOPNOTSUPP);
	ec.rx_max_coalesced_frames = 0;
	ec.rate_sample_interval = 1; /* the last field counts too */
	CHECK_EQ(ethtool("eth0", &ec), -EOPNOTSUPP);
	CHECK_EQ(fake_coal.rx_coalesce_usecs, 500);
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(ethtool_strings_and_stats_for_ethtool_S)
{
	struct {
		struct ethtool_sset_info hdr;
		uint32_t data[2];
	} sset = { .hdr = { .cmd = ETHTOOL_GSSET_INFO,
			    .sset_mask = 1ULL << ETH_SS_STATS |
					 1ULL << ETH_SS_TEST } };
	struct {
		struct ethtool_gstrings hdr;
		char names[2][ETH_GSTRING_LEN];
	} gs = { .hdr = { .cmd = ETHTOOL_GSTRINGS, .string_set = ETH_SS_STATS } };
	struct {
		struct ethtool_stats hdr;
		uint64_t v[2];
	} st = { .hdr = { .cmd = ETHTOOL_GSTATS } };
	struct net_device *dev;

	netcore_reset();
	dev = eth0_up();
	dev->stats.rx_packets = 12;
	CHECK_EQ(ethtool("eth0", &sset), 0);
	CHECK_EQ(sset.hdr.sset_mask, 1ULL << ETH_SS_STATS); /* no TEST set */
	CHECK_EQ(sset.hdr.data[0], 2);
	CHECK_EQ(ethtool("eth0", &gs), 0);
	CHECK_EQ(gs.hdr.len, 2);
	CHECK_STR(gs.names[0], "rx_packets");
	CHECK_STR(gs.names[1], "rx_missed_errors");
	CHECK_EQ(ethtool("eth0", &st), 0);
	CHECK_EQ(st.hdr.n_stats, 2);
	CHECK_EQ(st.v[0], 12);
	CHECK_EQ(st.v[1], 7);
	gs.hdr.string_set = ETH_SS_PRIV_FLAGS;
	CHECK_EQ(ethtool("eth0", &gs), -EOPNOTSUPP);
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(ethtool_ringparam_and_unknown_commands)
{
	struct ethtool_ringparam r = { .cmd = ETHTOOL_GRINGPARAM };
	uint32_t unknown[4] = { 0x7777 };
	uint32_t glinksettings[4] = { ETHTOOL_GLINKSETTINGS };
	struct net_device *dev;

	netcore_reset();
	dev = eth0_up();
	CHECK_EQ(ethtool("eth0", &r), 0);
	CHECK_EQ(r.rx_max_pending, 4096);
	CHECK_EQ(r.rx_pending, 256);
	CHECK_EQ(r.tx_pending, 256);
	CHECK_EQ(ethtool("eth0", unknown), -EOPNOTSUPP);
	CHECK_EQ(ethtool("eth0", glinksettings), -EOPNOTSUPP);
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(ethtool_without_ops_is_eopnotsupp)
{
	struct ethtool_coalesce ec = { .cmd = ETHTOOL_GCOALESCE };
	struct ethtool_drvinfo info = { .cmd = ETHTOOL_GDRVINFO };
	struct ethtool_stats st = { .cmd = ETHTOOL_GSTATS };
	struct net_device *dev;

	netcore_reset();
	dev = fake_nic_create();
	CHECK_EQ(register_netdev(dev), 0);
	CHECK_EQ(ethtool("eth0", &ec), -EOPNOTSUPP);
	ec.cmd = ETHTOOL_SCOALESCE;
	CHECK_EQ(ethtool("eth0", &ec), -EOPNOTSUPP);
	CHECK_EQ(ethtool("eth0", &info), -EOPNOTSUPP);
	CHECK_EQ(ethtool("eth0", &st), -EOPNOTSUPP);
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(ethtool_bad_user_pointers_are_efault_and_leak_nothing)
{
	static const uint32_t cmds[] = { ETHTOOL_GSET, ETHTOOL_GDRVINFO,
		ETHTOOL_GLINK, ETHTOOL_GCOALESCE, ETHTOOL_SCOALESCE,
		ETHTOOL_GRINGPARAM, ETHTOOL_GSSET_INFO, ETHTOOL_GSTRINGS,
		ETHTOOL_GSTATS };
	struct {
		struct ethtool_gstrings hdr;
		char names[2][ETH_GSTRING_LEN];
	} gs = { .hdr = { .cmd = ETHTOOL_GSTRINGS, .string_set = ETH_SS_STATS } };
	struct {
		struct ethtool_stats hdr;
		uint64_t v[2];
	} st = { .hdr = { .cmd = ETHTOOL_GSTATS } };
	struct net_device *dev;

	netcore_reset();
	dev = eth0_up();
	/* the command word itself cannot be read */
	CHECK_EQ(ethtool("eth0", BAD_PTR), -EFAULT);
	CHECK_EQ(ethtool("eth0", NULL), -EFAULT);
	/* every command checks its own copies */
	for (unsigned int i = 0; i < ARRAY_SIZE(cmds); i++)
		CHECK_EQ(__dev_ethtool(dev, cmds[i], BAD_PTR), -EFAULT);
	/* header fine, the names after it unmapped: the buffer is freed */
	user_hole_lo = (const char *)gs.names;
	user_hole_hi = (const char *)(gs.names + 2);
	CHECK_EQ(ethtool("eth0", &gs), -EFAULT);
	user_hole_lo = (const char *)st.v;
	user_hole_hi = (const char *)(st.v + 2);
	CHECK_EQ(ethtool("eth0", &st), -EFAULT);
	user_hole_lo = user_hole_hi = NULL;
	CHECK_EQ(atomic_read(&dev->refcnt), 0); /* dev_ethtool dropped its hold */
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

/* ---- loopback ---- */

TEST(loopback_is_ifindex_1_up_and_turns_frames_round)
{
	struct net_device *lo, *eth;
	struct sk_buff *skb;
	struct ifreq ifr;

	netcore_reset();
	CHECK_EQ(loopback_net_init(), 0);
	lo = loopback_dev;
	eth = eth0_up();
	CHECK_STR(lo->name, "lo");
	CHECK_EQ(lo->ifindex, 1);
	CHECK_EQ(eth->ifindex, 2);
	ifr = req("lo");
	CHECK_EQ(ioc(SIOCGIFFLAGS, &ifr), 0);
	CHECK_EQ(ifr.ifr_flags, IFF_UP | IFF_LOOPBACK | IFF_RUNNING); /* 73 */
	CHECK_EQ(ioc(SIOCGIFMTU, &ifr), 0);
	CHECK_EQ(ifr.ifr_mtu, 65536);
	CHECK_EQ(ioc(SIOCGIFHWADDR, &ifr), 0);
	CHECK_EQ(ifr.ifr_hwaddr.sa_family, ARPHRD_LOOPBACK);
	/* a frame sent on lo comes back in through the backlog */
	skb = alloc_skb(128, GFP_KERNEL);
	skb_reserve(skb, 16);
	skb_put(skb, 46);
	skb->dev = lo;
	CHECK_EQ(dev_hard_header(skb, lo, 0x88b5, lo->dev_addr, lo->dev_addr,
				 46), ETH_HLEN);
	CHECK_EQ(dev_queue_xmit(skb), NET_XMIT_SUCCESS);
	host_run_softirqs();
	CHECK_EQ(lo->stats.tx_packets, 1);
	CHECK_EQ(lo->stats.rx_packets, 1);
	CHECK_EQ(lo->stats.tx_bytes, 60);
	CHECK_EQ(lo->stats.rx_bytes, 60);
	CHECK_EQ(softnet_data.processed, 1);
	/* no handler for 0x88b5: dropped with a reason, not leaked */
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_UNHANDLED_PROTO), 1);
	fake_nic_destroy(eth);
	unregister_netdev(lo);
	free_netdev(lo);
	CHECK_NO_LEAKS();
}

/* ---- /proc ---- */

TEST(proc_net_files_are_registered_and_netdev_budget_is_tunable)
{
	static const char *const files[] = { "net/dev", "net/softnet_stat",
		"net/skb_stats", "net/drop_reasons",
		"sys/net/core/netdev_budget" };
	struct shim_proc_file *f;
	char buf[64];

	netcore_reset();
	for (unsigned int i = 0; i < ARRAY_SIZE(files); i++)
		CHECK(shim_proc_find(files[i]) != NULL);
	CHECK(shim_proc_find("net/dev")->store == NULL);
	f = shim_proc_find("sys/net/core/netdev_budget");
	CHECK(f->store != NULL);
	f->show(buf, sizeof(buf));
	CHECK_STR(buf, "300\n");
	CHECK_EQ(f->store("600\n", 4), 0);
	CHECK_EQ(netdev_budget, 600);
	f->show(buf, sizeof(buf));
	CHECK_STR(buf, "600\n");
	CHECK_EQ(f->store("abc", 3), -EINVAL);
	CHECK_EQ(f->store("-1\n", 3), -EINVAL);
	CHECK_EQ(f->store("", 0), -EINVAL);
	CHECK_EQ(f->store("99999999999", 11), -EINVAL);
	CHECK_EQ(netdev_budget, 600);
	CHECK_EQ(f->store(" 64\n", 4), 0);
	CHECK_EQ(netdev_budget, 64);
	netdev_budget = 300;
}

RUN_TESTS()
