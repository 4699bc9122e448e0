/*
 * Host tests for net/core/dev.c part 1 (devices) and net-procfs.c:
 * naming and registration, open/close, flags and promiscuity, carrier
 * and queue state, counters, and the exact text of /proc/net/dev.
 */
#include "tests/unit/shim_netcore.h"

static struct net_device *registered(void)
{
	struct net_device *dev = fake_nic_create();

	CHECK_EQ(register_netdev(dev), 0);
	return dev;
}

static void lo_setup(struct net_device *dev)
{
	dev->flags = IFF_LOOPBACK;
	dev->mtu = 65536;
}

static struct net_device *named(const char *name)
{
	struct net_device *dev = alloc_netdev(0, name, NET_NAME_PREDICTABLE,
					      lo_setup);

	dev->netdev_ops = &fake_ops;
	return dev;
}

TEST(alloc_etherdev_sets_ethernet_defaults_and_private_area)
{
	struct net_device *dev;
	struct fake_nic *nic;

	netcore_reset();
	dev = alloc_etherdev(sizeof(struct fake_nic));
	nic = netdev_priv(dev);
	CHECK_STR(dev->name, "eth%d");
	CHECK_EQ(dev->mtu, 1500);
	CHECK_EQ(dev->min_mtu, 68);
	CHECK_EQ(dev->type, ARPHRD_ETHER);
	CHECK_EQ(dev->hard_header_len, 14);
	CHECK_EQ(dev->addr_len, 6);
	CHECK_EQ(dev->flags, IFF_BROADCAST | IFF_MULTICAST);
	CHECK(is_broadcast_ether_addr(dev->broadcast));
	CHECK((char *)nic >= (char *)(dev + 1));
	CHECK_EQ((uintptr_t)nic % NETDEV_ALIGN, (uintptr_t)dev % NETDEV_ALIGN);
	CHECK_EQ(nic->polls, 0);
	CHECK(!netif_running(dev));
	free_netdev(dev);
	CHECK_EQ(host_kmalloc_live, 0);
}

TEST(register_names_eth_devices_in_order_with_new_ifindexes)
{
	struct net_device *a, *b, *c, *d;

	netcore_reset();
	a = registered();
	b = registered();
	c = registered();
	CHECK_STR(a->name, "eth0");
	CHECK_STR(b->name, "eth1");
	CHECK_STR(c->name, "eth2");
	CHECK_EQ(a->ifindex, 1);
	CHECK_EQ(c->ifindex, 3);
	CHECK(netif_device_present(b));
	/* the lowest free number is reused, the ifindex is not */
	fake_nic_destroy(b);
	d = registered();
	CHECK_STR(d->name, "eth1");
	CHECK_EQ(d->ifindex, 4);
	fake_nic_destroy(a);
	fake_nic_destroy(c);
	fake_nic_destroy(d);
	CHECK(list_empty(&dev_base_head));
	CHECK_NO_LEAKS();
}

TEST(fixed_names_must_be_valid_and_unique)
{
	static const char *const bad[] = { "", ".", "..", "a/b", "a:1", "a b",
					   "eth%d%d", "eth%s", "e%" };
	struct net_device *lo, *lo2;

	netcore_reset();
	lo = named("lo");
	lo2 = named("lo");
	CHECK_EQ(register_netdev(lo), 0);
	CHECK_EQ(register_netdev(lo2), -EEXIST);
	CHECK_EQ(register_netdev(lo), -EINVAL); /* twice */
	CHECK_EQ(lo->flags, IFF_LOOPBACK);
	free_netdev(lo2);
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		struct net_device *dev = named(bad[i]);

		CHECK_EQ(register_netdev(dev), -EINVAL);
		free_netdev(dev);
	}
	CHECK(alloc_netdev(0, "sixteen_chars_xx", NET_NAME_USER, lo_setup) == NULL);
	unregister_netdev(lo);
	free_netdev(lo);
	CHECK_NO_LEAKS();
}

TEST(register_without_ops_is_refused)
{
	struct net_device *dev;

	netcore_reset();
	dev = alloc_etherdev(0);
	CHECK_EQ(register_netdev(dev), -EINVAL);
	free_netdev(dev);
	CHECK_NO_LEAKS();
}

TEST(lookups_by_name_and_index_take_a_reference)
{
	struct net_device *a, *b;

	netcore_reset();
	a = registered();
	b = registered();
	CHECK(dev_get_by_name("eth1") == b);
	CHECK_EQ(atomic_read(&b->refcnt), 1);
	CHECK(dev_get_by_index(1) == a);
	CHECK(dev_get_by_name("eth7") == NULL);
	CHECK(dev_get_by_index(99) == NULL);
	CHECK(__dev_get_by_name("eth0") == a);
	CHECK_EQ(atomic_read(&a->refcnt), 1);
	dev_put(a);
	/* freeing while referenced is refused loudly, not a use-after-free */
	unregister_netdev(b);
	free_netdev(b);
	CHECK(host_log_has("unregister_netdevice: waiting for eth1 to become free. Usage count = 1"));
	dev_put(b);
	free_netdev(b);
	fake_nic_destroy(a);
	CHECK_NO_LEAKS();
}

TEST(free_of_a_registered_device_is_refused)
{
	struct net_device *a;

	netcore_reset();
	a = registered();
	free_netdev(a);
	CHECK(host_log_has("free_netdev: eth0 is still registered"));
	CHECK(__dev_get_by_name("eth0") == a);
	fake_nic_destroy(a);
	CHECK_NO_LEAKS();
}

TEST(open_and_close_call_the_driver_and_set_up_flags)
{
	struct net_device *dev;
	struct fake_nic *nic;

	netcore_reset();
	dev = registered();
	nic = netdev_priv(dev);
	CHECK_EQ(dev_open(dev), 0);
	CHECK_EQ(nic->opens, 1);
	CHECK(dev->flags & IFF_UP);
	CHECK(netif_running(dev));
	CHECK_EQ(nic->rx_mode_calls, 1);
	CHECK_EQ(dev_open(dev), 0); /* already up: nothing */
	CHECK_EQ(nic->opens, 1);
	CHECK(dev_get_flags(dev) & IFF_RUNNING);
	netif_carrier_off(dev);
	CHECK(!netif_carrier_ok(dev));
	CHECK(!(dev_get_flags(dev) & IFF_RUNNING));
	CHECK(dev_get_flags(dev) & IFF_UP);
	netif_carrier_on(dev);
	CHECK_EQ(dev_get_flags(dev) & (IFF_RUNNING | IFF_LOWER_UP),
		 IFF_RUNNING | IFF_LOWER_UP);
	CHECK_EQ(dev_close(dev), 0);
	CHECK_EQ(nic->stops, 1);
	CHECK(!(dev->flags & IFF_UP));
	CHECK(!netif_running(dev));
	CHECK(!(dev_get_flags(dev) & IFF_RUNNING));
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(failed_open_leaves_the_device_down)
{
	struct net_device *dev;

	netcore_reset();
	dev = registered();
	((struct fake_nic *)netdev_priv(dev))->open_error = -ENOMEM;
	CHECK_EQ(dev_open(dev), -ENOMEM);
	CHECK(!(dev->flags & IFF_UP));
	CHECK(!netif_running(dev));
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(unregister_closes_an_open_device)
{
	struct net_device *dev;
	struct fake_nic *nic;

	netcore_reset();
	dev = registered();
	nic = netdev_priv(dev);
	dev_open(dev);
	unregister_netdev(dev);
	CHECK_EQ(nic->stops, 1);
	CHECK(!netif_device_present(dev));
	CHECK(__dev_get_by_name("eth0") == NULL);
	free_netdev(dev);
	CHECK_NO_LEAKS();
}

TEST(promiscuity_counts_users_and_tells_the_driver)
{
	struct net_device *dev;
	struct fake_nic *nic;

	netcore_reset();
	dev = registered();
	nic = netdev_priv(dev);
	dev_open(dev);
	nic->rx_mode_calls = 0;
	CHECK_EQ(dev_set_promiscuity(dev, 1), 0); /* tcpdump */
	CHECK(dev->flags & IFF_PROMISC);
	CHECK_EQ(nic->rx_mode_calls, 1);
	CHECK(host_log_has("device eth0 entered promiscuous mode"));
	dev_set_promiscuity(dev, 1); /* a second tcpdump: no change */
	CHECK_EQ(nic->rx_mode_calls, 1);
	dev_set_promiscuity(dev, -1);
	CHECK(dev->flags & IFF_PROMISC);
	CHECK(!host_log_has("left"));
	dev_set_promiscuity(dev, -1);
	CHECK(!(dev->flags & IFF_PROMISC));
	CHECK_EQ(nic->rx_mode_calls, 2);
	CHECK(host_log_has("device eth0 left promiscuous mode"));
	CHECK_EQ(dev_set_promiscuity(dev, -1), -EINVAL);
	CHECK_EQ(dev->promiscuity, 0);
	CHECK_EQ(dev_set_allmulti(dev, 1), 0);
	CHECK(dev->flags & IFF_ALLMULTI);
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(change_flags_brings_up_and_counts_the_users_promisc_once)
{
	struct net_device *dev;

	netcore_reset();
	dev = registered();
	CHECK_EQ(dev_change_flags(dev, IFF_UP | IFF_BROADCAST | IFF_MULTICAST), 0);
	CHECK(netif_running(dev));
	dev_change_flags(dev, dev_get_flags(dev) | IFF_PROMISC);
	dev_change_flags(dev, dev_get_flags(dev) | IFF_PROMISC);
	CHECK_EQ(dev->promiscuity, 1);
	dev_set_promiscuity(dev, 1); /* plus a tcpdump */
	CHECK(dev_get_flags(dev) & IFF_PROMISC);
	dev_change_flags(dev, dev_get_flags(dev) & ~IFF_PROMISC);
	CHECK_EQ(dev->promiscuity, 1);
	CHECK(dev->flags & IFF_PROMISC);	     /* tcpdump still needs it */
	CHECK(!(dev_get_flags(dev) & IFF_PROMISC)); /* but ifconfig won't say */
	dev_change_flags(dev, dev_get_flags(dev) | IFF_NOARP);
	CHECK(dev->flags & IFF_NOARP);
	dev_change_flags(dev, 0);
	CHECK(!netif_running(dev));
	CHECK(dev->flags & IFF_BROADCAST); /* not the user's to clear */
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(mtu_changes_stay_within_the_device_limits)
{
	struct net_device *dev;

	netcore_reset();
	dev = registered();
	CHECK_EQ(dev_set_mtu(dev, 576), 0);
	CHECK_EQ(dev->mtu, 576);
	CHECK_EQ(dev_set_mtu(dev, 67), -EINVAL);
	CHECK_EQ(dev_set_mtu(dev, 1501), -EINVAL);
	CHECK_EQ(dev->mtu, 576);
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(queue_stop_and_wake)
{
	struct net_device *dev;

	netcore_reset();
	dev = registered();
	dev_open(dev);
	CHECK(!netif_queue_stopped(dev));
	netif_stop_queue(dev);
	CHECK(netif_queue_stopped(dev));
	netif_wake_queue(dev);
	CHECK(!netif_queue_stopped(dev));
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

/* ---- /proc/net/dev ---- */

static char text[8192];

static void set_counters(struct net_device *dev, uint64_t rxb, uint64_t rxp,
			 uint64_t mc, uint64_t txb, uint64_t txp, uint64_t txe,
			 uint64_t txd)
{
	dev->stats.rx_bytes = rxb;
	dev->stats.rx_packets = rxp;
	dev->stats.multicast = mc;
	dev->stats.tx_bytes = txb;
	dev->stats.tx_packets = txp;
	dev->stats.tx_errors = txe;
	dev->stats.tx_dropped = txd;
}

/*
 * The first three device lines are copied from /proc/net/dev of a Linux
 * machine (6.x), with the same counters set here; the eth0 line checks
 * which counters Linux adds up into one column.
 */
TEST(proc_net_dev_matches_linux_byte_for_byte)
{
	struct net_device *lo, *enp, *docker, *eth;
	struct rtnl_link_stats64 *s;

	netcore_reset();
	lo = named("lo");
	enp = named("enp6s0");
	docker = named("docker0");
	register_netdev(lo);
	register_netdev(enp);
	register_netdev(docker);
	eth = registered();
	set_counters(lo, 447897079, 7585865, 0, 447897079, 7585865, 0, 0);
	set_counters(enp, 15409598376ULL, 10794652, 10235, 606119989, 5658836, 5, 15);
	set_counters(docker, 16306, 214, 0, 593023, 1043, 0, 1);
	s = &eth->stats;
	set_counters(eth, 1000, 10, 12, 2000, 20, 4, 1);
	s->rx_errors = 3;
	s->rx_dropped = 2;
	s->rx_missed_errors = 5;    /* drop = dropped + missed (+ core) */
	eth->core_stats.rx_dropped = 1;
	eth->core_stats.tx_dropped = 1;
	s->rx_fifo_errors = 1;
	s->rx_length_errors = 1;    /* frame = length + over + crc + frame */
	s->rx_over_errors = 2;
	s->rx_crc_errors = 3;
	s->rx_frame_errors = 4;
	s->tx_fifo_errors = 6;
	s->collisions = 7;
	s->tx_carrier_errors = 1;   /* carrier = carrier + aborted + window + heartbeat */
	s->tx_aborted_errors = 1;
	s->tx_window_errors = 1;
	s->tx_heartbeat_errors = 1;

	dev_seq_show_all(text, sizeof(text));
	CHECK_STR(text,
		  "Inter-|   Receive                                                |  Transmit\n"
		  " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n"
		  "    lo: 447897079 7585865    0    0    0     0          0         0 447897079 7585865    0    0    0     0       0          0\n"
		  "enp6s0: 15409598376 10794652    0    0    0     0          0     10235 606119989 5658836    5   15    0     0       0          0\n"
		  "docker0:   16306     214    0    0    0     0          0         0   593023    1043    0    1    0     0       0          0\n"
		  "  eth0:    1000      10    3    8    1    10          0        12     2000      20    4    2    6     7       4          0\n");
	unregister_netdev(lo);
	unregister_netdev(enp);
	unregister_netdev(docker);
	free_netdev(lo);
	free_netdev(enp);
	free_netdev(docker);
	fake_nic_destroy(eth);
	CHECK_NO_LEAKS();
}

static void hw_stats(struct net_device *dev, struct rtnl_link_stats64 *s)
{
	s->rx_packets = 77;
	s->rx_bytes = 7700;
}

TEST(proc_net_dev_uses_the_drivers_get_stats64)
{
	static struct net_device_ops ops;
	struct net_device *dev;

	netcore_reset();
	dev = registered();
	ops = fake_ops;
	ops.ndo_get_stats64 = hw_stats;
	dev->netdev_ops = &ops;
	dev->stats.rx_packets = 1; /* ignored: the driver reports its own */
	dev->core_stats.rx_dropped = 2;
	dev_seq_show_all(text, sizeof(text));
	CHECK(strstr(text, "  eth0:    7700      77    0    2 ") != NULL);
	fake_nic_destroy(dev);
	CHECK_NO_LEAKS();
}

TEST(proc_net_dev_truncates_in_a_small_buffer)
{
	char small[50];

	netcore_reset();
	memset(small, 'x', sizeof(small));
	CHECK_EQ(dev_seq_show_all(small, 40), 39);
	CHECK_EQ(small[39], '\0');
	CHECK_EQ(small[40], 'x');
}

RUN_TESTS()
